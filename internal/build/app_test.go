package build

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/build/browser"
	"github.com/jepsh/jepsh/internal/diag"
)

// appFS reads a txtar app from testdata/apps as an in-memory directory.
func appFS(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "apps", name))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

func buildApp(t *testing.T, fsys fstest.MapFS, opts Options) *Result {
	t.Helper()
	res := Build(context.Background(), fsys, opts)
	if res.Failed() {
		var b bytes.Buffer
		diag.Print(&b, res.FileSet, res.Diagnostics)
		t.Fatalf("build failed:\n%s", b.String())
	}
	return res
}

func TestBuildApp(t *testing.T) {
	fsys := appFS(t, "hello.txtar")
	res := buildApp(t, fsys, Options{})

	// dist: index.html, hashed entry, stylesheet, maps.
	for _, f := range res.Files {
		if f.Name != "index.html" && !hashed.MatchString(f.Name) {
			t.Errorf("output %s is not content-hashed", f.Name)
		}
	}
	html := string(res.File("index.html").Data)
	if !strings.Contains(html, "<title>Hello &lt;&amp;&gt; app</title>") {
		t.Errorf("title missing or not escaped:\n%s", html)
	}
	if res.Script == "" || len(res.Styles) == 0 {
		t.Fatalf("no script or stylesheet: %+v", res)
	}
	for _, r := range regexp.MustCompile(`(?:href|src)="/([^"]+)"`).FindAllStringSubmatch(html, -1) {
		if res.File(r[1]) == nil {
			t.Errorf("index.html refers to missing %s", r[1])
		}
	}
	// Tokens were inlined into the CSS.
	css := string(res.File(res.Styles[0]).Data)
	if !strings.Contains(css, "12px") || !strings.Contains(css, "24px") {
		t.Errorf("stylesheet lacks the token values:\n%s", css)
	}

	// Same input, same output; a changed source changes the names.
	again := buildApp(t, fsys, Options{})
	if len(again.Files) != len(res.Files) {
		t.Fatalf("rebuild made %d files, first build %d", len(again.Files), len(res.Files))
	}
	for i := range res.Files {
		if res.Files[i].Name != again.Files[i].Name || !bytes.Equal(res.Files[i].Data, again.Files[i].Data) {
			t.Errorf("rebuild differs at %s / %s", res.Files[i].Name, again.Files[i].Name)
		}
	}
	changed := fstest.MapFS{}
	for k, v := range fsys {
		changed[k] = v
	}
	changed["app.jxl"] = &fstest.MapFile{Data: bytes.Replace(fsys["app.jxl"].Data, []byte("one-marker"), []byte("uno-marker"), 1)}
	if c := buildApp(t, changed, Options{}); c.Script == res.Script {
		t.Errorf("changed source, same entry name %s", c.Script)
	}
}

func TestBuildAppSourceMap(t *testing.T) {
	res := buildApp(t, appFS(t, "hello.txtar"), Options{})
	js := res.File(res.Script)
	var m sourceMap
	if err := json.Unmarshal(res.File(res.Script+".map").Data, &m); err != nil {
		t.Fatal(err)
	}
	segs := decodeMappings(t, m.Mappings)
	tests := []struct {
		marker string
		file   string
		line   int
	}{
		{`"one-marker"`, "../app.jxl", 3},
		{`$$click`, "../views/plus.jxl", 4},
	}
	lines := strings.Split(string(js.Data), "\n")
	for _, tt := range tests {
		line, col := -1, -1
		for i, l := range lines {
			if c := strings.Index(l, tt.marker); c >= 0 {
				line, col = i, c
				break
			}
		}
		if line < 0 {
			t.Errorf("%s not in the output", tt.marker)
			continue
		}
		seg, ok := lookup(segs, line, col)
		if !ok {
			t.Errorf("%s: no mapping at %d:%d", tt.marker, line+1, col+1)
			continue
		}
		if got := m.Sources[seg.src]; got != tt.file || seg.srcLine+1 != tt.line {
			t.Errorf("%s maps to %s:%d, want %s:%d", tt.marker, got, seg.srcLine+1, tt.file, tt.line)
		}
	}
}

