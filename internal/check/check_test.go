package check

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

var update = flag.Bool("update", false, "rewrite golden files")

// readArchive splits a txtar into an app and its golden "want" section.
func readArchive(t *testing.T, name string) (*txtar.Archive, app, int) {
	t.Helper()
	ar, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	a := app{files: map[string][]byte{}}
	want := -1
	for i, f := range ar.Files {
		switch {
		case f.Name == "want":
			want = i
		case f.Name == design.FileName:
			a.tokens = f.Data
		case strings.HasSuffix(f.Name, ".jxl"):
			a.files[f.Name] = f.Data
		default:
			t.Fatalf("%s: unexpected section %q", name, f.Name)
		}
	}
	if len(a.files) == 0 {
		t.Fatalf("%s: no .jxl files", name)
	}
	return ar, a, want
}

// TestGolden checks testdata/{guide,golden}/*.txtar and compares a readable
// snapshot (diagnostics and the main Info facts) with the "want" section.
func TestGolden(t *testing.T) {
	var files []string
	for _, dir := range []string{"guide", "golden"} {
		m, _ := filepath.Glob(filepath.Join("testdata", dir, "*.txtar"))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no golden test cases")
	}
	for _, name := range files {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			ar, a, want := readArchive(t, name)
			fset, files, info, diags := checkApp(t, a)
			got := snapshot(fset, files, info, diags)
			a.dense = true
			dfset, dfiles, dinfo, ddiags := checkApp(t, a)
			if dgot := snapshot(dfset, dfiles, dinfo, ddiags); dgot != got {
				t.Errorf("dense tables give another snapshot\n--- maps\n%s--- dense\n%s", got, dgot)
			}
			if *update {
				if want < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want"})
					want = len(ar.Files) - 1
				}
				ar.Files[want].Data = []byte(got)
				if err := os.WriteFile(name, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want < 0 {
				t.Fatalf("no want section (run go test -update)")
			}
			if w := string(ar.Files[want].Data); got != w {
				t.Errorf("snapshot mismatch (run go test -update and review the diff)\n--- got\n%s--- want\n%s", got, w)
			}
		})
	}
}

