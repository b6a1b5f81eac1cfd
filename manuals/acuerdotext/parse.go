package acuerdotext

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
)

// Result is an ingested acuerdo and what the ingestion has to say about it.
type Result struct {
	Acuerdo *manuals.Acuerdo
	// NonBlank and Placed count source lines: Placed/NonBlank is the
	// coverage. Lines kept in sin_clasificar are not placed.
	NonBlank, Placed int
	// Missing names the essential parts not found (código, proceso, puntos).
	Missing []string
	// Sections rates what was read of each section (Confidence).
	Sections []SectionConfidence
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
	marked := manuals.MarkEscapedLines(text)
	r := parseCleaned(Clean(marked), prof, notes)
	if marked != text {
		// Only text that mpp wrote escapes lines: the walk over the whole
		// acuerdo is needed then alone.
		unmarkStrings(reflect.ValueOf(r.Acuerdo).Elem())
	}
	return r, nil
}

// IngestLines reads an acuerdo from a source's lines (CleanLines): a PDF's
// text layer, OCR's pages. It never fails.
func IngestLines(lines []Line, prof *profile.Profile) *Result {
	return parseCleaned(CleanLines(lines), prof, nil)
}

// parseCleaned parses cleaned paragraphs and corrects OCR slips against the
// lexicon, with the notes of each step.
func parseCleaned(c *Cleaned, prof *profile.Profile, notes []string) *Result {
	r := Parse(c, prof)
	a := r.Acuerdo
	a.Notas = append(append(notes, c.Notes...), a.Notas...)
	fixes := Correct(a, NewLexicon(prof, a.Glosario))
	a.Correcciones = append(a.Correcciones, fixes...)
	if len(fixes) > 0 {
		a.Notas = append(a.Notas, fmt.Sprintf("%s de OCR contra el léxico (ver «correcciones»)", esmx.Count(len(fixes), "corrección", "correcciones")))
	}
	if n := len(a.SinClasificar); n > 0 {
		a.Notas = append(a.Notas, fmt.Sprintf("%s de texto sin clasificar (ver «sin_clasificar»)", esmx.Count(n, "fragmento", "fragmentos")))
	}
	return r
}

var (
	codeLine     = regexp.MustCompile(`^INE/[A-Z]+\d+/\d{4}$`)
	acuerdoRefRe = regexp.MustCompile(`INE/[A-Z]+\d+/\d{4}`)
	romanItem    = regexp.MustCompile(`^([IVXLCD]+)\.\s*(.*)$`)
	ocrRomanItem = regexp.MustCompile(`^([IVXLCDMTil1|!\[\]]{1,6})([.,:]?)\s+((?:\.|[A-ZÁÉÍÓÚÑ]).*)$`)
	romanSlips   = strings.NewReplacer("l", "I", "i", "I", "1", "I", "|", "I", "!", "I", "T", "I", "[", "I", "]", "I")
	numItem      = regexp.MustCompile(`^(\d+)\.\s+(.*)$`)
	ocrNumItem   = regexp.MustCompile(`^(\d+),\s+([A-ZÁÉÍÓÚÑ].*)$`)
	letterItem   = regexp.MustCompile(`^([a-z])\.\s+(.*)$`)
	ordinalHead  = regexp.MustCompile(`^([A-ZÁÉÍÓÚÑ]+(?:\s+[A-ZÁÉÍÓÚÑ]+)?)\s*\.\s*(?:[-–—]\s*)?(.*)$`)
	dateRe       = regexp.MustCompile(`(?i)(\d{1,2}) de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre) del? (\d{4})`)
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
	// Elements whose text grows paragraph by paragraph are built here and
	// written to the model once (see materialize), so that time stays
	// linear and no pointer into a growing slice is kept.
	gloss  []*glossBuild
	antes  []*paraBuild
	puntos []*paraBuild
}

