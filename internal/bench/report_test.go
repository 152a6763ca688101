package bench

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jepsh/jepsh/internal/bench/result"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%s", name, got)
	}
}

var t0 = time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)

// sampleUI is a small UI run: two operations, three implementations, the
// interleaved rounds of a real run, and a size.
func sampleUI(at time.Time, jepshFactor float64) *result.Doc {
	d := &result.Doc{Suite: "ui", Time: at, Reference: "vanilla", Machine: machine,
		Load: result.Load{Before: []float64{0.5, 0.4, 0.3}, After: []float64{1.25, 0.6, 0.4}},
		Impls: map[string]result.Impl{
			"vanilla":    {Label: "Vanilla JS"},
			"jepsh-hand": {Label: "Jepsh, hand-compiled <test>", Note: "examples/bench not buildable"},
			"solid":      {Label: "SolidJS", Version: "solid-js@1.9.20"},
		},
		Notes: []string{"jepsh-hand is the hand-compiled app"},
	}
	vals := map[string][]float64{
		"vanilla":    {40, 42, 41, 39, 43, 40, 41},
		"jepsh-hand": {42, 43, 42, 41, 44, 42, 43},
		"solid":      {45, 47, 46, 44, 48, 45, 46},
	}
	for i := range 7 {
		for _, im := range []string{"vanilla", "jepsh-hand", "solid"} {
			f := 1.0
			if im == "jepsh-hand" {
				f = jepshFactor
			}
			d.Add("create-1000-rows", "duration", im, "ms", vals[im][i]*f)
			d.Add("select-row", "duration", im, "ms", vals[im][i]/10*f)
			d.Add("create-1000-rows", "cpu", im, "ms", vals[im][i]*0.8*f)
		}
	}
	d.Add("transfer-gzip", "size", "vanilla", "KB", 2.0)
	d.Add("transfer-gzip", "size", "jepsh-hand", "KB", 5.9)
	d.Add("transfer-gzip", "size", "solid", "KB", 7.5)
	return d
}

func sampleCompiler(at time.Time) *result.Doc {
	d := &result.Doc{Suite: "compiler", Time: at, Machine: machine, Impls: map[string]result.Impl{"jepsh": {Label: "Jepsh (Go)"}}}
	for i, v := range []float64{1.47e9, 1.5e9, 1.45e9} {
		d.Add("check/ParseCheck", "duration", "jepsh", "ns/op", v)
		d.Add("check/ParseCheck", "lines/s", "jepsh", "lines/s", 70000+float64(i)*100)
		d.Add("check/ParseCheck", "alloc", "jepsh", "B/op", 1.14e8)
	}
	return d
}

func sampleReport() *Report {
	hist := &Baselines{Version: 1, Suites: map[string]*result.Doc{}}
	old := sampleUI(t0.Add(-48*time.Hour), 1.0)
	hist.Record(old, "aaaaaaa")
	hist.Record(sampleCompiler(t0.Add(-48*time.Hour)), "aaaaaaa")
	cur := sampleUI(t0, 1.6)
	comp := sampleCompiler(t0)
	Analyze(cur)
	Analyze(comp)
	rep := &Report{
		Runs:        []*result.Doc{cur, comp},
		Skipped:     []result.Skip{{What: "layout", Reason: "no Go benchmarks in internal/layout"}},
		BaselineSrc: "bench/baselines.json",
		History:     hist,
		Policy:      DefaultPolicy,
	}
	rep.Comparisons = CompareRuns(hist.Suites, rep.Runs, DefaultPolicy)
	return rep
}

func TestReportGoldens(t *testing.T) {
	rep := sampleReport()
	var md, html bytes.Buffer
	if err := WriteMarkdown(&md, rep); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&html, rep); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.md.golden", md.Bytes())
	golden(t, "report.html.golden", html.Bytes())

	// What the goldens must show, independent of layout details.
	for _, want := range []string{
		"| create-1000-rows | 41.0 | 67.2 (1.64×) | 46.0 (1.12×) |",
		"| **geometric mean of ratios** | **1.00×** | **1.64×** | **1.12×** |",
		"time per operation (ms/op, median of 3)",
		"| check/ParseCheck | 1470 |",
		"**regression (high)**",
		"- **layout**: no Go benchmarks in internal/layout",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	h := html.String()
	for _, want := range []string{"<svg", "<polyline", "Trend over stored runs", "Jepsh, hand-compiled &lt;test&gt;", "class=\"reg\""} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if strings.Contains(h, "<script") || strings.Contains(h, "http://") || strings.Contains(h, "https://") {
		t.Error("the HTML report is not self-contained")
	}
}

func TestParseGoTestJSON(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "gotest.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc := &result.Doc{Suite: "compiler"}
	var seen []string
	if err := ParseGoTestJSON(f, "github.com/jepsh/jepsh", doc, func(n string) { seen = append(seen, n) }); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		bench, metric, unit string
		higher              bool
		samples             []float64
	}{
		{"layout/Deep10k", "duration", "ns/op", false, []float64{3535025}},
		{"layout/Deep10k", "ns/node", "ns/node", false, []float64{353.5}},
		{"layout/Wide10k", "allocs", "allocs/op", false, []float64{0}},
		{"check/Parse/views=100", "duration", "ns/op", false, []float64{2345678, 2245678}},
		{"check/Parse/views=100", "MB/s", "MB/s", true, []float64{12.5, 13.1}},
		{"check/Parse/views=100", "lines/s", "lines/s", true, []float64{602423, 612423}},
		{"check/Parse/views=100", "alloc", "B/op", false, []float64{4096, 4096}},
	}
	for _, tt := range tests {
		r := doc.Find(tt.bench, tt.metric, "jepsh")
		if r == nil {
			t.Errorf("no %s %s", tt.bench, tt.metric)
			continue
		}
		if r.Unit != tt.unit || r.HigherIsBetter != tt.higher || !slices.Equal(r.Samples, tt.samples) {
			t.Errorf("%s %s: %+v, want unit %s higher %v samples %v", tt.bench, tt.metric, r, tt.unit, tt.higher, tt.samples)
		}
	}
	if len(seen) != 4 {
		t.Errorf("progress saw %v, want four result lines", seen)
	}
}
