package acuerdotext

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/manuals"
)

// Section confidence: how far what was read of each section agrees with
// what the acuerdo itself says of it — numbering without gaps, the process
// table with the counts its considerando declares and the names its
// objective paragraphs give. It can say no: a section read with a gap, a
// table that does not add up, is «baja», whatever the coverage.

// Level of confidence in a section.
type Level string

const (
	High    Level = "alta"
	Medium  Level = "media"
	Low     Level = "baja"
	Missing Level = "falta"
)

// SectionConfidence is one section's confidence and why.
type SectionConfidence struct {
	Section string
	Level   Level
	Why     string // empty when alta
}

func (s SectionConfidence) String() string {
	if s.Why == "" {
		return s.Section + " " + string(s.Level)
	}
	return fmt.Sprintf("%s %s (%s)", s.Section, s.Level, s.Why)
}

// Confidence rates each section of a.
func Confidence(a *manuals.Acuerdo) []SectionConfidence {
	var out []SectionConfidence
	add := func(section string, l Level, why string) {
		out = append(out, SectionConfidence{section, l, why})
	}
	// Glosario.
	empty := 0
	for _, g := range a.Glosario {
		if strings.TrimSpace(g.Definicion) == "" || len(g.Sigla) > 40 {
			empty++
		}
	}
	switch {
	case len(a.Glosario) == 0:
		add("glosario", Missing, "")
	case empty > 0:
		add("glosario", Low, esmx.Count(empty, "entrada sin definición o con sigla de más de 40 letras", "entradas sin definición o con sigla de más de 40 letras"))
	default:
		add("glosario", High, "")
	}
	// Antecedentes: I, II, III… without gaps.
	var romans []int
	for _, x := range a.Antecedentes {
		romans = append(romans, manuals.RomanValue(x.Romano))
	}
	rateSequence(add, "antecedentes", romans, manuals.RomanNumeral)
	var nums []int
	for _, c := range a.AllConsiderandos() {
		nums = append(nums, c.Numero)
	}
	rateSequence(add, "considerandos", nums, strconv.Itoa)
	// The process considerando: its table against its own counts and its
	// objective paragraphs.
	pr := a.Proceso
	switch {
	case pr.Codigo == "":
		add("proceso", Missing, "")
	default:
		procs, named := 0, 0
		objs := map[manuals.Code]string{}
		for _, o := range pr.Objetivos {
			objs[o.Codigo] = o.Nombre
		}
		var why []string
		for _, s := range pr.Subprocesos {
			for _, p := range s.Procedimientos {
				procs++
				if n, ok := objs[p.Codigo]; ok && manuals.SameName(n, p.Nombre) {
					named++
				}
			}
		}
		if pr.SubprocesosDeclarados > 0 && len(pr.Subprocesos) != pr.SubprocesosDeclarados {
			why = append(why, fmt.Sprintf("la tabla tiene %d subprocesos y el considerando dice %d", len(pr.Subprocesos), pr.SubprocesosDeclarados))
		}
		if pr.ProcedimientosDeclarados > 0 && procs != pr.ProcedimientosDeclarados {
			why = append(why, fmt.Sprintf("la tabla tiene %d procedimientos y el considerando dice %d", procs, pr.ProcedimientosDeclarados))
		}
		switch {
		case len(why) > 0 || procs == 0:
			if procs == 0 {
				why = append(why, "no se leyó la tabla de subprocesos y procedimientos")
			}
			add("proceso", Low, strings.Join(why, "; "))
		case named < procs:
			add("proceso", Medium, fmt.Sprintf("%d de %d nombres de la tabla no coinciden con su párrafo de objetivo (ACU-014: del acuerdo o de la lectura)", procs-named, procs))
		default:
			add("proceso", High, "")
		}
	}
	var ords []int
	for _, p := range a.Puntos {
		ords = append(ords, manuals.OrdinalValue(p.Ordinal))
	}
	rateSequence(add, "puntos", ords, strconv.Itoa)
	v := a.Votacion
	switch {
	case strings.TrimSpace(v.Texto) == "":
		add("votación", Missing, "")
	case len(v.AFavor) == 0 || v.TipoSesion == "" || v.Fecha.IsZero():
		add("votación", Low, "sin votos a favor, tipo de sesión o fecha")
	case v.Tipo == "unanime" && len(v.EnContra) > 0:
		add("votación", Low, "unánime, pero con votos en contra")
	default:
		add("votación", High, "")
	}
	return out
}

// rateSequence rates a numbered section: 1, 2, 3… without gaps nor
// repeats is alta.
func rateSequence(add func(string, Level, string), section string, got []int, label func(int) string) {
	if len(got) == 0 {
		add(section, Missing, "")
		return
	}
	var missing []string
	seen := map[int]bool{}
	last := 0
	for _, n := range got {
		if n <= last || seen[n] {
			add(section, Low, "numeración fuera de orden o repetida en "+label(n))
			return
		}
		for k := last + 1; k < n; k++ {
			missing = append(missing, label(k))
		}
		seen[n], last = true, n
	}
	if len(missing) > 0 {
		add(section, Low, "faltan "+strings.Join(missing, ", "))
		return
	}
	add(section, High, "")
}

// AllHigh says every section is alta.
func AllHigh(cs []SectionConfidence) bool {
	for _, c := range cs {
		if c.Level != High {
			return false
		}
	}
	return true
}
