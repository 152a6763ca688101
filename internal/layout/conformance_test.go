package layout

import (
	"encoding/xml"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var (
	update       = flag.Bool("update", false, "rewrite golden files (raises testdata/conformance_floor.txt to the current pass count)")
	showFailures = flag.Bool("failures", false, "log the name of every failing conformance fixture")
	fixtureGlob  = flag.String("fixtures", "*.xml", "glob selecting conformance fixtures")
)

// xnode is one element of a fixture.
type xnode struct {
	name  string
	attrs map[string]string
	text  string
	kids  []*xnode
}

func parseFixture(data []byte) (*xnode, error) {
	d := xml.NewDecoder(strings.NewReader(string(data)))
	var stack []*xnode
	var root *xnode
	for {
		tok, err := d.Token()
		if err != nil {
			if root != nil {
				return root, nil
			}
			return nil, err
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: tk.Name.Local, attrs: map[string]string{}}
			for _, a := range tk.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tk)
			}
		}
	}
}

func (n *xnode) child(name string) *xnode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// parseLength parses "10px", "5%", "auto" and keywords.
func parseLength(s string) (Length, error) {
	switch s {
	case "auto", "none":
		return AutoLength, nil
	case "min-content":
		return Length{0, MinContent}, nil
	case "max-content", "content":
		return Length{0, MaxContent}, nil
	case "fit-content":
		return Length{0, FitContent}, nil
	case "stretch":
		return Length{0, Stretch}, nil
	}
	if v, ok := strings.CutSuffix(s, "%"); ok {
		f, err := strconv.ParseFloat(v, 32)
		return Pct(float32(f)), err
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(s, "px"), 32)
	return P(float32(f)), err
}

var alignNames = map[string]Align{
	"normal": AlignNormal, "start": AlignStart, "end": AlignEnd, "flex-start": AlignFlexStart,
	"flex-end": AlignFlexEnd, "center": AlignCenter, "baseline": AlignBaseline, "stretch": AlignStretch,
	"space-between": AlignSpaceBetween, "space-around": AlignSpaceAround, "space-evenly": AlignSpaceEvenly,
	"self-start": AlignSelfStart, "self-end": AlignSelfEnd,
}

func parseAlign(s string) (Align, error) {
	var a Align
	if v, ok := strings.CutPrefix(s, "safe "); ok {
		s, a = v, Safe
	}
	s = strings.TrimPrefix(s, "unsafe ")
	v, ok := alignNames[s]
	if !ok {
		return 0, fmt.Errorf("unknown alignment %q", s)
	}
	return a | v, nil
}

// fixtureText is the content of a <text> leaf.
type fixtureText struct {
	words    []int // glyph count of each run between break opportunities
	vertical bool
}

// styleOf converts fixture attributes to a Style.
func styleOf(a map[string]string) (Style, bool, error) {
	s := DefaultStyle()
	supported := true
	var err error
	lengths := map[string]*Length{
		"width": &s.Width, "height": &s.Height, "min-width": &s.MinWidth, "min-height": &s.MinHeight,
		"max-width": &s.MaxWidth, "max-height": &s.MaxHeight, "flex-basis": &s.FlexBasis,
		"column-gap": &s.ColumnGap, "row-gap": &s.RowGap,
		"margin-left": &s.Margin[Left], "margin-right": &s.Margin[Right], "margin-top": &s.Margin[Top], "margin-bottom": &s.Margin[Bottom],
		"padding-left": &s.Padding[Left], "padding-right": &s.Padding[Right], "padding-top": &s.Padding[Top], "padding-bottom": &s.Padding[Bottom],
		"border-left": &s.Border[Left], "border-right": &s.Border[Right], "border-top": &s.Border[Top], "border-bottom": &s.Border[Bottom],
		"left": &s.Inset[Left], "right": &s.Inset[Right], "top": &s.Inset[Top], "bottom": &s.Inset[Bottom],
	}
	aligns := map[string]*Align{"align-items": &s.AlignItems, "align-self": &s.AlignSelf,
		"align-content": &s.AlignContent, "justify-content": &s.JustifyContent}
	floats := map[string]*float32{"flex-grow": &s.FlexGrow, "flex-shrink": &s.FlexShrink,
		"aspect-ratio": &s.AspectRatio, "scrollbar-width": &s.ScrollbarWidth}
	for k, v := range a {
		if p, ok := lengths[k]; ok {
			*p, err = parseLength(v)
		} else if p, ok := aligns[k]; ok {
			*p, err = parseAlign(v)
		} else if p, ok := floats[k]; ok {
			var f float64
			f, err = strconv.ParseFloat(v, 32)
			*p = float32(f)
		} else {
			switch k + "=" + v {
			case "display=flex":
			case "display=block":
				s.Display = DisplayBlock
			case "display=grid":
				// A grid without templates or placement is one cell.
				s.Display = DisplayCell
				for k := range a {
					if strings.HasPrefix(k, "grid-template") {
						s.Display = DisplayGrid
					}
				}
			case "display=none":
				s.Display = DisplayNone
			case "position=absolute":
				s.Position = Absolute
			case "direction=ltr":
			case "direction=rtl":
				s.Direction = RTL
			case "box-sizing=content-box":
				s.BoxSizing = ContentBox
			case "flex-direction=row":
			case "flex-direction=column":
				s.FlexDirection = Column
			case "flex-direction=row-reverse":
				s.FlexDirection = RowReverse
			case "flex-direction=column-reverse":
				s.FlexDirection = ColumnReverse
			case "flex-wrap=nowrap":
			case "flex-wrap=wrap":
				s.FlexWrap = WrapForward
			case "flex-wrap=wrap-reverse":
				s.FlexWrap = WrapReverse
			case "flex-wrap=balance":
				s.FlexWrap = WrapBalance
			case "flex-wrap=wrap-reverse balance":
				s.FlexWrap = WrapReverseBalance
			case "overflow-x=hidden":
				s.OverflowX = Hidden
			case "overflow-x=scroll":
				s.OverflowX = Scroll
			case "overflow-y=hidden":
				s.OverflowY = Hidden
			case "overflow-y=scroll":
				s.OverflowY = Scroll
			case "flex-line-count=" + v:
				var n int
				n, err = strconv.Atoi(v)
				s.FlexLineCount = int32(n)
			case "grid-template-columns=" + v, "grid-template-rows=" + v, "grid-column-start=" + v, "grid-column-end=" + v,
				"grid-row-start=" + v, "grid-row-end=" + v:
				// Applied to the tree by buildFixture.
			case "writing-mode=vertical-lr":
			default:
				// display: block/grid and grid placement are outside the flex engine.
				supported = false
			}
		}
		if err != nil {
			return s, false, fmt.Errorf("%s=%q: %v", k, v, err)
		}
	}
	return s, supported, nil
}