// paraBuild gathers an element's paragraphs: text, a quoted list, text after
// the list.
type paraBuild struct {
	head  string // romano or ordinal
	num   int
	text  []string
	list  []manuals.ListItem
	final []string
	paras []Para
}

func (b *paraBuild) add(x Para, text string) {
	if len(b.list) > 0 {
		b.final = append(b.final, text)
	} else {
		b.text = append(b.text, text)
	}
	b.paras = append(b.paras, x)
}

func (b *paraBuild) body() manuals.Paragraphs {
	return manuals.Paragraphs{Texto: strings.Join(b.text, "\n\n"), Lista: b.list, TextoFinal: strings.Join(b.final, "\n\n")}
}

func (b *paraBuild) origen() *manuals.Source { return src(b.paras...) }

type glossBuild struct {
	sigla string
	def   []string
	paras []Para
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

// unplace takes back the placing of a paragraph's lines.
func (p *parser) unplace(x Para) {
	for _, l := range x.Lines {
		delete(p.placed, l)
	}
}

// unplaced keeps a paragraph the parser could not place in sin_clasificar,
// with its lines: not lost, but not placed either, so coverage says so.
func (p *parser) unplaced(x Para) {
	p.a.SinClasificar = append(p.a.SinClasificar, manuals.Fragment{Texto: x.Text, Origen: src(x)})
}

// Parse recognises the structure of cleaned acuerdo text.
func Parse(c *Cleaned, prof *profile.Profile) *Result {
	p := &parser{c: c, prof: prof, a: &manuals.Acuerdo{}, placed: map[int]bool{}}
	// Every paragraph's section is decided at once (labelSections), then
	// each section's paragraphs are read by its own rules.
	labels, opened := labelSections(c.Paras)
	var conParas []Para // every paragraph of the considerandos section
	var tail []Para     // after the considerandos
	for i, x := range c.Paras {
		s := labels[i]
		if opened[i] {
			p.a.Notas = append(p.a.Notas, inferredNote(s))
		}
		if h := headingKey(x.Text); h != "" {
			if sectionOfHeading[h] == s {
				p.place(x)
			} else {
				// A heading out of the acuerdo's order: kept, not
				// followed.
				p.unplaced(x)
			}
			continue
		}
		switch s {
		case secPreamble:
			p.preamble(x)
		case secGlosario:
			p.glossary(x)
		case secAntecedentes:
			p.antecedente(x)
		case secConsiderandos:
			conParas = append(conParas, x)
		default:
			tail = append(tail, x)
		}
	}
	p.materialize()
	p.considerandos(conParas)
	p.closing(tail)
	p.finish()
	r := &Result{Acuerdo: p.a, NonBlank: c.NonBlank}
	for _, l := range c.Noise {
		p.placed[l] = true
	}
	for _, l := range c.FootnoteLines {
		p.placed[l] = true
	}
	p.a.NotasAlPie = c.Footnotes
	p.a.Correcciones = slices.Concat(c.Corrections, p.a.Correcciones)
	r.Placed = len(p.placed)
	if p.a.Codigo == "" && c.HeaderCode != "" {
		// The code printed as running header is evidence for it, not only
		// page furniture.
		p.a.Codigo = c.HeaderCode
		p.a.Notas = append(p.a.Notas, "El código del acuerdo ("+c.HeaderCode+") se tomó del encabezado de sus páginas: el texto no lo trae aparte.")
	}
	r.Missing = p.a.MissingSections()
	r.Sections = Confidence(p.a)
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

// glossHead is a glosario table's header row («Sigla | Definición»,
// «Término | Significado»…): the table's furniture, not an entry.
var glossHead = regexp.MustCompile(`(?i)^(siglas?|términos?|terminos?|abreviaturas?|acrónimos?)\s+(definici[oó]n|significado|descripci[oó]n|concepto)$`)

func (p *parser) glossary(x Para) {
	t := strings.TrimSpace(x.Text)
	if len(p.gloss) == 0 && glossHead.MatchString(strings.Join(strings.Fields(t), " ")) {
		p.place(x)
		return
	}
	for _, re := range []*regexp.Regexp{glossTab, glossColon, glossDash} {
		if m := re.FindStringSubmatch(t); m != nil {
			p.gloss = append(p.gloss, &glossBuild{sigla: strings.TrimSpace(m[1]), def: []string{strings.TrimSpace(m[2])}, paras: []Para{x}})
			p.place(x)
			return
		}
	}
	// A glosario table read cell by cell (pdftotext without -layout, a
	// browser's or LibreOffice's bordered table): the term is a paragraph
	// of its own, its definition the next one.
	n := len(p.gloss)
	if n > 0 && len(p.gloss[n-1].def) == 0 {
		g := p.gloss[n-1]
		g.def = append(g.def, t)
		g.paras = append(g.paras, x)
		p.place(x)
		return
	}
	if glossTerm(t) {
		p.gloss = append(p.gloss, &glossBuild{sigla: t, paras: []Para{x}})
		p.place(x)
		return
	}
	if n > 0 {
		g := p.gloss[n-1]
		g.def = append(g.def, t)
		g.paras = append(g.paras, x)
		p.place(x)
		return
	}
	p.unplaced(x)
}

// glossTerm says a paragraph may be a glosario term set alone in its cell:
// a sigla or a short name, at most four words and 40 characters, without
// the full stop a definition may end with.
func glossTerm(t string) bool {
	return len(t) <= 40 && len(strings.Fields(t)) <= 4 && !strings.HasSuffix(t, ".") && !strings.Contains(t, ",")
}

func (p *parser) antecedente(x Para) {
	// From XC on a numeral has a C (or D), which also abbreviates a title
	// («C. Juan …»): those count only as the next antecedente in sequence.
	if m := romanItem.FindStringSubmatch(x.Text); m != nil && manuals.IsRoman(m[1]) &&
		(!strings.ContainsAny(m[1], "CD") || manuals.RomanValue(m[1]) == len(p.antes)+1) &&
		// A number given already, one I short of the next («VII.» after
		// VII): the next one misread.
		!(manuals.RomanValue(m[1]) <= len(p.antes) && slipOfNext(m[1], len(p.antes)+1)) {
		b := &paraBuild{head: m[1]}
		b.add(x, m[2])
		p.antes = append(p.antes, b)
		p.place(x)
		return
	}
	// OCR reads the I of a roman numeral as l, 1 or | ("111.", "|."), and
	// its full stop as a comma ("IV,"): the numeral that comes next in the
	// sequence, and only that one, is taken back, and the correction is
	// recorded.
	if m := ocrRomanItem.FindStringSubmatch(x.Text); m != nil {
		if fixed, ok := romanSlip(m[1], len(p.antes)+1); ok {
			b := &paraBuild{head: fixed}
			b.add(x, m[3])
			p.antes = append(p.antes, b)
			p.place(x)
			p.a.Correcciones = append(p.a.Correcciones, manuals.Correction{Original: m[1] + m[2], Corregido: fixed + ".",
				Ubicacion: "antecedente " + fixed, Motivo: "error de OCR (numeral romano)", Origen: src(x)})
			return
		}
	}
	if n := len(p.antes); n > 0 {
		p.antes[n-1].add(x, x.Text)
		p.place(x)
		return
	}
	p.unplaced(x)
}

func slipOfNext(tok string, want int) bool {
	_, ok := romanSlip(tok, want)
	return ok
}

// romanSlip says whether tok, the label of a paragraph as OCR read it, is
// the numeral want: its I read as l, i, 1, |, ! or T, an I read as L («IL»,
// «XL»), one I lost («VII» for VIII) or one too many read as a look-alike
// («Il» for I). (A label
// read right with its stop never gets here but as a number given already.)
func romanSlip(tok string, want int) (string, bool) {
	exp := manuals.RomanNumeral(want)
	fixed := romanSlips.Replace(tok)
	// An M is two I's run together («MI.» for III).
	for _, c := range []string{fixed, strings.ReplaceAll(fixed, "L", "I"), strings.ReplaceAll(fixed, "M", "II")} {
		if c == exp {
			return exp, true
		}
		// One I lost («VII» for VIII), or one too many where a look-alike
		// stands for it («Il» for I), and never into another numeral's
		// place: the label differs from want only there.
		if d := len(c) - len(exp); (d == -1 || d == 1 && c != tok) && strings.Trim(c, "IVX") == "" &&
			(strings.HasPrefix(c, exp) || strings.HasPrefix(exp, c)) &&
			strings.Count(c, "V") == strings.Count(exp, "V") && strings.Count(c, "X") == strings.Count(exp, "X") {
			return exp, true
		}
	}
	return "", false
}

// materialize writes the glosario and the antecedentes to the model.
func (p *parser) materialize() {
	for k, g := range p.gloss {
		if k == 0 && glossHead.MatchString(g.sigla+" "+strings.Join(g.def, " ")) {
			continue // the table's header row, read cell by cell
		}
		if len(g.def) == 0 {
			// A term-like line with no definition after it is not an entry.
			for _, x := range g.paras {
				p.unplace(x)
				p.unplaced(x)
			}
			continue
		}
		p.a.Glosario = append(p.a.Glosario, manuals.GlossaryEntry{Sigla: g.sigla, Definicion: strings.Join(g.def, " "), Origen: src(g.paras...)})
	}
	for _, b := range p.antes {
		p.a.Antecedentes = append(p.a.Antecedentes, manuals.Antecedente{Romano: b.head, Paragraphs: b.body(), Origen: b.origen()})
	}
}

// considerandos parses the groups, the numbered considerandos and the lists
// quoted inside them. A numbered paragraph is a new considerando unless it
// starts a list (1. right after a considerando) or continues an open one.
func (p *parser) considerandos(ps []Para) {
	type group struct {
		ordinal, title string
		para           *Para
		cons           []*paraBuild
	}
	var groups []*group
	var cur *paraBuild
	expected, lastLabel := 1, 0
	for _, x := range ps {
		x := x
		if m := ordinalHead.FindStringSubmatch(x.Text); m != nil && manuals.OrdinalValue(m[1]) > 0 && len(m[2]) < 160 && !strings.HasPrefix(x.Text, m[1]+" ") {
			groups = append(groups, &group{ordinal: m[1], title: strings.TrimRight(strings.TrimSpace(m[2]), "."), para: &x})
			cur = nil
			p.place(x)
			continue
		}
		m := numItem.FindStringSubmatch(x.Text)
		// OCR reads a full stop as a comma ("4, De conformidad…"): taken
		// back only for the considerando that comes next, outside a list.
		if c := ocrNumItem.FindStringSubmatch(x.Text); m == nil && c != nil && (cur == nil || len(cur.list) == 0) {
			if n, _ := strconv.Atoi(c[1]); n == expected {
				m = c
				p.a.Correcciones = append(p.a.Correcciones, manuals.Correction{Original: c[1] + ",", Corregido: c[1] + ".",
					Ubicacion: "considerando " + c[1], Motivo: "error de OCR (numeral)", Origen: src(x)})
			}
		}
		if m != nil {
			n, _ := strconv.Atoi(m[1])
			if cur != nil && (len(cur.list) > 0 && n == lastLabel+1 || n == 1 && expected != 1) {
				cur.list = append(cur.list, manuals.ListItem{Etiqueta: m[1] + ".", Texto: m[2]})
				cur.paras = append(cur.paras, x)
				lastLabel = n
				p.place(x)
				continue
			}
			if len(groups) == 0 {
				groups = append(groups, &group{})
			}
			g := groups[len(groups)-1]
			cur = &paraBuild{num: n}
			cur.add(x, m[2])
			g.cons = append(g.cons, cur)
			expected, lastLabel = n+1, 0
			p.place(x)
			continue
		}
		if cur == nil {
			p.unplaced(x)
			continue
		}
		if m := letterItem.FindStringSubmatch(x.Text); m != nil {
			cur.list = append(cur.list, manuals.ListItem{Etiqueta: m[1] + ".", Texto: m[2]})
			cur.paras = append(cur.paras, x)
			p.place(x)
			continue
		}
		cur.add(x, x.Text)
		p.place(x)
	}
	a := p.a
	for _, g := range groups {
		cg := manuals.ConsiderandoGroup{Ordinal: g.ordinal, Titulo: g.title}
		if g.para != nil {
			cg.Origen = src(*g.para)
		}
		for _, b := range g.cons {
			cg.Considerandos = append(cg.Considerandos, manuals.Considerando{Numero: b.num, Paragraphs: b.body(), Origen: b.origen()})
		}
		a.Considerandos = append(a.Considerandos, cg)
	}
	for gi, g := range groups {
		for ci, b := range g.cons {
			c := &a.Considerandos[gi].Considerandos[ci]
			if a.Proceso.Considerando == 0 && isProcessConsiderando(c) {
				p.process(c, b.paras)
			}
			if a.Dictamen.Considerando == 0 {
				p.citedDictamen(c)
			}
		}
	}
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
		case a.Votacion.Texto == "" && a.Formula == "" && isFormula(t):
			a.Formula = t
		case a.Votacion.Texto == "" && isPunto(t):
			m := ordinalHead.FindStringSubmatch(t)
			b := &paraBuild{head: m[1]}
			b.add(x, strings.TrimSpace(m[2]))
			p.puntos = append(p.puntos, b)
		case a.Votacion.Texto == "" && len(p.puntos) > 0:
			p.puntos[len(p.puntos)-1].add(x, t)
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
	for _, b := range p.puntos {
		a.Puntos = append(a.Puntos, manuals.Punto{Ordinal: b.head, Texto: strings.Join(b.text, "\n\n"), Origen: b.origen()})
	}
	for i := 0; i < len(cargos) || i < len(names); i++ {
		var f manuals.Signature
		var from []Para
		if i < len(cargos) {
			f.Cargo = cargos[i].Text
			from = append(from, cargos[i])
		}
		if i < len(names) {
			f.Nombre = names[i].Text
			from = append(from, names[i])
		}
		f.Origen = src(from...)
		a.Firmas = append(a.Firmas, f)
	}
}

// isFormula recognises the closing formula before the puntos ("…, emite los
// siguientes:", "En razón de los antecedentes…").
func isFormula(t string) bool {
	end := strings.TrimRight(t, ": \t")
	if n := len(end) - 40; n > 0 {
		for n < len(end) && !utf8.RuneStart(end[n]) {
			n++
		}
		end = end[n:] // the formula's end is all that is compared
	}
	end = strings.ToLower(end)
	return strings.HasSuffix(end, "emite los siguientes") || strings.HasSuffix(end, "emite el siguiente") ||
		strings.HasPrefix(t, "En razón de los antecedentes") || strings.HasPrefix(t, "En virtud de lo expuesto")
}

func isPunto(t string) bool {
	m := ordinalHead.FindStringSubmatch(t)
	return m != nil && manuals.OrdinalValue(m[1]) > 0 && strings.TrimSpace(m[2]) != ""
}

// isUpperBlock reports whether t is (at least 90 %) capitals: a title, a
// signature block. Such blocks are short; long text is never one.
func isUpperBlock(t string) bool {
	if len(t) > 400 {
		return false
	}
	letters, upper := 0, 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
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

// unmarkStrings takes manuals.TextMark out of every string of v.
func unmarkStrings(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(manuals.Unmark(v.String()))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			unmarkStrings(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				unmarkStrings(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			unmarkStrings(v.Index(i))
		}
	}
}
