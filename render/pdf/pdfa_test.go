package pdf_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// checkPDFA reads back, with qpdf and poppler rather than from the writer,
// each claim a PDF/A-3b file makes: the XMP packet with pdfaid part 3 and
// conformance B whose title and dates are the Info dictionary's, an sRGB
// output intent with its ICC profile, a trailer /ID, every font embedded,
// and each attachment an associated file (/AF, /AFRelationship, a MIME
// type). veraPDF, the reference validator, is not packaged in Debian and
// does not run on this machine, so the file is not validated as a whole.
func checkPDFA(t *testing.T, data []byte) {
	t.Helper()
	for _, tool := range []string{"qpdf", "pdffonts", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s missing in CI", tool)
			}
			t.Skipf("%s not installed", tool)
		}
	}
	p := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if v := string(data[:8]); v < "%PDF-1.4" {
		t.Errorf("header %q: PDF/A-3 needs 1.4 or later", v)
	}
	out, err := exec.Command("qpdf", "--json", "--decode-level=all", "--json-stream-data=inline", p).Output()
	if err != nil {
		t.Fatalf("qpdf: %v", err)
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) != 2 {
		t.Fatalf("qpdf JSON: %v", err)
	}
	var objs map[string]struct {
		Value  any `json:"value"`
		Stream struct {
			Dict map[string]any `json:"dict"`
			Data []byte         `json:"data"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatal(err)
	}
	obj := func(ref any) (map[string]any, []byte) {
		s, _ := ref.(string)
		o := objs["obj:"+s]
		if m, ok := o.Value.(map[string]any); ok {
			return m, nil
		}
		return o.Stream.Dict, o.Stream.Data
	}
	trailer, _ := objs["trailer"].Value.(map[string]any)
	if ids, _ := trailer["/ID"].([]any); len(ids) != 2 {
		t.Errorf("trailer /ID: %v", trailer["/ID"])
	}
	catalog, _ := obj(trailer["/Root"])
	info, _ := obj(trailer["/Info"])
	if info["/Producer"] == nil {
		t.Errorf("trailer /Info is not the Info dictionary: %v", info)
	}
	_, xmp := obj(catalog["/Metadata"])
	x := string(xmp)
	for _, w := range []string{"<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>", "<pdf:Producer>mpp</pdf:Producer>"} {
		if !strings.Contains(x, w) {
			t.Errorf("XMP lacks %s", w)
		}
	}
	pinfo, _ := exec.Command("pdfinfo", "-isodates", p).Output()
	title := regexp.MustCompile(`(?m)^Title:\s+(.*)$`).FindSubmatch(pinfo)
	created := regexp.MustCompile(`(?m)^CreationDate:\s+(\S+)$`).FindSubmatch(pinfo)
	if title == nil || !strings.Contains(x, ">"+xmlEscape(string(title[1]))+"</rdf:li>") {
		t.Errorf("XMP title is not the Info title %q", title)
	}
	if created == nil || !strings.Contains(x, "<xmp:CreateDate>"+strings.TrimSuffix(string(created[1]), "Z")+"</xmp:CreateDate>") {
		t.Errorf("XMP CreateDate is not the Info CreationDate %q", created)
	}
	intents, _ := catalog["/OutputIntents"].([]any)
	if len(intents) != 1 {
		t.Fatalf("output intents: %v", catalog["/OutputIntents"])
	}
	oi, _ := intents[0].(map[string]any)
	icc, profile := obj(oi["/DestOutputProfile"])
	if oi["/S"] != "/GTS_PDFA1" || icc["/N"] != 3.0 || len(profile) < 128 || string(profile[36:40]) != "acsp" {
		t.Errorf("output intent %v, profile dict %v, %d bytes", oi, icc, len(profile))
	}
	fonts, _ := exec.Command("pdffonts", p).Output()
	lines := strings.Split(strings.TrimSpace(string(fonts)), "\n")
	if len(lines) < 3 {
		t.Errorf("no fonts listed: %s", fonts)
	}
	for _, l := range lines[2:] {
		if f := strings.Fields(l); len(f) < 4 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	af, _ := catalog["/AF"].([]any)
	names, _ := catalog["/Names"].(map[string]any)
	tree, _ := names["/EmbeddedFiles"].(map[string]any)
	listed, _ := tree["/Names"].([]any)
	if len(listed) != 2*len(af) {
		t.Errorf("%d embedded files, %d associated files", len(listed)/2, len(af))
	}
	for _, ref := range af {
		spec, _ := obj(ref)
		ef, _ := spec["/EF"].(map[string]any)
		file, _ := obj(ef["/F"])
		if spec["/AFRelationship"] != "/Source" || spec["/F"] == "u:" || spec["/UF"] == nil || file["/Subtype"] == nil {
			t.Errorf("associated file %v, its stream %v", spec, file)
		}
	}
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// With SOURCE_DATE_EPOCH (the reproducible-builds convention) the document's
// dates are that instant, in the Info dictionary and the XMP alike; without
// it, the document's own date.
func TestSourceDateEpoch(t *testing.T) {
	e := example(t, "S.5.01")
	date := func(data []byte) string {
		p := filepath.Join(t.TempDir(), "m.pdf")
		os.WriteFile(p, data, 0o644)
		out, err := exec.Command("pdfinfo", "-isodates", p).Output()
		if err != nil {
			t.Skipf("pdfinfo: %v", err)
		}
		m := regexp.MustCompile(`(?m)^CreationDate:\s+(\S+)$`).FindSubmatch(out)
		if m == nil {
			t.Fatalf("no CreationDate: %s", out)
		}
		return string(m[1])
	}
	own := manualPDF(t, e)
	if got, want := date(own), e.Manual.DatosGenerales.Fecha.String()+"T00:00:00"; !strings.HasPrefix(got, want) {
		t.Errorf("without SOURCE_DATE_EPOCH: %s, want the manual's date %s", got, want)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	pinned := manualPDF(t, e)
	if got := date(pinned); !strings.HasPrefix(got, "2023-11-14T22:13:20") {
		t.Errorf("with SOURCE_DATE_EPOCH=1700000000: %s", got)
	}
	if !strings.Contains(string(pinned), "<xmp:CreateDate>2023-11-14T22:13:20</xmp:CreateDate>") {
		t.Error("the XMP does not carry SOURCE_DATE_EPOCH's date")
	}
	checkPDFA(t, pinned)
}
