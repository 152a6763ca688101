package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuildErrors(t *testing.T) {
	dir := t.TempDir()
	app := filepath.Join(dir, "app")
	os.MkdirAll(filepath.Join(app, "dist"), 0o755)
	os.WriteFile(filepath.Join(app, "dist", "index.html"), []byte("old"), 0o644) // a previous build
	os.WriteFile(filepath.Join(app, "dist", "old.txt"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(app, "b.jxl"), []byte("view B {\n    let = 1\n}\n"), 0o644)
	os.WriteFile(filepath.Join(app, "a.jxl"), []byte("view A {\n    render {\n        Text(\"x\"\n    }\n}\n"), 0o644)

	code, out, errs := run(t, dir, "build", "app")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errs)
	}
	// Sorted by file: a.jxl before b.jxl, each with its source line and caret.
	ia, ib := strings.Index(errs, "a.jxl:"), strings.Index(errs, "b.jxl:2:")
	if ia < 0 || ib < 0 || ia > ib {
		t.Errorf("diagnostics not printed sorted:\n%s", errs)
	}
	if !strings.Contains(errs, "    let = 1\n") || !strings.Contains(errs, "^") || !strings.Contains(errs, "error[E1") {
		t.Errorf("diagnostics lack the source line, caret or code:\n%s", errs)
	}
	if b, err := os.ReadFile(filepath.Join(app, "dist", "old.txt")); err != nil || string(b) != "old" {
		t.Errorf("a failed build touched dist/")
	}
	if out != "" {
		t.Errorf("a failed build printed to stdout:\n%s", out)
	}

	// --json: the same diagnostics as a JSON array on stdout; flags after the dir work.
	code, out, _ = run(t, dir, "build", "app", "--json")
	if code != 1 {
		t.Fatalf("--json: exit %d", code)
	}
	var diags []struct {
		File string `json:"file"`
		Line int    `json:"line"`
		Code string `json:"code"`
	}
	if err := json.Unmarshal([]byte(out), &diags); err != nil {
		t.Fatalf("--json output is not JSON: %v\n%s", err, out)
	}
	if len(diags) < 2 || diags[0].File != "a.jxl" || diags[len(diags)-1].File != "b.jxl" || diags[len(diags)-1].Line != 2 {
		t.Errorf("--json diagnostics: %+v", diags)
	}

	// Output directories that would destroy sources or unrelated files are refused.
	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	os.WriteFile(filepath.Join(dir, "docs", "notes.md"), []byte("mine"), 0o644)
	for _, o := range []string{"app", ".", "docs"} {
		code, _, errs := run(t, dir, "build", "app", "-o", o)
		if code != 1 || !strings.Contains(errs, "E9004") {
			t.Errorf("jepsh build app -o %s: exit %d\n%s", o, code, errs)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "docs", "notes.md")); string(b) != "mine" {
		t.Errorf("docs/notes.md was touched")
	}

	for _, args := range [][]string{{"build", "nope"}, {"build", "app", "app"}, {"build", "-x"}} {
		if code, _, _ := run(t, dir, args...); code == 0 {
			t.Errorf("jepsh %v: exit 0", args)
		}
	}
}