func TestBuildAppInChromium(t *testing.T) {
	res := buildApp(t, appFS(t, "hello.txtar"), Options{})
	dist := filepath.Join(t.TempDir(), "dist")
	if err := Write(dist, res.Files); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dist)))
	defer srv.Close()
	ctx := chromium(t)
	err := chromedp.Do(ctx,
		browser.InitScript(cspProbe),
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(`[data-testid="label"]`),
		chromedp.Click(`[data-testid="plus"]`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('[data-testid="label"]').textContent === "one-marker"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Text(`[data-testid="label"]`))
		t.Fatalf("after a click the label reads %q", got)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__csp`)); len(v) > 0 {
		t.Errorf("CSP violations: %v", v)
	}
}

func TestBuildAppErrors(t *testing.T) {
	tests := []struct {
		name   string
		change map[string]string
		want   []string // in this order in the printed diagnostics
	}{
		{"syntax errors in two files, sorted", map[string]string{
			"views/plus.jxl": "view Plus {\n    render {\n        Button(\"+\" {\n",
			"app.jxl":        "view Hello {\n    let = 1\n}\n",
		}, []string{"app.jxl:2:", "views/plus.jxl:"}},
		{"unknown token", map[string]string{
			"app.jxl": strings.Replace(string(appFS(t, "hello.txtar")["app.jxl"].Data), ".medium", ".huge", 1),
		}, []string{"app.jxl:11:36: error[E2012]: unknown radius token"}},
		{"malformed tokens.yml", map[string]string{"tokens.yml": "spacing:\n  medium: [\n"}, []string{"tokens.yml:"}},
		{"missing font file", map[string]string{"tokens.yml": "radius:\n  medium: 12\nspacing:\n  large: 24\nfonts:\n  Inter: fonts/Inter.ttf\n"}, []string{"tokens.yml:6:", "fonts/Inter.ttf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := appFS(t, "hello.txtar")
			for k, v := range tt.change {
				fsys[k] = &fstest.MapFile{Data: []byte(v)}
			}
			res := Build(context.Background(), fsys, Options{})
			if !res.Failed() || len(res.Files) != 0 {
				t.Fatalf("build succeeded")
			}
			var b bytes.Buffer
			diag.Print(&b, res.FileSet, res.Diagnostics)
			at := 0
			for _, w := range tt.want {
				i := strings.Index(b.String()[at:], w)
				if i < 0 {
					t.Errorf("diagnostics lack %q after offset %d:\n%s", w, at, b.String())
					break
				}
				at += i
			}
		})
	}
}

// fontApp is hello.txtar with a font from tokens.yml: Go Regular, a real
// TrueType file the build must serve as WOFF2.
func fontApp(t *testing.T) fstest.MapFS {
	fsys := appFS(t, "hello.txtar")
	fsys["tokens.yml"] = &fstest.MapFile{Data: append(fsys["tokens.yml"].Data,
		"font:\n  body: {size: 18, lineHeight: 24, family: Go}\nfonts:\n  Go: fonts/Go-Regular.ttf\n"...)}
	fsys["fonts/Go-Regular.ttf"] = &fstest.MapFile{Data: goregular.TTF}
	fsys["views/plus.jxl"] = &fstest.MapFile{Data: bytes.Replace(fsys["views/plus.jxl"].Data,
		[]byte(`.testID("plus")`), []byte(`.testID("plus")`+"\n            .font(.body)"), 1)}
	return fsys
}

func TestBuildAppFonts(t *testing.T) {
	res := buildApp(t, fontApp(t), Options{})
	var font *File
	for i, f := range res.Files {
		if strings.HasSuffix(f.Name, ".woff2") {
			font = &res.Files[i]
		}
	}
	if font == nil || !regexp.MustCompile(`^Go-400-normal-[A-Z0-9]{8}\.woff2$`).MatchString(font.Name) {
		t.Fatalf("no hashed WOFF2 font in %v", res.Files)
	}
	if !bytes.HasPrefix(font.Data, []byte("wOF2")) {
		t.Errorf("%s is not WOFF2", font.Name)
	}
	var css string
	for _, s := range res.Styles {
		css += string(res.File(s).Data)
	}
	if !regexp.MustCompile(`@font-face\{font-family:"?Go"?;[^}]*src:url\("?\./` + regexp.QuoteMeta(font.Name) + `"?\) format\("woff2"\)`).MatchString(css) {
		t.Errorf("stylesheets do not declare %s:\n%s", font.Name, css)
	}

	// In Chromium the face loads (under the CSP) and the button uses it.
	dist := filepath.Join(t.TempDir(), "dist")
	if err := Write(dist, res.Files); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dist)))
	defer srv.Close()
	ctx := chromium(t)
	if err := chromedp.Do(ctx, browser.InitScript(cspProbe), chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(`[data-testid="plus"]`)); err != nil {
		t.Fatal(err)
	}
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() => [...document.fonts].some(f => f.family.replace(/"/g, "") === "Go" && f.status === "loaded"))`, chromedp.EvalAwaitPromise))
	if err != nil || !loaded {
		t.Errorf("font Go not loaded (%v)", err)
	}
	if v, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__csp`)); len(v) > 0 {
		t.Errorf("CSP violations: %v", v)
	}
}

// The app's own stylesheets are bundled after the generated styles, with
// their imports, fonts and data: URLs.
func TestBuildAppStylesheets(t *testing.T) {
	fsys := appFS(t, "hello.txtar")
	// The first rule of the generated styles alone.
	plain := buildApp(t, fsys, Options{})
	first := string(plain.File(plain.Styles[0]).Data)
	first = first[:strings.IndexByte(first, '}')+1]
	fsys["style.css"] = &fstest.MapFile{Data: []byte(`@import "./theme/base.css";