// ahem measures fixture text in the Ahem font: every glyph a 10px square,
// U+200B a break opportunity.
func ahemMeasure(texts []fixtureText) MeasureFunc {
	const glyph = 10
	return func(ctx int32, known, avail Size) Size {
		tx := &texts[ctx]
		inline, block := known.W, known.H
		availInline := avail.W
		if tx.vertical {
			inline, block, availInline = known.H, known.W, avail.H
		}
		var minLen, maxLen int
		for _, w := range tx.words {
			minLen = max(minLen, w)
			maxLen += w
		}
		if isNaN(inline) {
			switch {
			case availInline == MinContentSpace:
				inline = float32(minLen * glyph)
			case availInline == MaxContentSpace:
				inline = float32(maxLen * glyph)
			default:
				inline = maxf(minf(availInline, float32(maxLen*glyph)), float32(minLen*glyph))
			}
		}
		if isNaN(block) {
			perLine := int(math.Floor(float64(inline / glyph)))
			lines, cur := 1, 0
			for _, w := range tx.words {
				if cur+w > perLine {
					if cur > 0 {
						lines++
					}
					cur = w
				} else {
					cur += w
				}
			}
			block = float32(lines * glyph)
		}
		if tx.vertical {
			return Size{block, inline}
		}
		return Size{inline, block}
	}
}

// gridAttrs applies grid templates and placements of a fixture node.
func gridAttrs(t *Tree, id NodeID, a map[string]string) error {
	tracks := func(s string) ([]Length, error) {
		var out []Length
		for _, f := range strings.Fields(s) {
			l, err := parseLength(f)
			if err != nil {
				return nil, err
			}
			out = append(out, l)
		}
		return out, nil
	}
	if a["grid-template-columns"] != "" || a["grid-template-rows"] != "" {
		cols, err := tracks(a["grid-template-columns"])
		if err != nil {
			return err
		}
		rows, err := tracks(a["grid-template-rows"])
		if err != nil {
			return err
		}
		t.SetGrid(id, cols, rows)
	}
	line := func(s string) (GridLine, error) {
		if s == "" || s == "auto" {
			return GridLine{}, nil
		}
		if n, ok := strings.CutPrefix(s, "span "); ok {
			v, err := strconv.Atoi(n)
			return GridLine{Span: int16(v)}, err
		}
		v, err := strconv.Atoi(s)
		return GridLine{Line: int16(v)}, err
	}
	var p [4]GridLine
	any := false
	for i, k := range []string{"grid-column-start", "grid-column-end", "grid-row-start", "grid-row-end"} {
		if a[k] == "" {
			continue
		}
		var err error
		if p[i], err = line(a[k]); err != nil {
			return err
		}
		any = true
	}
	if any {
		t.SetGridPlacement(id, p[0], p[1], p[2], p[3])
	}
	return nil
}

type fixtureCase struct {
	tree     *Tree
	root     NodeID
	viewport Size
	rounding bool
	expect   *xnode
	ids      map[*xnode]NodeID
	input    *xnode
}

