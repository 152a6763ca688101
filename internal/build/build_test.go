package build

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/diag"
)

var update = flag.Bool("update", false, "rewrite golden files")

// loadCase reads a txtar bundle case: "gen/..." files are generated modules
// (a "gen/X.js.map" is inlined into gen/X.js the way the generator does it),
// "runtime/..." files the runtime tree.
func loadCase(t *testing.T, name string) (*Generated, fstest.MapFS) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	gen := &Generated{Entry: "main.js", Files: map[string][]byte{}, Title: "Routes"}
	rt := fstest.MapFS{}
	maps := map[string][]byte{}
	for _, f := range ar.Files {
		switch {
		case strings.HasPrefix(f.Name, "gen/") && strings.HasSuffix(f.Name, ".map"):
			maps[strings.TrimSuffix(strings.TrimPrefix(f.Name, "gen/"), ".map")] = f.Data
		case strings.HasPrefix(f.Name, "gen/"):
			gen.Files[strings.TrimPrefix(f.Name, "gen/")] = f.Data
		case strings.HasPrefix(f.Name, "runtime/"):
			rt[strings.TrimPrefix(f.Name, "runtime/")] = &fstest.MapFile{Data: f.Data}
		default:
			t.Fatalf("%s: unexpected file %s", name, f.Name)
		}
	}
	for js, m := range maps {
		gen.Files[js] = inlineMap(t, gen.Files[js], m)
	}
	return gen, rt
}

func bundleCase(t *testing.T, name string, opts Options) *Result {
	t.Helper()
	gen, rt := loadCase(t, name)
	opts.Runtime = rt
	res := Bundle(context.Background(), gen, opts)
	if res.Failed() {
		var b bytes.Buffer
		diag.Print(&b, res.FileSet, res.Diagnostics)
		t.Fatalf("bundle failed:\n%s", b.String())
	}
	return res
}

var hashed = regexp.MustCompile(`^([a-z-]+)-[A-Z0-9]{8}\.(js|css|js\.map|css\.map|woff2)$`)

func TestBundleLayout(t *testing.T) {
	res := bundleCase(t, "routes.txtar", Options{})
	var shape []string
	for _, f := range res.Files {
		if f.Name == "index.html" {
			shape = append(shape, f.Name)
			continue
		}
		m := hashed.FindStringSubmatch(f.Name)
		if m == nil {
			t.Errorf("output %q is not content-hashed as [name]-[hash]", f.Name)
			continue
		}
		if !slices.Contains(shape, m[1]+"."+m[2]) { // shared code may be split into several chunks
			shape = append(shape, m[1]+"."+m[2])
		}
	}
	sort.Strings(shape)
	want := []string{"chunk.js", "chunk.js.map", "index.html", "main.css", "main.css.map", "main.js", "main.js.map",
		"route-about.js", "route-about.js.map", "route-home.js", "route-home.js.map"}
	if strings.Join(shape, " ") != strings.Join(want, " ") {
		t.Errorf("dist layout:\n got %v\nwant %v", shape, want)
	}
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Name, ".map") && bytes.Contains(f.Data, []byte("tree-shaking-canary")) {
			t.Errorf("%s contains a runtime export nothing uses", f.Name)
		}
		if strings.HasSuffix(f.Name, ".js") && !bytes.Contains(f.Data, []byte("//# sourceMappingURL="+f.Name+".map")) {
			t.Errorf("%s does not link its source map", f.Name)
		}
	}
	// Minified: the entry has no indentation left.
	if js := res.File(res.Script); js == nil || bytes.Contains(js.Data, []byte("\n  ")) {
		t.Errorf("entry %s is not minified", res.Script)
	}
	dev := bundleCase(t, "routes.txtar", Options{Dev: true})
	if js := dev.File(dev.Script); js == nil || !bytes.Contains(js.Data, []byte("\n  ")) {
		t.Errorf("dev entry %s is minified", dev.Script)
	}
}

