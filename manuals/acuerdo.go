package manuals

import "strings"

// Acuerdo is a JGE acuerdo approving a manual, as approved (or as drafted).
type Acuerdo struct {
	Pos           `yaml:"-"`
	Codigo        string              `yaml:"codigo" mpp:"req" doc:"Identificador del acuerdo, p. ej. INE/JGE248/2022."`
	Organo        string              `yaml:"organo,omitempty" doc:"Órgano que lo emite: Junta General Ejecutiva."`
	Titulo        string              `yaml:"titulo" doc:"Título completo, como aparece en el acuerdo."`
	Sesion        Session             `yaml:"sesion" doc:"Sesión en la que se aprobó."`
	Glosario      []GlossaryEntry     `yaml:"glosario,omitempty" doc:"Glosario en el orden del acuerdo."`
	Antecedentes  []Antecedente       `yaml:"antecedentes,omitempty"`
	Considerandos []ConsiderandoGroup `yaml:"considerandos,omitempty" doc:"Grupos PRIMERO, SEGUNDO, TERCERO con sus considerandos numerados."`
	Proceso       ApprovedProcess     `yaml:"proceso" doc:"El proceso que se aprueba, según su considerando."`
	Dictamen      CitedDictamen       `yaml:"dictamen,omitempty" doc:"El dictamen técnico que cita el acuerdo."`
	Formula       string              `yaml:"formula,omitempty" doc:"Fórmula que precede a los puntos de acuerdo."`
	Puntos        []Punto             `yaml:"puntos,omitempty" doc:"Puntos de acuerdo, en orden."`
	Votacion      Vote                `yaml:"votacion,omitempty" doc:"Párrafo de votación."`
	Firmas        []Signature         `yaml:"firmas,omitempty"`
	NotasAlPie    []Footnote          `yaml:"notas_al_pie,omitempty" doc:"Notas al pie del acuerdo, en orden; su llamada se quitó del párrafo que la cita."`
	Publicacion   *Publication        `yaml:"publicacion,omitempty" doc:"Datos de publicación: extracto en el DOF y ligas al anexo."`
	Correcciones  []Correction        `yaml:"correcciones,omitempty" doc:"Correcciones hechas al texto fuente (errores de OCR), con el original."`
	RevisionOCR   []DoubtfulWord      `yaml:"revision_ocr,omitempty" doc:"Palabras del escaneo que una persona debe revisar: confianza baja del OCR o corrección del léxico."`
	Notas         []string            `yaml:"notas,omitempty" doc:"Notas de transcripción o de ingesta."`
	SinClasificar []Fragment          `yaml:"sin_clasificar,omitempty" doc:"Texto fuente que la ingesta no pudo ubicar, con sus líneas: nada se pierde."`
	Origen        *Source             `yaml:"origen,omitempty" doc:"Líneas del texto fuente que ocupa el acuerdo completo."`
}

// Session is the JGE session an acuerdo was approved in.
type Session struct {
	Pos   `yaml:"-"`
	Tipo  string `yaml:"tipo,omitempty" enum:"ordinaria,extraordinaria" doc:"ordinaria o extraordinaria."`
	Fecha Date   `yaml:"fecha,omitempty"`
}

// GlossaryEntry is one line of a glosario. Sigla may name several
// alternatives separated by "/" (INE/Instituto).
type GlossaryEntry struct {
	Pos        `yaml:"-"`
	Sigla      string  `yaml:"sigla" mpp:"req" doc:"Sigla o término definido; alternativas separadas por «/» (INE/Instituto)."`
	Definicion string  `yaml:"definicion" mpp:"req"`
	Origen     *Source `yaml:"origen,omitempty"`
}

// Terms splits a glosario sigla into its alternatives.
func (g GlossaryEntry) Terms() []string { return splitTerms(g.Sigla) }

