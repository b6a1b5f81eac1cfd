package diff

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
)

type procAt struct {
	p    *manuals.Procedure
	sub  manuals.Code
	path string
}

func procedures(m *manuals.Manual) []procAt {
	var out []procAt
	for si := range m.Subprocesos {
		s := &m.Subprocesos[si]
		for pi := range s.Procedimientos {
			out = append(out, procAt{&s.Procedimientos[pi], s.Codigo, fmt.Sprintf("subprocesos[%d].procedimientos[%d]", si+1, pi+1)})
		}
	}
	return out
}

// Manuals lists the changes from manual a to manual b.
func Manuals(a, b *manuals.Manual) []Change {
	var out []Change
	text(&out, "nombre del proceso", string(b.DatosGenerales.Codigo), "datos_generales.nombre", a.DatosGenerales.Nombre, b.DatosGenerales.Nombre)
	text(&out, "objetivo del proceso", string(b.DatosGenerales.Codigo), "objetivo", a.Objetivo, b.Objetivo)
	text(&out, "alcance del proceso", string(b.DatosGenerales.Codigo), "alcance", a.Alcance, b.Alcance)
	text(&out, "unidad responsable dueña", string(b.DatosGenerales.Codigo), "datos_generales.ur_duena", a.DatosGenerales.URDuena, b.DatosGenerales.URDuena)
	lists(&out, "unidades participantes", string(b.DatosGenerales.Codigo), "datos_generales.urs_participantes", a.DatosGenerales.URsParticipantes, b.DatosGenerales.URsParticipantes)
	lists(&out, "marco normativo", string(b.DatosGenerales.Codigo), "marco_normativo", a.MarcoNormativo, b.MarcoNormativo)
	glossary(&out, a.Glosario, b.Glosario)
	roles(&out, a.Roles, b.Roles)
	subprocesses(&out, a.Subprocesos, b.Subprocesos)

	pa, pb := procedures(a), procedures(b)
	byCodeA, byCodeB := map[manuals.Code]procAt{}, map[manuals.Code]procAt{}
	for _, x := range pa {
		byCodeA[x.p.Codigo] = x
	}
	for _, x := range pb {
		byCodeB[x.p.Codigo] = x
	}
	matched := map[manuals.Code]manuals.Code{} // b code -> a code
	for _, x := range pb {
		if _, ok := byCodeA[x.p.Codigo]; ok {
			matched[x.p.Codigo] = x.p.Codigo
		}
	}
	// A procedure whose code changed keeps its name: it moved.
	for _, x := range pb {
		if _, ok := matched[x.p.Codigo]; ok {
			continue
		}
		for _, y := range pa {
			if _, taken := byCodeB[y.p.Codigo]; taken {
				continue
			}
			if manuals.SameName(x.p.Nombre, y.p.Nombre) && !isMatchedA(matched, y.p.Codigo) {
				matched[x.p.Codigo] = y.p.Codigo
				out = append(out, Change{Kind: Moved, What: "procedimiento", Where: string(x.p.Codigo), Path: x.path,
					Old: string(y.p.Codigo), New: string(x.p.Codigo), Context: x.p.Nombre})
				break
			}
		}
	}
	for _, y := range pa {
		if !isMatchedA(matched, y.p.Codigo) {
			out = append(out, Change{Kind: Removed, What: "procedimiento", Where: string(y.p.Codigo), Path: y.path, Old: y.p.Nombre})
		}
	}
	for _, x := range pb {
		ac, ok := matched[x.p.Codigo]
		if !ok {
			out = append(out, Change{Kind: Added, What: "procedimiento", Where: string(x.p.Codigo), Path: x.path, New: x.p.Nombre})
			continue
		}
		y := byCodeA[ac]
		if !manuals.SameName(x.p.Nombre, y.p.Nombre) {
			out = append(out, Change{Kind: Renamed, What: "procedimiento", Where: string(x.p.Codigo), Path: x.path + ".nombre",
				Old: y.p.Nombre, New: x.p.Nombre, Words: Words(y.p.Nombre, x.p.Nombre)})
		}
		procedure(&out, y, x)
	}
	return out
}

