package staticlayout_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/build"
	"github.com/jepsh/jepsh/internal/cli"
	"github.com/jepsh/jepsh/internal/staticlayout"
)

var keep = flag.Bool("keep", false, "keep the built apps and log where they are")

// app is a JXL app the agreement test builds.
type app struct {
	name string
	dir  string
	// roots are test ids of subtree roots that must be pre-computed.
	roots []string
}

// testApps materialises the apps: examples/cards (the guide's StaticCard)
// and testdata/components.txtar (with a design-system font, Go Mono).
func testApps(t *testing.T) []app {
	t.Helper()
	cards, err := filepath.Abs(filepath.Join("..", "..", "examples", "cards"))
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile(filepath.Join("testdata", "components.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "fonts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "fonts", "gomono.ttf"), gomono.TTF, 0o644); err != nil {
		t.Fatal(err)
	}
	return []app{
		{"cards", cards, []string{"main-content"}},
		{"components", dir, []string{"toolbar", "leading", "trailing", "layers", "frames"}},
	}
}

// buildApp builds a as `jepsh build DIR -o OUT --layout MODE --layout-json
// FILE` does (through the command's Go entry point) and returns the output
// directory and the JSON.
func buildApp(t *testing.T, a app, m staticlayout.Mode) (string, *staticlayout.JSON) {
	t.Helper()
	out := t.TempDir()
	jsonPath := filepath.Join(t.TempDir(), "layout.json")
	var stdout, stderr bytes.Buffer
	if code := cli.Run(context.Background(), []string{"build", a.dir, "-o", out, "--layout", m.String(), "--layout-json", jsonPath},
		nil, &stdout, &stderr); code != 0 {
		t.Fatalf("%s: jepsh build exited %d:\n%s%s", a.name, code, stdout.String(), stderr.String())
	}
	data, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	var got staticlayout.JSON
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if *keep {
		t.Logf("%s: %s", a.name, out)
	}
	return out, &got
}

