package web_test

import (
	"encoding/base64"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

type sourceMap struct {
	Version        int      `json:"version"`
	Sources        []string `json:"sources"`
	SourcesContent []string `json:"sourcesContent"`
	Mappings       string   `json:"mappings"`
}

// decodeMappings returns, per generated line, the source (index, line)
// pairs of its segments (0-based lines).
func decodeMappings(s string) [][][2]int {
	const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var out [][][2]int
	src, line := 0, 0
	for _, l := range strings.Split(s, ";") {
		var segs [][2]int
		for _, seg := range strings.Split(l, ",") {
			if seg == "" {
				continue
			}
			var vals []int
			v, shift := 0, 0
			for i := 0; i < len(seg); i++ {
				d := strings.IndexByte(b64, seg[i])
				v |= (d & 31) << shift
				if d&32 != 0 {
					shift += 5
					continue
				}
				if v&1 != 0 {
					vals = append(vals, -(v >> 1))
				} else {
					vals = append(vals, v>>1)
				}
				v, shift = 0, 0
			}
			if len(vals) >= 4 {
				src += vals[1]
				line += vals[2]
				segs = append(segs, [2]int{src, line})
			}
		}
		out = append(out, segs)
	}
	return out
}

// TestSourceMap checks that generated lines map back to the .jxl lines
// they come from.
func TestSourceMap(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "counter.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	_, out := compile(t, ar)
	mod := string(out.Files["_jepsh/views/Counter.js"])
	const marker = "//# sourceMappingURL=data:application/json;charset=utf-8;base64,"
	i := strings.Index(mod, marker)
	if i < 0 {
		t.Fatal("no inline source map")
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(mod[i+len(marker):]))
	if err != nil {
		t.Fatal(err)
	}
	var sm sourceMap
	if err := json.Unmarshal(raw, &sm); err != nil {
		t.Fatal(err)
	}
	if sm.Version != 3 || len(sm.Sources) != 1 || sm.Sources[0] != "../../counter.jxl" {
		t.Fatalf("map header: version %d, sources %v", sm.Version, sm.Sources)
	}
	if !strings.Contains(sm.SourcesContent[0], "view Counter") {
		t.Errorf("sourcesContent does not hold the source")
	}
	lines := strings.Split(mod[:i], "\n")
	maps := decodeMappings(sm.Mappings)
	// Each generated line containing the key maps to the .jxl line (1-based).
	tests := []struct {
		gen  string
		line int
	}{
		{"count.set(count.get() - 1)", 23},
		{"count.set(count.get() + 1)", 25},
		{"count.set(0);", 11},
		{"function reset()", 10},
		{"const count = $atom(0);", 4},
	}
	for _, tt := range tests {
		found := false
		for n, l := range lines {
			if !strings.Contains(l, tt.gen) {
				continue
			}
			found = true
			if n >= len(maps) || len(maps[n]) == 0 {
				t.Errorf("line %d %q has no mapping", n+1, l)
				continue
			}
			if got := maps[n][0][1] + 1; got != tt.line {
				t.Errorf("%q maps to counter.jxl:%d, want %d", tt.gen, got, tt.line)
			}
		}
		if !found {
			t.Errorf("no generated line contains %q", tt.gen)
		}
	}
}