// ListItem is one item of a list quoted inside a paragraph (a., b.; 1., 2.).
type ListItem struct {
	Pos      `yaml:"-"`
	Etiqueta string `yaml:"etiqueta" doc:"Etiqueta tal como aparece: «a.», «1.», «t)»."`
	Texto    string `yaml:"texto"`
}

// Paragraphs is the body shared by antecedentes and considerandos: text (blank
// lines separate paragraphs), an optional quoted list, text after the list.
type Paragraphs struct {
	Texto      string     `yaml:"texto" doc:"Texto; una línea en blanco separa párrafos."`
	Lista      []ListItem `yaml:"lista,omitempty" doc:"Lista citada dentro del párrafo; no cuenta como considerandos."`
	TextoFinal string     `yaml:"texto_final,omitempty" doc:"Texto que sigue a la lista."`
}

// AllText is the body as one string, list included.
func (p Paragraphs) AllText() string {
	s := p.Texto
	for _, it := range p.Lista {
		s += "\n" + it.Etiqueta + " " + it.Texto
	}
	if p.TextoFinal != "" {
		s += "\n\n" + p.TextoFinal
	}
	return s
}

// Antecedente is one Roman-numbered antecedent.
type Antecedente struct {
	Pos        `yaml:"-"`
	Romano     string `yaml:"romano" mpp:"req" doc:"Número romano: I, II, …"`
	Fechas     []Date `yaml:"fechas,omitempty" doc:"Fechas que cita, en orden; la primera es la del hecho que narra."`
	Paragraphs `yaml:",inline"`
	Acuerdos   []string `yaml:"acuerdos,omitempty" doc:"Acuerdos que cita (INE/CG870/2016, …)."`
	Origen     *Source  `yaml:"origen,omitempty"`
}

// EventDate is the date of the fact an antecedente narrates: the first it
// cites (zero if none).
func (a Antecedente) EventDate() Date {
	if len(a.Fechas) == 0 {
		return Date{}
	}
	return a.Fechas[0]
}

// ConsiderandoGroup is PRIMERO. Competencia., SEGUNDO. …, TERCERO. ….
type ConsiderandoGroup struct {
	Pos           `yaml:"-"`
	Ordinal       string         `yaml:"ordinal" mpp:"req" doc:"PRIMERO, SEGUNDO, TERCERO."`
	Titulo        string         `yaml:"titulo"`
	Considerandos []Considerando `yaml:"considerandos"`
	Origen        *Source        `yaml:"origen,omitempty"`
}

// Considerando is one numbered paragraph; numbering runs across groups.
type Considerando struct {
	Pos        `yaml:"-"`
	Numero     int `yaml:"numero" mpp:"req"`
	Paragraphs `yaml:",inline"`
	Origen     *Source `yaml:"origen,omitempty"`
}

// ApprovedProcess is what the process considerando states.
type ApprovedProcess struct {
	Pos                      `yaml:"-"`
	Codigo                   Code                 `yaml:"codigo"`
	Nombre                   string               `yaml:"nombre"`
	UR                       string               `yaml:"ur" doc:"Unidad responsable que lo ejecuta (sigla del glosario)."`
	Objetivo                 string               `yaml:"objetivo"`
	Considerando             int                  `yaml:"considerando,omitempty" doc:"Número del considerando que describe el proceso."`
	SubprocesosDeclarados    int                  `yaml:"subprocesos_declarados,omitempty" doc:"N de «se conforma por N subprocesos y M procedimientos»."`
	ProcedimientosDeclarados int                  `yaml:"procedimientos_declarados,omitempty" doc:"M de «se conforma por N subprocesos y M procedimientos»."`
	Subprocesos              []ListedSubprocess   `yaml:"subprocesos,omitempty" doc:"Tabla Subproceso | Procedimientos."`
	Objetivos                []ProcedureObjective `yaml:"objetivos_procedimientos,omitempty" doc:"Un párrafo «El procedimiento … tiene como objetivo …» por procedimiento."`
	Origen                   *Source              `yaml:"origen,omitempty" doc:"Líneas del considerando del proceso en el texto fuente."`
}

