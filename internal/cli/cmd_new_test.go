package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

func run(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Ctx: context.Background(), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Dir: dir}
	c, ok := commands[args[0]]
	if !ok {
		t.Fatalf("no command %s", args[0])
	}
	code := c.Run(env, args[1:])
	return code, out.String(), errb.String()
}

func TestNew(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run(t, dir, "new", "my-app")
	if code != 0 {
		t.Fatalf("jepsh new: exit %d\n%s", code, errs)
	}
	if !strings.Contains(out, "jepsh dev my-app") {
		t.Errorf("jepsh new does not say what to do next:\n%s", out)
	}
	app := filepath.Join(dir, "my-app")
	for _, f := range []string{"app.jxl", "tokens.yml", "README.md", "app.test.js", ".gitignore"} {
		if _, err := os.Stat(filepath.Join(app, f)); err != nil {
			t.Errorf("scaffold lacks %s", f)
		}
	}
	// The scaffold's sources are valid.
	fset := source.NewFileSet()
	src, _ := os.ReadFile(filepath.Join(app, "app.jxl"))
	if _, diags := syntax.ParseFile(fset, "app.jxl", src); len(diags) > 0 {
		t.Errorf("scaffold app.jxl does not parse: %v", diags.Err())
	}
	if !strings.Contains(string(src), "view MyApp {") || !strings.Contains(string(src), "app MyAppApp {") {
		t.Errorf("scaffold not named after the directory:\n%s", src)
	}
	tok, _ := os.ReadFile(filepath.Join(app, "tokens.yml"))
	if _, diags := design.Load(fset, "tokens.yml", tok); len(diags) > 0 {
		t.Errorf("scaffold tokens.yml: %v", diags.Err())
	}

	// A second run refuses to overwrite, and changes nothing.
	os.WriteFile(filepath.Join(app, "app.jxl"), []byte("mine"), 0o644)
	code, _, errs = run(t, dir, "new", "my-app")
	if code != 1 || !strings.Contains(errs, "not empty") {
		t.Errorf("jepsh new into a non-empty dir: exit %d, %q", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(app, "app.jxl")); string(b) != "mine" {
		t.Errorf("jepsh new overwrote app.jxl")
	}
	// An existing empty directory is fine.
	os.Mkdir(filepath.Join(dir, "empty"), 0o755)
	if code, _, errs := run(t, dir, "new", "empty"); code != 0 {
		t.Errorf("jepsh new into an empty dir: exit %d\n%s", code, errs)
	}
	if code, _, _ := run(t, dir, "new"); code != 2 {
		t.Errorf("jepsh new without a name: exit %d", code)
	}
}

func TestAppIdent(t *testing.T) {
	for in, want := range map[string]string{
		"counter": "Counter", "my-app": "MyApp", "my_cool app": "MyCoolApp", "2048": "App2048",
		"hello.world": "HelloWorld", "---": "", "ÜberApp": "BerApp",
	} {
		if got := appIdent(in); got != want {
			t.Errorf("appIdent(%q) = %q, want %q", in, got, want)
		}
	}
}
