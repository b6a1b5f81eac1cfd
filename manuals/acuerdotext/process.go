package acuerdotext

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

var (
	processCode   = regexp.MustCompile(`le corresponde el código\s+([A-Z]\.\d+(?:\.\d+)*)`)
	processObjRe  = regexp.MustCompile(`^El proceso\s+([A-Z]\.[\d.]+)\s+(.+?)\s+tiene co(?:m|rn)o objetivo\s*:?\s*(.*)$`)
	countsRe      = regexp.MustCompile(`(?i)se conforma por\s+(\d+)\s+subprocesos?\s+y\s+(\d+)\s+procedimientos?`)
	tableHeader   = regexp.MustCompile(`(?i)^Subprocesos?\s+Procedimientos?`)
	anyCode       = regexp.MustCompile(`[A-Z]\.\d\.\d{2}(?:\.\d(?:\.\d{2})?)?`)
	procObjective = regexp.MustCompile(`^El procedimiento\s+([A-Z]\.[\d.]+\d)\s+(.+?),?\s+tiene co(?:m|rn)o objetivo\s+(.*)$`)
	executedBy    = regexp.MustCompile(`es ejecutad[oa] por\s+(?:la|el|los|las)?\s*([^,;]+?)(?:,|;|\s+(?:a quien|quien|que|la cual|el cual)\b)`)
	dictamenRe    = regexp.MustCompile(`dictamen técnico emitido por\s+(?:la|el)?\s*(.+?)\s+con fecha\s+(.+?)\s+conforme a(?:l)?\s+(.+?)(?:;|$)`)
)

func isProcessConsiderando(c *manuals.Considerando) bool {
	t := c.AllText()
	if !strings.Contains(t, "le corresponde el código") && !strings.Contains(t, "subproceso") {
		return false
	}
	return processCode.MatchString(t) || countsRe.MatchString(t) && strings.Contains(t, "El procedimiento")
}

// process parses the process considerando: its first paragraph stays as the
// considerando's text; code, objective, counts, the Subproceso |
// Procedimientos table and the procedure objectives go to Proceso.
func (p *parser) process(c *manuals.Considerando, paras []Para) {
	paras = splitProcessParas(p.codeSlips(paras, c.Numero))
	pr := &p.a.Proceso
	pr.Considerando = c.Numero
	pr.Origen = src(paras...)
	intro := paras[0]
	// The considerando's own text is its first paragraph only (the number
	// dropped).
	c.Texto = intro.Text
	if m := numItem.FindStringSubmatch(intro.Text); m != nil {
		c.Texto = m[2]
	}
	c.Lista, c.TextoFinal = nil, ""
	if names := manuals.QuotedNames(c.Texto); len(names) > 0 {
		pr.Nombre = names[0]
	}
	if m := executedBy.FindStringSubmatch(c.Texto); m != nil {
		pr.UR = p.unitSigla(strings.TrimSpace(m[1]))
	}
	var table []string
	var last Para // the table's last paragraph
	inTable, wantObjective := false, false
	for _, x := range paras[1:] {
		t := x.Text
		switch {
		case inTable && len(table) > 0 && strayWord.MatchString(t) && len(last.wrapped) == 2:
			// The displaced word as a paragraph of its own (see strayCell).
			last.wrapped = append(last.wrapped[:2:2], t)
			table[len(table)-1] = p.strayCell(last, c.Numero)
		case wantObjective:
			pr.Objetivo = t
			wantObjective = false
		case processCode.MatchString(t) && !strings.HasPrefix(t, "El proceso "):
			pr.Codigo = manuals.Code(processCode.FindStringSubmatch(t)[1])
		case processObjRe.MatchString(t):
			m := processObjRe.FindStringSubmatch(t)
			if pr.Codigo == "" {
				pr.Codigo = manuals.Code(m[1])
			}
			if pr.Nombre == "" {
				pr.Nombre = m[2]
			}
			if strings.TrimSpace(m[3]) != "" {
				pr.Objetivo = strings.TrimSpace(m[3])
			} else {
				wantObjective = true
			}
		case countsRe.MatchString(t):
			m := countsRe.FindStringSubmatch(t)
			pr.SubprocesosDeclarados, _ = strconv.Atoi(m[1])
			pr.ProcedimientosDeclarados, _ = strconv.Atoi(m[2])
		case tableHeader.MatchString(t):
			inTable = true
			if rest := tableHeader.ReplaceAllString(t, ""); strings.TrimSpace(rest) != "" {
				table = append(table, rest)
			}
		case procObjective.MatchString(t):
			inTable = false
			m := procObjective.FindStringSubmatch(t)
			pr.Objetivos = append(pr.Objetivos, manuals.ProcedureObjective{
				Codigo: manuals.Code(m[1]), Nombre: cleanName(m[2]), Objetivo: strings.TrimSpace(m[3]), Origen: src(x)})
		case inTable:
			last = cellLines(x)
			table = append(table, p.strayCell(last, c.Numero))
		case pr.ProcedimientosDeclarados > 0 && len(pr.Objetivos) == 0 && (tableWord.MatchString(t) || anyCode.MatchString(t)):
			// The table read cell by cell or column by column (pdftotext
			// without -layout): its header words alone, then its codes.
			inTable = true
			last = cellLines(x)
			table = append(table, tableWord.ReplaceAllString(p.strayCell(last, c.Numero), ""))
		default:
			p.a.SinClasificar = append(p.a.SinClasificar, manuals.Fragment{Texto: t, Origen: src(x)})
		}
	}
	pr.Subprocesos = splitTable(strings.Join(table, " "))
}

