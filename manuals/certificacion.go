package manuals

// Certificacion is the Dirección Jurídica's certification of the legal
// content of the draft acuerdo (and, from 2022 on, of the draft manual).
type Certificacion struct {
	Pos                `yaml:"-"`
	Folio              string         `yaml:"folio"`
	Fecha              Date           `yaml:"fecha" mpp:"req"`
	Regimen            string         `yaml:"regimen,omitempty" doc:"Régimen de los Lineamientos conforme al cual se emite (id del perfil: 2020, 2022). Por omisión, el vigente en su fecha."`
	Alcance            []string       `yaml:"alcance" enum:"acuerdo,manual" doc:"Documentos que certifica: acuerdo, manual."`
	Firmante           Signer         `yaml:"firmante,omitempty"`
	Huellas            []Fingerprint  `yaml:"huellas,omitempty" doc:"Huellas SHA-256 del contenido certificado."`
	CamposIlustrativos []string       `yaml:"campos_ilustrativos,omitempty" doc:"Campos con datos ilustrativos (no constan en el acuerdo): se marcan así en todo documento."`
	Firma              *CertSignature `yaml:"firma,omitempty" doc:"Firma de la certificación con una clave de la Dirección Jurídica («mpp certificar --firmar»)."`
}

// CertSignature is a signature over a certificación's folio, fecha, alcance,
// firmante and huellas.
type CertSignature struct {
	Pos          `yaml:"-"`
	Algoritmo    string `yaml:"algoritmo" enum:"ed25519,ecdsa-sha256,rsa-pkcs1v15-sha256" doc:"Algoritmo de la firma."`
	ClavePublica string `yaml:"clave_publica" doc:"Clave pública de quien firmó (SPKI DER en base64)."`
	Certificado  string `yaml:"certificado,omitempty" doc:"Certificado X.509 de esa clave (DER en base64), si se dio: dice quién firmó."`
	Valor        string `yaml:"valor" doc:"La firma, en base64."`
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
