package result

import (
	"testing"
)

func TestParse(t *testing.T) {
	one := `{"suite":"ui","results":[{"benchmark":"b","impl":"x","unit":"ms","samples":[1,2]}]}`
	tests := []struct {
		name   string
		in     string
		suites []string
		err    bool
	}{
		{"one document", one, []string{"ui"}, false},
		{"array", `[` + one + `,{"suite":"layout","results":[]}]`, []string{"ui", "layout"}, false},
		{"jepsh bench output", `{"version":1,"runs":[` + one + `]}`, []string{"ui"}, false},
		{"baseline file", `{"version":1,"suites":{"ui":` + one + `,"compiler":{"suite":"compiler","results":[]}}}`, []string{"compiler", "ui"}, false},
		{"not a result", `{"name":"x"}`, nil, true},
		{"not JSON", `suite: ui`, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Parse([]byte(tt.in))
			if (err != nil) != tt.err {
				t.Fatalf("err = %v", err)
			}
			var got []string
			for _, d := range docs {
				got = append(got, d.Suite)
			}
			if len(got) != len(tt.suites) {
				t.Fatalf("suites %v, want %v", got, tt.suites)
			}
			for i := range got {
				if got[i] != tt.suites[i] {
					t.Errorf("suites %v, want %v", got, tt.suites)
				}
			}
		})
	}
}

func TestKeyAndAdd(t *testing.T) {
	var d Doc
	d.Add("create", "duration", "vanilla", "ms", 1)
	d.Add("create", "duration", "vanilla", "ms", 2)
	d.Add("create", "cpu", "vanilla", "ms", 3)
	d.Add("parse", "lines/s", "jepsh", "lines/s", 4)
	if len(d.Results) != 3 || len(d.Results[0].Samples) != 2 || d.Results[0].Metric != "" {
		t.Fatalf("results %+v", d.Results)
	}
	tests := []struct{ key, want string }{
		{d.Results[0].Key(), "create/vanilla"},
		{d.Results[1].Key(), "create:cpu/vanilla"},
		{d.Results[2].Key(), "parse:lines/s/jepsh"},
	}
	for _, tt := range tests {
		if tt.key != tt.want {
			t.Errorf("key %q, want %q", tt.key, tt.want)
		}
	}
	if !d.Results[2].HigherIsBetter || d.Results[1].HigherIsBetter {
		t.Error("higher_is_better from the unit")
	}
	for unit, want := range map[string]bool{"MB/s": true, "lines/cpu-s": true, "ops/sec": true, "ns/op": false, "ms": false, "B/op": false} {
		if HigherIsBetterUnit(unit) != want {
			t.Errorf("HigherIsBetterUnit(%q) != %v", unit, want)
		}
	}
}