func isMatchedA(m map[manuals.Code]manuals.Code, a manuals.Code) bool {
	for _, v := range m {
		if v == a {
			return true
		}
	}
	return false
}

func procedure(out *[]Change, a, b procAt) {
	code := string(b.p.Codigo)
	text(out, "objetivo", code, b.path+".objetivo", a.p.Objetivo, b.p.Objetivo)
	text(out, "alcance", code, b.path+".alcance", a.p.Alcance, b.p.Alcance)
	lists(out, "reglas de operación", code, b.path+".reglas_operacion", a.p.ReglasOperacion, b.p.ReglasOperacion)
	activities(out, code, b.path, a.p.Actividades, b.p.Actividades)
	risks(out, code, b.path, a.p.Riesgos, b.p.Riesgos)
	lists(out, "controles", code, b.path+".controles", controls(a.p.Controles), controls(b.p.Controles))
	lists(out, "indicadores", code, b.path+".indicadores", indicators(a.p.Indicadores), indicators(b.p.Indicadores))
}

// activities matches activities by their description. Those in the longest
// common subsequence kept their relative place; a description found again
// out of that order moved; what is left pairs by similar wording or by
// place between unchanged neighbours (the text changed), or was added or
// removed. So one activity moved is one change, not a shift
// of all the numbers after it.
func activities(out *[]Change, code, base string, a, b []manuals.Activity) {
	ka, kb := make([]string, len(a)), make([]string, len(b))
	for i := range a {
		ka[i] = manuals.NormName(a[i].Descripcion)
	}
	for j := range b {
		kb[j] = manuals.NormName(b[j].Descripcion)
	}
	usedA := make([]bool, len(a))
	matchB := make([]int, len(b))
	moved := make([]bool, len(b))
	for j := range matchB {
		matchB[j] = -1
	}
	for _, p := range common(ka, kb) {
		usedA[p[0]], matchB[p[1]] = true, p[0]
	}
	for j := range b {
		if matchB[j] >= 0 {
			continue
		}
		for i := range a {
			if !usedA[i] && ka[i] == kb[j] {
				usedA[i], matchB[j], moved[j] = true, i, true
				break
			}
		}
	}
	// A reworded activity: the most similar one left, if at least half of
	// its words stayed.
	for j := range b {
		if matchB[j] >= 0 {
			continue
		}
		best, bestSim := -1, 0.5
		for i := range a {
			if usedA[i] {
				continue
			}
			if sim := similarity(ka[i], kb[j]); sim >= bestSim {
				best, bestSim = i, sim
			}
		}
		if best >= 0 {
			usedA[best], matchB[j] = true, best
		}
	}
	// A rewritten one: between the same two unchanged neighbours, as many
	// left on each side pair in order.
	for j := 0; j < len(b); {
		if matchB[j] >= 0 {
			j++
			continue
		}
		end := j
		for end < len(b) && matchB[end] < 0 {
			end++
		}
		lo, hi := -1, len(a)
		if j > 0 {
			lo = matchB[j-1]
		}
		if end < len(b) {
			hi = matchB[end]
		}
		var left []int
		for i := lo + 1; i < hi && i >= 0; i++ {
			if !usedA[i] {
				left = append(left, i)
			}
		}
		if len(left) == end-j {
			for k, i := range left {
				usedA[i], matchB[j+k] = true, i
			}
		}
		j = end
	}
	for j, x := range b {
		path := fmt.Sprintf("%s.actividades[%d]", base, j+1)
		where := code + " actividad " + strconv.Itoa(x.Numero)
		i := matchB[j]
		if i < 0 {
			*out = append(*out, Change{Kind: Added, What: "actividad", Where: where, Path: path, New: x.Descripcion})
			continue
		}
		y := a[i]
		if moved[j] {
			*out = append(*out, Change{Kind: Moved, What: "actividad", Where: where, Path: path,
				Old: fmt.Sprintf("actividad %d", y.Numero), New: fmt.Sprintf("actividad %d", x.Numero), Context: x.Descripcion})
		}
		text(out, "descripción de la actividad", where, path+".descripcion", y.Descripcion, x.Descripcion)
		lists(out, "insumos de la actividad", where, path+".insumos", y.Insumos, x.Insumos)
		lists(out, "salidas de la actividad", where, path+".salidas", y.Salidas, x.Salidas)
		text(out, "sistema de la actividad", where, path+".sistema", y.Sistema, x.Sistema)
		lists(out, "formatos de la actividad", where, path+".formatos", y.Formatos, x.Formatos)
		if y.Responsable != x.Responsable {
			*out = append(*out, Change{Kind: Modified, What: "responsable de la actividad", Where: where, Path: path + ".responsable", Old: y.Responsable, New: x.Responsable})
		}
		if explicitFlow(y) || explicitFlow(x) {
			// The old flow in the new numbering, through the pairing.
			matchA := make([]int, len(a))
			for k := range matchA {
				matchA[k] = -1
			}
			for jj, ii := range matchB {
				if ii >= 0 {
					matchA[ii] = jj
				}
			}
			was := flow(a, i, func(k int) string {
				if matchA[k] < 0 {
					return "la actividad eliminada «" + a[k].Descripcion + "»"
				}
				return "actividad " + strconv.Itoa(b[matchA[k]].Numero)
			})
			is := flow(b, j, func(k int) string { return "actividad " + strconv.Itoa(b[k].Numero) })
			if was != is {
				*out = append(*out, Change{Kind: Modified, What: "flujo de la actividad", Where: where, Path: path, Old: was, New: is, Words: Words(was, is)})
			}
		}
	}
	for i, y := range a {
		if !usedA[i] {
			*out = append(*out, Change{Kind: Removed, What: "actividad", Where: code + " actividad " + strconv.Itoa(y.Numero), Path: base, Old: y.Descripcion})
		}
	}
}

