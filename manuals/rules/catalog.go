// Package rules is the catalog of checks that `mpp validate` runs on an
// expediente: the Lineamientos' criteria for manuals and the drafting rules of
// the acuerdos that approve them. One rule is one declaration (ID, severity,
// the article it enforces, a Spanish doc) and one Check function, in a file of
// its own with fixtures under testdata/<ID>/ that show it firing and not.
package rules

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
)

// Severity of a finding. Only errors fail validation.
type Severity int

// The severities, most serious first.
const (
	Error Severity = iota
	Warning
	Info
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "advertencia"
	}
	return "info"
}

// MarshalJSON writes the Spanish name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Rule is one check of the catalog.
type Rule struct {
	ID       string
	Title    string
	Severity Severity
	// Basis is the article (or drafting practice) the rule enforces, by
	// regime ID; the key "*" applies under every regime.
	Basis map[string]string
	// Document is the file whose regime picks the basis (a rule about the
	// dictamen cites the dictamen's); empty: the manual's.
	Document string
	Doc      string
	Check    func(*Pass)
}

// BasisFor returns the article the rule enforces under regime id.
func (r *Rule) BasisFor(id string) string {
	if b, ok := r.Basis[id]; ok {
		return b
	}
	return r.Basis["*"]
}

// Finding is one problem found by a rule.
type Finding struct {
	Rule       string   `json:"regla"`
	Severity   Severity `json:"severidad"`
	File       string   `json:"archivo"`
	Line       int      `json:"linea,omitempty"`
	Column     int      `json:"columna,omitempty"`
	Path       string   `json:"ruta,omitempty"`
	Message    string   `json:"mensaje"`
	Fundamento string   `json:"fundamento,omitempty"`
}

var catalog = map[string]*Rule{}

func register(r *Rule) *Rule {
	if _, dup := catalog[r.ID]; dup {
		panic("rules: duplicate rule " + r.ID)
	}
	catalog[r.ID] = r
	return r
}

