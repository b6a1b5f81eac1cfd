package rules

import (
	"regexp"

	"github.com/cipro-ine/mpp/manuals"
)

var codeGrammar = map[int]*regexp.Regexp{
	manuals.LevelProceso:       regexp.MustCompile(`^[A-Z]\.\d\.\d{2}$`),
	manuals.LevelSubproceso:    regexp.MustCompile(`^[A-Z]\.\d\.\d{2}\.\d$`),
	manuals.LevelProcedimiento: regexp.MustCompile(`^[A-Z]\.\d\.\d{2}\.\d\.\d{2}$`),
}

var codeExample = map[int]string{
	manuals.LevelProceso:       "H.4.05",
	manuals.LevelSubproceso:    "H.4.05.1",
	manuals.LevelProcedimiento: "H.4.05.1.01",
}

var _ = register(&Rule{
	ID: "COD-001", Title: "Gramática del código", Severity: Error,
	Basis: map[string]string{"*": "Sistema de codificación del Modelo de Gestión por Procesos: L.d.dd (proceso), L.d.dd.d (subproceso), L.d.dd.d.dd (procedimiento)"},
	Doc: `Un código de proceso es una letra mayúscula, un dígito y dos dígitos (H.4.05); el de un
subproceso añade un dígito (H.4.05.1); el de un procedimiento, dos dígitos más (H.4.05.1.01).
Cada código tiene el nivel que exige su lugar.`,
	Check: func(p *Pass) {
		refs, _ := expedienteCodes(p.Exp)
		for _, r := range refs {
			if r.Code == "" {
				continue
			}
			if !codeGrammar[r.Level].MatchString(string(r.Code)) {
				p.Report(r.File, r.Pos, "el código «%s» de %s no sigue la forma %s", r.Code, r.What, codeExample[r.Level])
			}
		}
	},
})
