package manuals

// Certificacion is the Dirección Jurídica's certification of the legal
// content of the draft acuerdo (and, from 2022 on, of the draft manual).
type Certificacion struct {
	Pos                `yaml:"-"`
	Folio              string        `yaml:"folio"`
	Fecha              Date          `yaml:"fecha" mpp:"req"`
	Alcance            []string      `yaml:"alcance" enum:"acuerdo,manual" doc:"Documentos que certifica: acuerdo, manual."`
	Firmante           Signer        `yaml:"firmante,omitempty"`
	Huellas            []Fingerprint `yaml:"huellas,omitempty" doc:"Huellas SHA-256 del contenido certificado."`
	CamposIlustrativos []string      `yaml:"campos_ilustrativos,omitempty" doc:"Campos con datos ilustrativos (no constan en el acuerdo): se marcan así en todo documento."`
}

// Fingerprint is the SHA-256 of a document's canonical form.
type Fingerprint struct {
	Pos       `yaml:"-"`
	Documento string `yaml:"documento" enum:"acuerdo,manual"`
	SHA256    string `yaml:"sha256"`
}

// Covers reports whether the certification's scope includes doc.
func (c *Certificacion) Covers(doc string) bool {
	for _, a := range c.Alcance {
		if a == doc {
			return true
		}
	}
	return false
}
