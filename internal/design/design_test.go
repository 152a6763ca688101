package design

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestLoad reads testdata/*.txtar: each archive holds a tokens.yml and a
// "want" section listing the tokens and diagnostics Load produces.
func TestLoad(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			ar, err := txtar.ParseFile(name)
			if err != nil {
				t.Fatal(err)
			}
			var src []byte
			wantIdx := -1
			for i, f := range ar.Files {
				switch f.Name {
				case FileName:
					src = f.Data
				case "want":
					wantIdx = i
				}
			}
			if src == nil {
				t.Fatalf("%s: no %s section", name, FileName)
			}
			fset := source.NewFileSet()
			tok, diags := Load(fset, FileName, src)
			diags.Sort(fset)
			got := dump(fset, tok, diags)
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = []byte(got)
				if err := os.WriteFile(name, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if wantIdx < 0 {
				t.Fatalf("%s: no want section (run with -update)", name)
			}
			if want := string(ar.Files[wantIdx].Data); got != want {
				t.Errorf("mismatch\n--- got\n%s--- want\n%s", got, want)
			}
		})
	}
}

func dump(fset *source.FileSet, tok *Tokens, diags diag.List) string {
	var b bytes.Buffer
	for _, s := range Sections {
		for _, tk := range tok.Tokens(s) {
			where := "default"
			if tk.Pos.IsValid() {
				p := fset.Position(tk.Pos)
				where = fmt.Sprintf("%d:%d", p.Line, p.Column)
			}
			fmt.Fprintf(&b, "%s.%s = %s (%s)\n", s, tk.Name, tk, where)
		}
	}
	for _, f := range tok.Fonts {
		fmt.Fprintf(&b, "fonts %s %d = %s\n", f.Family, f.Weight, f.Path)
	}
	for _, d := range diags {
		p := fset.Position(d.Pos)
		fmt.Fprintf(&b, "%s: %s %s", p, d.Code, d.Msg)
		if d.Hint != "" {
			fmt.Fprintf(&b, " (hint: %s)", d.Hint)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestParseColor(t *testing.T) {
	for _, tc := range []struct {
		in, norm string
		ok       bool
	}{
		{"#3B82F6", "#3B82F6", true},
		{"#3b82f6", "#3B82F6", true},
		{"#abc", "#AABBCC", true},
		{"#11223344", "#11223344", true},
		{"3B82F6", "", false},
		{"#12345", "", false},
		{"#GG0000", "", false},
		{"", "", false},
	} {
		_, norm, ok := ParseColor(tc.in)
		if ok != tc.ok || norm != tc.norm {
			t.Errorf("ParseColor(%q) = %q, %v; want %q, %v", tc.in, norm, ok, tc.norm, tc.ok)
		}
	}
}

func TestLoadDirDefaults(t *testing.T) {
	fset := source.NewFileSet()
	tok, diags := LoadDir(fset, t.TempDir())
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if tok.File != nil {
		t.Errorf("defaults have a file")
	}
	if c := tok.Lookup("color", "primary"); c == nil || c.Color != "#3B82F6" {
		t.Errorf("default color.primary = %v", c)
	}
	if f, ok := tok.TextStyle("headline"); !ok || f.Size != 18 || f.LineHeight != 24 {
		t.Errorf("default headline = %+v, %v", f, ok)
	}
}

func TestLoadDirPrintsPositions(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("color:\n  primary: '#12'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := source.NewFileSet()
	_, diags := LoadDir(fset, dir)
	var b bytes.Buffer
	diag.Print(&b, fset, diags)
	want := filepath.Join(dir, FileName) + ":2:12: error[E4003]: invalid color"
	if !strings.HasPrefix(b.String(), want) {
		t.Errorf("got\n%s\nwant prefix %s", b.String(), want)
	}
}
