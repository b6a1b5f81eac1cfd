package bpmn_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/cipro-ine/mpp/manuals/bpmn"
)

// A file in another vendor's shape (testdata/bpmn/otro-modelador.bpmn,
// written by hand): every element mpp does not model is reported with its
// line and id, and the tasks come in in flow order.
func TestOtherModelerFile(t *testing.T) {
	data, err := os.ReadFile("../../testdata/bpmn/otro-modelador.bpmn")
	if err != nil {
		t.Fatal(err)
	}
	res, err := bpmn.Read("otro-modelador.bpmn", data, bpmn.Options{Code: "H.9.01.1.01"})
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, n := range res.Notes {
		notes = append(notes, n.String())
	}
	all := strings.Join(notes, "\n")
	for _, want := range []string{
		"línea 14: el participante «Ciudadanía» (Pool_Ciudadano)",
		"línea 15: flujo de mensaje Msg_Acuse",
		"línea 19: extensiones de urn:ejemplo:bizagi:extensiones en Proc_Quejas",
		"línea 40: atributos de urn:ejemplo:bizagi:extensiones en T_Recibe (color)",
		"línea 40: documentación de la tarea T_Recibe: «Por escrito o por correo.»",
		"línea 44: evento intermedio Timer_Plazo",
		"línea 45: el evento Timer_Plazo lleva temporizador",
		"línea 47: compuerta paralela Par_Split abre 2 caminos",
		"línea 48: subproceso Sub_Investiga",
		"línea 74: anotación Nota_1: «Plazo del artículo 12»",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no note %q in:\n%s", want, all)
		}
	}
	p := res.Procedures[0]
	var got []string
	for _, a := range p.Actividades {
		got = append(got, a.Descripcion)
	}
	// Depth first from the start, through the timer and both parallel
	// branches (the second one last), the gateway alone an activity.
	want := []string{"Recibe la queja", "Envía el acuse de recibo", "Investiga los hechos", "¿Procede la queja?",
		"Elabora el proyecto de resolución", "Desecha la queja y lo notifica", "Registra la queja en el expediente"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("activities %q, want %q", got, want)
	}
	d := p.Actividades[3].Decision
	if d == nil || len(d.Salidas) != 2 || d.Salidas[0].Condicion != "Procede" || d.Salidas[1].Condicion != "No procede" ||
		d.Salidas[0].Siguiente != 5 || d.Salidas[1].Siguiente != 6 {
		t.Errorf("decision %+v", d)
	}
	if p.Actividades[6].Siguiente != 4 || !p.Actividades[4].Fin || !p.Actividades[5].Fin {
		t.Errorf("flow: %+v", p.Actividades)
	}
	if p.Actividades[0].Responsable != "Oficialía de Partes" || p.Actividades[2].Responsable != "Área Jurídica" {
		t.Errorf("lanes: %+v", p.Actividades)
	}
}

func TestNotBPMN(t *testing.T) {
	for _, c := range []struct {
		name, data, msg string
		line            int
		notBPMN         bool
	}{
		{"vacío", "", "no contiene ningún elemento XML", 0, true},
		{"texto", "esto no es XML", "no contiene ningún elemento XML", 0, true},
		{"html", "<html><body><p>hola</body></html>", "no es XML bien formado", 1, true},
		{"comentario", "<!-- a -- b -->\n<x/>", "no es XML bien formado: un comentario contiene «--»", 1, true},
		{"entidad", "<x>\n&nada;</x>", "no es XML bien formado: una entidad de carácter no válida (&nada;)", 2, true},
		{"svg", `<?xml version="1.0"?>` + "\n" + `<svg xmlns="http://www.w3.org/2000/svg"/>`, "el elemento raíz es «svg", 2, true},
		{"cortado", `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">` + "\n<bpmn:process id=\"p\">\n", "el archivo termina antes", 3, true},
		{"sin tareas", `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p"/></bpmn:definitions>`, "no contiene ningún proceso con tareas", 1, false},
		{"sin código", `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p" name="Uno"><bpmn:task id="t"/></bpmn:process></bpmn:definitions>`, "indíquelo con --procedimiento", 1, false},
		{"flujo roto", `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p"><bpmn:task id="t"/>` + "\n" + `<bpmn:sequenceFlow id="f" sourceRef="t" targetRef="nada"/></bpmn:process></bpmn:definitions>`, "el flujo f une «t» con «nada»", 2, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := bpmn.Options{}
			if c.name == "flujo roto" {
				o.Code = "H.1.01.1.01"
			}
			_, err := bpmn.Read("x.bpmn", []byte(c.data), o)
			var e *bpmn.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v", err)
			}
			if !strings.Contains(e.Msg, c.msg) || e.Line != c.line || e.File != "x.bpmn" || errors.Is(err, bpmn.ErrNotBPMN) != c.notBPMN {
				t.Errorf("got %q (line %d, not BPMN %v)", err, e.Line, errors.Is(err, bpmn.ErrNotBPMN))
			}
		})
	}
}
