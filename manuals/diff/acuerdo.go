package diff

import (
	"fmt"

	"github.com/cipro-ine/mpp/manuals"
)

// Acuerdos lists the changes from acuerdo a to acuerdo b.
func Acuerdos(a, b *manuals.Acuerdo) []Change {
	var out []Change
	text(&out, "título", b.Codigo, "titulo", a.Titulo, b.Titulo)
	glossary(&out, a.Glosario, b.Glosario)
	old := map[int]*manuals.Considerando{}
	for _, c := range a.AllConsiderandos() {
		old[c.Numero] = c
	}
	for _, c := range b.AllConsiderandos() {
		where := fmt.Sprintf("considerando %d", c.Numero)
		if o, ok := old[c.Numero]; ok {
			text(&out, "considerando", where, where, o.AllText(), c.AllText())
			delete(old, c.Numero)
		} else {
			out = append(out, Change{Kind: Added, What: "considerando", Where: where, New: c.AllText()})
		}
	}
	for _, c := range a.AllConsiderandos() { // in order, not the map's
		if _, gone := old[c.Numero]; gone {
			out = append(out, Change{Kind: Removed, What: "considerando", Where: fmt.Sprintf("considerando %d", c.Numero), Old: c.AllText()})
		}
	}
	text(&out, "objetivo del proceso", string(b.Proceso.Codigo), "proceso.objetivo", a.Proceso.Objetivo, b.Proceso.Objetivo)
	// Puntos match by their text first: inserting one renumbers the rest,
	// which is not an edit of theirs.
	ka, kb := make([]string, len(a.Puntos)), make([]string, len(b.Puntos))
	for i, p := range a.Puntos {
		ka[i] = manuals.NormName(p.Texto)
	}
	for j, p := range b.Puntos {
		kb[j] = manuals.NormName(p.Texto)
	}
	usedA := make([]bool, len(a.Puntos))
	matchB := make([]int, len(b.Puntos))
	for j := range matchB {
		matchB[j] = -1
	}
	for _, p := range common(ka, kb) {
		usedA[p[0]], matchB[p[1]] = true, p[0]
	}
	for j, p := range b.Puntos {
		if matchB[j] >= 0 {
			continue
		}
		for i, q := range a.Puntos {
			if !usedA[i] && manuals.OrdinalValue(q.Ordinal) == manuals.OrdinalValue(p.Ordinal) {
				usedA[i], matchB[j] = true, i
				break
			}
		}
		path := fmt.Sprintf("puntos[%d]", j+1)
		if i := matchB[j]; i >= 0 {
			text(&out, "punto de acuerdo", "punto "+p.Ordinal, path+".texto", a.Puntos[i].Texto, p.Texto)
		} else {
			out = append(out, Change{Kind: Added, What: "punto de acuerdo", Where: "punto " + p.Ordinal, Path: path, New: p.Texto})
		}
	}
	for i, p := range a.Puntos {
		if !usedA[i] {
			out = append(out, Change{Kind: Removed, What: "punto de acuerdo", Where: "punto " + p.Ordinal, Old: p.Texto})
		}
	}
	return out
}
