package rules

import (
	"github.com/cipro-ine/mpp/manuals"
)

// codeRef is one code written in the expediente, where it is and where it
// should hang in the process map.
type codeRef struct {
	File   string
	Pos    manuals.Pos
	Code   manuals.Code
	Level  int          // the level its place demands
	Parent manuals.Code // the code it should extend ("" for a proceso)
	What   string       // "el subproceso", …
}

// codeGroup is a list of sibling codes that must number 1, 2, 3… (or 01, 02…).
type codeGroup struct {
	Owner   codeRef // the proceso or subproceso they belong to
	Members []codeRef
	Noun    string // "subprocesos", "procedimientos"
}

// expedienteCodes walks the codes of the manual and of the acuerdo's process
// listing.
func expedienteCodes(e *manuals.Expediente) (refs []codeRef, groups []codeGroup) {
	if m := e.Manual; m != nil {
		pc := m.DatosGenerales.Codigo
		top := codeRef{manuals.FileManual, m.DatosGenerales.Pos.Key("codigo"), pc, manuals.LevelProceso, "", "el proceso"}
		refs = append(refs, top)
		subs := codeGroup{Owner: top, Noun: "subprocesos"}
		for _, s := range m.Subprocesos {
			sr := codeRef{manuals.FileManual, s.Pos, s.Codigo, manuals.LevelSubproceso, pc, "el subproceso"}
			refs = append(refs, sr)
			subs.Members = append(subs.Members, sr)
			procs := codeGroup{Owner: sr, Noun: "procedimientos"}
			for _, p := range s.Procedimientos {
				r := codeRef{manuals.FileManual, p.Pos, p.Codigo, manuals.LevelProcedimiento, s.Codigo, "el procedimiento"}
				refs = append(refs, r)
				procs.Members = append(procs.Members, r)
			}
			groups = append(groups, procs)
		}
		groups = append([]codeGroup{subs}, groups...)
	}
	if a := e.Acuerdo; a != nil && a.Proceso.Codigo != "" {
		pr := a.Proceso
		top := codeRef{manuals.FileAcuerdo, pr.Pos.Key("codigo"), pr.Codigo, manuals.LevelProceso, "", "el proceso"}
		refs = append(refs, top)
		subs := codeGroup{Owner: top, Noun: "subprocesos"}
		var procGroups []codeGroup
		for _, s := range pr.Subprocesos {
			sr := codeRef{manuals.FileAcuerdo, s.Pos, s.Codigo, manuals.LevelSubproceso, pr.Codigo, "el subproceso"}
			refs = append(refs, sr)
			subs.Members = append(subs.Members, sr)
			procs := codeGroup{Owner: sr, Noun: "procedimientos"}
			for _, p := range s.Procedimientos {
				r := codeRef{manuals.FileAcuerdo, p.Pos, p.Codigo, manuals.LevelProcedimiento, s.Codigo, "el procedimiento"}
				refs = append(refs, r)
				procs.Members = append(procs.Members, r)
			}
			procGroups = append(procGroups, procs)
		}
		for _, o := range pr.Objetivos {
			refs = append(refs, codeRef{manuals.FileAcuerdo, o.Pos, o.Codigo, manuals.LevelProcedimiento, "", "el procedimiento"})
		}
		groups = append(groups, subs)
		groups = append(groups, procGroups...)
	}
	return refs, groups
}