body { background: url("data:image/svg+xml;utf8,%3Csvg%3E%3C/svg%3E") }
@font-face { font-family: Mine; src: url(./fonts/Go-Regular.ttf) format("truetype") }
.app-rule { color: #abcdef }
`)}
	fsys["theme/base.css"] = &fstest.MapFile{Data: []byte(".from-theme { color: #123456 }\n")}
	fsys["fonts/Go-Regular.ttf"] = &fstest.MapFile{Data: goregular.TTF}
	res := buildApp(t, fsys, Options{})
	var css string
	for _, s := range res.Styles {
		css += string(res.File(s).Data)
	}
	gen, theme, app := strings.Index(css, first), strings.Index(css, ".from-theme"), strings.Index(css, ".app-rule")
	if gen < 0 || theme < 0 || app < 0 || !(gen < theme && theme < app) {
		t.Errorf("want generated styles, then theme/base.css, then style.css (at %d, %d, %d):\n%s", gen, theme, app, css)
	}
	if strings.Count(css, ".from-theme") != 1 {
		t.Errorf("theme/base.css included %d times", strings.Count(css, ".from-theme"))
	}
	if !strings.Contains(css, `data:image/svg+xml;utf8,%3Csvg%3E%3C/svg%3E`) {
		t.Errorf("data: URL changed:\n%s", css)
	}
	ttf := regexp.MustCompile(`Go-Regular-[A-Z0-9]{8}\.ttf`).FindString(css)
	if ttf == "" || res.File(ttf) == nil || !bytes.Equal(res.File(ttf).Data, goregular.TTF) {
		t.Errorf("the stylesheet's font is not emitted hashed (%q):\n%s", ttf, css)
	}
	// An app stylesheet that names a missing file is a diagnostic, not a crash.
	fsys["style.css"] = &fstest.MapFile{Data: []byte(`.x { background: url(./missing.png) }`)}
	res = Build(context.Background(), fsys, Options{})
	var b bytes.Buffer
	diag.Print(&b, res.FileSet, res.Diagnostics)
	if !res.Failed() || !strings.Contains(b.String(), "style.css:1:") || !strings.Contains(b.String(), "missing.png") {
		t.Errorf("missing url(): %s", b.String())
	}
}
