package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runFmtIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Ctx: context.Background(), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Dir: dir}
	code := commands["fmt"].Run(env, args)
	return code, out.String(), errb.String()
}

func TestFmtCommand(t *testing.T) {
	const ugly = "view A {\n  render { Text(\"a\").font(.title).padding(4) }\n}\n"
	const pretty = "view A {\n    render {\n        Text(\"a\")\n            .font(.title)\n            .padding(4)\n    }\n}\n"
	root := t.TempDir()
	files := map[string]string{
		"app/a.jxl":              ugly,
		"app/b.jxl":              pretty,
		"app/sub/c.jxl":          ugly,
		"app/.hidden/d.jxl":      ugly,
		"app/node_modules/e.jxl": ugly,
		"bad/x.jxl":              "view A {\n    render { Text(\"a\" }\n}\n",
	}
	for name, data := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o640); err != nil {
			t.Fatal(err)
		}
	}

	// Print to stdout.
	code, out, errs := runFmtIn(t, root, "app/a.jxl")
	if code != 0 || out != pretty || errs != "" {
		t.Errorf("fmt file: code %d, out %q, err %q", code, out, errs)
	}

	// -l lists the files that differ, recursively, skipping hidden and node_modules.
	code, out, _ = runFmtIn(t, root, "-l", "app")
	want := filepath.Join("app", "a.jxl") + "\n" + filepath.Join("app", "sub", "c.jxl") + "\n"
	if code != 0 || out != want {
		t.Errorf("fmt -l: code %d, out %q, want %q", code, out, want)
	}

	// -d prints a diff.
	code, out, _ = runFmtIn(t, root, "-d", "app/a.jxl")
	del := strings.Index(out, "-  render { Text(\"a\").font(.title).padding(4) }")
	add := strings.Index(out, "+            .font(.title)")
	if code != 0 || del < 0 || add < del {
		t.Errorf("fmt -d: code %d, out:\n%s", code, out)
	}

	// -w rewrites, keeping the mode; a second -l lists nothing.
	code, _, _ = runFmtIn(t, root, "-w", "app")
	if code != 0 {
		t.Fatalf("fmt -w: code %d", code)
	}
	data, _ := os.ReadFile(filepath.Join(root, "app/sub/c.jxl"))
	if string(data) != pretty {
		t.Errorf("after -w: %q", data)
	}
	if info, _ := os.Stat(filepath.Join(root, "app/a.jxl")); info.Mode().Perm() != 0o640 {
		t.Errorf("mode after -w: %v", info.Mode().Perm())
	}
	if data, _ := os.ReadFile(filepath.Join(root, "app/.hidden/d.jxl")); string(data) != ugly {
		t.Errorf("hidden directory was formatted")
	}
	if entries, _ := os.ReadDir(filepath.Join(root, "app")); len(entries) != 5 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if code, out, _ = runFmtIn(t, root, "-l", "app"); code != 0 || out != "" {
		t.Errorf("fmt -l after -w: code %d, out %q", code, out)
	}

	// Syntax errors: reported with positions, file untouched, exit 1.
	code, _, errs = runFmtIn(t, root, "-w", "bad")
	if code != 1 || !strings.Contains(errs, filepath.Join("bad", "x.jxl")+":2:") || !strings.Contains(errs, "error[E1007]") {
		t.Errorf("fmt bad: code %d, stderr %q", code, errs)
	}
	if data, _ := os.ReadFile(filepath.Join(root, "bad/x.jxl")); string(data) != files["bad/x.jxl"] {
		t.Errorf("file with errors was rewritten")
	}

	// Default directory is ".".
	code, out, _ = runFmtIn(t, filepath.Join(root, "app"), "-l")
	if code != 0 || out != "" {
		t.Errorf("fmt -l in dir: code %d, out %q", code, out)
	}

	// A missing path is an error.
	if code, _, _ = runFmtIn(t, root, "nope"); code != 1 {
		t.Errorf("missing path: code %d", code)
	}
}

func TestWriteDiff(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n"
	b := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\nsixteen\n"
	var out bytes.Buffer
	writeDiff(&out, "x.jxl", []byte(a), []byte(b))
	want := `diff x.jxl jepsh-fmt/x.jxl
--- x.jxl
+++ jepsh-fmt/x.jxl
@@ -2,7 +2,7 @@
 2
 3
 4
-5
+five
 6
 7
 8
@@ -12,4 +12,5 @@
 12
 13
 14
-15
+fifteen
+sixteen
`
	if out.String() != want {
		t.Errorf("diff:\n%s\nwant:\n%s", out.String(), want)
	}
}
