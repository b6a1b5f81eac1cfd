package acuerdotext

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
)

// Result is an ingested acuerdo and what the ingestion has to say about it.
type Result struct {
	Acuerdo *manuals.Acuerdo
	// NonBlank and Placed count source lines: Placed/NonBlank is the coverage.
	NonBlank, Placed int
	// Missing names the essential parts not found (código, proceso, puntos).
	Missing []string
}

// Coverage is the share of non-blank source lines placed in the structure or
// recognised as noise.
func (r *Result) Coverage() float64 {
	if r.NonBlank == 0 {
		return 1
	}
	return float64(r.Placed) / float64(r.NonBlank)
}

// Ingest reads an acuerdo from raw bytes: decode, clean, parse, correct OCR
// slips. Only input that is not text fails (ErrNotText).
func Ingest(data []byte, prof *profile.Profile) (*Result, error) {
	text, notes, err := Decode(data)
	if err != nil {
		return nil, err
	}
	c := Clean(text)
	r := Parse(c, prof)
	a := r.Acuerdo
	a.Notas = append(append(notes, c.Notes...), a.Notas...)
	fixes := Correct(a, NewLexicon(prof, a.Glosario))
	a.Correcciones = append(a.Correcciones, fixes...)
	if len(fixes) > 0 {
		a.Notas = append(a.Notas, fmt.Sprintf("%d correcciones de OCR contra el léxico (ver «correcciones»)", len(fixes)))
	}
	if n := len(a.SinClasificar); n > 0 {
		a.Notas = append(a.Notas, fmt.Sprintf("%d fragmentos de texto sin clasificar (ver «sin_clasificar»)", n))
	}
	return r, nil
}

var (
	codeLine     = regexp.MustCompile(`^INE/[A-Z]+\d+/\d{4}$`)
	acuerdoRefRe = regexp.MustCompile(`INE/[A-Z]+\d+/\d{4}`)
	romanItem    = regexp.MustCompile(`^([IVXL]+)\.\s*(.*)$`)
	numItem      = regexp.MustCompile(`^(\d+)\.\s+(.*)$`)
	letterItem   = regexp.MustCompile(`^([a-z])\.\s+(.*)$`)
	ordinalHead  = regexp.MustCompile(`^([A-ZÁÉÍÓÚÑ]+(?:\s+[A-ZÁÉÍÓÚÑ]+)?)\s*\.\s*(?:[-–—]\s*)?(.*)$`)
	dateRe       = regexp.MustCompile(`(?i)(\d{1,2}) de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre) del? (\d{4})`)
	formulaRe    = regexp.MustCompile(`(?i)emite (?:los|el) siguientes?\s*:?\s*$|^En (?:razón|virtud) de (?:los|lo) (?:antecedentes|expuesto)`)
	voteStart    = regexp.MustCompile(`(?i)^El presente [Aa]cuerdo fue aprobado`)
	signerName   = regexp.MustCompile(`^(?:DR|DRA|LIC|MTRO|MTRA|ING|C|C\.P|ARQ)\.\s+\S`)
	glossTab     = regexp.MustCompile(`^([^\t]+?)\t+(.+)$`)
	glossColon   = regexp.MustCompile(`^([^\s:][^:]{0,40}?)\s*:\s+(.+)$`)
	glossDash    = regexp.MustCompile(`^(\S[^–—]{0,40}?)\s+[–—-]\s+(.+)$`)
)

type parser struct {
	c      *Cleaned
	prof   *profile.Profile
	a      *manuals.Acuerdo
	placed map[int]bool
	// considerando paragraphs, kept apart until the process considerando is
	// known.
	conParas map[*manuals.Considerando][]Para
	listOpen map[*manuals.Considerando]bool
}

func src(ps ...Para) *manuals.Source {
	if len(ps) == 0 {
		return nil
	}
	s := &manuals.Source{Desde: ps[0].First, Hasta: ps[len(ps)-1].Last, Pagina: ps[0].Page}
	return s
}

func (p *parser) place(ps ...Para) {
	for _, x := range ps {
		for _, l := range x.Lines {
			p.placed[l] = true
		}
	}
}

func (p *parser) unplaced(x Para) {
	p.a.SinClasificar = append(p.a.SinClasificar, manuals.Fragment{Texto: x.Text, Origen: src(x)})
	p.place(x) // kept, with its lines: not lost
}

