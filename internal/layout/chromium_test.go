package layout_test

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
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jepsh/jepsh/internal/layout"
	"github.com/jepsh/jepsh/internal/text"
)

var (
	randomTrees = flag.Int("random", 24, "random view trees in TestChromiumAgreement")
	randomSeed  = flag.Uint64("seed", 3, "seed of the random view trees")
)

// A view tree for the agreement test, built like JXL: stacks, text, frames,
// padding. Fonts: .headline 18/24, .body 14/16, .caption 12/16 (px).
type view struct {
	name  string
	style layout.Style
	text  *text.Leaf
	kids  []*view
}

type font struct{ size, lineHeight float64 }

var (
	headline = font{18, 24}
	body     = font{14, 16}
	caption  = font{12, 16}
	title1   = font{28, 34}
)

func vstack(spacing float32, a layout.HAlignment, kids ...*view) *view {
	return &view{name: "VStack", style: layout.VStack(spacing, a), kids: kids}
}

func hstack(spacing float32, a layout.VAlignment, kids ...*view) *view {
	return &view{name: "HStack", style: layout.HStack(spacing, a), kids: kids}
}

func txt(s string, f font) *view {
	return &view{name: "Text", style: layout.Leaf(), text: &text.Leaf{Font: text.DefaultFont, Size: f.size, LineHeight: f.lineHeight, Text: s}}
}

func zstack(h layout.HAlignment, v layout.VAlignment, kids ...*view) *view {
	return &view{name: "ZStack", style: layout.ZStack(h, v), kids: kids}
}

func spacer() *view { return &view{name: "Spacer", style: layout.Spacer()} }

// button is Button(label): an HStack with padding 8/16 around body text.
func button(label string) *view {
	v := hstack(0, layout.VCenter, txt(label, body))
	v.name = "Button"
	v.style = v.style.WithPadding(8, 16, 8, 16)
	return v
}

func (v *view) padding(p float32) *view {
	v.style = v.style.WithPadding(p, p, p, p)
	return v
}

func (v *view) frame(f layout.Frame) *view {
	v.style = v.style.WithFrame(f)
	return v
}

func frame(mod func(f *layout.Frame)) layout.Frame {
	f := layout.NoFrame
	mod(&f)
	return f
}

var agreementCases = []struct {
	name string
	root *view
}{
	{"StaticCard", vstack(16, layout.HCenter,
		txt("Title", headline),
		txt("Description", body),
		hstack(8, layout.VCenter, button("Cancel"), button("OK")),
	).padding(20)},
	{"ToolbarWithSpacer", hstack(8, layout.VCenter,
		txt("Back", body), spacer(), txt("Settings", headline), spacer(), button("Done"),
	).frame(frame(func(f *layout.Frame) { f.Width = layout.P(375) })).padding(12)},
	{"LeadingList", vstack(4, layout.Leading,
		txt("Inbox", title1),
		txt("Quarterly report, final version", body),
		txt("Lunch on Friday?", body),
		txt("Re: Re: Fwd: travel plans (Kyoto, Osaka)", caption),
	).padding(16)},
	{"TrailingNested", vstack(12, layout.Trailing,
		hstack(4, layout.TopAlign, txt("Total", caption), txt("1,234.56", title1)),
		hstack(10, layout.BottomAlign, txt("Tax", caption), txt("98.76", headline), button("Pay")),
		txt("Prices include VAT where applicable.", caption),
	).padding(10)},
	{"Frames", vstack(6, layout.HCenter,
		txt("Fixed", body).frame(frame(func(f *layout.Frame) { f.Width, f.Height = layout.P(120), layout.P(40) })),
		txt("A rather long label in a small box", body).frame(frame(func(f *layout.Frame) { f.MaxWidth = layout.P(100) })),
		txt("Min", body).frame(frame(func(f *layout.Frame) { f.MinWidth = layout.P(90) })),
		hstack(0, layout.VCenter, spacer(), txt("right", caption)).frame(frame(func(f *layout.Frame) { f.Width = layout.P(200) })),
	).padding(8)},
	{"PaddedFrame", vstack(16, layout.Leading,
		txt("Border-box", headline),
		vstack(2, layout.Leading, txt("inside", body), txt("the frame", body)).padding(10).
			frame(frame(func(f *layout.Frame) { f.Width, f.Height = layout.P(150), layout.P(80) })),
	).padding(3)},
	{"Baselines", vstack(8, layout.Leading,
		hstack(6, layout.FirstTextBaseline, txt("Big", title1), txt("small", caption), txt("mid", headline), button("Go")),
		hstack(4, layout.FirstTextBaseline, vstack(2, layout.Leading, txt("Two", body), txt("lines", title1)), txt("x", font{21.5, 27}), txt("y", font{9, 15.5})),
	).padding(5)},
	{"Spaces", vstack(2, layout.Trailing,
		txt("two  spaces", body), txt(" leading", body), txt("trailing ", body), txt("   ", body), txt("", body),
	).padding(3)},
	{"ZStackBadge", zstack(layout.HCenter, layout.VCenter,
		vstack(0, layout.HCenter).frame(frame(func(f *layout.Frame) { f.Width, f.Height = layout.P(64), layout.P(64) })),
		txt("42", title1),
		zstack(layout.Trailing, layout.TopAlign, txt("new", caption)).frame(frame(func(f *layout.Frame) { f.Width, f.Height = layout.P(64), layout.P(64) })),
	).padding(6)},
	{"ZStackInStack", vstack(10, layout.Leading,
		zstack(layout.Leading, layout.BottomAlign, txt("Background layer text", body), txt("Top", headline)),
		hstack(4, layout.VCenter, zstack(layout.HCenter, layout.VCenter, txt("A", title1), txt("b", caption)), txt("after", body)),
	).padding(4)},
	{"Fractions", hstack(3.5, layout.VCenter,
		txt("x", font{13.5, 17}), txt("Wave", font{15.25, 19}), txt("AVATAR", font{11, 13}),
		vstack(1.25, layout.HCenter, txt("To", font{17, 21}), txt("ff", font{9.5, 12})),
	).padding(7.5)},
}

