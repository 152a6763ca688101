package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Ctx: context.Background(), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Dir: dir}
	code := commands["check"].Run(env, args)
	return code, out.String(), errb.String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCheckCommand(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"good/app.jxl":      "view Hello {\n    render { Text(\"hi\").padding(Spacing.token(.large)) }\n}\n",
		"good/tokens.yml":   "spacing: {large: 24}\n",
		"bad/a.jxl":         "view A {\n    let title: String\n    render { Txt(title) }\n}\n",
		"bad/b.jxl":         "view B {\n    render { A(titel: \"x\") }\n}\n",
		"badtok/app.jxl":    "view T {\n    render { Text(\"x\").foregroundColor(Color.token(.nope)) }\n}\n",
		"badtok/tokens.yml": "color:\n  primary: '#12'\n",
		"empty/readme.txt":  "nothing here",
	})
	for _, tc := range []struct {
		name     string
		dir      string
		args     []string
		code     int
		inStderr []string
	}{
		{"clean dir", root, []string{"good"}, 0, nil},
		{"default dir", filepath.Join(root, "good"), nil, 0, nil},
		{"files", root, []string{"good/app.jxl"}, 0, nil},
		{"errors sorted across files", root, []string{"bad"}, 1, []string{
			"bad/a.jxl:3:14: error[E2003]: unknown view 'Txt'",
			"bad/b.jxl:2:16: error[E2006]: unknown prop label 'titel'",
			"jepsh check: 2 errors",
		}},
		{"token errors", root, []string{"badtok"}, 1, []string{
			"badtok/app.jxl:2:52: error[E2012]: unknown color token 'nope'",
			"badtok/tokens.yml:2:12: error[E4003]: invalid color",
		}},
		{"missing dir", root, []string{"nope"}, 1, []string{"jepsh check: nope: no such directory"}},
		{"no jxl files", root, []string{"empty"}, 1, []string{"jepsh check: no .jxl files in empty"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runIn(t, tc.dir, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			last := -1
			for _, want := range tc.inStderr {
				i := strings.Index(stderr, want)
				if i < 0 {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				} else if i < last {
					t.Errorf("%q is out of order in:\n%s", want, stderr)
				}
				last = i
			}
		})
	}
}

func TestCheckCommandJSON(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"app/a.jxl": "view A {\n    atom n: Int = 0\n    render { Text(n) }\n}\n",
	})
	code, stdout, _ := runIn(t, root, "--json", "app")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var got []struct {
		File, Code, Message string
		Line, Col           int
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("bad JSON %q: %v", stdout, err)
	}
	if len(got) != 1 || got[0].Code != "E2007" || got[0].Line != 3 || got[0].Col != 19 || got[0].File != filepath.Join("app", "a.jxl") {
		t.Errorf("got %+v", got)
	}
}
