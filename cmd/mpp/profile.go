package main

import (
	"github.com/spf13/cobra"

	"github.com/cipro-ine/mpp/manuals/profile"
)

func newProfileCmd(ios *ioStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "perfil",
		Short: "Imprime el perfil institucional incorporado, para copiarlo y editarlo",
		Long: `Imprime el perfil institucional incorporado: regímenes de los Lineamientos, integración de la
Junta General Ejecutiva, familias del mapa de procesos, unidades responsables y escala de
riesgos. Cópielo, edítelo y úselo con --perfil.`,
		Example: `  mpp perfil > perfil.yaml
  mpp validate --perfil perfil.yaml examples/`,
		Args: exactArgs(0, "ningún argumento"),
		RunE: func(c *cobra.Command, args []string) error {
			_, err := ios.Out.Write(profile.DefaultYAML())
			return err
		},
	}
}
