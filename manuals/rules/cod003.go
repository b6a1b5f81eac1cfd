package rules

import (
	"strconv"
)

var _ = register(&Rule{
	ID: "COD-003", Title: "Numeración consecutiva de códigos", Severity: Error,
	Basis: map[string]string{"*": "Sistema de codificación del Modelo de Gestión por Procesos"},
	Doc: `Los subprocesos de un proceso se numeran 1, 2, 3… y los procedimientos de un subproceso 01,
02, 03…, en orden y sin saltos ni repeticiones.`,
	Check: func(p *Pass) {
		_, groups := expedienteCodes(p.Exp)
		for _, g := range groups {
			for i, m := range g.Members {
				n, err := strconv.Atoi(m.Code.Last())
				if err != nil || m.Code == "" {
					continue
				}
				if n != i+1 {
					p.Report(m.File, m.Pos, "«%s» es el %s %d de %s, así que su número debería ser %d, no %d", m.Code, g.Noun[:len(g.Noun)-1], i+1, g.Owner.Code, i+1, n)
					break
				}
			}
		}
	},
})