// codeSlips takes back the codes OCR misread (5.5.01.1.01, $.5.01.1.02
// or 5S.5.01.2.01 for S.5.01…; HA3.01.1 or H.3.01.2,03 for H.3.01…): a
// code of the process's own numbers, the ones most of the considerando's
// codes have, whose letter is a look-alike of the process's letter or has
// one glued before it, whose first stop was read as a letter, whose first
// number was read twice (H.44.05.2 for H.4.05.2: a process code has one
// digit there), or whose stops were read as commas, colons or semicolons.
// Each correction is recorded.
func (p *parser) codeSlips(paras []Para, considerando int) []Para {
	count := map[string]int{}
	best := ""
	for _, x := range paras {
		for _, m := range anyCode.FindAllString(x.Text, -1) {
			k := m[:6]
			count[k]++
			if count[k] > count[best] || count[k] == count[best] && k < best {
				best = k
			}
		}
	}
	if best == "" {
		return paras
	}
	letter, first, second := best[:1], best[2:3], best[4:6]
	look := `[5$§8B0O1lI|2Z6GQ]`
	stop := `[.,:;]`
	slip := regexp.MustCompile(`(^|[\s(])(` + look + `{1,2}|` + look + regexp.QuoteMeta(letter) + `|` + regexp.QuoteMeta(letter) + `)(?:` + stop + `|\pL)` +
		first + `{1,2}` + stop + second + `(` + stop + `\d(?:` + stop + `\d{2})?)?\b`)
	numbers := regexp.MustCompile(first + stop + second) // what every slip has, cheap to find
	for i := range paras {
		x := &paras[i]
		if !numbers.MatchString(x.Text) {
			continue
		}
		x.Text = slip.ReplaceAllStringFunc(x.Text, func(m string) string {
			g := slip.FindStringSubmatch(m)
			orig := m[len(g[1]):]
			fixed := letter + "." + first + "." + second + strings.NewReplacer(",", ".", ":", ".", ";", ".").Replace(g[3])
			if orig == fixed {
				return m
			}
			p.a.Correcciones = append(p.a.Correcciones, manuals.Correction{Original: orig, Corregido: fixed,
				Ubicacion: fmt.Sprintf("considerando %d", considerando), Motivo: "error de OCR (clave del proceso)", Origen: src(*x)})
			return g[1] + fixed
		})
	}
	return paras
}

// processOpeners begin the parts of the process considerando: where a
// layout that leaves no blank line between paragraphs (pdftotext -layout,
// a text layer) ran them together, they are split again.
var processOpeners = regexp.MustCompile(`\s(De acuerdo con el sistema de codificación|El proceso [A-Z]\.\d+\.\d{2}\s|El proceso se conforma por|Subprocesos?\s+Procedimientos?\s|El procedimiento [A-Z]\.\d)`)

func splitProcessParas(paras []Para) []Para {
	var out []Para
	for _, x := range paras {
		t := x.Text
		for {
			loc := processOpeners.FindStringSubmatchIndex(t)
			if loc == nil {
				break
			}
			head := x
			head.Text = strings.TrimSpace(t[:loc[2]])
			out = append(out, head)
			t = t[loc[2]:]
		}
		x.Text = t
		out = append(out, x)
	}
	return out
}

// strayWord is a word that cannot end a name (an article, a preposition,
// a conjunction): standing last in a table cell, it was displaced.
var strayWord = regexp.MustCompile(`^(?:de|del|la|las|el|los|y|e|o|u|a|al|en|con|por|para|su|sus)$`)