func risks(out *[]Change, code, base string, a, b []manuals.Risk) {
	byID := map[string]manuals.Risk{}
	for _, r := range a {
		byID[r.ID] = r
	}
	seen := map[string]bool{}
	for j, r := range b {
		path := fmt.Sprintf("%s.riesgos[%d]", base, j+1)
		where := code + " riesgo " + r.ID
		seen[r.ID] = true
		old, ok := byID[r.ID]
		if !ok {
			*out = append(*out, Change{Kind: Added, What: "riesgo", Where: where, Path: path, New: r.Descripcion})
			continue
		}
		text(out, "descripción del riesgo", where, path+".descripcion", old.Descripcion, r.Descripcion)
		if old.Impacto != r.Impacto || old.Probabilidad != r.Probabilidad || strings.Join(old.Controles, ",") != strings.Join(r.Controles, ",") {
			*out = append(*out, Change{Kind: Modified, What: "valoración del riesgo", Where: where, Path: path,
				Old: fmt.Sprintf("impacto %d, probabilidad %d, controles %s", old.Impacto, old.Probabilidad, strings.Join(old.Controles, ", ")),
				New: fmt.Sprintf("impacto %d, probabilidad %d, controles %s", r.Impacto, r.Probabilidad, strings.Join(r.Controles, ", "))})
		}
	}
	for _, r := range a {
		if !seen[r.ID] {
			*out = append(*out, Change{Kind: Removed, What: "riesgo", Where: code + " riesgo " + r.ID, Path: base, Old: r.Descripcion})
		}
	}
}

func roles(out *[]Change, a, b []manuals.Role) {
	byName := map[string]manuals.Role{}
	for _, r := range a {
		byName[r.Nombre] = r
	}
	seen := map[string]bool{}
	for j, r := range b {
		seen[r.Nombre] = true
		path := fmt.Sprintf("roles[%d]", j+1)
		old, ok := byName[r.Nombre]
		if !ok {
			*out = append(*out, Change{Kind: Added, What: "rol", Where: r.Nombre, Path: path, New: r.Puesto})
			continue
		}
		text(out, "puesto del rol", r.Nombre, path+".puesto", old.Puesto, r.Puesto)
		text(out, "descripción del rol", r.Nombre, path+".descripcion", old.Descripcion, r.Descripcion)
	}
	for _, r := range a {
		if !seen[r.Nombre] {
			*out = append(*out, Change{Kind: Removed, What: "rol", Where: r.Nombre, Path: "roles", Old: r.Puesto})
		}
	}
}

