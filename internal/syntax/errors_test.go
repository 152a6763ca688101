package syntax_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// errorRE matches an expectation comment: /* ERROR [@+n] "regexp" */.
// The diagnostic is expected at the first non-blank byte after the comment
// (plus n bytes, for positions inside a string literal), and its text
// "code: message" must match the regexp.
var errorRE = regexp.MustCompile(`/\* ERROR (?:@\+(\d+) )?("(?:[^"\\]|\\.)*") \*/`)

type expectation struct {
	pos source.Position
	rx  *regexp.Regexp
}

func expectations(t *testing.T, f *source.File) []expectation {
	var out []expectation
	src := f.Src
	for _, m := range errorRE.FindAllSubmatchIndex(src, -1) {
		off := m[1]
		for off < len(src) && (src[off] == ' ' || src[off] == '\t' || src[off] == '\n' || src[off] == '\r') {
			off++
		}
		if m[2] >= 0 {
			n, _ := strconv.Atoi(string(src[m[2]:m[3]]))
			off += n
		}
		pat, err := strconv.Unquote(string(src[m[4]:m[5]]))
		if err != nil {
			t.Fatalf("%s: bad ERROR pattern %s: %v", f.Position(f.Pos(m[0])), src[m[4]:m[5]], err)
		}
		out = append(out, expectation{pos: f.Position(f.Pos(off)), rx: regexp.MustCompile(pat)})
	}
	return out
}

// TestErrors checks the diagnostics of testdata/errors/*.jxl against the
// ERROR comments in them: same line:col, message matching, nothing extra.
func TestErrors(t *testing.T) {
	files, _ := filepath.Glob("testdata/errors/*.jxl")
	if len(files) == 0 {
		t.Fatal("no testdata/errors/*.jxl files")
	}
	for _, fn := range files {
		t.Run(filepath.Base(fn), func(t *testing.T) {
			src, err := os.ReadFile(fn)
			if err != nil {
				t.Fatal(err)
			}
			fset := source.NewFileSet()
			_, errs := syntax.ParseFile(fset, fn, src)
			want := expectations(t, fset.Files()[0])
			if len(want) == 0 {
				t.Fatal("no ERROR expectations")
			}
			used := make([]bool, len(want))
			for _, d := range errs {
				pos := fset.Position(d.Pos)
				text := fmt.Sprintf("%s: %s", d.Code, d.Msg)
				found := false
				for i, w := range want {
					if !used[i] && w.pos.Line == pos.Line && w.pos.Column == pos.Column && w.rx.MatchString(text) {
						used[i], found = true, true
						break
					}
				}
				if !found {
					t.Errorf("%s: unexpected error: %s", pos, text)
				}
			}
			for i, w := range want {
				if !used[i] {
					t.Errorf("%s: missing error matching %q", w.pos, w.rx)
				}
			}
		})
	}
}

// TestOneErrorPerLine checks that a line with several problems reports one.
func TestOneErrorPerLine(t *testing.T) {
	src := "func f() {\n    let x = @ # ` 12px \"\\q\" )\n    let y = ) )\n}\n"
	fset := source.NewFileSet()
	_, errs := syntax.ParseFile(fset, "a.jxl", []byte(src))
	lines := map[int]int{}
	for _, d := range errs {
		lines[fset.Position(d.Pos).Line]++
	}
	if lines[2] != 1 || lines[3] != 1 || len(errs) != 2 {
		var b strings.Builder
		for _, d := range errs {
			fmt.Fprintf(&b, "%s: %s\n", fset.Position(d.Pos), d.Msg)
		}
		t.Errorf("want one error on each of lines 2 and 3, got:\n%s", b.String())
	}
}
