package layout

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

var (
	diffTrees = flag.Int("diff", 30, "random flexbox trees compared with Chromium in TestChromiumDifferential")
	diffSeed  = flag.Uint64("diffseed", 1, "seed of TestChromiumDifferential's trees")
	diffMask  = flag.Int("diffmask", 1432, "features of the random trees: 1 wrap, 2 min/max, 4 basis, 8 margins, 16 padding/border, 32 absolute, 64 aspect-ratio, 128 content-box, 256 rtl, 512 percentages, 1024 alignment")
)

func randomFlexTree(rng *rand.Rand) *Tree {
	t := NewTree(32)
	lengths := []Length{AutoLength, AutoLength, P(0), P(10), P(25.5), P(60), P(120), Pct(50), Pct(30)}
	on := func(bit int) bool { return *diffMask&bit != 0 }
	if !on(512) {
		lengths = lengths[:7]
	}
	selfAligns := []Align{AlignNormal, AlignStart, AlignEnd, AlignFlexStart, AlignFlexEnd, AlignCenter, AlignStretch}
	justifies := []Align{AlignNormal, AlignStart, AlignEnd, AlignFlexStart, AlignFlexEnd, AlignCenter, AlignSpaceBetween, AlignSpaceAround, AlignSpaceEvenly}
	contents := []Align{AlignNormal, AlignStart, AlignEnd, AlignFlexStart, AlignFlexEnd, AlignCenter, AlignStretch, AlignSpaceBetween, AlignSpaceAround, AlignSpaceEvenly}
	pick := func(l []Length) Length { return l[rng.IntN(len(l))] }
	var add func(parent NodeID, depth int)
	add = func(parent NodeID, depth int) {
		s := DefaultStyle()
		s.FlexDirection = FlexDirection(rng.IntN(4))
		if on(1) && rng.IntN(3) == 0 {
			s.FlexWrap = Wrap(rng.IntN(3))
		}
		s.Width, s.Height = pick(lengths), pick(lengths)
		if on(2) && rng.IntN(4) == 0 {
			s.MinWidth = pick(lengths)
		}
		if on(2) && rng.IntN(4) == 0 {
			s.MaxHeight = pick(lengths)
		}
		if on(1024) {
			s.AlignItems = selfAligns[rng.IntN(len(selfAligns))]
			s.JustifyContent = justifies[rng.IntN(len(justifies))]
			s.AlignContent = contents[rng.IntN(len(contents))]
			if rng.IntN(3) == 0 {
				s.AlignSelf = selfAligns[rng.IntN(len(selfAligns))]
			}
		}
		s.FlexGrow = float32(rng.IntN(3))
		s.FlexShrink = float32(rng.IntN(3))
		if on(4) && rng.IntN(3) == 0 {
			s.FlexBasis = pick(lengths)
		}
		for i := 0; i < 4; i++ {
			if on(8) && rng.IntN(4) == 0 {
				s.Margin[i] = []Length{P(3), P(7.5), AutoLength, Pct(10)}[rng.IntN(3+int(*diffMask>>9&1))]
			}
			if on(16) && rng.IntN(4) == 0 {
				s.Padding[i] = P(float32(rng.IntN(9)))
			}
			if on(16) && rng.IntN(6) == 0 {
				s.Border[i] = P(float32(rng.IntN(4)))
			}
		}
		s.ColumnGap, s.RowGap = P(float32(rng.IntN(3)*3)), P(float32(rng.IntN(3)*2))
		if on(32) && depth > 0 && rng.IntN(8) == 0 {
			s.Position = Absolute
			for i := 0; i < 4; i++ {
				if rng.IntN(2) == 0 {
					s.Inset[i] = []Length{P(5), Pct(10), P(0)}[rng.IntN(3)]
				}
			}
		}
		if on(64) && rng.IntN(8) == 0 {
			s.AspectRatio = []float32{0.5, 1, 2}[rng.IntN(3)]
		}
		if on(128) && rng.IntN(6) == 0 {
			s.BoxSizing = ContentBox
		}
		if on(256) && rng.IntN(5) == 0 {
			s.Direction = RTL
		}
		if depth == 0 {
			s.Margin = [4]Length{} // the page places a root by its margins
		}
		id := t.Add(parent, s)
		if depth < 3 {
			for i, n := 0, rng.IntN(4); i < n; i++ {
				add(id, depth+1)
			}
		}
	}
	add(None, 0)
	return t
}

