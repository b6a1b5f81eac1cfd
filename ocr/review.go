package ocr

// DefaultMinConfidence: a word Tesseract is less sure of than this goes to
// the review list.
const DefaultMinConfidence = 70

// Doubt is a word a person should check: read with low confidence, or one
// the lexicon would correct (Suggestion).
type Doubt struct {
	Word
	Suggestion string
}

// Doubtful lists, in reading order, the words read with a confidence below
// minConf and those suggest would correct (suggest may be nil).
func Doubtful(pages []Page, minConf float64, suggest func(string) (string, bool)) []Doubt {
	var out []Doubt
	for _, p := range pages {
		for _, w := range p.Words {
			var s string
			ok := false
			if suggest != nil {
				s, ok = suggest(w.Text)
			}
			if w.Conf < minConf || ok {
				out = append(out, Doubt{Word: w, Suggestion: s})
			}
		}
	}
	return out
}
