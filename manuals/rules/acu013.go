package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-013", Title: "Número declarado de subprocesos y procedimientos", Severity: Error,
	Basis: map[string]string{"*": "Congruencia interna del considerando del proceso"},
	Doc: `La frase «El proceso se conforma por N subprocesos y M procedimientos» coincide con la tabla
Subproceso | Procedimientos que la sigue: N subprocesos y M procedimientos en total.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		pr := a.Proceso
		nsub, nproc := len(pr.Subprocesos), 0
		for _, s := range pr.Subprocesos {
			nproc += len(s.Procedimientos)
		}
		if pr.SubprocesosDeclarados == 0 && pr.ProcedimientosDeclarados == 0 {
			if nsub > 0 {
				p.Report(manuals.FileAcuerdo, pr.Pos, "el considerando del proceso lista %d subprocesos y %d procedimientos, pero no declara cuántos son («se conforma por N subprocesos y M procedimientos»)", nsub, nproc)
			}
			return
		}
		if pr.SubprocesosDeclarados != nsub || pr.ProcedimientosDeclarados != nproc {
			p.Report(manuals.FileAcuerdo, pr.Pos.Key("subprocesos_declarados"), "el acuerdo dice que el proceso se conforma por %d subprocesos y %d procedimientos, pero la tabla lista %d y %d", pr.SubprocesosDeclarados, pr.ProcedimientosDeclarados, nsub, nproc)
		}
	},
})