// TestChromiumDifferential lays out random flexbox trees (no text) with the
// engine and in Chromium, from the CSS of css.go, and compares every box
// within 1/32 px. By default it checks the features whose combinations
// agree completely (margins, padding and borders, content-box, right-to-
// left, alignment); -diffmask -1 adds wrapping, min/max, flex-basis,
// absolute positioning, aspect ratios and percentages, where some
// combinations still differ (see docs/layout.md).
func TestChromiumDifferential(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium not found (install Debian's chromium)")
		}
		t.Skip("chromium not installed")
	}
	rng := rand.New(rand.NewPCG(*diffSeed, 1))
	var trees []*Tree
	pages := map[string]string{}
	for i := 0; i < *diffTrees; i++ {
		tr := randomFlexTree(rng)
		tr.Layout(0, Size{1000, 800}, false) // the root: absolutely positioned in a 1000x800 viewport
		trees = append(trees, tr)
		var sb strings.Builder
		sb.WriteString("<!doctype html><style>html,body{margin:0}#root{position:absolute;left:0;top:0}" + BaseCSS(".j") + "</style>")
		var walk func(n NodeID)
		walk = func(n NodeID) {
			id := ""
			if n == 0 {
				id = ` id="root"`
			}
			css := tr.Style(n).AppendCSS(nil)
			if p := tr.Parent(n); p != None {
				css = AppendChildCSS(css, tr.Style(n), tr.Style(p))
			}
			css = tr.AppendGridCSS(css, n)
			fmt.Fprintf(&sb, `<div%s class="j" data-n="%d" style="%s">`, id, n, html.EscapeString(string(css)))
			for c := tr.FirstChild(n); c != None; c = tr.NextSibling(c) {
				walk(c)
			}
			sb.WriteString("</div>")
		}
		walk(0)
		pages[fmt.Sprintf("/%d", i)] = sb.String()
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, pages[r.URL.Path])
	}))
	defer srv.Close()
	actx, cancel := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()))
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(1000, 800)); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i, tr := range trees {
		if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+fmt.Sprintf("/%d", i))); err != nil {
			t.Fatal(err)
		}
		js, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const o = []; for (const el of document.querySelectorAll('[data-n]')) { const r = el.getBoundingClientRect(); o[+el.dataset.n] = [r.x, r.y, r.width, r.height]; } return JSON.stringify(o); })()`))
		if err != nil {
			t.Fatal(err)
		}
		var got [][4]float64
		json.Unmarshal([]byte(js), &got)
		abs := make([][4]float64, tr.Len())
		for n := 0; n < tr.Len(); n++ {
			b := tr.Box(NodeID(n))
			x, y := float64(b.X), float64(b.Y)
			if p := tr.Parent(NodeID(n)); p != None {
				x += abs[p][0]
				y += abs[p][1]
			}
			abs[n] = [4]float64{x, y, float64(b.W), float64(b.H)}
		}
		for n := range abs {
			for k := 0; k < 4; k++ {
				if math.Abs(abs[n][k]-got[n][k]) > 1.0/32 {
					bad++
					t.Errorf("tree %d node %d: Chromium %v, Go %v\n%s", i, n, got[n], abs[n], pages[fmt.Sprintf("/%d", i)])
					if tr.Len() <= 12 {
						for m := range abs {
							t.Logf("  node %d: Chromium %v, Go %v", m, got[m], abs[m])
						}
					}
					goto next
				}
			}
		}
	next:
	}
	t.Logf("%d of %d random trees agree", len(trees)-bad, len(trees))
}