func TestBundleHashStable(t *testing.T) {
	names := func(r *Result) string {
		var s []string
		for _, f := range r.Files {
			s = append(s, f.Name)
		}
		return strings.Join(s, " ")
	}
	a := bundleCase(t, "routes.txtar", Options{})
	b := bundleCase(t, "routes.txtar", Options{})
	if names(a) != names(b) {
		t.Fatalf("same input, different names:\n%s\n%s", names(a), names(b))
	}
	for i := range a.Files {
		if !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("same input, different contents of %s", a.Files[i].Name)
		}
	}
	gen0, rt0 := loadCase(t, "routes.txtar")
	k := BundleKey(gen0, Options{Runtime: rt0})
	if k != BundleKey(gen0, Options{Runtime: rt0}) || k == BundleKey(gen0, Options{Runtime: rt0, Dev: true}) {
		t.Errorf("BundleKey does not follow the options")
	}
	// Changing one route changes that route's name and the names that refer
	// to it, and nothing else.
	gen, rt := loadCase(t, "routes.txtar")
	gen.Files["route-about.js"] = bytes.Replace(gen.Files["route-about.js"], []byte("about-marker"), []byte("about-changed"), 1)
	if BundleKey(gen, Options{Runtime: rt}) == k {
		t.Errorf("BundleKey does not follow the generated code")
	}
	c := Bundle(context.Background(), gen, Options{Runtime: rt})
	if c.Failed() {
		t.Fatal(c.Diagnostics.Err())
	}
	changed := map[string]bool{}
	for _, f := range c.Files {
		if a.File(f.Name) == nil {
			changed[hashed.ReplaceAllString(f.Name, "$1.$2")] = true
		}
	}
	for _, want := range []string{"route-about.js", "main.js"} {
		if !changed[want] {
			t.Errorf("changing route-about did not rename %s", want)
		}
	}
	for _, same := range []string{"route-home.js", "chunk.js", "main.css"} {
		if changed[same] {
			t.Errorf("changing route-about renamed %s", same)
		}
	}
}