func glossary(out *[]Change, a, b []manuals.GlossaryEntry) {
	bySigla := map[string]string{}
	for _, g := range a {
		bySigla[g.Sigla] = g.Definicion
	}
	seen := map[string]bool{}
	for j, g := range b {
		seen[g.Sigla] = true
		old, ok := bySigla[g.Sigla]
		path := fmt.Sprintf("glosario[%d]", j+1)
		if !ok {
			*out = append(*out, Change{Kind: Added, What: "entrada del glosario", Where: g.Sigla, Path: path, New: g.Definicion})
			continue
		}
		text(out, "definición del glosario", g.Sigla, path+".definicion", old, g.Definicion)
	}
	for _, g := range a {
		if !seen[g.Sigla] {
			*out = append(*out, Change{Kind: Removed, What: "entrada del glosario", Where: g.Sigla, Path: "glosario", Old: g.Definicion})
		}
	}
}

// similarity is the share of words two texts have in common, in order.
func similarity(a, b string) float64 {
	x, y := strings.Fields(a), strings.Fields(b)
	if len(x) == 0 || len(y) == 0 {
		return 0
	}
	return float64(len(common(x, y))) / float64(max(len(x), len(y)))
}

// subprocesses compares the subprocesos' names and objectives, by code.
func subprocesses(out *[]Change, a, b []manuals.Subprocess) {
	old := map[manuals.Code]*manuals.Subprocess{}
	for i := range a {
		old[a[i].Codigo] = &a[i]
	}
	for j := range b {
		s := &b[j]
		o, ok := old[s.Codigo]
		if !ok {
			continue // its procedures say it all
		}
		path := fmt.Sprintf("subprocesos[%d]", j+1)
		text(out, "nombre del subproceso", string(s.Codigo), path+".nombre", o.Nombre, s.Nombre)
		text(out, "objetivo del subproceso", string(s.Codigo), path+".objetivo", o.Objetivo, s.Objetivo)
	}
}

func controls(cs []manuals.Control) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = fmt.Sprintf("%s: %s (%s, actividad %d)", c.ID, c.Descripcion, c.Tipo, c.Actividad)
	}
	return out
}

func indicators(is []manuals.Indicator) []string {
	out := make([]string, len(is))
	for i, x := range is {
		out[i] = fmt.Sprintf("%s: %s; %s; meta %s", x.Nombre, x.Formula, x.Frecuencia, x.Meta)
	}
	return out
}

// explicitFlow tells an activity that says where the flow goes: a decision,
// a siguiente or a fin. The implicit "next in the list" changes with every
// activity added, removed or moved, which are reported as such.
func explicitFlow(x manuals.Activity) bool {
	return x.Decision != nil || x.Siguiente > 0 || x.Fin
}

// flow writes where activity k of acts leads, naming each target with name.
func flow(acts []manuals.Activity, k int, name func(int) string) string {
	index := func(numero int) int {
		for i := range acts {
			if acts[i].Numero == numero {
				return i
			}
		}
		return -1
	}
	target := func(numero int, fin bool) string {
		if fin {
			return "fin"
		}
		if i := index(numero); i >= 0 {
			return name(i)
		}
		return "actividad " + strconv.Itoa(numero) + " (no existe)"
	}
	x := acts[k]
	switch {
	case x.Decision != nil:
		parts := make([]string, len(x.Decision.Salidas))
		for i, e := range x.Decision.Salidas {
			parts[i] = e.Condicion + ": " + target(e.Siguiente, e.Fin)
		}
		return x.Decision.Pregunta + " " + strings.Join(parts, "; ")
	case x.Fin:
		return "fin"
	case x.Siguiente > 0:
		return target(x.Siguiente, false)
	case k+1 < len(acts):
		return name(k + 1)
	}
	return "fin"
}
