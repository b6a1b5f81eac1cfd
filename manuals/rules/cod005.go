package rules

var _ = register(&Rule{
	ID: "COD-005", Title: "Ningún nivel vacío", Severity: Error,
	Basis: map[string]string{"*": "Modelo de Gestión por Procesos: un proceso se desagrega en subprocesos y estos en procedimientos"},
	Doc: `Un proceso tiene al menos un subproceso y cada subproceso al menos un procedimiento, tanto en
el manual como en la tabla del acuerdo.`,
	Check: func(p *Pass) {
		_, groups := expedienteCodes(p.Exp)
		for _, g := range groups {
			if len(g.Members) == 0 {
				p.Report(g.Owner.File, g.Owner.Pos, "%s %s no tiene %s", g.Owner.What, g.Owner.Code, g.Noun)
			}
		}
	},
})