func TestIndexHTML(t *testing.T) {
	res := bundleCase(t, "routes.txtar", Options{ExtraScripts: []string{"/__jepsh/client.js"}})
	html := string(res.File("index.html").Data)
	// No inline script or style: every <script> has a src, no <style>, no
	// style= or on*= attributes.
	for _, re := range []string{`<script(?:\s[^>]*)?>\s*[^<\s]`, `<style`, `\sstyle=`, `\son[a-z]+=`, `javascript:`} {
		if regexp.MustCompile(`(?i)` + re).MatchString(html) {
			t.Errorf("index.html matches %s:\n%s", re, html)
		}
	}
	for _, s := range regexp.MustCompile(`<script[^>]*>`).FindAllString(html, -1) {
		if !strings.Contains(s, ` src="`) || !strings.Contains(s, `type="module"`) {
			t.Errorf("script tag without src or type=module: %s", s)
		}
	}
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(html)
	if csp == nil {
		t.Fatalf("no CSP meta tag:\n%s", html)
	}
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'"} {
		if !strings.Contains(csp[1], want) {
			t.Errorf("CSP %q lacks %q", csp[1], want)
		}
	}
	if strings.Contains(csp[1], "unsafe") {
		t.Errorf("CSP allows unsafe sources: %s", csp[1])
	}
	// Every referenced file exists; the entry is a module script and preloaded.
	refs := regexp.MustCompile(`(?:href|src)="/([^"]+)"`).FindAllStringSubmatch(html, -1)
	for _, r := range refs {
		if r[1] != "__jepsh/client.js" && res.File(r[1]) == nil {
			t.Errorf("index.html refers to missing %s", r[1])
		}
	}
	for _, want := range []string{
		`<script type="module" src="/` + res.Script + `"></script>`,
		`<link rel="modulepreload" href="/` + res.Script + `">`,
		`<link rel="stylesheet" href="/` + res.Styles[0] + `">`,
		`<script type="module" src="/__jepsh/client.js"></script>`,
		`<title>Routes</title>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("index.html lacks %s:\n%s", want, html)
		}
	}
	// Under another base path every reference moves along.
	sub := bundleCase(t, "routes.txtar", Options{Base: "/sub/app"})
	subHTML := string(sub.File("index.html").Data)
	if n := strings.Count(subHTML, `="/sub/app/`); n != len(refs)-1 || strings.Contains(subHTML, `="/main`) {
		t.Errorf("base /sub/app: %d references under it, want %d:\n%s", n, len(refs)-1, subHTML)
	}
	// The shared runtime chunk is preloaded; route chunks are not.
	if !regexp.MustCompile(`modulepreload" href="/chunk-`).MatchString(html) {
		t.Errorf("shared chunk not preloaded:\n%s", html)
	}
	if strings.Contains(html, "route-") {
		t.Errorf("index.html loads a route chunk eagerly:\n%s", html)
	}
	// The chunk every route needs is preloaded.
	shared := ""
	for _, f := range res.Files {
		if strings.HasSuffix(f.Name, ".js") && bytes.Contains(f.Data, []byte("shared-canary")) {
			shared = f.Name
		}
	}
	if shared == "" || strings.HasPrefix(shared, "main-") || strings.HasPrefix(shared, "route-") {
		t.Fatalf("shared.js is in %q, want a chunk of its own", shared)
	}
	if !strings.Contains(html, `<link rel="modulepreload" href="/`+shared+`">`) {
		t.Errorf("the chunk every route needs (%s) is not preloaded:\n%s", shared, html)
	}
}

func TestSourceMapToJXL(t *testing.T) {
	res := bundleCase(t, "routes.txtar", Options{})
	var js *File
	for i, f := range res.Files {
		if strings.HasPrefix(f.Name, "route-home-") && strings.HasSuffix(f.Name, ".js") {
			js = &res.Files[i]
		}
	}
	if js == nil {
		t.Fatal("no route-home chunk")
	}
	mf := res.File(js.Name + ".map")
	if mf == nil {
		t.Fatalf("no map for %s", js.Name)
	}
	var m sourceMap
	if err := json.Unmarshal(mf.Data, &m); err != nil {
		t.Fatal(err)
	}
	// Find the marker in the output and map its position back.
	lines := strings.Split(string(js.Data), "\n")
	line, col := -1, -1
	for i, l := range lines {
		if c := strings.Index(l, `"home-marker"`); c >= 0 {
			line, col = i, c
		}
	}
	if line < 0 {
		t.Fatalf("marker not in output:\n%s", js.Data)
	}
	seg, ok := lookup(decodeMappings(t, m.Mappings), line, col)
	if !ok {
		t.Fatalf("no mapping at %d:%d in %s", line+1, col+1, m.Mappings)
	}
	if got := m.Sources[seg.src]; got != "../counter.jxl" {
		t.Errorf("marker maps to source %q, want ../counter.jxl (sources %v)", got, m.Sources)
	}
	if seg.srcLine+1 != 4 {
		t.Errorf("marker maps to counter.jxl line %d, want 4", seg.srcLine+1)
	}
}

func TestSizesTable(t *testing.T) {
	files := []File{
		{"index.html", []byte(strings.Repeat("<p>hello</p>\n", 10))},
		{"main-AAAAAAAA.js", bytes.Repeat([]byte("a"), 2500)},
		{"main-AAAAAAAA.js.map", []byte(`{"version":3}`)},
	}
	var b bytes.Buffer
	WriteSizes(&b, "dist/", Sizes(files))
	golden := filepath.Join("testdata", "sizes.golden")
	if *update {
		os.WriteFile(golden, b.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("size table:\n%s\nwant:\n%s", b.String(), want)
	}
	for _, s := range Sizes(files) {
		if s.Gzip != GzipSize(files[0].Data) && s.Name == "index.html" {
			t.Errorf("gzip size of index.html = %d", s.Gzip)
		}
	}
}

func TestBundleFonts(t *testing.T) {
	gen, rt := loadCase(t, "routes.txtar")
	woff := []byte("wOF2-not-really-a-font")
	gen.Fonts = []Font{{Family: "Inter Var", Weight: 400, Data: woff}}
	res := Bundle(context.Background(), gen, Options{Runtime: rt})
	if res.Failed() {
		t.Fatal(res.Diagnostics.Err())
	}
	var font, css string
	for _, f := range res.Files {
		if strings.HasSuffix(f.Name, ".woff2") {
			font = f.Name
			if !bytes.Equal(f.Data, woff) {
				t.Errorf("font bytes changed")
			}
		}
	}
	if !regexp.MustCompile(`^Inter-Var-400-normal-[A-Z0-9]{8}\.woff2$`).MatchString(font) {
		t.Fatalf("font not emitted with a hashed name; files %v", res.Files)
	}
	for _, s := range res.Styles {
		css += string(res.File(s).Data)
	}
	if !strings.Contains(css, "@font-face") || !strings.Contains(css, font) {
		t.Errorf("stylesheets do not declare the font %s:\n%s", font, css)
	}
	if !strings.Contains(string(res.File("index.html").Data), "stylesheet") {
		t.Errorf("index.html links no stylesheet")
	}
}

func TestBundleErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(g *Generated)
		want   string
	}{
		{"syntax error", func(g *Generated) { g.Files["route-about.js"] = []byte("export default function (\n") }, `route-about.js:2:1: Expected identifier but found end of file`},
		{"missing module", func(g *Generated) { g.Files["main.js"] = []byte(`import "./nope.js"`) }, `no generated module nope.js`},
		{"missing runtime module", func(g *Generated) { g.Files["main.js"] = []byte(`import "jepsh/runtime/nope"`) }, `runtime module nope.js`},
		{"bare import", func(g *Generated) { g.Files["main.js"] = []byte(`import "lodash"`) }, `cannot import "lodash"`},
		{"no entry", func(g *Generated) { g.Entry = "" }, `no entry module`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gen, rt := loadCase(t, "routes.txtar")
			tt.change(gen)
			res := Bundle(context.Background(), gen, Options{Runtime: rt})
			if !res.Failed() || len(res.Files) != 0 {
				t.Fatalf("bundle succeeded with %d files", len(res.Files))
			}
			var b bytes.Buffer
			diag.Print(&b, res.FileSet, res.Diagnostics)
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("diagnostics:\n%s\nwant %q", b.String(), tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"app.jxl":                 {Data: []byte("view A {}")},
		"views/b.jxl":             {Data: []byte("view B {}")},
		"tokens.yml":              {Data: []byte("color: {}")},
		".hidden.jxl":             {Data: []byte("x")},
		".git/c.jxl":              {Data: []byte("x")},
		"dist/d.jxl":              {Data: []byte("x")},
		"node_modules/e.jxl":      {Data: []byte("x")},
		"views/.#b.jxl":           {Data: []byte("x")},
		"views/b.jxl~":            {Data: []byte("x")},
		"README.md":               {Data: []byte("x")},
		"views/tokens.yml":        {Data: []byte("x")},
		"app.test.js":             {Data: []byte("x")},
		"views/4913":              {Data: []byte("x")},
		"views/.b.jxl.swp":        {Data: []byte("x")},
		"assets/nested/deep.jxl":  {Data: []byte("view D {}")},
		"_build/generated.jxl":    {Data: []byte("x")},
		"views/sub/.cache/f.jxl":  {Data: []byte("x")},
		"views/sub/ok/tokens.jxl": {Data: []byte("view T {}")},
		"style.css":               {Data: []byte("a{}")},
		"fonts/Inter.ttf":         {Data: []byte("ttf")},
		"dist/main.css":           {Data: []byte("x")},
	}
	src, diags := Load(fsys)
	if len(diags) != 0 {
		t.Fatal(diags.Err())
	}
	var names []string
	for _, f := range src.Files {
		names = append(names, f.Name)
	}
	want := "app.jxl assets/nested/deep.jxl views/b.jxl views/sub/ok/tokens.jxl"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("loaded %s, want %s", got, want)
	}
	var assets []string
	for _, f := range src.Assets {
		assets = append(assets, f.Name)
	}
	if got := strings.Join(assets, " "); got != "fonts/Inter.ttf style.css" {
		t.Errorf("loaded assets %s", got)
	}
	if src.Tokens == nil || string(src.Tokens.Data) != "color: {}" {
		t.Errorf("tokens.yml not loaded")
	}
	again, _ := Load(fsys)
	if again.Key != src.Key {
		t.Errorf("same sources, different keys")
	}
	fsys["views/b.jxl"] = &fstest.MapFile{Data: []byte("view B { }")}
	if changed, _ := Load(fsys); changed.Key == src.Key {
		t.Errorf("changed source, same key")
	}
	fsys["style.css"] = &fstest.MapFile{Data: []byte("a{color:red}")}
	if changed, _ := Load(fsys); changed.Key == src.Key {
		t.Errorf("changed stylesheet, same key")
	}
	fsys["views/.b.jxl.swp"] = &fstest.MapFile{Data: []byte("changed swap file")}
	if a, b := Load(fsys); func() bool { c, _ := Load(fsys); return c.Key != a.Key || len(b) > 0 }() {
		t.Errorf("editor swap file changed the key")
	}

	_, diags = Load(fstest.MapFS{"README.md": {Data: []byte("x")}})
	if len(diags) != 1 || diags[0].Code != diag.ErrNoSources {
		t.Errorf("empty app: %v", diags)
	}
	_, diags = Load(fstest.MapFS{"big.jxl": {Data: make([]byte, MaxSourceSize+1)}})
	if len(diags) != 1 || diags[0].Code != diag.ErrSourceTooLarge {
		t.Errorf("huge source: %v", diags)
	}
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dist")
	if err := Write(dir, []File{{"index.html", []byte("one")}, {"old.js", []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, []File{{"index.html", []byte("two")}, {"sub/a.js", []byte("a")}}); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	filepath.WalkDir(filepath.Dir(dir), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(filepath.Dir(dir), p)
			got[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	want := map[string]string{"dist/index.html": "two", "dist/sub/a.js": "a"}
	if len(got) != len(want) || got["dist/index.html"] != "two" || got["dist/sub/a.js"] != "a" {
		t.Errorf("after the second write: %v, want %v (old files and temporaries gone)", got, want)
	}
	// A bad file name fails the write and leaves the old output alone.
	if err := Write(dir, []File{{"index.html", []byte("three")}, {"../escape", []byte("x")}}); err == nil {
		t.Errorf("writing ../escape succeeded")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(b) != "two" {
		t.Errorf("failed write changed the output: %q", b)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape")); err == nil {
		t.Errorf("write escaped the output directory")
	}
}

func TestCheckOutDir(t *testing.T) {
	root := t.TempDir()
	app := filepath.Join(root, "app")
	os.MkdirAll(filepath.Join(app, "dist"), 0o755)
	os.WriteFile(filepath.Join(app, "dist", "index.html"), []byte("x"), 0o644)
	os.MkdirAll(filepath.Join(root, "docs"), 0o755)
	os.WriteFile(filepath.Join(root, "docs", "notes.md"), []byte("x"), 0o644)
	tests := []struct {
		out string
		ok  bool
	}{
		{filepath.Join(app, "dist"), true},
		{filepath.Join(app, "new-out"), true},
		{filepath.Join(root, "empty-or-missing"), true},
		{app, false},
		{app + "/", false},
		{root, false},
		{filepath.Join(app, ".."), false},
		{filepath.Join(root, "docs"), false},
	}
	for _, tt := range tests {
		if err := CheckOutDir(app, tt.out); (err == nil) != tt.ok {
			t.Errorf("CheckOutDir(app, %s) = %v, want ok=%v", tt.out, err, tt.ok)
		}
	}
}