// strayCell is the text of a table paragraph (its wrapped lines) with a
// displaced word put back: pdftotext without -layout sets the last word
// of a justified line apart when the gap before it is wide, and gives it
// after the cell («H.3.01.1 Diseño de» / «Política de Igualdad» / «la»).
// Only a cell's lines before its last are justified: in a cell of two
// lines the word ends the first. Each correction is recorded.
func (p *parser) strayCell(x Para, considerando int) string {
	w := x.wrapped
	if len(w) != 3 || !strayWord.MatchString(w[2]) || !anyCode.MatchString(w[0]) {
		return x.Text
	}
	fixed := w[0] + " " + w[2] + " " + w[1]
	p.a.Correcciones = append(p.a.Correcciones, manuals.Correction{Original: strings.Join(w, " "), Corregido: fixed,
		Ubicacion: fmt.Sprintf("considerando %d", considerando), Motivo: "palabra de una celda justificada fuera de su renglón", Origen: src(x)})
	return fixed
}

// cellLines is a table paragraph with the header words that stand alone
// on its first lines («Subproceso») left out of its wrapped lines.
func cellLines(x Para) Para {
	for len(x.wrapped) > 0 && headerOnly(x.wrapped[0]) {
		x.wrapped = x.wrapped[1:]
	}
	return x
}

// headerOnly says whether a line is the table's header words and nothing
// else («Subproceso», «Procedimientos», «Subproceso Procedimientos»).
func headerOnly(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 40 || s == "" || !strings.ContainsRune("SsPp", rune(s[0])) {
		return false // (cheap: asked of every paragraph)
	}
	return tableWord.MatchString(s) && strings.TrimSpace(tableWord.ReplaceAllString(s, "")) == ""
}

// tableWord is a header word of the Subproceso | Procedimientos table
// standing alone.
var tableWord = regexp.MustCompile(`(?i)^\s*(subprocesos?|procedimientos?)\s*$|^(?i:subprocesos?)\s+(?i:procedimientos?)\s*`)

// splitTable splits the Subproceso | Procedimientos table on the code
// pattern, whatever the line breaks and tabs: a four-part code is a
// subprocess, a five-part code one of the procedures of the subprocess its
// code begins with (so that a table read column by column, all the
// subprocesses before all the procedures, splits as one read row by row).
// A code's name is the text up to the next code.
func splitTable(s string) []manuals.ListedSubprocess {
	var out []manuals.ListedSubprocess
	at := map[manuals.Code]int{}
	locs := anyCode.FindAllStringIndex(s, -1)
	for i, l := range locs {
		code := manuals.Code(s[l[0]:l[1]])
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		name := cleanName(codeHeader.ReplaceAllString(s[l[1]:end], " "))
		switch code.Level() {
		case manuals.LevelSubproceso:
			if _, dup := at[code]; !dup {
				at[code] = len(out)
				out = append(out, manuals.ListedSubprocess{Codigo: code, Nombre: name})
			}
		case manuals.LevelProcedimiento:
			k, ok := at[code.Parent()]
			if !ok {
				if len(out) == 0 || out[len(out)-1].Codigo != "" {
					out = append(out, manuals.ListedSubprocess{})
				}
				k = len(out) - 1
			}
			out[k].Procedimientos = append(out[k].Procedimientos, manuals.ListedProcedure{Codigo: code, Nombre: name})
		}
	}
	return out
}

// codeHeader is an acuerdo code (a running header) or a table header word
// caught inside a name.
var codeHeader = regexp.MustCompile(`\bINE/[A-Z]+\d+/\d{4}\b|\b(?:Subprocesos?|Procedimientos)\b`)

func cleanName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, ".,; ")
}

// unitSigla resolves "la CAI" or "la Coordinación de Asuntos Internacionales"
// to the sigla the glosario (or the profile) gives it.
func (p *parser) unitSigla(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	for _, g := range p.a.Glosario {
		if manuals.SameName(g.Definicion, s) {
			return g.Terms()[0]
		}
	}
	for _, u := range p.prof.URs {
		if manuals.SameName(u.Nombre, s) {
			return u.Sigla
		}
	}
	return s
}

func (p *parser) citedDictamen(c *manuals.Considerando) {
	m := dictamenRe.FindStringSubmatch(c.Texto)
	if m == nil {
		return
	}
	d, err := manuals.ParseDate(m[2])
	if err != nil {
		return
	}
	p.a.Dictamen = manuals.CitedDictamen{Fecha: d, Emisor: p.unitSigla(m[1]), Articulos: strings.TrimSpace(m[3]), Considerando: c.Numero, Origen: c.Origen}
}