// snapshot renders diagnostics and Info facts: views and what they render,
// computed dependencies, func effects, and every view/modifier call in
// render bodies with its reactive kind and dependencies and constant
// arguments.
func snapshot(fset *source.FileSet, files []*syntax.File, info *Info, diags diag.List) string {
	var b bytes.Buffer
	pos := func(p source.Pos) string {
		pp := fset.Position(p)
		return fmt.Sprintf("%s:%d:%d", pp.Filename, pp.Line, pp.Column)
	}
	b.WriteString("diagnostics:\n")
	for _, d := range diags {
		fmt.Fprintf(&b, "  %s: %s[%s]: %s", pos(d.Pos), d.Severity, d.Code, d.Msg)
		if d.Hint != "" {
			fmt.Fprintf(&b, " (hint: %s)", d.Hint)
		}
		b.WriteByte('\n')
	}
	b.WriteString("views:\n")
	for _, vi := range info.Views {
		fmt.Fprintf(&b, "  %s: renders [%s]", vi.Obj.Name, names(vi.Renders))
		if len(vi.AppState) > 0 {
			fmt.Fprintf(&b, " appState [%s]", names(vi.AppState))
		}
		for _, w := range vi.WebOnly {
			fmt.Fprintf(&b, " webOnly %s@%s", w.Construct, pos(w.Pos))
		}
		b.WriteByte('\n')
	}
	var comps []*types.Object
	for o := range info.Computeds {
		comps = append(comps, o)
	}
	sort.Slice(comps, func(i, j int) bool { return comps[i].ID < comps[j].ID })
	if len(comps) > 0 {
		b.WriteString("computeds:\n")
		for _, o := range comps {
			fmt.Fprintf(&b, "  %s: %s %s\n", o.QualifiedName(), o.Type, info.Computeds[o])
		}
	}
	var fns []*types.Object
	for o := range info.Funcs {
		fns = append(fns, o)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].ID < fns[j].ID })
	if len(fns) > 0 {
		b.WriteString("funcs:\n")
		for _, o := range fns {
			f := info.Funcs[o]
			fmt.Fprintf(&b, "  %s: %s reads %s writes %s\n", o.QualifiedName(), o.Type, f.Reads, f.Writes)
		}
	}
	type line struct {
		p source.Pos
		s string
	}
	var lines []line
	info.EachCall(func(e *syntax.CallExpr, call *Call) {
		var what string
		switch call.Kind {
		case CallBuiltinView:
			what = call.View.Name
		case CallHtml:
			what = "Html." + call.Tag
		case CallModifier:
			what = "." + call.Modifier.Name
		case CallUserView:
			what = call.Obj.Name
		default:
			if v := info.TypeAndValueOf(e).Value; call.Token != nil || v != nil && call.Kind == CallLibrary {
				lines = append(lines, line{e.Pos(), fmt.Sprintf("  %s: %s = %s", pos(e.Pos()), exprName(e.Fun), v)})
			}
			return
		}
		at := e.Pos()
		if call.Kind == CallModifier {
			at = e.Fun.(*syntax.SelectorExpr).Sel.Pos()
		}
		s := fmt.Sprintf("  %s: %s %s", pos(at), what, info.Reactive(e))
		if d := info.DepsOf(e); d != nil {
			s += " " + d.String()
		}
		var consts []string
		for _, a := range call.Args {
			if a == nil {
				continue
			}
			if tv := info.TypeAndValueOf(a.Value); tv.Value != nil {
				consts = append(consts, tv.Value.String())
			}
		}
		for _, a := range call.Attrs {
			if tv := info.TypeAndValueOf(a.Value); tv.Value != nil {
				consts = append(consts, a.Label.Name+"="+tv.Value.String())
			}
		}
		if len(consts) > 0 {
			s += " const(" + strings.Join(consts, ", ") + ")"
		}
		lines = append(lines, line{at, s})
	})
	for e, o := range info.Bindings {
		lines = append(lines, line{e.Pos(), fmt.Sprintf("  %s: $%s writes %s", pos(e.Pos()), exprName(e.X), o.QualifiedName())})
	}
	info.EachDeps(func(n syntax.Node, d *DepSet) {
		switch n.(type) {
		case *syntax.IfStmt:
			lines = append(lines, line{n.Pos(), fmt.Sprintf("  %s: if %s %s", pos(n.Pos()), d.Kind(), d)})
		case *syntax.ForStmt:
			lines = append(lines, line{n.Pos(), fmt.Sprintf("  %s: for %s %s", pos(n.Pos()), d.Kind(), d)})
		}
	})
	sort.Slice(lines, func(i, j int) bool {
		if lines[i].p != lines[j].p {
			return lines[i].p < lines[j].p
		}
		return lines[i].s < lines[j].s
	})
	if len(lines) > 0 {
		b.WriteString("calls:\n")
		for _, l := range lines {
			b.WriteString(l.s)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func names(objs []*types.Object) string {
	s := make([]string, len(objs))
	for i, o := range objs {
		s[i] = o.QualifiedName()
	}
	return strings.Join(s, " ")
}

// TestErrors checks testdata/errors/*.txtar: every diagnostic must be
// announced by an ERROR comment in the source and every ERROR comment must
// be matched. `/* ERROR "re" */` expects a diagnostic at the column of the
// token that follows the comment; `// ERROR "re"` anywhere on its line.
func TestErrors(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "errors", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no error test cases")
	}
	for _, name := range files {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			modes(t, func(t *testing.T, dense bool) {
				_, a, _ := readArchive(t, name)
				a.dense = dense
				fset, pfiles, _, diags := checkApp(t, a)
				checkExpectations(t, fset, pfiles, diags)
			})
		})
	}
}

type expectation struct {
	file    string
	line    int
	col     int // 0: any column
	re      *regexp.Regexp
	matched bool
}

var errorRE = regexp.MustCompile(`^(?://|/\*)\s*ERROR\s+("(?:[^"\\]|\\.)*")`)

func checkExpectations(t *testing.T, fset *source.FileSet, files []*syntax.File, diags diag.List) {
	t.Helper()
	var exps []*expectation
	for _, f := range files {
		for _, cm := range f.Comments {
			m := errorRE.FindStringSubmatch(cm.Text)
			if m == nil {
				continue
			}
			pat := strings.ReplaceAll(m[1][1:len(m[1])-1], `\"`, `"`)
			p := fset.Position(cm.Pos())
			e := &expectation{file: p.Filename, line: p.Line, re: regexp.MustCompile(pat)}
			if strings.HasPrefix(cm.Text, "/*") {
				// the next non-blank byte after the comment
				src := f.Source.Src
				off := f.Source.Offset(cm.End())
				for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
					off++
				}
				e.col = fset.Position(f.Source.Pos(off)).Column
			}
			exps = append(exps, e)
		}
	}
	for _, d := range diags {
		p := fset.Position(d.Pos)
		found := false
		for _, e := range exps {
			if e.matched || e.file != p.Filename || e.line != p.Line || (e.col != 0 && e.col != p.Column) {
				continue
			}
			if e.re.MatchString(d.Msg) {
				e.matched, found = true, true
				break
			}
		}
		if !found {
			t.Errorf("%s: unexpected %s[%s]: %s", p, d.Severity, d.Code, d.Msg)
		}
	}
	for _, e := range exps {
		if !e.matched {
			where := fmt.Sprintf("%s:%d", e.file, e.line)
			if e.col > 0 {
				where += fmt.Sprintf(":%d", e.col)
			}
			t.Errorf("%s: missing diagnostic matching %q", where, e.re)
		}
	}
}

