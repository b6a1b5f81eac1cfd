package rules

import (
	"fmt"
	"strings"

	"github.com/cipro-ine/mpp/esmx"
	"github.com/cipro-ine/mpp/manuals"
)

var _ = register(&Rule{
	ID: "MAN-009", Title: "Las actividades forman un flujo de inicio a fin", Severity: Error,
	Basis: map[string]string{"*": "Modelo de Gestión por Procesos, art. 1: procesos documentados de extremo a extremo"},
	Doc: `Las actividades de un procedimiento forman un solo flujo: empieza en la primera actividad; cada
«siguiente» apunta a una actividad que existe; cada decisión tiene al menos dos salidas; toda
actividad se alcanza desde el inicio y desde toda actividad se puede llegar a un fin. Sin
«siguiente», «fin» ni «decision», una actividad pasa a la que le sigue en la lista, y la última
termina el procedimiento. Un procedimiento sin actividades también se señala.`,
	Check: func(p *Pass) {
		m := p.Exp.Manual
		if m == nil {
			return
		}
		eachProcedure(m, func(pr *manuals.Procedure) { checkFlow(p, *pr) })
	},
})

const flowEnd = -1

func checkFlow(p *Pass, pr manuals.Procedure) {
	acts := pr.Actividades
	if len(acts) == 0 {
		p.Report(manuals.FileManual, pr.Pos, "el procedimiento %s no tiene actividades", pr.Codigo)
		return
	}
	index := map[int]int{}
	for i, a := range acts {
		if j, dup := index[a.Numero]; dup {
			p.Report(manuals.FileManual, a.Pos, "el número de actividad %d se repite (ya lo tiene la actividad de la posición %d)", a.Numero, j+1)
			return
		}
		index[a.Numero] = i
	}
	next := make([][]int, len(acts)) // successor indexes; flowEnd for an end
	broken := false
	for i, a := range acts {
		target := func(n int, what string) {
			j, ok := index[n]
			if !ok || j == i {
				broken = true
			}
			switch {
			case !ok:
				p.Report(manuals.FileManual, a.Pos, "la actividad %d de %s %s la actividad %d, que no existe", a.Numero, pr.Codigo, what, n)
			case j == i:
				p.Report(manuals.FileManual, a.Pos, "la actividad %d de %s %s a sí misma", a.Numero, pr.Codigo, what)
			default:
				next[i] = append(next[i], j)
			}
		}
		switch {
		case a.Decision != nil:
			if len(a.Decision.Salidas) < 2 {
				broken = true
				p.Report(manuals.FileManual, a.Pos, "la decisión de la actividad %d de %s tiene %s; necesita al menos dos", a.Numero, pr.Codigo, esmx.Count(len(a.Decision.Salidas), "salida", "salidas"))
			}
			for _, x := range a.Decision.Salidas {
				if x.Fin {
					next[i] = append(next[i], flowEnd)
				} else if x.Siguiente != 0 {
					target(x.Siguiente, "lleva (salida «"+x.Condicion+"») a")
				} else {
					broken = true
					p.Report(manuals.FileManual, x.Pos, "la salida «%s» de la actividad %d de %s no dice a qué actividad va ni si termina (siguiente o fin)", x.Condicion, a.Numero, pr.Codigo)
				}
			}
		case a.Fin:
			next[i] = append(next[i], flowEnd)
		case a.Siguiente != 0:
			target(a.Siguiente, "pasa a")
		case i+1 < len(acts):
			next[i] = append(next[i], i+1)
		default:
			next[i] = append(next[i], flowEnd)
		}
	}
	if broken {
		return // reachability over a broken graph would only echo the break
	}
	// Reachable from the start.
	seen := make([]bool, len(acts))
	stack := []int{0}
	seen[0] = true
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, j := range next[i] {
			if j != flowEnd && !seen[j] {
				seen[j] = true
				stack = append(stack, j)
			}
		}
	}
	var unreachable []string
	first := -1
	for i, ok := range seen {
		if !ok {
			unreachable = append(unreachable, fmt.Sprint(acts[i].Numero))
			if first < 0 {
				first = i
			}
		}
	}
	if first >= 0 {
		p.Report(manuals.FileManual, acts[first].Pos, "en %s, ninguna actividad lleva a: %s", pr.Codigo, strings.Join(unreachable, ", "))
	}
	// Can reach an end: a search backwards from the activities that end,
	// over the predecessor lists (linear; a fixed point over the successor
	// lists took one pass per activity of a long chain).
	ends := make([]bool, len(acts))
	prev := make([][]int, len(acts))
	var queue []int
	for i, ns := range next {
		for _, j := range ns {
			if j == flowEnd {
				if !ends[i] {
					ends[i] = true
					queue = append(queue, i)
				}
			} else {
				prev[j] = append(prev[j], i)
			}
		}
	}
	for len(queue) > 0 {
		j := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, i := range prev[j] {
			if !ends[i] {
				ends[i] = true
				queue = append(queue, i)
			}
		}
	}
	var stuck []string
	first = -1
	for i, ok := range ends {
		if !ok && seen[i] {
			stuck = append(stuck, fmt.Sprint(acts[i].Numero))
			if first < 0 {
				first = i
			}
		}
	}
	if first >= 0 {
		p.Report(manuals.FileManual, acts[first].Pos, "en %s, desde las actividades %s no se llega a ningún fin (ciclo sin salida)", pr.Codigo, strings.Join(stuck, ", "))
	}
}
