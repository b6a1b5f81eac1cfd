package report

import (
	"fmt"
	"strings"
	"unicode"
)

// Printable escapes the control characters of s (all but new line and
// tab) as \x1b or \u009b, so that text from an input (a YAML string with an
// escaped ESC, a scanned page's garbage) printed on a terminal shows what
// it holds instead of clearing the screen or retitling the window.
func Printable(s string) string {
	if strings.IndexFunc(s, isHostile) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !isHostile(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func isHostile(r rune) bool {
	return r != '\n' && r != '\t' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r))
}
