package pdf

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/image/font/sfnt"

	"github.com/cipro-ine/mpp/infile"
)

// faces are the four members of a type family a document is set in.
type faces struct {
	regular, bold, italic, boldItalic []byte
}

// defaultFaces: Liberation Sans, embedded.
func defaultFaces() faces {
	return faces{fontRegular, fontBold, fontItalic, fontBoldItalic}
}

// fontStyle is what a face's name table says it is.
type fontStyle struct {
	family       string
	bold, italic bool
	plain        bool // the family's upright, normal-weight member
}

// styleOf reads a TrueType face's family and style from its name table
// (the typographic names where the face has them).
func styleOf(data []byte) (fontStyle, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return fontStyle{}, errNotTrueType
	}
	name := func(ids ...sfnt.NameID) string {
		for _, id := range ids {
			if s, err := f.Name(nil, id); err == nil && s != "" {
				return s
			}
		}
		return ""
	}
	fam := name(sfnt.NameIDTypographicFamily, sfnt.NameIDFamily)
	sub := strings.ToLower(name(sfnt.NameIDTypographicSubfamily, sfnt.NameIDSubfamily))
	s := fontStyle{family: fam, bold: strings.Contains(sub, "bold"), italic: strings.Contains(sub, "italic") || strings.Contains(sub, "oblique")}
	switch sub {
	case "regular", "book", "normal", "roman", "":
		s.plain = true
	}
	// Another width or weight (Condensed Bold, SemiBold, Light Italic…)
	// is not one of the four members.
	for _, w := range []string{"condensed", "narrow", "expanded", "light", "thin", "black", "heavy", "semi", "demi", "extra", "ultra", "medium"} {
		if strings.Contains(sub, w) {
			s.bold, s.italic, s.plain = false, false, false
		}
	}
	return s, nil
}

var errNotTrueType = errors.New("fuente: el archivo no es una fuente TrueType legible")

// loadFaces finds the family spec names: a TrueType file (its bold and
// italic siblings are looked for, by their name tables, in its folder), a
// folder holding one family, or a family name fontconfig knows («DejaVu
// Serif»). bold, when set, is the bold face's file. A family without bold
// is an error (a document set without it would lose all emphasis, without
// a word); one without italic uses its upright faces for it.
func loadFaces(spec, bold string) (faces, error) {
	if spec == "" && bold == "" {
		return defaultFaces(), nil
	}
	var fs faces
	var family string
	if spec != "" {
		var members map[[2]bool][]byte
		var err error
		family, members, err = findFamily(spec)
		if err != nil {
			return faces{}, err
		}
		fs = faces{members[[2]bool{false, false}], members[[2]bool{true, false}], members[[2]bool{false, true}], members[[2]bool{true, true}]}
	} else {
		fs = defaultFaces()
		family = "Liberation Sans"
	}
	if bold != "" {
		b, err := infile.Read(bold, maxFont)
		if err != nil {
			return faces{}, fmt.Errorf("fuente: %w", err)
		}
		if _, err := styleOf(b); err != nil {
			return faces{}, err
		}
		fs.bold = b
		if spec == "" {
			fs.boldItalic = b
		}
	}
	if fs.regular == nil {
		return faces{}, fmt.Errorf("fuente: la familia «%s» no tiene un estilo normal (redondo) legible", family)
	}
	if fs.bold == nil {
		return faces{}, fmt.Errorf("fuente: la familia «%s» no tiene negrita; indíquela con --fuente-negritas (sin ella el documento perdería todas sus negritas)", family)
	}
	if fs.italic == nil {
		fs.italic = fs.regular
	}
	if fs.boldItalic == nil {
		fs.boldItalic = fs.bold
	}
	return fs, nil
}