// TestGuideCopies checks that the guide.jxl of each testdata/guide archive
// (except the corrected copies, *-fixed) is the guide's ```jxl block of that
// section, up to the "// Compiled output" part of §2.4, which is not JXL.
// The guide lives beside the repository in ../shared; without it the test
// fails on CI and skips locally.
func TestGuideCopies(t *testing.T) {
	path := filepath.Join(repoRoot(t), "..", "shared", "design", "performance-guide.md")
	guide, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the design guide is missing: %v", err)
		}
		t.Skipf("the design guide is not beside the repository: %v", err)
	}
	blocks := map[string]string{}
	sec, in := "", false
	var cur []string
	secRE := regexp.MustCompile(`^### (\d+\.\d+) `)
	for _, line := range strings.Split(string(guide), "\n") {
		if m := secRE.FindStringSubmatch(line); m != nil {
			sec = m[1]
		}
		switch {
		case !in && strings.TrimSpace(line) == "```jxl":
			in, cur = true, nil
		case in && strings.TrimSpace(line) == "```":
			in = false
			blocks[sec] = strings.Join(cur, "\n") + "\n"
		case in:
			cur = append(cur, line)
		}
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "guide", "*.txtar"))
	n := 0
	for _, name := range files {
		base := filepath.Base(name)
		if strings.Contains(base, "-fixed") {
			continue
		}
		sec := base[:strings.IndexByte(base, '-')]
		block, ok := blocks[sec]
		if !ok {
			t.Errorf("%s: the guide has no jxl block in section %s", name, sec)
			continue
		}
		if i := strings.Index(block, "// Compiled output"); i >= 0 {
			block = block[:i]
		}
		_, a, _ := readArchive(t, name)
		if got := string(a.files["guide.jxl"]); got != block {
			t.Errorf("%s: guide.jxl differs from the guide's section %s block\n--- got\n%s--- guide\n%s", name, sec, got, block)
		}
		n++
	}
	if n < 5 {
		t.Errorf("only %d guide sections covered, want 5 (2.1, 2.2, 2.4, 4.3, 5.2)", n)
	}
}

// TestInfoComplete checks, on the example apps, the testdata programs and
// the full programs among docs/language.md's code blocks, that every
// expression has a type, every identifier that names something is in Defs
// or Uses, and every call is resolved. Programs with diagnostics (the
// error tests, the guide's wrong examples) are held to the first rule only:
// a construct the checker rejects still gets a type, the invalid type at
// worst, never none.
func TestInfoComplete(t *testing.T) {
	root := repoRoot(t)
	type program struct {
		name  string
		app   app
		clean bool // must check without diagnostics
	}
	var progs []program
	dirs, _ := filepath.Glob(filepath.Join(root, "examples", "*"))
	for _, d := range dirs {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			continue
		}
		if a := loadDir(t, d); len(a.files) > 0 {
			progs = append(progs, program{"examples/" + filepath.Base(d), a, true})
		}
	}
	for _, dir := range []string{"guide", "golden", "errors"} {
		archives, _ := filepath.Glob(filepath.Join("testdata", dir, "*.txtar"))
		for _, name := range archives {
			_, a, _ := readArchive(t, name)
			clean := dir == "guide" && strings.Contains(name, "-fixed")
			progs = append(progs, program{name, a, clean})
		}
	}
	for _, b := range docPrograms(t, filepath.Join(root, "docs", "language.md")) {
		progs = append(progs, program{b.name, b.app, true})
	}
	progs = append(progs, program{"generated", app{files: genApp(12)}, true})
	for _, p := range progs {
		t.Run(p.name, func(t *testing.T) {
			modes(t, func(t *testing.T, dense bool) {
				a := p.app
				a.dense = dense
				fset, files, info, diags := checkApp(t, a)
				if p.clean && len(diags) > 0 {
					t.Fatalf("%s: diagnostics:\n%s", p.name, formatDiags(fset, diags))
				}
				for _, f := range files {
					checkComplete(t, fset, f, info, len(diags) == 0)
				}
			})
		})
	}
}