// All returns the catalog ordered by ID.
func All() []*Rule {
	out := make([]*Rule, 0, len(catalog))
	for _, r := range catalog {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup returns a rule by ID (case-insensitive), or nil.
func Lookup(id string) *Rule { return catalog[strings.ToUpper(strings.TrimSpace(id))] }

// Pass is what a rule's Check sees: one expediente, the profile, the
// regimes in force, and a way to report.
type Pass struct {
	Exp     *manuals.Expediente
	Profile *profile.Profile
	// Regime governs the manual's requirements (RegimeFor); Dictamen and
	// Certificacion, those documents (DocumentRegime).
	Regime        *profile.Regime
	Dictamen      *profile.Regime
	Certificacion *profile.Regime
	rule          *Rule
	out           *[]Finding
}

// Report records a finding about the element at pos (an element's Pos, or
// pos.Key(field) for one of its fields) in one of the expediente's files:
// its line, column and path are the ones the loader recorded.
func (p *Pass) Report(file string, pos manuals.Pos, format string, args ...any) {
	*p.out = append(*p.out, Finding{
		Rule: p.rule.ID, Severity: p.rule.Severity,
		File: p.Exp.Path(file), Line: pos.Line, Column: pos.Column, Path: pos.Path,
		Message:    fmt.Sprintf(format, args...),
		Fundamento: p.rule.BasisFor(p.basisRegime().ID),
	})
}

// basisRegime is the regime whose article a finding cites: the one of the
// document the rule is about.
func (p *Pass) basisRegime() *profile.Regime {
	switch p.rule.Document {
	case manuals.FileDictamen:
		if p.Dictamen != nil {
			return p.Dictamen
		}
	case manuals.FileCertificacion:
		if p.Certificacion != nil {
			return p.Certificacion
		}
	}
	return p.Regime
}

// SessionDate is the date that fixes the regime: the session's, else the
// dictamen's, else the manual's (zero if none).
func SessionDate(e *manuals.Expediente) manuals.Date {
	switch {
	case e.Acuerdo != nil && !e.Acuerdo.Sesion.Fecha.IsZero():
		return e.Acuerdo.Sesion.Fecha
	case e.Dictamen != nil && !e.Dictamen.Fecha.IsZero():
		return e.Dictamen.Fecha
	case e.Manual != nil && !e.Manual.DatosGenerales.Fecha.IsZero():
		return e.Manual.DatosGenerales.Fecha
	}
	return manuals.Date{}
}

// PresentationDate is when the manual went to review: the first round of
// observations, else the dictamen, else the certificación (zero if none).
func PresentationDate(e *manuals.Expediente) manuals.Date {
	var d manuals.Date
	earlier := func(x manuals.Date) {
		if !x.IsZero() && (d.IsZero() || x.Before(d)) {
			d = x
		}
	}
	if e.Dictamen != nil {
		for _, r := range e.Dictamen.Rondas {
			earlier(r.Fecha)
		}
		earlier(e.Dictamen.Fecha)
	}
	if e.Certificacion != nil {
		earlier(e.Certificacion.Fecha)
	}
	return d
}

// RegimeFor returns the regime that governs the manual's requirements: the
// one in force at SessionDate (the latest when the expediente has no date
// yet), unless its transitional rule keeps an earlier one for manuals
// presented before it began (Regime.Conserva).
func RegimeFor(e *manuals.Expediente, prof *profile.Profile) *profile.Regime {
	d := SessionDate(e)
	r := &prof.Regimenes[len(prof.Regimenes)-1]
	if !d.IsZero() {
		r = prof.RegimeAt(d)
	}
	if pd := PresentationDate(e); r.Conserva != "" && !pd.IsZero() && pd.Before(r.Desde) {
		if kept := prof.Regime(r.Conserva); kept != nil {
			return kept
		}
	}
	return r
}

// DocumentRegime returns the regime a dictamen or certificación is issued
// under: the one it names (regimen), else the one in force on its own date
// (a procedural act follows the norm of its day).
func DocumentRegime(prof *profile.Profile, named string, date manuals.Date) *profile.Regime {
	if named != "" {
		if r := prof.Regime(named); r != nil {
			return r
		}
	}
	if date.IsZero() {
		return &prof.Regimenes[len(prof.Regimenes)-1]
	}
	return prof.RegimeAt(date)
}

// DictamenRegime is the regime of the expediente's dictamen (nil without one).
func DictamenRegime(e *manuals.Expediente, prof *profile.Profile) *profile.Regime {
	if e.Dictamen == nil {
		return nil
	}
	return DocumentRegime(prof, e.Dictamen.Regimen, e.Dictamen.Fecha)
}

// CertificacionRegime is the regime of the expediente's certificación (nil
// without one).
func CertificacionRegime(e *manuals.Expediente, prof *profile.Profile) *profile.Regime {
	if e.Certificacion == nil {
		return nil
	}
	return DocumentRegime(prof, e.Certificacion.Regimen, e.Certificacion.Fecha)
}

// Run checks the expediente with the given rules (every rule when none is
// given) and returns the findings in file order.
func Run(e *manuals.Expediente, prof *profile.Profile, only ...*Rule) []Finding {
	rs := only
	if len(rs) == 0 {
		rs = All()
	}
	var out []Finding
	reg, dr, cr := RegimeFor(e, prof), DictamenRegime(e, prof), CertificacionRegime(e, prof)
	for _, r := range rs {
		r.Check(&Pass{Exp: e, Profile: prof, Regime: reg, Dictamen: dr, Certificacion: cr, rule: r, out: &out})
	}
	fileOrder := map[string]int{}
	for i, f := range manuals.Files {
		fileOrder[e.Path(f)] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return fileOrder[a.File] < fileOrder[b.File]
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
	return out
}
