package rules

import (
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ING-002", Title: "Sección obligatoria del acuerdo que la ingesta no encontró", Severity: Error,
	Basis: map[string]string{"*": "Integridad de la ingesta: un acuerdo aprobado tiene glosario, antecedentes, considerandos (uno del proceso), puntos de acuerdo y votación"},
	Doc: `Un acuerdo leído de su texto («mpp ingest»: tiene «origen») al que le falta una de las secciones
que todo acuerdo aprobado tiene: el glosario, los antecedentes, los considerandos, el considerando
que describe el proceso, los puntos de acuerdo o el párrafo de la votación. Lo más probable es que
la lectura no reconoció el encabezado de la sección (y su texto quedó en otra o en
«sin_clasificar»); revise el texto fuente. Un acuerdo escrito a mano (sin «origen»), como el
proyecto antes de la sesión, no se revisa aquí.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil || a.Origen == nil {
			return
		}
		if missing := a.MissingSections(); len(missing) > 0 {
			p.Report(manuals.FileAcuerdo, a.Pos.Key("origen"), "la ingesta no encontró: %s", strings.Join(missing, ", "))
		}
	},
})