// Parse recognises the structure of cleaned acuerdo text.
func Parse(c *Cleaned, prof *profile.Profile) *Result {
	p := &parser{c: c, prof: prof, a: &manuals.Acuerdo{}, placed: map[int]bool{},
		conParas: map[*manuals.Considerando][]Para{}, listOpen: map[*manuals.Considerando]bool{}}
	section := ""
	var conParas []Para // every paragraph of the considerandos section
	var tail []Para     // after the considerandos
	for _, x := range c.Paras {
		if h := headingKey(x.Text); h != "" {
			section = h
			p.place(x)
			continue
		}
		switch section {
		case "":
			p.preamble(x)
		case "GLOSARIO":
			p.glossary(x)
		case "ANTECEDENTES":
			p.antecedente(x)
		case "CONSIDERANDOS":
			if formulaRe.MatchString(x.Text) {
				p.a.Formula = x.Text
				p.place(x)
				section = "FORMULA"
				continue
			}
			conParas = append(conParas, x)
		default:
			tail = append(tail, x)
		}
	}
	p.considerandos(conParas)
	p.closing(tail)
	p.finish()
	r := &Result{Acuerdo: p.a, NonBlank: c.NonBlank}
	for _, l := range c.Noise {
		p.placed[l] = true
	}
	r.Placed = len(p.placed)
	if p.a.Codigo == "" {
		r.Missing = append(r.Missing, "código del acuerdo")
	}
	if p.a.Proceso.Codigo == "" {
		r.Missing = append(r.Missing, "considerando del proceso")
	}
	if len(p.a.Puntos) == 0 {
		r.Missing = append(r.Missing, "puntos de acuerdo")
	}
	if len(c.Paras) > 0 {
		p.a.Origen = &manuals.Source{Desde: c.Paras[0].First, Hasta: c.Paras[len(c.Paras)-1].Last}
	}
	return r
}

func (p *parser) preamble(x Para) {
	t := strings.TrimSpace(x.Text)
	switch {
	case p.a.Codigo == "" && codeLine.MatchString(t):
		p.a.Codigo = t
	case p.a.Titulo == "" && strings.HasPrefix(strings.ToUpper(manuals.Fold(t)), "ACUERDO"):
		p.a.Titulo = t
		p.a.Organo = organOf(t)
	default:
		p.unplaced(x)
		return
	}
	p.place(x)
}

var organs = []struct{ upper, name string }{
	{"JUNTA GENERAL EJECUTIVA", "Junta General Ejecutiva"},
	{"CONSEJO GENERAL", "Consejo General"},
}

func organOf(title string) string {
	t := manuals.Fold(title)
	for _, o := range organs {
		if i := strings.Index(t, manuals.Fold(o.upper)); i >= 0 && i < 40 {
			return o.name
		}
	}
	return ""
}

func (p *parser) glossary(x Para) {
	t := strings.TrimSpace(x.Text)
	for _, re := range []*regexp.Regexp{glossTab, glossColon, glossDash} {
		if m := re.FindStringSubmatch(t); m != nil {
			p.a.Glosario = append(p.a.Glosario, manuals.GlossaryEntry{
				Sigla: strings.TrimSpace(m[1]), Definicion: strings.TrimSpace(m[2]), Origen: src(x)})
			p.place(x)
			return
		}
	}
	if n := len(p.a.Glosario); n > 0 {
		g := &p.a.Glosario[n-1]
		g.Definicion += " " + t
		g.Origen.Hasta = x.Last
		p.place(x)
		return
	}
	p.unplaced(x)
}

func (p *parser) antecedente(x Para) {
	if m := romanItem.FindStringSubmatch(x.Text); m != nil && manuals.IsRoman(m[1]) {
		p.a.Antecedentes = append(p.a.Antecedentes, manuals.Antecedente{
			Romano: m[1], Paragraphs: manuals.Paragraphs{Texto: m[2]}, Origen: src(x)})
		p.place(x)
		return
	}
	if n := len(p.a.Antecedentes); n > 0 {
		an := &p.a.Antecedentes[n-1]
		an.Texto += "\n\n" + x.Text
		an.Origen.Hasta = x.Last
		p.place(x)
		return
	}
	p.unplaced(x)
}