// checkComplete walks a file and reports expressions without a type and,
// when full is set, identifiers without an object and unresolved calls.
func checkComplete(t *testing.T, fset *source.FileSet, f *syntax.File, info *Info, full bool) {
	t.Helper()
	labels := map[*syntax.Ident]bool{}
	syntax.Inspect(f, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Arg:
			if n.Label != nil {
				labels[n.Label] = true
			}
		case *syntax.Param:
			if n.Label != nil {
				labels[n.Label] = true
			}
		case *syntax.AppField:
			labels[n.Name] = true
		case *syntax.NamedType:
			labels[n.Name] = true // a type name
		case *syntax.SelectorExpr:
			labels[n.Sel] = true // resolved through Selections or Uses
		case *syntax.ImplicitMemberExpr:
			labels[n.Name] = true
		case *syntax.KeyPathExpr:
			for _, id := range n.Path {
				labels[id] = true
			}
		case *syntax.CallExpr:
			if full && info.CallOf(n) == nil {
				t.Errorf("%s: call without Calls entry", fset.Position(n.Pos()))
			}
		}
		if e, ok := n.(syntax.Expr); ok {
			if !info.HasType(e) {
				if id, isID := e.(*syntax.Ident); !isID || !labels[id] && info.DefOf(id) == nil {
					t.Errorf("%s: %T without a type", fset.Position(n.Pos()), n)
				}
			}
		}
		if id, ok := n.(*syntax.Ident); full && ok && !labels[id] && id.Name != "_" {
			if info.ObjectOf(id) == nil && !isTypeName(id.Name) {
				t.Errorf("%s: identifier %s not in Defs/Uses", fset.Position(n.Pos()), id.Name)
			}
		}
		return true
	})
}

// docBlock is a full program among the ```jxl blocks of the language
// reference: a block of declarations.
type docBlock struct {
	name string
	app  app
}

// docNeeds lists, by their first line, the doc blocks that use declarations
// of other blocks, and those blocks; docSkip the blocks that name views the
// reference never declares (with the reason). Both are checked to still
// match a block, so the lists follow the document.
var (
	docNeeds = map[string][]string{
		"atom todos: [Todo] = []": {"struct Todo {"},
	}
	docSkip = map[string]string{
		"app TodoMVC {": "routes to TodoApp and UserPage, which the reference only names",
	}
)

var declStart = regexp.MustCompile(`^(view|struct|enum|func|atom|app)\b`)

func docPrograms(t *testing.T, path string) []docBlock {
	t.Helper()
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	blocks := map[string]string{} // first line → block
	var order []string
	lines := strings.Split(string(doc), "\n")
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```jxl" {
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) != "```" {
			j++
		}
		body := lines[i+1 : j]
		if len(body) > 0 && declStart.MatchString(body[0]) {
			blocks[body[0]] = strings.Join(body, "\n") + "\n"
			order = append(order, body[0])
		}
		i = j
	}
	for first := range docSkip {
		if _, ok := blocks[first]; !ok {
			t.Errorf("docs: no block starts with %q (update docSkip)", first)
		}
	}
	var out []docBlock
	for _, first := range order {
		if _, skip := docSkip[first]; skip {
			continue
		}
		a := app{files: map[string][]byte{"block.jxl": []byte(blocks[first])}}
		for i, need := range docNeeds[first] {
			b, ok := blocks[need]
			if !ok {
				t.Errorf("docs: block %q needs a block starting with %q, which is gone (update docNeeds)", first, need)
				continue
			}
			a.files[fmt.Sprintf("need%d.jxl", i)] = []byte(b)
		}
		out = append(out, docBlock{"docs/language.md: " + first, a})
	}
	if len(out) < 5 {
		t.Errorf("docs: only %d full programs found", len(out))
	}
	return out
}

func denseCopies(apps []app) []app {
	out := make([]app, len(apps))
	for i, a := range apps {
		a.dense = true
		out[i] = a
	}
	return out
}

func isTypeName(n string) bool {
	return types.LookupType(n) != nil || n == "Array" || n == "Dictionary" || n == "Optional"
}