type built struct {
	tree   *layout.Tree
	root   layout.NodeID
	views  []*view // by node id
	leaves *text.Leaves
}

func build(t *testing.T, reg *text.Registry, root *view) *built {
	b := &built{tree: layout.NewTree(32), leaves: text.NewLeaves(reg)}
	var add func(v *view, parent layout.NodeID) layout.NodeID
	add = func(v *view, parent layout.NodeID) layout.NodeID {
		id := b.tree.Add(parent, v.style)
		b.views = append(b.views, v)
		if v.text != nil {
			if err := b.leaves.Add(b.tree, id, *v.text); err != nil {
				t.Fatal(err)
			}
		}
		for _, k := range v.kids {
			add(k, id)
		}
		return id
	}
	b.root = add(root, layout.None)
	b.tree.Layout(b.root, layout.Size{W: layout.MaxContentSpace, H: layout.MaxContentSpace}, false)
	return b
}

// absolute returns the Go engine's boxes in page coordinates, by node id.
func (b *built) absolute() [][4]float64 {
	out := make([][4]float64, b.tree.Len())
	var walk func(n layout.NodeID, x, y float64)
	walk = func(n layout.NodeID, x, y float64) {
		bx := b.tree.Box(n)
		x += float64(bx.X)
		y += float64(bx.Y)
		out[n] = [4]float64{x, y, float64(bx.W), float64(bx.H)}
		for c := b.tree.FirstChild(n); c != layout.None; c = b.tree.NextSibling(c) {
			walk(c, x, y)
		}
	}
	walk(b.root, 0, 0)
	return out
}

// family is the CSS font family of a registered font: an @font-face that
// loads /font/<id>.woff2.
func family(id string) string { return "Jepsh-" + id }

func (b *built) html(fontIDs []string) string {
	var sb strings.Builder
	sb.WriteString("<!doctype html><html><head><meta charset=utf-8><style>")
	for _, id := range fontIDs {
		fmt.Fprintf(&sb, "@font-face{font-family:%q;src:url(/font/%s.woff2) format(\"woff2\");}", family(id), id)
	}
	sb.WriteString("html,body{margin:0}#root{position:absolute;left:0;top:0}")
	sb.WriteString(layout.BaseCSS(".j"))
	sb.WriteString("</style></head><body>")
	var walk func(n layout.NodeID)
	walk = func(n layout.NodeID) {
		v := b.views[n]
		style := b.tree.Style(n).AppendCSS(nil)
		if p := b.tree.Parent(n); p != layout.None {
			style = layout.AppendChildCSS(style, b.tree.Style(n), b.tree.Style(p))
		}
		if v.text != nil {
			style = layout.TextCSS(style, family(v.text.Font), v.text.Size, v.text.LineHeight)
		}
		id := ""
		if n == b.root {
			id = ` id="root"`
		}
		fmt.Fprintf(&sb, `<div%s class="j" data-n="%d" style="%s">`, id, n, html.EscapeString(string(style)))
		if v.text != nil {
			sb.WriteString(html.EscapeString(v.text.Text))
		}
		for c := b.tree.FirstChild(n); c != layout.None; c = b.tree.NextSibling(c) {
			walk(c)
		}
		sb.WriteString("</div>")
	}
	walk(b.root)
	sb.WriteString("</body></html>")
	return sb.String()
}