// findFamily returns the family spec names and its members by (bold,
// italic).
func findFamily(spec string) (string, map[[2]bool][]byte, error) {
	st, err := os.Stat(spec)
	switch {
	case err == nil && st.IsDir():
		return familyInFolder(spec, "")
	case err == nil || strings.ContainsRune(spec, os.PathSeparator) || strings.HasSuffix(strings.ToLower(spec), ".ttf"):
		data, err := infile.Read(spec, maxFont)
		if err != nil {
			return "", nil, fmt.Errorf("fuente: %w", err)
		}
		s, err := styleOf(data)
		if err != nil {
			return "", nil, err
		}
		fam, members, err := familyInFolder(filepath.Dir(spec), s.family)
		if err != nil || members[[2]bool{false, false}] == nil {
			members = map[[2]bool][]byte{}
		}
		// The file named is the face it is, whatever its siblings.
		members[[2]bool{s.bold, s.italic}] = data
		if fam == "" {
			fam = s.family
		}
		return fam, members, nil
	}
	return familyByName(spec)
}

// familyInFolder reads the TrueType files of dir and keeps those of family
// (of the only family there, when family is empty).
func familyInFolder(dir, family string) (string, map[[2]bool][]byte, error) {
	paths, _ := filepath.Glob(filepath.Join(dir, "*.[tT][tT][fF]"))
	sort.Strings(paths)
	byFamily := map[string]map[[2]bool][]byte{}
	for _, p := range paths {
		data, err := infile.Read(p, maxFont)
		if err != nil {
			continue
		}
		s, err := styleOf(data)
		if err != nil || s.family == "" || (!s.plain && !s.bold && !s.italic) {
			continue // not a font, or a light, condensed… member
		}
		m := byFamily[s.family]
		if m == nil {
			m = map[[2]bool][]byte{}
			byFamily[s.family] = m
		}
		k := [2]bool{s.bold, s.italic}
		if m[k] == nil {
			m[k] = data
		}
	}
	if family != "" {
		return family, byFamily[family], nil
	}
	var names []string
	for n := range byFamily {
		names = append(names, n)
	}
	sort.Strings(names)
	switch len(names) {
	case 0:
		return "", nil, fmt.Errorf("fuente: la carpeta %s no tiene fuentes TrueType legibles", dir)
	case 1:
		return names[0], byFamily[names[0]], nil
	}
	return "", nil, fmt.Errorf("fuente: la carpeta %s tiene varias familias (%s): indique un archivo o el nombre de la familia", dir, strings.Join(names, ", "))
}

// familyByName asks fontconfig (fc-match) for each member of the family.
// fc-match always answers, with a fallback family if need be: an answer of
// another family is «not installed»; one without the style asked for is a
// missing member.
func familyByName(name string) (string, map[[2]bool][]byte, error) {
	if _, err := exec.LookPath("fc-match"); err != nil {
		return "", nil, fmt.Errorf("fuente: «%s» no es un archivo ni una carpeta, y sin fontconfig (fc-match) no se puede buscar como familia", name)
	}
	members := map[[2]bool][]byte{}
	for _, k := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
		pattern := name + ":weight=" + map[bool]string{false: "regular", true: "bold"}[k[0]] + ":slant=" + map[bool]string{false: "roman", true: "italic"}[k[1]]
		out, err := exec.Command("fc-match", "-f", "%{file}", pattern).Output()
		if err != nil || len(out) == 0 {
			continue
		}
		data, err := infile.Read(string(out), maxFont)
		if err != nil {
			continue
		}
		s, err := styleOf(data)
		ofFamily := err == nil && strings.EqualFold(s.family, name)
		switch {
		case !ofFamily && k == [2]bool{}: // its fallback for the regular face
			return "", nil, fmt.Errorf("fuente: la familia «%s» no está instalada; la más parecida que hay es «%s» (sin --fuente, los PDF van en Liberation Sans, con las medidas de Arial)", name, s.family)
		case ofFamily && s.bold == k[0] && s.italic == k[1]:
			members[k] = data
		}
	}
	return name, members, nil
}
