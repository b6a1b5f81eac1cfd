package manuals

// Manual is a Manual de Proceso y Procedimientos.
type Manual struct {
	Pos                   `yaml:"-"`
	DatosGenerales        GeneralData     `yaml:"datos_generales" mpp:"req"`
	Objetivo              string          `yaml:"objetivo"`
	Alcance               string          `yaml:"alcance,omitempty"`
	MarcoNormativo        []string        `yaml:"marco_normativo,omitempty"`
	Glosario              []GlossaryEntry `yaml:"glosario,omitempty"`
	Roles                 []Role          `yaml:"roles,omitempty" doc:"Catálogo de roles/puestos que intervienen."`
	Subprocesos           []Subprocess    `yaml:"subprocesos,omitempty"`
	ControlCambios        []Change        `yaml:"control_cambios,omitempty"`
	Firmas                ManualSignoff   `yaml:"firmas,omitempty"`
	SeccionesIlustrativas []string        `yaml:"secciones_ilustrativas,omitempty" doc:"Secciones completadas con contenido ilustrativo (no provienen del acuerdo): se marcan así en todo documento."`
	Notas                 []string        `yaml:"notas,omitempty" doc:"Notas de importación (p. ej., elementos de un BPMN que mpp no modela); fuera de la huella."`
}

// GeneralData is the manual's identification.
type GeneralData struct {
	Pos              `yaml:"-"`
	Nombre           string   `yaml:"nombre" mpp:"req"`
	Codigo           Code     `yaml:"codigo" mpp:"req"`
	Version          string   `yaml:"version,omitempty"`
	Fecha            Date     `yaml:"fecha,omitempty"`
	URDuena          string   `yaml:"ur_duena" doc:"Unidad responsable dueña del proceso (sigla)."`
	URsParticipantes []string `yaml:"urs_participantes,omitempty"`
	Macroproceso     string   `yaml:"macroproceso,omitempty"`
}

// Role is an entry of the catálogo de roles/puestos.
type Role struct {
	Pos         `yaml:"-"`
	Nombre      string `yaml:"nombre" mpp:"req" doc:"Nombre del rol, tal como lo usan las actividades."`
	Puesto      string `yaml:"puesto,omitempty"`
	UR          string `yaml:"ur,omitempty"`
	Descripcion string `yaml:"descripcion,omitempty"`
	Ilustrativo bool   `yaml:"ilustrativo,omitempty"`
}

// Subprocess groups procedures.
type Subprocess struct {
	Pos            `yaml:"-"`
	Codigo         Code        `yaml:"codigo" mpp:"req"`
	Nombre         string      `yaml:"nombre" mpp:"req"`
	Objetivo       string      `yaml:"objetivo,omitempty"`
	Procedimientos []Procedure `yaml:"procedimientos,omitempty"`
}

// Procedure is one procedimiento with its activities.
type Procedure struct {
	Pos             `yaml:"-"`
	Codigo          Code        `yaml:"codigo" mpp:"req"`
	Nombre          string      `yaml:"nombre" mpp:"req"`
	Objetivo        string      `yaml:"objetivo"`
	Alcance         string      `yaml:"alcance,omitempty"`
	ReglasOperacion []string    `yaml:"reglas_operacion,omitempty"`
	Actividades     []Activity  `yaml:"actividades,omitempty"`
	Controles       []Control   `yaml:"controles,omitempty"`
	Riesgos         []Risk      `yaml:"riesgos,omitempty"`
	Indicadores     []Indicator `yaml:"indicadores,omitempty"`
	Ilustrativo     bool        `yaml:"ilustrativo,omitempty" doc:"Reglas, actividades, controles, riesgos e indicadores de este procedimiento son ilustrativos."`
}

