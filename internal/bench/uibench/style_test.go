package uibench

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestExampleBenchStyleMatches: examples/bench ships the benchmark page's
// stylesheet so it is usable on its own; its rules must be the ones the
// harness serves to every implementation, or Jepsh's page would lay out
// differently from its peers' and the comparison would not be fair.
func TestExampleBenchStyleMatches(t *testing.T) {
	root := repoRoot(t)
	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(string(b), ""))
	}
	shared, example := read(StylePath), read("examples/bench/bench.css")
	if shared != example {
		t.Errorf("examples/bench/bench.css differs from %s (outside comments): copy the rules over", StylePath)
	}
}
