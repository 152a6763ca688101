package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jepsh/jepsh/internal/bench/result"
)

// uiRun is a stored UI run: eight interleaved rounds of vanilla and jepsh,
// jepsh at factor × vanilla, and a transfer size.
func uiRun(factor, size float64) *result.Doc {
	d := &result.Doc{Suite: "ui", Reference: "vanilla", Time: time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC),
		Machine: result.Machine{OS: "linux", Arch: "amd64", CPUs: 2, CPU: "test"}}
	for i, v := range []float64{40, 42, 41, 39, 43, 40, 44, 41} {
		d.Add("create-1000-rows", "duration", "vanilla", "ms", v)
		d.Add("create-1000-rows", "duration", "jepsh", "ms", v*factor*(1+0.01*float64(i%3)))
	}
	d.Add("transfer-gzip", "size", "jepsh", "KB", size)
	return d
}

func writeDoc(t *testing.T, dir, name string, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBenchCompare(t *testing.T) {
	dir := t.TempDir()
	a := writeDoc(t, dir, "a.json", uiRun(1.0, 5.0))
	tests := []struct {
		name      string
		b         any
		code      int
		stdout    []string
		stderr    []string
		notStdout []string
	}{
		{"same", uiRun(1.0, 5.0), 0, []string{"## ui (ratios to vanilla)", "unchanged"}, nil, []string{"| regression"}},
		{"slower", uiRun(1.6, 5.0), 3,
			[]string{"| ui | create-1000-rows | duration | jepsh | ratio |", "**regression (high)**"},
			[]string{"high regression: ui create-1000-rows duration/jepsh is 1.6"}, nil},
		{"bigger", uiRun(1.0, 6.0), 0, []string{"| ui | transfer-gzip | size | jepsh | exact | 5.00 | 6.00 | 1.20× |", "regression (low)"}, nil, nil},
		{"faster", uiRun(0.5, 5.0), 0, []string{"improvement"}, nil, nil},
		// A quick run is never compared with a full one.
		{"quick against full", func() any { d := uiRun(2.5, 9.0); d.Quick = true; return d }(), 0, []string{"quick and full runs are not compared"}, nil, []string{"| regression"}},
		// B as jepsh bench --json writes it: {"runs": [...]}.
		{"bench output", map[string]any{"version": 1, "runs": []*result.Doc{uiRun(2.5, 5.0)}}, 3, []string{"**regression (critical)**"}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := writeDoc(t, dir, tt.name+".json", tt.b)
			out := filepath.Join(dir, tt.name+".out.json")
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), []string{"bench", "--compare", a, b, "--json", out, "--html", filepath.Join(dir, tt.name+".html")}, nil, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout.String(), stderr.String())
			}
			for _, w := range tt.stdout {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout.String())
				}
			}
			for _, w := range tt.notStdout {
				if strings.Contains(stdout.String(), w) {
					t.Errorf("stdout has %q:\n%s", w, stdout.String())
				}
			}
			for _, w := range tt.stderr {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
				}
			}
			// The JSON output is itself a run file --compare can read.
			docs, err := result.Read(out)
			if err != nil || len(docs) != 1 || docs[0].Stats == nil {
				t.Fatalf("--json output: %v, %d runs", err, len(docs))
			}
			if st := docs[0].Stats["create-1000-rows/vanilla"]; st.N != 8 || st.Median != 41 {
				t.Errorf("stats of vanilla: %+v", st)
			}
		})
	}
}

func TestBenchUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"bench", "--compare", "only.json"}, 2, "needs two result files"},
		{[]string{"bench", "--suite", "nope"}, 2, `unknown suite "nope"`},
		{[]string{"bench", "--require", "ui,gpu"}, 2, `unknown suite "gpu"`},
		{[]string{"bench", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"bench", "--compare", "missing-a.json", "missing-b.json"}, 1, "missing-a.json"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := Run(context.Background(), tt.args, nil, &stdout, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.msg)
		}
	}
}
