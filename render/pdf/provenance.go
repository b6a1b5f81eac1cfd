package pdf

import (
	"bytes"
	"regexp"
	"unicode/utf16"
)

var (
	keywordsKey = []byte("/Keywords (")
	huellaRe    = regexp.MustCompile(`mpp-huella (acuerdo|manual) (sha256:[0-9a-f]{64})`)
)

// Provenance reads, from a PDF written by mpp, the fingerprints of the
// documents it was made from ("acuerdo", "manual"). It reads the document
// information dictionary, which fpdf writes uncompressed; a PDF that mpp did
// not write gives an empty map.
func Provenance(pdf []byte) map[string]string {
	out := map[string]string{}
	i := bytes.LastIndex(pdf, keywordsKey)
	if i < 0 {
		return out
	}
	s := unescape(pdf[i+len(keywordsKey):])
	if bytes.HasPrefix(s, []byte{0xfe, 0xff}) {
		s = utf16be(s[2:])
	}
	for _, m := range huellaRe.FindAllSubmatch(s, -1) {
		out[string(m[1])] = string(m[2])
	}
	return out
}

// unescape reads a PDF literal string up to its closing parenthesis.
func unescape(b []byte) []byte {
	var out []byte
	depth := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b):
			i++
			switch b[i] {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			default:
				out = append(out, b[i])
			}
		case c == '(':
			depth++
			out = append(out, c)
		case c == ')':
			if depth == 0 {
				return out
			}
			depth--
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

func utf16be(b []byte) []byte {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return []byte(string(utf16.Decode(u)))
}
