package pdf

import (
	_ "embed"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/cipro-ine/mpp/manuals"
)

// PDF/A-3b (ISO 19005-3, level B): every document mpp writes carries the
// XMP metadata that claims it (pdfaid part 3, conformance B, and the same
// title, author, subject, keywords, producer and dates as the Info
// dictionary), an sRGB output intent, a trailer /ID, all its fonts
// embedded (Liberation Sans) and its source files as associated files
// (dests.go). veraPDF, the reference validator, is not packaged in Debian
// and does not run here; the tests read each of these claims back.

// srgbICC is the sRGB IEC61966-2.1 profile of Debian's icc-profiles-free
// (zlib licence, icc/LICENSE-Zlib.txt): a kept, permissively licensed
// profile rather than one written by hand.
//
//go:embed icc/sRGB.icc
var srgbICC []byte

// documentTime is the creation date of a document: SOURCE_DATE_EPOCH when
// set (the reproducible-builds convention), else the document's own date at
// midnight, else 1 January 2000. Never the clock.
func documentTime(d manuals.Date) time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n >= 0 && n < 253402300800 {
			return time.Unix(n, 0).UTC()
		}
	}
	if !d.IsZero() {
		return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

// xmpPDFA is the document's XMP packet. The dates carry no time zone, as
// fpdf's Info dates carry none, so that the two say the same.
func xmpPDFA(m Meta, keywords string, t time.Time) []byte {
	date := t.Format("2006-01-02T15:04:05")
	esc := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			switch {
			case r == '&':
				b.WriteString("&amp;")
			case r == '<':
				b.WriteString("&lt;")
			case r == '>':
				b.WriteString("&gt;")
			case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
				b.WriteRune('\uFFFD')
			default:
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
`)
	if m.Title != "" {
		b.WriteString("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(m.Title) + "</rdf:li></rdf:Alt></dc:title>\n")
	}
	if m.Author != "" {
		b.WriteString("   <dc:creator><rdf:Seq><rdf:li>" + esc(m.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if m.Subject != "" {
		b.WriteString("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(m.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	b.WriteString("   <dc:language><rdf:Bag><rdf:li>es-MX</rdf:li></rdf:Bag></dc:language>\n")
	if keywords != "" {
		b.WriteString("   <pdf:Keywords>" + esc(keywords) + "</pdf:Keywords>\n")
	}
	b.WriteString("   <pdf:Producer>mpp</pdf:Producer>\n")
	b.WriteString("   <xmp:CreatorTool>mpp</xmp:CreatorTool>\n")
	b.WriteString("   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n")
	b.WriteString("   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	b.WriteString("   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n")
	b.WriteString("  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n")
	// Room to edit the packet in place, as XMP writers leave.
	for i := 0; i < 8; i++ {
		b.WriteString(strings.Repeat(" ", 99) + "\n")
	}
	b.WriteString(`<?xpacket end="w"?>`)
	return []byte(b.String())
}