// ListedSubprocess is a row of the Subproceso | Procedimientos table.
type ListedSubprocess struct {
	Pos            `yaml:"-"`
	Codigo         Code              `yaml:"codigo"`
	Nombre         string            `yaml:"nombre"`
	Procedimientos []ListedProcedure `yaml:"procedimientos"`
}

// ListedProcedure is a procedure named in the table.
type ListedProcedure struct {
	Pos    `yaml:"-"`
	Codigo Code   `yaml:"codigo"`
	Nombre string `yaml:"nombre"`
}

// ProcedureObjective is one "El procedimiento X, tiene como objetivo …" paragraph.
type ProcedureObjective struct {
	Pos      `yaml:"-"`
	Codigo   Code    `yaml:"codigo"`
	Nombre   string  `yaml:"nombre"`
	Objetivo string  `yaml:"objetivo"`
	Origen   *Source `yaml:"origen,omitempty"`
}

// CitedDictamen is the dictamen considerando.
type CitedDictamen struct {
	Pos          `yaml:"-"`
	Fecha        Date    `yaml:"fecha"`
	Emisor       string  `yaml:"emisor,omitempty" doc:"Quién lo emite (la DEA)."`
	Articulos    string  `yaml:"articulos,omitempty" doc:"Artículos de los Lineamientos que cita."`
	Considerando int     `yaml:"considerando,omitempty"`
	Origen       *Source `yaml:"origen,omitempty"`
}

// Punto is one punto de acuerdo.
type Punto struct {
	Pos     `yaml:"-"`
	Ordinal string  `yaml:"ordinal" mpp:"req" doc:"PRIMERO, SEGUNDO, …, DÉCIMO PRIMERO, …"`
	Texto   string  `yaml:"texto" mpp:"req"`
	Origen  *Source `yaml:"origen,omitempty"`
}

// Vote is the closing vote paragraph.
type Vote struct {
	Pos        `yaml:"-"`
	Texto      string   `yaml:"texto,omitempty" doc:"El párrafo de votación tal como está en el acuerdo."`
	TipoSesion string   `yaml:"tipo_sesion,omitempty" enum:"ordinaria,extraordinaria"`
	Fecha      Date     `yaml:"fecha,omitempty" doc:"Fecha que da el párrafo de votación."`
	Tipo       string   `yaml:"tipo,omitempty" enum:"unanime,mayoria" doc:"unanime o mayoria."`
	AFavor     []Voter  `yaml:"a_favor,omitempty"`
	EnContra   []Voter  `yaml:"en_contra,omitempty"`
	Ausentes   []Absent `yaml:"ausentes,omitempty"`
	Origen     *Source  `yaml:"origen,omitempty"`
}

// Voter is a member of the JGE who voted.
type Voter struct {
	Pos         `yaml:"-"`
	Cargo       string `yaml:"cargo" mpp:"req" doc:"Clave del cargo en el perfil (PC, SE, DERFE, DEPPP, …)."`
	Nombre      string `yaml:"nombre"`
	Tratamiento string `yaml:"tratamiento,omitempty" doc:"Licenciada, Maestro, Doctor, …"`
	Calidad     string `yaml:"calidad,omitempty" doc:"p. ej. «encargada del Despacho»."`
}

// Absent is a member who was not present.
type Absent struct {
	Voter   `yaml:",inline"`
	Momento string `yaml:"momento" enum:"votacion,sesion" doc:"votacion: no estuvo durante la votación; sesion: no estuvo durante la sesión."`
}

// Signature is one signature block.
type Signature struct {
	Pos    `yaml:"-"`
	Cargo  string  `yaml:"cargo"`
	Nombre string  `yaml:"nombre"`
	Origen *Source `yaml:"origen,omitempty" doc:"Líneas del cargo y del nombre en el texto fuente."`
}

