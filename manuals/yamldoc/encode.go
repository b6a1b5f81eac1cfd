package yamldoc

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// Encode writes v as YAML with two-space indentation, after a header of
// comment lines (each given without its "# ").
func Encode(v any, header ...string) ([]byte, error) {
	var b bytes.Buffer
	for _, h := range header {
		b.WriteString("# " + h + "\n")
	}
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