func buildFixture(doc *xnode) (*fixtureCase, bool, error) {
	fc := &fixtureCase{tree: NewTree(16), ids: map[*xnode]NodeID{}, rounding: doc.attrs["use-rounding"] == "true"}
	vp := doc.child("viewport")
	dim := func(s string) (float32, error) {
		if s == "max-content" || s == "" {
			return MaxContentSpace, nil
		}
		if s == "min-content" {
			return MinContentSpace, nil
		}
		f, err := strconv.ParseFloat(strings.TrimSuffix(s, "px"), 32)
		return float32(f), err
	}
	var err error
	if fc.viewport.W, err = dim(vp.attrs["width"]); err != nil {
		return nil, false, err
	}
	if fc.viewport.H, err = dim(vp.attrs["height"]); err != nil {
		return nil, false, err
	}
	in := doc.child("input")
	if in == nil || len(in.kids) != 1 {
		return nil, false, fmt.Errorf("fixture input must hold one root")
	}
	fc.input = in.kids[0]
	fc.expect = doc.child("expectations").kids[0]
	var texts []fixtureText
	supported := true
	var build func(x *xnode, parent NodeID) error
	build = func(x *xnode, parent NodeID) error {
		st, ok, err := styleOf(x.attrs)
		if err != nil {
			return err
		}
		supported = supported && ok
		id := fc.tree.Add(parent, st)
		fc.ids[x] = id
		if err := gridAttrs(fc.tree, id, x.attrs); err != nil {
			return err
		}
		if x.name == "text" {
			var tx fixtureText
			tx.vertical = x.attrs["writing-mode"] == "vertical-lr"
			for _, w := range strings.Split(strings.TrimSpace(x.text), "\u200b") {
				tx.words = append(tx.words, utf8.RuneCountInString(w))
			}
			fc.tree.SetMeasure(id, int32(len(texts)))
			texts = append(texts, tx)
		}
		for _, k := range x.kids {
			if err := build(k, id); err != nil {
				return err
			}
		}
		return nil
	}
	if err := build(fc.input, None); err != nil {
		return nil, false, err
	}
	fc.root = 0
	fc.tree.Measure = ahemMeasure(texts)
	return fc, supported, nil
}

// check compares the computed boxes with the expectations and returns the
// first difference.
func (fc *fixtureCase) check() string {
	tol := float32(1.0 / 64)
	if fc.rounding {
		tol = 0
	}
	var walk func(in, ex *xnode, path string) string
	walk = func(in, ex *xnode, path string) string {
		b := fc.tree.Box(fc.ids[in])
		want := [4]string{ex.attrs["x"], ex.attrs["y"], ex.attrs["width"], ex.attrs["height"]}
		got := [4]float32{b.X, b.Y, b.W, b.H}
		for i, w := range want {
			f, _ := strconv.ParseFloat(w, 32)
			if d := got[i] - float32(f); d > tol || d < -tol || isNaN(got[i]) {
				return fmt.Sprintf("%s: got (%g,%g %gx%g) want (%s,%s %sx%s)", path, b.X, b.Y, b.W, b.H, want[0], want[1], want[2], want[3])
			}
		}
		if len(in.kids) != len(ex.kids) {
			return fmt.Sprintf("%s: %d children, %d expectations", path, len(in.kids), len(ex.kids))
		}
		for i := range in.kids {
			if msg := walk(in.kids[i], ex.kids[i], fmt.Sprintf("%s/%d", path, i)); msg != "" {
				return msg
			}
		}
		return ""
	}
	return walk(fc.input, fc.expect, "root")
}

// repoRoot walks up from the package directory to the directory holding go.mod.
func repoRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("go.mod not found above the package directory")
		}
		dir = up
	}
}

func conformanceDir(t *testing.T) string {
	dir := filepath.Join(repoRoot(t), "..", "shared", "conformance", "taffy-flex")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("conformance fixtures missing: %s must hold the taffy-flex suite (../shared relative to the repository root)", dir)
		}
		t.Skipf("conformance fixtures not present at %s", dir)
	}
	return dir
}

func TestConformance(t *testing.T) {
	dir := conformanceDir(t)
	files, err := filepath.Glob(filepath.Join(dir, *fixtureGlob))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	pass, unsupported := 0, 0
	var failures []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".xml")
		doc, err := parseFixture(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		fc, supported, err := buildFixture(doc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !supported {
			unsupported++
		}
		msg := runFixture(fc)
		if msg == "" {
			pass++
			continue
		}
		failures = append(failures, name+": "+msg)
	}
	t.Logf("conformance: %d of %d fixtures pass (%d use unsupported features)", pass, len(files), unsupported)
	if *showFailures {
		for _, f := range failures {
			t.Log(f)
		}
	}
	if *fixtureGlob != "*.xml" {
		return
	}
	floorFile := filepath.Join("testdata", "conformance_floor.txt")
	if *update {
		if err := os.WriteFile(floorFile, []byte(strconv.Itoa(pass)+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(floorFile)
	if err != nil {
		t.Fatal(err)
	}
	floor, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	if pass < floor {
		t.Errorf("conformance regressed: %d fixtures pass, floor is %d", pass, floor)
	}
}

func runFixture(fc *fixtureCase) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("panic: ", r)
		}
	}()
	fc.tree.Layout(fc.root, fc.viewport, fc.rounding)
	return fc.check()
}
