package rules

var _ = register(&Rule{
	ID: "COD-002", Title: "Jerarquía de prefijos", Severity: Error,
	Basis: map[string]string{"*": "Sistema de codificación del Modelo de Gestión por Procesos"},
	Doc: `El código de un subproceso empieza con el código de su proceso (H.4.05 → H.4.05.1), y el de
un procedimiento con el de su subproceso (H.4.05.1 → H.4.05.1.01).`,
	Check: func(p *Pass) {
		refs, _ := expedienteCodes(p.Exp)
		for _, r := range refs {
			if r.Parent == "" || r.Code == "" {
				continue
			}
			if r.Code.Parent() != r.Parent {
				p.Report(r.File, r.Pos, "el código «%s» de %s no cuelga de «%s»", r.Code, r.What, r.Parent)
			}
		}
	},
})