// Publication is how the acuerdo is published: the DOF extract's date and
// section, and the links where the annex can be found.
type Publication struct {
	Pos                   `yaml:"-"`
	FechaDOF              Date     `yaml:"fecha_dof,omitempty" doc:"Fecha de publicación del extracto en el DOF."`
	SeccionDOF            string   `yaml:"seccion_dof,omitempty" doc:"Sección del DOF, p. ej. «Primera Sección»."`
	Ligas                 []string `yaml:"ligas,omitempty" doc:"Ligas electrónicas para la ubicación del anexo."`
	ConsiderandosExtracto []int    `yaml:"considerandos_extracto,omitempty" doc:"Considerandos que el extracto conserva (por omisión, el del proceso)."`
	Ilustrativo           bool     `yaml:"ilustrativo,omitempty"`
}

// Footnote is a footnote of the acuerdo.
type Footnote struct {
	Pos    `yaml:"-"`
	Numero int    `yaml:"numero" mpp:"req"`
	Texto  string `yaml:"texto" mpp:"req"`
	// Pagina is the page the note is printed on (0 when the text has no
	// pages).
	Pagina int     `yaml:"pagina,omitempty"`
	Origen *Source `yaml:"origen,omitempty"`
}

// Fragment is source text that could not be placed in the structure.
type Fragment struct {
	Pos    `yaml:"-"`
	Texto  string  `yaml:"texto"`
	Origen *Source `yaml:"origen,omitempty"`
}

// Correction records a change made to the source text.
type Correction struct {
	Pos       `yaml:"-"`
	Original  string  `yaml:"original" mpp:"req"`
	Corregido string  `yaml:"corregido" mpp:"req"`
	Ubicacion string  `yaml:"ubicacion,omitempty" doc:"Dónde: «punto SÉPTIMO», «considerando 36»."`
	Motivo    string  `yaml:"motivo,omitempty"`
	Origen    *Source `yaml:"origen,omitempty"`
}

// DoubtfulWord is a word of a scanned acuerdo that OCR read with low
// confidence or that the lexicon would correct: the review list.
type DoubtfulWord struct {
	Pos        `yaml:"-"`
	Pagina     int     `yaml:"pagina" mpp:"req" doc:"Página del escaneo, desde 1."`
	Renglon    int     `yaml:"renglon" mpp:"req" doc:"Renglón de la página, desde 1."`
	Palabra    string  `yaml:"palabra" mpp:"req" doc:"La palabra como la leyó el OCR."`
	Confianza  float64 `yaml:"confianza" doc:"Confianza del OCR, de 0 a 100."`
	Sugerencia string  `yaml:"sugerencia,omitempty" doc:"La corrección que propone el léxico, si la hay."`
}

// AllConsiderandos flattens the groups, in order.
func (a *Acuerdo) AllConsiderandos() []*Considerando {
	var out []*Considerando
	for gi := range a.Considerandos {
		for ci := range a.Considerandos[gi].Considerandos {
			out = append(out, &a.Considerandos[gi].Considerandos[ci])
		}
	}
	return out
}

// Considerando returns the considerando with number n, or nil.
func (a *Acuerdo) Considerando(n int) *Considerando {
	for _, c := range a.AllConsiderandos() {
		if c.Numero == n {
			return c
		}
	}
	return nil
}

// MissingSections names the sections every approved acuerdo has that a
// has not (ING-002, and «mpp ingest»'s exit 3).
func (a *Acuerdo) MissingSections() []string {
	var out []string
	if a.Codigo == "" {
		out = append(out, "código del acuerdo")
	}
	if len(a.Glosario) == 0 {
		out = append(out, "glosario")
	}
	if len(a.Antecedentes) == 0 {
		out = append(out, "antecedentes")
	}
	if len(a.AllConsiderandos()) == 0 {
		out = append(out, "considerandos")
	}
	if a.Proceso.Codigo == "" {
		out = append(out, "considerando del proceso")
	}
	if len(a.Puntos) == 0 {
		out = append(out, "puntos de acuerdo")
	}
	if strings.TrimSpace(a.Votacion.Texto) == "" {
		out = append(out, "votación")
	}
	return out
}
