package manuals

// Dictamen is CIPro's dictamen técnico on a manual.
type Dictamen struct {
	Pos                `yaml:"-"`
	Folio              string   `yaml:"folio"`
	Fecha              Date     `yaml:"fecha" mpp:"req"`
	Regimen            string   `yaml:"regimen,omitempty" doc:"Régimen de los Lineamientos conforme al cual se emite (id del perfil: 2020, 2022). Por omisión, el vigente en su fecha."`
	VersionManual      string   `yaml:"version_manual,omitempty"`
	Rondas             []Round  `yaml:"rondas,omitempty" doc:"Rondas de observaciones de la CIPro a la UR."`
	Resultado          string   `yaml:"resultado" enum:"favorable,no_favorable"`
	Mejora             bool     `yaml:"mejora,omitempty" doc:"El manual incorpora una mejora en el proceso (firma entonces la Subdirección de Innovación)."`
	Firmantes          []Signer `yaml:"firmantes,omitempty"`
	CamposIlustrativos []string `yaml:"campos_ilustrativos,omitempty" doc:"Campos con datos ilustrativos (no constan en el acuerdo): se marcan así en todo documento."`
}

// Round is one round of observations.
type Round struct {
	Pos           `yaml:"-"`
	Numero        int    `yaml:"numero"`
	Fecha         Date   `yaml:"fecha" doc:"Fecha en que la CIPro comunicó las observaciones."`
	Observaciones int    `yaml:"observaciones,omitempty" doc:"Número de observaciones."`
	Estado        string `yaml:"estado" enum:"abierta,atendida" doc:"abierta: la UR no ha atendido las observaciones."`
	FechaAtencion Date   `yaml:"fecha_atencion,omitempty" doc:"Fecha en que la UR las atendió."`
}

// Favorable reports whether the dictamen approves the manual.
func (d *Dictamen) Favorable() bool { return d.Resultado == "favorable" }
