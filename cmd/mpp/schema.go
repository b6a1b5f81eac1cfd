package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/editdist"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
)

// schemaDocs are the documents `mpp schema` describes.
var schemaDocs = []struct {
	name, title string
	v           any
}{
	{"manual", "Manual de Proceso y Procedimientos (manual.yaml de mpp)", manuals.Manual{}},
	{"acuerdo", "Acuerdo de la Junta General Ejecutiva (acuerdo.yaml de mpp)", manuals.Acuerdo{}},
	{"dictamen", "Dictamen técnico de la CIPro (dictamen.yaml de mpp)", manuals.Dictamen{}},
	{"certificacion", "Certificación de la Dirección Jurídica (certificacion.yaml de mpp)", manuals.Certificacion{}},
	{"perfil", "Perfil institucional de mpp (--perfil)", profile.Profile{}},
}

func newSchemaCmd(ios *ioStreams) *cobra.Command {
	return &cobra.Command{
		Use:       "schema manual|acuerdo|dictamen|certificacion|perfil",
		Aliases:   []string{"esquema"},
		Short:     "Imprime el JSON Schema de un documento, para el editor",
		ValidArgs: []string{"manual", "acuerdo", "dictamen", "certificacion", "perfil"},
		Long: `Imprime el JSON Schema de un documento del expediente. Con yaml-language-server (VS Code y
otros editores), una primera línea como

  # yaml-language-server: $schema=../../schemas/manual.schema.json

da autocompletado, descripciones y errores al escribir.`,
		Example: `  mpp schema manual > manual.schema.json
  mpp esquema acuerdo`,
		Args: exactArgs(1, "un documento: manual, acuerdo, dictamen, certificacion o perfil"),
		RunE: func(c *cobra.Command, args []string) error {
			b, err := schemaFor(args[0])
			if err != nil {
				return err
			}
			_, err = ios.Out.Write(b)
			return err
		},
	}
}

func schemaFor(name string) ([]byte, error) {
	for _, d := range schemaDocs {
		if d.name == name {
			return yamldoc.Schema(d.v, d.title, "Generado por «mpp schema "+d.name+"».")
		}
	}
	var names []string
	for _, d := range schemaDocs {
		names = append(names, d.name)
	}
	hint := ""
	if s := editdist.Closest(name, names, yamldoc.Fold); s != "" {
		hint = fmt.Sprintf("; ¿quiso decir «%s»?", s)
	}
	return nil, usageError("documento desconocido «%s»%s: use manual, acuerdo, dictamen, certificacion o perfil", name, hint)
}