// considerandos parses the groups, the numbered considerandos and the lists
// quoted inside them. A numbered paragraph is a new considerando unless it
// starts a list (1. right after a considerando) or continues an open one.
func (p *parser) considerandos(ps []Para) {
	a := p.a
	var cur *manuals.Considerando
	expected := 1
	lastLabel := 0
	for _, x := range ps {
		if m := ordinalHead.FindStringSubmatch(x.Text); m != nil && manuals.OrdinalValue(m[1]) > 0 && len(m[2]) < 160 && !strings.HasPrefix(x.Text, m[1]+" ") {
			a.Considerandos = append(a.Considerandos, manuals.ConsiderandoGroup{
				Ordinal: m[1], Titulo: strings.TrimRight(strings.TrimSpace(m[2]), "."), Origen: src(x)})
			cur = nil
			p.place(x)
			continue
		}
		if m := numItem.FindStringSubmatch(x.Text); m != nil {
			n, _ := strconv.Atoi(m[1])
			switch {
			case cur != nil && p.listOpen[cur] && n == lastLabel+1,
				cur != nil && n == 1 && expected != 1:
				p.listItem(cur, m[1]+".", m[2], x)
				lastLabel = n
			default:
				if len(a.Considerandos) == 0 {
					a.Considerandos = append(a.Considerandos, manuals.ConsiderandoGroup{})
				}
				g := &a.Considerandos[len(a.Considerandos)-1]
				g.Considerandos = append(g.Considerandos, manuals.Considerando{Numero: n, Paragraphs: manuals.Paragraphs{Texto: m[2]}, Origen: src(x)})
				cur = &g.Considerandos[len(g.Considerandos)-1]
				p.conParas[cur] = []Para{x}
				expected, lastLabel = n+1, 0
				p.place(x)
			}
			continue
		}
		if cur == nil {
			p.unplaced(x)
			continue
		}
		if m := letterItem.FindStringSubmatch(x.Text); m != nil {
			p.listItem(cur, m[1]+".", m[2], x)
			continue
		}
		if p.listOpen[cur] {
			if cur.TextoFinal != "" {
				cur.TextoFinal += "\n\n"
			}
			cur.TextoFinal += x.Text
		} else {
			cur.Texto += "\n\n" + x.Text
		}
		cur.Origen.Hasta = x.Last
		p.conParas[cur] = append(p.conParas[cur], x)
		p.place(x)
	}
	// Pointers into the group slices are stable from here on.
	for gi := range a.Considerandos {
		for ci := range a.Considerandos[gi].Considerandos {
			c := &a.Considerandos[gi].Considerandos[ci]
			if a.Proceso.Considerando == 0 && isProcessConsiderando(c) {
				p.process(c, p.conParas[c])
			}
			if a.Dictamen.Considerando == 0 {
				p.citedDictamen(c)
			}
		}
	}
}

func (p *parser) listItem(c *manuals.Considerando, label, text string, x Para) {
	c.Lista = append(c.Lista, manuals.ListItem{Etiqueta: label, Texto: text})
	p.listOpen[c] = true
	c.Origen.Hasta = x.Last
	p.conParas[c] = append(p.conParas[c], x)
	p.place(x)
}

// closing parses what follows the considerandos: the formula, the puntos,
// the vote paragraph and the signature blocks.
func (p *parser) closing(ps []Para) {
	a := p.a
	var cargos, names []Para
	for _, x := range ps {
		t := x.Text
		switch {
		case voteStart.MatchString(t):
			a.Votacion = parseVote(t, p.prof)
			a.Votacion.Origen = src(x)
			if a.Sesion.Fecha.IsZero() {
				a.Sesion = manuals.Session{Tipo: a.Votacion.TipoSesion, Fecha: a.Votacion.Fecha}
			}
		case a.Votacion.Texto == "" && formulaRe.MatchString(t) && a.Formula == "":
			a.Formula = t
		case a.Votacion.Texto == "" && isPunto(t):
			m := ordinalHead.FindStringSubmatch(t)
			a.Puntos = append(a.Puntos, manuals.Punto{Ordinal: m[1], Texto: strings.TrimSpace(m[2]), Origen: src(x)})
		case a.Votacion.Texto == "" && len(a.Puntos) > 0:
			pt := &a.Puntos[len(a.Puntos)-1]
			pt.Texto += "\n\n" + t
			pt.Origen.Hasta = x.Last
		case a.Votacion.Texto != "" && signerName.MatchString(t):
			names = append(names, x)
		case a.Votacion.Texto != "" && isUpperBlock(t):
			cargos = append(cargos, x)
		default:
			p.unplaced(x)
			continue
		}
		p.place(x)
	}
	for i := 0; i < len(cargos) || i < len(names); i++ {
		var f manuals.Signature
		if i < len(cargos) {
			f.Cargo = cargos[i].Text
		}
		if i < len(names) {
			f.Nombre = names[i].Text
		}
		a.Firmas = append(a.Firmas, f)
	}
}

func isPunto(t string) bool {
	m := ordinalHead.FindStringSubmatch(t)
	return m != nil && manuals.OrdinalValue(m[1]) > 0 && strings.TrimSpace(m[2]) != ""
}

func isUpperBlock(t string) bool {
	letters, upper := 0, 0
	for _, r := range t {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f {
			letters++
			if strings.ToUpper(string(r)) == string(r) {
				upper++
			}
		}
	}
	return letters > 3 && upper*10 >= letters*9
}

// finish derives what the text states implicitly: the dates and acuerdos
// each antecedente cites.
func (p *parser) finish() {
	for i := range p.a.Antecedentes {
		an := &p.a.Antecedentes[i]
		an.Fechas = citedDates(an.AllText())
		seen := map[string]bool{}
		for _, r := range acuerdoRefRe.FindAllString(an.AllText(), -1) {
			if !seen[r] {
				seen[r] = true
				an.Acuerdos = append(an.Acuerdos, r)
			}
		}
	}
}

func citedDates(s string) []manuals.Date {
	var out []manuals.Date
	for _, m := range dateRe.FindAllString(s, -1) {
		if d, err := manuals.ParseDate(m); err == nil {
			out = append(out, d)
		}
	}
	return out
}
