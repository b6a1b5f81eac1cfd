package acuerdotext

import (
	"regexp"
	"strings"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/profile"
)

var (
	sessionRe = regexp.MustCompile(`(?i)sesi[oó]n\s+(ordinaria|extraordinaria)`)
	heldOnRe  = regexp.MustCompile(`(?i)celebrada\s+el\s+(?:día\s+)?(\d{1,2} de [a-záéíóú]+ del? \d{4})`)
	// A member: treatment then name. A name is capitalised words, with "de",
	// "del", "de la", "de los" between them; "y" ends it ("Soto y de
	// Administración").
	memberRe = regexp.MustCompile(`\b(Licenciad[oa]|Maestr[oa]|Doctora?|Ingenier[oa]|Contadora? Públic[oa]|Arquitect[oa]|Lic\.|Mtr[oa]\.|Dra?\.|Ing\.)\s+` +
		`([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+\.?(?:\s+(?:(?:de|del|de la|de los|de las)\s+)?[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)*)`)
	actingRe = regexp.MustCompile(`(?i)encargad[oa] del? despacho`)
)

// parseVote reads the closing vote paragraph: session, date, kind of vote,
// and each member with the office the text gives them, sorted into those who
// voted for, against, or were absent during the vote or the whole session.
func parseVote(text string, prof *profile.Profile) manuals.Vote {
	v := manuals.Vote{Texto: text}
	if m := sessionRe.FindStringSubmatch(text); m != nil {
		v.TipoSesion = strings.ToLower(m[1])
	}
	if m := heldOnRe.FindStringSubmatch(text); m != nil {
		if d, err := manuals.ParseDate(m[1]); err == nil {
			v.Fecha = d
		}
	}
	f := manuals.Fold(text)
	switch {
	case strings.Contains(f, "unanime"):
		v.Tipo = "unanime"
	case strings.Contains(f, "mayoria"):
		v.Tipo = "mayoria"
	}
	group, momento := "favor", ""
	prev := 0
	for _, loc := range memberRe.FindAllStringSubmatchIndex(text, -1) {
		ctx := text[prev:loc[0]]
		fc := manuals.Fold(ctx)
		switch {
		case strings.Contains(fc, "durante la votacion"):
			group, momento = "ausente", "votacion"
		case strings.Contains(fc, "durante el desarrollo de la sesion") || strings.Contains(fc, "durante la sesion"):
			group, momento = "ausente", "sesion"
		case strings.Contains(fc, "en contra"):
			group = "contra"
		}
		vt := manuals.Voter{
			Tratamiento: text[loc[2]:loc[3]],
			Nombre:      text[loc[4]:loc[5]],
			Cargo:       officeIn(ctx, prof),
		}
		if m := actingRe.FindString(ctx); m != "" {
			vt.Calidad = m
		}
		switch group {
		case "ausente":
			v.Ausentes = append(v.Ausentes, manuals.Absent{Voter: vt, Momento: momento})
		case "contra":
			v.EnContra = append(v.EnContra, vt)
		default:
			v.AFavor = append(v.AFavor, vt)
		}
		prev = loc[1]
	}
	return v
}

// officeIn returns the key of the JGE office named last in ctx, or "".
func officeIn(ctx string, prof *profile.Profile) string {
	if ctx == "" {
		return ""
	}
	f := manuals.Fold(ctx)
	best, at := "", -1
	for _, o := range prof.CargosJGE {
		for _, ph := range o.Frases {
			if i := strings.LastIndex(f, manuals.Fold(ph)); i > at {
				best, at = o.Clave, i
			}
		}
	}
	return best
}