// Activity is one row of a procedure's activity table. Without siguiente,
// fin or decision the flow goes on to the next activity in the list.
type Activity struct {
	Pos         `yaml:"-"`
	Numero      int       `yaml:"numero" mpp:"req"`
	Descripcion string    `yaml:"descripcion" mpp:"req"`
	Responsable string    `yaml:"responsable" mpp:"req" doc:"Rol del catálogo de roles."`
	Insumos     []string  `yaml:"insumos,omitempty"`
	Salidas     []string  `yaml:"salidas,omitempty"`
	Sistema     string    `yaml:"sistema,omitempty"`
	Formatos    []string  `yaml:"formatos,omitempty"`
	Siguiente   int       `yaml:"siguiente,omitempty" doc:"Número de la actividad siguiente, si no es la que sigue en la lista."`
	Fin         bool      `yaml:"fin,omitempty" doc:"La actividad termina el procedimiento."`
	Decision    *Decision `yaml:"decision,omitempty"`
}

// Decision is a gateway with labelled exits.
type Decision struct {
	Pos      `yaml:"-"`
	Pregunta string `yaml:"pregunta"`
	Salidas  []Exit `yaml:"salidas"`
}

// Exit is one labelled branch of a decision.
type Exit struct {
	Pos       `yaml:"-"`
	Condicion string `yaml:"condicion" mpp:"req" doc:"Etiqueta de la salida: «Sí», «No», …"`
	Siguiente int    `yaml:"siguiente,omitempty"`
	Fin       bool   `yaml:"fin,omitempty"`
}

// Control is an internal control of a procedure.
type Control struct {
	Pos         `yaml:"-"`
	ID          string `yaml:"id" mpp:"req"`
	Descripcion string `yaml:"descripcion"`
	Tipo        string `yaml:"tipo,omitempty" enum:"preventivo,detectivo,correctivo"`
	Actividad   int    `yaml:"actividad,omitempty" doc:"Actividad en la que se ejerce."`
}

// Risk is a risk of a procedure and the controls that treat it.
type Risk struct {
	Pos          `yaml:"-"`
	ID           string   `yaml:"id" mpp:"req"`
	Descripcion  string   `yaml:"descripcion"`
	Impacto      int      `yaml:"impacto" doc:"Valor en la escala del perfil (1 a 5)."`
	Probabilidad int      `yaml:"probabilidad" doc:"Valor en la escala del perfil (1 a 5)."`
	Controles    []string `yaml:"controles,omitempty" doc:"ID de los controles que lo tratan."`
}

// Indicator measures a procedure.
type Indicator struct {
	Pos        `yaml:"-"`
	Nombre     string `yaml:"nombre" mpp:"req"`
	Formula    string `yaml:"formula,omitempty"`
	Frecuencia string `yaml:"frecuencia,omitempty"`
	Meta       string `yaml:"meta,omitempty"`
}

// Change is a row of the control de cambios.
type Change struct {
	Pos         `yaml:"-"`
	Version     string `yaml:"version"`
	Fecha       Date   `yaml:"fecha"`
	Descripcion string `yaml:"descripcion"`
	Responsable string `yaml:"responsable,omitempty"`
}

// ManualSignoff is the hoja de identificación de firmas.
type ManualSignoff struct {
	Pos     `yaml:"-"`
	Elaboro []Signer `yaml:"elaboro,omitempty"`
	Reviso  []Signer `yaml:"reviso,omitempty"`
	Valido  []Signer `yaml:"valido,omitempty"`
}

// Signer is a person who signs, by name and post.
type Signer struct {
	Pos         `yaml:"-"`
	Nombre      string `yaml:"nombre"`
	Puesto      string `yaml:"puesto"`
	Cargo       string `yaml:"cargo,omitempty" doc:"Clave del cargo en el perfil (DEA, CIPRO, SPCI, SI), cuando aplica."`
	Ilustrativo bool   `yaml:"ilustrativo,omitempty"`
}

// Procedures lists every procedure, in order.
func (m *Manual) Procedures() []*Procedure {
	var out []*Procedure
	for si := range m.Subprocesos {
		for pi := range m.Subprocesos[si].Procedimientos {
			out = append(out, &m.Subprocesos[si].Procedimientos[pi])
		}
	}
	return out
}

// Role returns the role with that name, or nil.
func (m *Manual) Role(name string) *Role {
	for i := range m.Roles {
		if m.Roles[i].Nombre == name {
			return &m.Roles[i]
		}
	}
	return nil
}