func chromium(t testing.TB) string {
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

func browserContext(t testing.TB, bin string) context.Context {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// pageRects loads url, waits for the app and its fonts, and returns the
// border box of every element with a data-testid.
const rectsJS = `(async () => {
	for (let i = 0; i < 200 && !document.querySelector('[data-testid]'); i++) await new Promise(r => setTimeout(r, 10));
	for (const w of [400, 500, 700]) await document.fonts.load(w + ' 16px Go');
	await document.fonts.load('16px Mono').catch(() => {});
	await document.fonts.ready;
	const out = {};
	for (const el of document.querySelectorAll('[data-testid]')) {
		const r = el.getBoundingClientRect();
		out[el.dataset.testid] = [r.x, r.y, r.width, r.height];
		// A button's label is a bare text node: its run's box.
		if (el.childNodes.length === 1 && el.firstChild.nodeType === Node.TEXT_NODE) {
			const rg = document.createRange();
			rg.selectNodeContents(el.firstChild);
			const t = rg.getBoundingClientRect();
			out[el.dataset.testid + '#text'] = [t.x, t.y, t.width, t.height];
		}
	}
	return JSON.stringify(out);
})()`

// TestChromiumAgreement builds the apps with the static layout pass, in the
// mode where the browser lays the subtrees out itself (TextOnly) and in the
// modes that pin the boxes (Reserve, Absolute), renders them in headless
// Chromium at device scales 1, 1.5 and 2, and compares every box with a
// test id (relative to its subtree root's) with the build-time layout:
// exactly at scale 1, within 1/32 px at 1.5 and 2.
func TestChromiumAgreement(t *testing.T) {
	bin := chromium(t)
	apps := testApps(t)
	ctx := browserContext(t, bin)
	compared := 0
	for _, m := range []staticlayout.Mode{staticlayout.TextOnly, staticlayout.Reserve, staticlayout.Absolute} {
		for _, a := range apps {
			dir, want := buildApp(t, a, m)
			srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
			roots := map[string]bool{}
			for _, s := range want.Subtrees {
				if id := s.Nodes[0].TestID; id != "" {
					roots[id] = true
				}
			}
			mustRoot := map[string]bool{}
			for _, r := range a.roots {
				mustRoot[r] = true
				if !roots[r] {
					t.Errorf("%s mode %s: %q was not pre-computed", a.name, m, r)
				}
			}
			for _, dsf := range []float64{1, 1.5, 2} {
				tol := 1.0 / 32
				if dsf == 1 {
					tol = 1e-4
				}
				var js string
				if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(1000, 800, chromedp.EmulateScale(dsf))); err != nil {
					t.Fatal(err)
				}
				if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
					t.Fatal(err)
				}
				js, err := chromedp.Run(ctx, chromedp.Evaluate[string](rectsJS, chromedp.EvalAwaitPromise))
				if err != nil {
					t.Fatalf("%s @%gx: %v", a.name, dsf, err)
				}
				var got map[string][4]float64
				if err := json.Unmarshal([]byte(js), &got); err != nil {
					t.Fatalf("%s @%gx: %s", a.name, dsf, js)
				}
				n, bad := 0, 0
				for _, s := range want.Subtrees {
					root := s.Nodes[0]
					if root.TestID == "" {
						continue
					}
					r, ok := got[root.TestID]
					if !ok {
						if mustRoot[root.TestID] {
							t.Errorf("%s @%gx: no element with test id %q", a.name, dsf, root.TestID)
						}
						continue // conditional content not shown
					}
					for i, nd := range s.Nodes {
						id := nd.TestID
						if nd.Bare && i > 0 && s.Nodes[i-1].TestID != "" {
							id = s.Nodes[i-1].TestID + "#text" // the label follows its Button
						}
						if id == "" {
							continue
						}
						g, ok := got[id]
						if !ok {
							t.Errorf("%s @%gx: no element with test id %q", a.name, dsf, id)
							continue
						}
						rel := [4]float64{g[0] - r[0], g[1] - r[1], g[2], g[3]}
						exp := [4]float64{nd.X, nd.Y, nd.Width, nd.Height}
						n++
						axes := 4
						if nd.Bare {
							// A text run's range box is the font's content
							// area, not the line box: compare x and width.
							rel[1], exp[1] = 0, 0
							rel[3], exp[3] = 0, 0
						}
						for k := range axes {
							if math.Abs(rel[k]-exp[k]) > tol {
								bad++
								t.Errorf("%s mode %s @%gx: %s (%s %s): Chromium %v, build %v", a.name, m, dsf, id, nd.Kind, nd.Pos, rel, exp)
								break
							}
						}
					}
				}
				compared += n
				if bad == 0 {
					t.Logf("%s mode %s @%gx: %d boxes agree", a.name, m, dsf, n)
				}
			}
			srv.Close()
		}
	}
	if compared < 3*3*30 {
		t.Errorf("compared only %d boxes", compared)
	}
}

// TestReport checks the report of the cards example: which subtrees were
// pre-computed and why the others were not, one line each.
func TestReport(t *testing.T) {
	apps := testApps(t)
	res := build.Build(context.Background(), os.DirFS(apps[0].dir), build.Options{Layout: &build.LayoutOptions{}})
	if res.Failed() {
		t.Fatal(res.Diagnostics)
	}
	var b strings.Builder
	if err := res.Layout.WriteReport(&b, res.FileSet); err != nil {
		t.Fatal(err)
	}
	// StaticCard and ThemedButton are inlined into MainContent, which is
	// then one static subtree: the card (176.453125×144), 24 px of spacing
	// and the button (80 high with the padding outside its background: a
	// wrapper box and the button).
	want := `cards.jxl:42:9: MainContent: VStack pre-computed: 12 nodes, 176.453125×248
cards.jxl:54:9: ModalDialog: VStack pre-computed: 4 nodes, 163.953125×102
cards.jxl:73:13: App: Button not pre-computed: the text is not constant (Text inside)
`
	if b.String() != want {
		t.Errorf("report:\n%s\nwant:\n%s", b.String(), want)
	}
}