func chromiumPath(t *testing.T) string {
	if p := os.Getenv("JEPSH_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium not found (install Debian's chromium or set JEPSH_CHROMIUM)")
	}
	t.Skip("chromium not installed")
	return ""
}

// TestChromiumAgreement renders each view tree as HTML/CSS (the declarations
// of css.go, text in the default font served as the WOFF2 subset that the
// build would ship) in headless Chromium and compares every box with the Go
// engine: exact at device scale 1, within 1/32 px at 1.5 and 2.
func TestChromiumAgreement(t *testing.T) {
	bin := chromiumPath(t)
	reg := text.NewRegistry()
	var builds []*built
	cases := agreementCases
	rng := rand.New(rand.NewPCG(*randomSeed, 1))
	for i := 0; i < *randomTrees; i++ {
		v := randomView(rng, 0)
		name := fmt.Sprintf("Random%02d", i)
		if i%3 == 2 {
			setRTL(v)
			name += "RTL"
		}
		cases = append(cases, struct {
			name string
			root *view
		}{name, v})
	}
	// A font with pair kerning (Go Regular has none), when the system has
	// one: the kerning path of the measurement against Chromium.
	if path := systemFont("DejaVu Sans"); path != "" {
		if _, err := reg.LoadFile("dejavu", path); err != nil {
			t.Fatal(err)
		}
		k := func(s string, f font) *view {
			v := txt(s, f)
			v.text.Font = "dejavu"
			return v
		}
		cases = append(cases, struct {
			name string
			root *view
		}{"KerningDejaVu", vstack(6, layout.Leading,
			k("AVATAR Wave To", headline), k("Yoghurt, LT, AV, Ta, P.", body),
			hstack(5, layout.FirstTextBaseline, k("WAVY", title1), txt("kern", body), k("Tô", font{15.5, 19})),
		).padding(4)})
	} else {
		t.Log("no DejaVu Sans on this system: kerning is not checked against Chromium")
	}
	strsByFont := map[string][]string{}
	for _, c := range cases {
		b := build(t, reg, c.root)
		builds = append(builds, b)
		for _, v := range b.views {
			if v.text != nil {
				strsByFont[v.text.Font] = append(strsByFont[v.text.Font], v.text.Text)
			}
		}
	}
	var fontIDs []string
	fonts := map[string][]byte{}
	for id, strs := range strsByFont {
		f, _ := reg.Font(id)
		subset, err := f.Subset(strs...)
		if err != nil {
			t.Fatal(err)
		}
		if fonts[id], err = text.WOFF2(subset); err != nil {
			t.Fatal(err)
		}
		fontIDs = append(fontIDs, id)
	}
	pages := map[string]string{}
	mux := http.NewServeMux()
	mux.HandleFunc("/font/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "font/woff2")
		w.Write(fonts[strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/font/"), ".woff2")])
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, pages[r.URL.Path])
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for i, b := range builds {
		pages[fmt.Sprintf("/%d", i)] = b.html(fontIDs)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()

	for _, dsf := range []float64{1, 1.5, 2} {
		tol := 1.0 / 32
		if dsf == 1 {
			tol = 1e-4
		}
		if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(1200, 900, chromedp.EmulateScale(dsf))); err != nil {
			t.Fatal(err)
		}
		for i, c := range cases {
			b := builds[i]
			if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+fmt.Sprintf("/%d", i))); err != nil {
				t.Fatalf("%s @%gx: %v", c.name, dsf, err)
			}
			js, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
					const families = `+jsonString(fontIDs)+`;
					for (const f of families) await document.fonts.load('16px "Jepsh-' + f + '"');
					await document.fonts.ready;
					for (const f of families) if (!document.fonts.check('16px "Jepsh-' + f + '"')) return "font not loaded: " + f;
					const out = [];
					for (const el of document.querySelectorAll('[data-n]')) {
						const r = el.getBoundingClientRect();
						out[+el.dataset.n] = [r.x, r.y, r.width, r.height];
					}
					return JSON.stringify(out);
				})()`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s @%gx: %v", c.name, dsf, err)
			}
			var got [][4]float64
			if err := json.Unmarshal([]byte(js), &got); err != nil {
				t.Fatalf("%s @%gx: %s", c.name, dsf, js)
			}
			want := b.absolute()
			mismatches := 0
			for n := range want {
				for k := 0; k < 4; k++ {
					if math.Abs(got[n][k]-want[n][k]) > tol {
						mismatches++
						if mismatches <= 6 {
							t.Errorf("%s @%gx: node %d (%s %q): Chromium %v, Go %v", c.name, dsf, n, b.views[n].name, label(b.views[n]), got[n], want[n])
						}
						break
					}
				}
			}
			if mismatches > 0 && os.Getenv("JEPSH_DUMP") != "" {
				for n := range want {
					v := b.views[n]
					depth := 0
					for p := b.tree.Parent(layout.NodeID(n)); p != layout.None; p = b.tree.Parent(p) {
						depth++
					}
					t.Logf("%s%s %q css=%s chromium=%v go=%v", strings.Repeat("  ", depth), v.name, label(v), b.tree.Style(layout.NodeID(n)).AppendCSS(nil), got[n], want[n])
				}
			}
			if mismatches == 0 {
				t.Logf("%s @%gx: %d boxes agree (root %gx%g)", c.name, dsf, len(want), want[b.root][2], want[b.root][3])
			}
		}
	}
}

var words = []string{"Settings", "OK", "Cancel", "Wi-Fi", "Bluetooth", "Airplane mode", "17:42", "Yesterday",
	"Ångström", "naïve café", "Total: 1,234.56", "AVATAR", "Wave", "fi fl ffi", "Lorem ipsum dolor sit amet", "x"}

// randomView builds a random stack tree: stacks with random spacing,
// alignment, padding and frames; text in random sizes; spacers.
func randomView(rng *rand.Rand, depth int) *view {
	quarter := func(max int) float32 { return float32(rng.IntN(4*max+1)) / 4 }
	var v *view
	switch k := rng.IntN(10); {
	case depth >= 3 || k < 3:
		size := 9 + float64(rng.IntN(45))/2
		v = txt(words[rng.IntN(len(words))], font{size, math.Ceil(size * 1.25)})
	case k == 3 && depth > 0:
		return spacer()
	default:
		n := 1 + rng.IntN(4)
		var kids []*view
		for i := 0; i < n; i++ {
			kids = append(kids, randomView(rng, depth+1))
		}
		switch rng.IntN(5) {
		case 0, 1:
			v = vstack(quarter(16), layout.HAlignment(rng.IntN(3)), kids...)
		case 2, 3:
			v = hstack(quarter(16), layout.VAlignment(rng.IntN(4)), kids...)
		default:
			v = zstack(layout.HAlignment(rng.IntN(3)), layout.VAlignment(rng.IntN(3)), kids...)
		}
	}
	if rng.IntN(3) == 0 {
		v.style = v.style.WithPadding(quarter(12), quarter(12), quarter(12), quarter(12))
	}
	if rng.IntN(4) == 0 {
		v = v.frame(frame(func(f *layout.Frame) {
			switch rng.IntN(4) {
			case 0:
				f.Width = layout.P(float32(40 + rng.IntN(200)))
			case 1:
				f.Height = layout.P(float32(20 + rng.IntN(80)))
			case 2:
				f.MinWidth = layout.P(float32(20 + rng.IntN(150)))
			default:
				f.MaxWidth = layout.P(float32(30 + rng.IntN(150)))
			}
		}))
	}
	return v
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// systemFont returns the file of an installed font family (by fontconfig),
// or "".
func systemFont(name string) string {
	out, err := exec.Command("fc-match", "-f", "%{file}", name).Output()
	if err != nil || !strings.Contains(strings.ToLower(string(out)), strings.ToLower(strings.ReplaceAll(name, " ", ""))) {
		return ""
	}
	return string(out)
}

func setRTL(v *view) {
	v.style.Direction = layout.RTL
	for _, k := range v.kids {
		setRTL(k)
	}
}

func label(v *view) string {
	if v.text != nil {
		return v.text.Text
	}
	return ""
}
