package canon_test

import (
	"testing"

	"github.com/cipro-ine/mpp/manuals"
	"github.com/cipro-ine/mpp/manuals/canon"
)

// The fingerprints of both examples, recorded before the YAML library moved
// from gopkg.in/yaml.v3 to go.yaml.in/yaml/v3 (commit 76b8421). A
// certification stores these hashes: a library, encoder or normalisation
// change that alters any of them would make every certified expediente fail
// verification, so changing one here needs a migration, not a new constant.
var goldenFingerprints = map[string]map[string]string{
	"../../examples/H.4.05": {
		canon.Acuerdo: "sha256:4c793369e9eee57737ae9647873c22cadd342f727496bf2ba5b2f052b45a4ec5",
		canon.Manual:  "sha256:68dc9d8e3a6803f30a691a331a4926b7e8dc800cb3bd2fea4033e049e43fe4b4",
	},
	"../../examples/S.5.01": {
		canon.Acuerdo: "sha256:94da683294afd145a8421df4d7d07fc1237a7abbbf8530e3175abb04b6e798c3",
		canon.Manual:  "sha256:2c780deb5abc2ebd09b6b23b67728fdc48235af0a71c04c338fa0a93aec0b4b3",
	},
}

func TestGoldenFingerprints(t *testing.T) {
	for dir, docs := range goldenFingerprints {
		e, err := manuals.LoadExpediente(dir)
		if err != nil {
			t.Fatal(err)
		}
		for doc, want := range docs {
			f, err := canon.Form(e, doc)
			if err != nil {
				t.Fatal(err)
			}
			if got := canon.Fingerprint(f); got != want {
				t.Errorf("%s %s: %s, certified %s", dir, doc, got, want)
			}
		}
	}
}
