package manuals

import "strings"

// The acuerdo as text (render acuerdo --formato txt) is read back by
// «mpp ingest». A line of the expediente's own text that does not open its
// element is written after a backslash, so that the reader never takes it
// for structure: «\A C U E R D O S», «\PRIMERO. Se deroga…» are text. The
// reader marks such a line with TextMark and takes the mark out of the
// model once the structure is read.

// TextMark stands, while an acuerdo's text is read, where a «\» began a
// line: no structure starts with it. (A private-use character: no
// acuerdo contains one.)
const TextMark = '\uE001'

// EscapeTextLines escapes every non-empty line of s after the first.
func EscapeTextLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = `\` + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// MarkEscapedLines turns the «\» that begins a line into TextMark.
func MarkEscapedLines(text string) string {
	if !strings.Contains(text, "\n\\") && !strings.HasPrefix(text, `\`) {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, `\`) {
			lines[i] = string(TextMark) + l[1:]
		}
	}
	return strings.Join(lines, "\n")
}

// Unmark takes TextMark out of a text the reader built: a line break the
// writer escaped, which the reader joined with a space, is a line break
// again.
func Unmark(s string) string {
	if !strings.ContainsRune(s, TextMark) {
		return s
	}
	s = strings.ReplaceAll(s, " "+string(TextMark), "\n")
	return strings.ReplaceAll(s, string(TextMark), "")
}
