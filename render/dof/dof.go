// Package dof decides what the extract of an acuerdo for the Diario Oficial
// de la Federación keeps and writes it as blocks, for the PDF preview
// (render/pdf) and the Word file the DOF takes (render/docx) alike.
package dof

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/render/blocks"
)

// DOFOptions say when and where the extract is published and what it keeps.
// Zero values fall back to the acuerdo's publicacion section.
type Options struct {
	Fecha         manuals.Date
	Seccion       string // "Primera Sección"
	Ligas         []string
	Considerandos []int  // kept with their numbers; default: the process considerando
	Lugar         string // where the extract is signed; default "Ciudad de México"
}

type dofCons struct {
	Numero       int
	Texto        string
	ElisionAntes bool
	Proceso      *manuals.ApprovedProcess
}

type dofData struct {
	Codigo, Frase, TituloMayusculas string
	// Glosario: the entries the kept text uses (its siglas and defined
	// terms), so that the extract reads on its own; GlosarioOmitido: some
	// entries were left out.
	Glosario          []manuals.GlossaryEntry
	GlosarioOmitido   bool
	Considerandos     []dofCons
	ElisionFinal      bool
	Puntos            []manuals.Punto
	Votacion          string
	Lugar, FechaFirma string
	Firmas            []manuals.Signature
	Ligas             []string
	Ilustrativo       bool
}

// Extract is the extract's content, ready for a writer: its blocks (from
// templates/dof.pdf.tmpl) and what the document says about itself.
type Extract struct {
	Blocks                   []blocks.Block
	Codigo                   string
	Title, Subject, Keywords string
	Fecha                    manuals.Date // of publication in the DOF
	Seccion                  string
	Acuerdo                  *manuals.Acuerdo
}

// Running is the preview's running head: what it is and when it is to be
// published (the DOF sets its own masthead and page numbers).
func (x *Extract) Running() string {
	return "Extracto para el Diario Oficial de la Federación (vista previa; publicación: " + LongDateWithDay(x.Fecha) + ", " + x.Seccion + ")"
}

// Build decides what the extract of a keeps and writes it as blocks: the
// issuer heading, the title in sentence and in capitals, the seal line, the
// glosario entries the kept text uses, antecedentes and omitted
// considerandos as [...], the process considerando with its number, every
// punto, the vote, the signatures and the annex's link. tpl, when not nil,
// replaces the embedded templates.
func Build(a *manuals.Acuerdo, o Options, tpl fs.FS) (*Extract, error) {
	illustrative := false
	if p := a.Publicacion; p != nil {
		illustrative = p.Ilustrativo
		if o.Fecha.IsZero() {
			o.Fecha = p.FechaDOF
		}
		if o.Seccion == "" {
			o.Seccion = p.SeccionDOF
		}
		if len(o.Ligas) == 0 {
			o.Ligas = p.Ligas
		}
		if len(o.Considerandos) == 0 {
			o.Considerandos = p.ConsiderandosExtracto
		}
	}
	if o.Fecha.IsZero() {
		return nil, fmt.Errorf("falta la fecha de publicación en el DOF (--fecha-dof o publicacion.fecha_dof)")
	}
	for _, l := range o.Ligas {
		if !blocks.WebLink(l) {
			return nil, fmt.Errorf("la liga «%s» no es una dirección web (http:// o https://): el extracto sólo enlaza direcciones web", l)
		}
	}
	if len(o.Ligas) == 0 {
		return nil, fmt.Errorf("falta la liga electrónica del anexo (--liga o publicacion.ligas): el punto de publicación la exige")
	}
	if o.Seccion == "" {
		o.Seccion = "Primera Sección"
	}
	if o.Lugar == "" {
		o.Lugar = "Ciudad de México"
	}
	if len(o.Considerandos) == 0 && a.Proceso.Considerando != 0 {
		o.Considerandos = []int{a.Proceso.Considerando}
	}
	data := dofData{
		Codigo: a.Codigo, Frase: sentencePhrase(a), TituloMayusculas: strings.TrimPrefix(strings.ToUpper(a.Titulo), "ACUERDO "),
		Puntos: a.Puntos, Votacion: a.Votacion.Texto, Lugar: o.Lugar, FechaFirma: a.Sesion.Fecha.Long(), Ligas: o.Ligas,
		Ilustrativo: illustrative,
	}
	data.TituloMayusculas = "ACUERDO " + data.TituloMayusculas
	keep := map[int]bool{}
	for _, n := range o.Considerandos {
		keep[n] = true
	}
	all := a.AllConsiderandos()
	last := 0
	for i, c := range all {
		if !keep[c.Numero] {
			continue
		}
		// Elide what was skipped since the previous kept considerando.
		dc := dofCons{Numero: c.Numero, Texto: c.AllText(), ElisionAntes: i > last}
		if c.Numero == a.Proceso.Considerando {
			pr := a.Proceso
			dc.Proceso = &pr
		}
		data.Considerandos = append(data.Considerandos, dc)
		last = i + 1
	}
	for _, n := range o.Considerandos {
		if a.Considerando(n) == nil {
			return nil, fmt.Errorf("el acuerdo no tiene considerando %d", n)
		}
	}
	data.ElisionFinal = last < len(all)
	// The glosario entries the kept text uses.
	var kept strings.Builder
	for _, c := range data.Considerandos {
		kept.WriteString(c.Texto + "\n")
		if c.Proceso != nil {
			kept.WriteString(c.Proceso.Objetivo + "\n" + c.Proceso.UR + "\n")
			for _, o := range c.Proceso.Objetivos {
				kept.WriteString(o.Objetivo + "\n")
			}
		}
	}
	for _, p := range a.Puntos {
		kept.WriteString(p.Texto + "\n")
	}
	kept.WriteString(a.Votacion.Texto)
	for _, g := range a.Glosario {
		if usesTerm(kept.String(), g.Terms()) {
			data.Glosario = append(data.Glosario, g)
		} else {
			data.GlosarioOmitido = true
		}
	}
	for _, f := range a.Firmas {
		data.Firmas = append(data.Firmas, manuals.Signature{Cargo: officeCase(f.Cargo), Nombre: nameCase(f.Nombre)})
	}

	bs, err := blocks.FromTemplate(tpl, data, "dof.pdf.tmpl", "proceso.pdf.tmpl")
	if err != nil {
		return nil, err
	}
	return &Extract{Blocks: bs, Codigo: a.Codigo, Fecha: o.Fecha, Seccion: o.Seccion, Acuerdo: a,
		Title:    "Extracto del Acuerdo " + a.Codigo,
		Subject:  "Extracto para el Diario Oficial de la Federación del " + o.Fecha.Long(),
		Keywords: strings.Join([]string{a.Codigo, string(a.Proceso.Codigo), a.Proceso.Nombre, "DOF", "extracto"}, "; "),
	}, nil
}

