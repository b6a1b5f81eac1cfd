// Package profile holds the institutional facts mpp checks against that change
// over time: the normative regimes of the Lineamientos, who sits on the Junta
// General Ejecutiva, the process families, the responsible units, the risk
// scale. They live in an embedded YAML file that a user can replace, not in
// code.
package profile

import (
	_ "embed"
	"fmt"
	"sort"

	"github.com/cipro-ine/mpp/infile"
	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/yamldoc"
)

//go:embed perfil.yaml
var defaultYAML []byte

// DefaultYAML is the embedded profile, for users to copy and edit.
func DefaultYAML() []byte { return defaultYAML }

// Profile is the whole set of institutional facts.
type Profile struct {
	Regimenes           []Regime      `yaml:"regimenes" mpp:"req"`
	CargosDictamen      []Office      `yaml:"cargos_dictamen"`
	CargosJGE           []Office      `yaml:"cargos_jge"`
	IntegracionesJGE    []Composition `yaml:"integraciones_jge"`
	GruposConsiderandos []GroupTitle  `yaml:"grupos_considerandos"`
	Familias            []Family      `yaml:"familias"`
	URs                 []Unit        `yaml:"unidades_responsables"`
	EscalaRiesgo        []ScaleLevel  `yaml:"escala_riesgo"`
	NombresPropios      []string      `yaml:"nombres_propios" doc:"Nombres con varias mayúsculas que no son siglas (NormaINE): no necesitan glosario."`
}

// Regime is one version of the Lineamientos.
type Regime struct {
	ID                string       `yaml:"id" mpp:"req"`
	Nombre            string       `yaml:"nombre"`
	Desde             manuals.Date `yaml:"desde" mpp:"req"`
	Acuerdo           string       `yaml:"acuerdo,omitempty"`
	FirmantesDictamen []string     `yaml:"firmantes_dictamen"`
	FirmanteSiMejora  string       `yaml:"firmante_si_mejora,omitempty"`
	Certificacion     []string     `yaml:"certificacion" enum:"acuerdo,manual"`
	// Conserva names the regime that manuals presented before Desde keep
	// (the transitional rule of the 2022 modification, INE/JGE248/2022,
	// considerando 19).
	Conserva string `yaml:"conserva,omitempty" doc:"Régimen que conservan los manuales presentados antes de «desde» (regla transitoria)."`
}

// Office is a post, by key.
type Office struct {
	Clave  string   `yaml:"clave" mpp:"req"`
	Nombre string   `yaml:"nombre"`
	Frases []string `yaml:"frases,omitempty" doc:"Cómo lo nombran los párrafos de votación («Organización Electoral»)."`
}

// Composition is who held each JGE post over a period.
type Composition struct {
	Desde    manuals.Date `yaml:"desde" mpp:"req"`
	Hasta    manuals.Date `yaml:"hasta"`
	Miembros []Member     `yaml:"miembros"`
}

// Member is the holder of a JGE post.
type Member struct {
	Cargo  string `yaml:"cargo" mpp:"req"`
	Nombre string `yaml:"nombre"`
}

// GroupTitle is an expected considerando group.
type GroupTitle struct {
	Ordinal string `yaml:"ordinal"`
	Titulo  string `yaml:"titulo"`
}

// Family is a known family letter of the process map.
type Family struct {
	Letra   string `yaml:"letra"`
	Ejemplo string `yaml:"ejemplo,omitempty"`
}

// Unit is a responsible unit.
type Unit struct {
	Sigla  string `yaml:"sigla"`
	Nombre string `yaml:"nombre"`
}

// ScaleLevel is one value of the risk scale.
type ScaleLevel struct {
	Valor    int    `yaml:"valor"`
	Etiqueta string `yaml:"etiqueta"`
}

// Default returns the embedded profile.
func Default() *Profile {
	p, err := Parse("perfil.yaml (incorporado)", defaultYAML)
	if err != nil {
		panic(err) // the embedded file is checked by the tests
	}
	return p
}

// maxProfile bounds a profile file; the incorporated one is some 10 KB.
const maxProfile = 10 << 20

// Load reads a profile file.
func Load(path string) (*Profile, error) {
	data, err := infile.Read(path, maxProfile)
	if err != nil {
		return nil, fmt.Errorf("no se puede leer el perfil: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes and checks a profile.
func Parse(name string, data []byte) (*Profile, error) {
	p := &Profile{}
	if err := yamldoc.Decode(name, data, p); err != nil {
		return nil, err
	}
	if len(p.Regimenes) == 0 {
		return nil, fmt.Errorf("%s: el perfil no define ningún régimen", name)
	}
	sort.SliceStable(p.Regimenes, func(i, j int) bool { return p.Regimenes[i].Desde.Before(p.Regimenes[j].Desde) })
	return p, nil
}

// RegimeAt returns the regime in force on d (the earliest one for dates
// before all of them).
// Regime returns the regime with that id, or nil.
func (p *Profile) Regime(id string) *Regime {
	for i := range p.Regimenes {
		if p.Regimenes[i].ID == id {
			return &p.Regimenes[i]
		}
	}
	return nil
}

func (p *Profile) RegimeAt(d manuals.Date) *Regime {
	r := &p.Regimenes[0]
	for i := range p.Regimenes {
		if !p.Regimenes[i].Desde.After(d) {
			r = &p.Regimenes[i]
		}
	}
	return r
}

// CompositionAt returns the JGE composition on d, or nil if the profile has none.
func (p *Profile) CompositionAt(d manuals.Date) *Composition {
	for i := range p.IntegracionesJGE {
		c := &p.IntegracionesJGE[i]
		if !c.Desde.After(d) && (c.Hasta.IsZero() || !c.Hasta.Before(d)) {
			return c
		}
	}
	return nil
}

// JGEOffice returns the JGE post with that key, or nil.
func (p *Profile) JGEOffice(key string) *Office { return findOffice(p.CargosJGE, key) }

// DictamenOffice returns the dictamen signatory post with that key, or nil.
func (p *Profile) DictamenOffice(key string) *Office { return findOffice(p.CargosDictamen, key) }

func findOffice(list []Office, key string) *Office {
	for i := range list {
		if list[i].Clave == key {
			return &list[i]
		}
	}
	return nil
}

// HasFamily reports whether the letter is a known family.
func (p *Profile) HasFamily(letter string) bool {
	for _, f := range p.Familias {
		if f.Letra == letter {
			return true
		}
	}
	return false
}

// Unit returns the responsible unit with that sigla, or nil.
func (p *Profile) Unit(sigla string) *Unit {
	for i := range p.URs {
		if p.URs[i].Sigla == sigla {
			return &p.URs[i]
		}
	}
	return nil
}

// InScale reports whether v is a value of the risk scale.
func (p *Profile) InScale(v int) bool {
	for _, l := range p.EscalaRiesgo {
		if l.Valor == v {
			return true
		}
	}
	return false
}

// IsProperName reports whether w is a name that merely contains capitals.
func (p *Profile) IsProperName(w string) bool {
	for _, n := range p.NombresPropios {
		if n == w {
			return true
		}
	}
	return false
}
