package rules

import "github.com/cipro-ine/mpp/manuals"

// Criterion is one of the methodological criteria the CIPro's dictamen
// técnico reviews a manual against, with the rules that check it. Which
// rules the dictamen shows is declared here, not decided by its writer: the
// rules about the tool itself (ING-*, PER-001), about the acuerdo's drafting
// (ACU-*, the Dirección Jurídica's to certify) and about later stages or the
// dictamen's own formalities (FLU-001, FLU-003, FLU-005, FLU-006, XDOC-002)
// are not criteria of the manual.
//
// The Lineamientos' own article numbers for each criterion are not in this
// repository (only those the acuerdos quote are); Basis says what each
// criterion rests on as its rules cite it.
type Criterion struct {
	ID     string
	Nombre string
	Rules  []string
	// Needs are the files without which the criterion does not apply.
	Needs []string
}

var criteria = []Criterion{
	{ID: "codificacion", Nombre: "Codificación y estructura del proceso", Rules: []string{"COD-001", "COD-002", "COD-003", "COD-004", "COD-005"}, Needs: []string{manuals.FileManual}},
	{ID: "procedimientos", Nombre: "Procedimientos: reglas de operación, responsables y flujo de las actividades", Rules: []string{"MAN-005", "MAN-004", "MAN-009"}, Needs: []string{manuals.FileManual}},
	{ID: "riesgos", Nombre: "Riesgos valorados y elementos de control interno", Rules: []string{"MAN-006"}, Needs: []string{manuals.FileManual}},
	{ID: "claridad", Nombre: "Claridad: siglas definidas en el glosario", Rules: []string{"MAN-011"}, Needs: []string{manuals.FileManual}},
	{ID: "congruencia", Nombre: "Congruencia con el proyecto de acuerdo", Rules: []string{"XDOC-001"}, Needs: []string{manuals.FileManual, manuals.FileAcuerdo}},
	{ID: "observaciones", Nombre: "Atención de las observaciones de la CIPro", Rules: []string{"FLU-002"}, Needs: []string{manuals.FileDictamen}},
}

// Criteria lists the dictamen's criteria in order.
func Criteria() []Criterion { return criteria }

// Applies says whether the expediente has what the criterion needs.
func (c Criterion) Applies(e *manuals.Expediente) bool {
	for _, f := range c.Needs {
		switch f {
		case manuals.FileManual:
			if e.Manual == nil {
				return false
			}
		case manuals.FileAcuerdo:
			if e.Acuerdo == nil {
				return false
			}
		case manuals.FileDictamen:
			if e.Dictamen == nil {
				return false
			}
		}
	}
	return true
}