// usesTerm: one of the terms appears in text as a whole word (or words).
func usesTerm(text string, terms []string) bool {
	for _, t := range terms {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		for i := 0; ; {
			j := strings.Index(text[i:], t)
			if j < 0 {
				break
			}
			j += i
			before, _ := utf8.DecodeLastRuneInString(text[:j])
			after, _ := utf8.DecodeRuneInString(text[j+len(t):])
			if !isWordRune(before) && !isWordRune(after) {
				return true
			}
			i = j + len(t)
		}
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

var quotedRe = regexp.MustCompile(`“[^”]*”`)

// sentencePhrase turns the title's "POR EL QUE SE APRUEBA EL MANUAL DE
// PROCESO Y PROCEDIMIENTOS DE “GESTIÓN DEL PORTAL INSTITUCIONAL”" into the
// DOF's sentence case, names kept: "por el que se aprueba el Manual de
// Proceso y Procedimientos de “Gestión del Portal Institucional”".
func sentencePhrase(a *manuals.Acuerdo) string {
	t := a.Titulo
	if i := strings.Index(strings.ToUpper(t), "POR EL QUE"); i >= 0 {
		t = t[i:]
	}
	t = strings.ToLower(t)
	t = strings.ReplaceAll(t, "manual de proceso y procedimientos", "Manual de Proceso y Procedimientos")
	if a.Proceso.Nombre != "" {
		t = quotedRe.ReplaceAllString(t, "“"+a.Proceso.Nombre+"”")
	}
	return strings.TrimRight(t, ". ")
}

// Institutional names that keep their capitals in running text.
var properNames = []string{"Consejero Presidente", "Consejera Presidenta", "Consejo General", "Presidente de la Junta General Ejecutiva",
	"Junta General Ejecutiva", "Instituto Nacional Electoral", "Secretario Ejecutivo", "Secretaria Ejecutiva", "Secretario de la Junta", "Secretaria de la Junta"}

// officeCase writes an office given in capitals the way running text does:
// "El Consejero Presidente del Consejo General y Presidente de la Junta…".
func officeCase(s string) string {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	for _, n := range properNames {
		// Case-insensitive: an earlier name may have capitalised part of
		// this one ("… de la Junta General Ejecutiva").
		ln := strings.ToLower(n)
		for from := 0; ; {
			i := strings.Index(strings.ToLower(t[from:]), ln)
			if i < 0 {
				break
			}
			i += from
			t = t[:i] + n + t[i+len(ln):]
			from = i + len(n)
		}
	}
	return upperFirst(t)
}

// nameCase writes "DR. LORENZO CÓRDOVA VIANELLO" as "Dr. Lorenzo Córdova
// Vianello"; particles (de, del, la) stay in lower case.
func nameCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		switch w {
		case "de", "del", "la", "las", "los", "y":
			if i > 0 {
				continue
			}
		}
		words[i] = upperFirst(w)
	}
	return strings.Join(words, " ")
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

var weekdays = [7]string{"Domingo", "Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado"}

// LongDateWithDay writes "Jueves 8 de diciembre de 2022".
func LongDateWithDay(d manuals.Date) string {
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	return weekdays[t.Weekday()] + " " + d.Long()
}
