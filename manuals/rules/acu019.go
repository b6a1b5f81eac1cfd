package rules

import (
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "ACU-019", Title: "Punto de publicación completo", Severity: Error,
	Basis: map[string]string{"*": "Punto de publicación de los acuerdos de aprobación de manuales: NormaINE, Gaceta Electoral, portal de internet y extracto en el DOF con la liga electrónica del anexo"},
	Doc: `El punto de publicación ordena publicar el acuerdo en la NormaINE, en la Gaceta Electoral y en
el portal de internet del Instituto, y un extracto en el Diario Oficial de la Federación con la
liga electrónica para la ubicación del anexo.`,
	Check: func(p *Pass) {
		a := p.Exp.Acuerdo
		if a == nil {
			return
		}
		pt := a.PuntoOfKind(manuals.PuntoPublicacion)
		if pt == nil {
			return
		}
		var missing []string
		t := pt.Texto
		if !strings.Contains(t, "NormaINE") {
			missing = append(missing, "la NormaINE")
		}
		if !containsFold(t, "gaceta electoral") {
			missing = append(missing, "la Gaceta Electoral")
		}
		if !containsFold(t, "portal") {
			missing = append(missing, "el portal de internet")
		}
		if !containsFold(t, "extracto") || !(containsFold(t, "diario oficial de la federacion") || strings.Contains(t, "DOF")) {
			missing = append(missing, "un extracto en el Diario Oficial de la Federación")
		}
		if !(containsFold(t, "liga") || containsFold(t, "vinculo") || containsFold(t, "enlace")) {
			missing = append(missing, "la liga electrónica del anexo")
		}
		if len(missing) > 0 {
			p.Report(manuals.FileAcuerdo, pt.Pos, "el punto de publicación %s no menciona %s", pt.Ordinal, strings.Join(missing, ", "))
		}
	},
})

// containsFold is strings.Contains ignoring case and accents; sub must be
// folded already.
func containsFold(s, sub string) bool { return strings.Contains(manuals.Fold(s), sub) }
