package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"github.com/jepsh/jepsh/internal/build"
	"github.com/jepsh/jepsh/internal/build/browser"
)

// examplesDir finds examples/ at the repository root.
func examplesDir(t *testing.T) string {
	t.Helper()
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "examples")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package")
		}
		dir = parent
	}
}

// buildExample builds an example app with the real driver.
func buildExample(t *testing.T, name string) *build.Result {
	t.Helper()
	res := build.Build(context.Background(), os.DirFS(filepath.Join(examplesDir(t), name)), build.Options{})
	if res.Failed() {
		var b strings.Builder
		for _, d := range res.Diagnostics {
			b.WriteString(res.FileSet.Position(d.Pos).String() + ": " + string(d.Code) + ": " + d.Msg + "\n")
		}
		t.Fatalf("building %s:\n%s", name, b.String())
	}
	return res
}

// TestExamplesBuild builds every example app end to end (check, lower,
// passes, generator, esbuild) and checks the guide's compile-time promises
// on the bundle.
func TestExamplesBuild(t *testing.T) {
	for _, name := range []string{"counter", "todomvc", "bench", "cards"} {
		t.Run(name, func(t *testing.T) {
			res := buildExample(t, name)
			var js, css strings.Builder
			for _, f := range res.Files {
				switch path.Ext(f.Name) {
				case ".js":
					js.Write(f.Data)
				case ".css":
					css.Write(f.Data)
				}
			}
			if strings.Contains(js.String(), "style=") || strings.Contains(js.String(), "eval(") {
				t.Errorf("%s: generated code uses inline styles or eval", name)
			}
			if name == "cards" {
				// §2.1: a view nothing renders is not in the bundle.
				if strings.Contains(js.String(), "Never rendered") {
					t.Errorf("UnusedComponent is in the bundle")
				}
				// §2.4: tokens are inlined as literals, no lookup at run time.
				if !strings.Contains(strings.ToLower(css.String()), "#3b82f6") {
					t.Errorf("the primary color token is not inlined in the CSS:\n%s", css.String())
				}
				if strings.Contains(js.String(), "token") {
					t.Errorf("the bundle looks tokens up at run time")
				}
			}
		})
	}
}

// serve serves a build result, answering unknown paths with index.html
// (client-side routes).
func serve(t *testing.T, res *build.Result) string {
	files := map[string][]byte{}
	for _, f := range res.Files {
		files["/"+f.Name] = f.Data
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, ok := files[r.URL.Path]
		name := r.URL.Path
		if !ok {
			data, name = files["/index.html"], "/index.html"
		}
		switch path.Ext(name) {
		case ".js":
			w.Header().Set("Content-Type", "text/javascript")
		case ".css":
			w.Header().Set("Content-Type", "text/css")
		case ".html":
			w.Header().Set("Content-Type", "text/html")
		}
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

const pageProbe = `window.__problems = [];
document.addEventListener("securitypolicyviolation", e => __problems.push("CSP: " + e.violatedDirective + " " + e.blockedURI));
addEventListener("error", e => __problems.push(String(e.message)));
addEventListener("unhandledrejection", e => __problems.push(String(e.reason)));`

type page struct {
	t   *testing.T
	ctx context.Context
}

func openExample(t *testing.T, name, route, waitFor string) *page {
	needChromium(t)
	return openBuilt(t, buildExample(t, name), route, waitFor)
}

func needChromium(t *testing.T) {
	if _, err := browser.Find(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("Chromium is required in CI: ", err)
		}
		t.Skip("no Chromium on this machine: ", err)
	}
}

// openArchive builds the app in a txtar file of testdata and opens it.
func openArchive(t *testing.T, name, waitFor string) *page {
	needChromium(t)
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "output/") {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	res := build.Build(context.Background(), fsys, build.Options{})
	if res.Failed() {
		t.Fatalf("building %s: %v", name, res.Diagnostics)
	}
	return openBuilt(t, res, "/", waitFor)
}

// openBuilt serves res and opens route, running the init scripts (after the
// page probe) before the page's own.
func openBuilt(t *testing.T, res *build.Result, route, waitFor string, init ...string) *page {
	base := serve(t, res)
	ctx, cancel, err := browser.Start(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	ctx, cancel2 := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel2)
	if err := chromedp.Do(ctx, browser.InitScript(pageProbe+"\n"+strings.Join(init, "\n")), chromedp.Navigate(base+route), chromedp.WaitVisible(chromedp.CSS(waitFor))); err != nil {
		t.Fatalf("opening %s: %v", route, err)
	}
	p := &page{t, ctx}
	t.Cleanup(p.noProblems)
	return p
}

func (p *page) noProblems() {
	probs := p.eval(`window.__problems.join("\n")`)
	if probs != "" {
		p.t.Errorf("page problems:\n%s", probs)
	}
}

func (p *page) eval(expr string) string {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[string]("String("+expr+")"))
	if err != nil {
		p.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// click dispatches a click on the element (a DOM click, so elements
// without a box, such as an empty icon span, can be clicked too).
func (p *page) click(sel string) {
	p.t.Helper()
	if got := p.eval(`(() => { const e = document.querySelector(` + jsQuote(sel) + `); if (!e) return "missing"; e.click(); return "ok" })()`); got != "ok" {
		p.t.Fatalf("clicking %s: %s", sel, got)
	}
}

func jsQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func (p *page) expect(expr, want string) {
	p.t.Helper()
	if got := p.eval(expr); got != want {
		p.t.Errorf("%s = %q, want %q", expr, got, want)
	}
}

// eventually is expect for asynchronous changes (route chunks load with import()).
func (p *page) eventually(expr, want string) {
	p.t.Helper()
	var got string
	for i := 0; i < 100; i++ {
		if got = p.eval(expr); got == want {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	p.t.Errorf("%s = %q, want %q", expr, got, want)
}

func TestCounterInChromium(t *testing.T) {
	p := openExample(t, "counter", "/", `[data-testid="count"]`)
	p.expect(`document.querySelector('[data-testid="count"]').textContent`, "0 clicks")
	p.expect(`document.querySelector('[data-testid="reset"]').disabled`, "true")
	p.click(`[data-testid="inc"]`)
	p.click(`[data-testid="inc"]`)
	p.expect(`document.querySelector('[data-testid="count"]').textContent`, "2 clicks")
	p.click(`[data-testid="dec"]`)
	p.expect(`document.querySelector('[data-testid="count"]').textContent`, "1 click")
	p.expect(`document.querySelector('[data-testid="reset"]').disabled`, "false")
	p.click(`[data-testid="reset"]`)
	p.expect(`document.querySelector('[data-testid="count"]').textContent`, "0 clicks")
	// Static styles are classes, not style attributes.
	p.expect(`document.querySelectorAll('[style]').length`, "0")
	p.expect(`getComputedStyle(document.querySelector('[data-testid="count"]').parentNode).paddingTop`, "24px")
}

func TestBenchInChromium(t *testing.T) {
	p := openExample(t, "bench", "/", `#run`)
	rows := `document.querySelectorAll('tbody > tr').length`
	p.click("#run")
	p.expect(rows, "1000")
	p.expect(`document.querySelector('tbody > tr > td').textContent`, "1")
	p.expect(`document.querySelector('tbody > tr').outerHTML.replace(/>[^<]+</g, '><')`,
		`<tr><td class="col-md-1"></td><td class="col-md-4"><a></a></td><td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td><td class="col-md-6"></td></tr>`)
	p.click("tbody > tr:nth-child(3) > td:nth-child(2) > a")
	p.expect(`document.querySelectorAll('tr.danger').length`, "1")
	p.expect(`document.querySelector('tr.danger > td').textContent`, "3")
	p.click("tbody > tr:nth-child(5) > td:nth-child(2) > a")
	p.expect(`document.querySelector('tr.danger > td').textContent`, "5")
	p.expect(`document.querySelectorAll('tr.danger').length`, "1")
	p.click("#update")
	p.expect(`document.querySelector('tbody > tr:nth-child(11) > td:nth-child(2) > a').textContent.endsWith(' !!!')`, "true")
	p.expect(`document.querySelector('tbody > tr:nth-child(12) > td:nth-child(2) > a').textContent.endsWith(' !!!')`, "false")
	p.click("#swaprows")
	p.expect(`document.querySelector('tbody > tr:nth-child(2) > td').textContent`, "999")
	p.expect(`document.querySelector('tbody > tr:nth-child(999) > td').textContent`, "2")
	p.click("tbody > tr:nth-child(1) > td:nth-child(3) > a > span")
	p.expect(rows, "999")
	p.expect(`document.querySelector('tbody > tr > td').textContent`, "999")
	p.click("#add")
	p.expect(rows, "1999")
	p.click("#clear")
	p.expect(rows, "0")
	p.click("#runlots")
	p.expect(rows, "10000")
}

// TestBenchShellInChromium checks the pre-rendered shell: index.html holds
// the bench app's static markup, the root view adopts those very nodes, and
// markup from another build (or none) is replaced by a normal render.
func TestBenchShellInChromium(t *testing.T) {
	needChromium(t)
	res := buildExample(t, "bench")
	var index []byte
	for _, f := range res.Files {
		if f.Name == "index.html" {
			index = f.Data
		}
	}
	if !strings.Contains(string(index), `<div id="app" data-jepsh-shell="`) || !strings.Contains(string(index), `id="swaprows">Swap Rows</button>`) {
		t.Fatalf("index.html has no shell with the buttons:\n%s", index)
	}
	// Set before any script runs: the #run button the HTML parser made.
	const parsed = `document.addEventListener("readystatechange", () => { if (document.readyState === "interactive") window.__parsedRun = document.getElementById("run"); });`
	for _, tc := range []struct {
		name    string
		edit    func(string) string
		adopted bool
	}{
		{"shell", func(s string) string { return s }, true},
		{"stale", func(s string) string {
			return regexp.MustCompile(`data-jepsh-shell="[^"]*"`).ReplaceAllString(s, `data-jepsh-shell="stale"`)
		}, false},
		{"none", func(s string) string {
			return regexp.MustCompile(`(?s)<div id="app".*</div>`).ReplaceAllString(s, `<div id="app"></div>`)
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := *res
			r.Files = slices.Clone(res.Files)
			for i, f := range r.Files {
				if f.Name == "index.html" {
					r.Files[i].Data = []byte(tc.edit(string(index)))
				}
			}
			p := openBuilt(t, &r, "/", "#run", parsed)
			p.eventually(`document.readyState`, "complete")
			p.expect(`document.querySelectorAll('#app > .container').length`, "1")
			p.expect(`document.querySelectorAll('#run').length`, "1")
			p.expect(`document.getElementById('app').hasAttribute('data-jepsh-shell')`, "false")
			want := "false"
			if tc.adopted {
				want = "true"
			}
			p.expect(`window.__parsedRun === document.getElementById('run')`, want)
			p.click("#run")
			p.expect(`document.querySelectorAll('tbody > tr').length`, "1000")
			p.click("tbody > tr:nth-child(2) > td:nth-child(2) > a")
			p.expect(`document.querySelector('tr.danger > td').textContent`, "2")
			p.click("#clear")
			p.expect(`document.querySelectorAll('tbody > tr').length`, "0")
		})
	}
}

// TestModifierOrderInChromium checks the boxes of testdata/modorder.txtar:
// paint before a padding or frame hugs the inner box, as in SwiftUI.
func TestModifierOrderInChromium(t *testing.T) {
	p := openArchive(t, "modorder.txtar", `[data-testid="a-out"]`)
	box := func(id string) string {
		return `(() => { const r = document.querySelector('[data-testid="` + id + `"]').getBoundingClientRect(); const o = document.querySelector('[data-testid="a-out"]').getBoundingClientRect(); return [r.x - o.x, r.y - o.y, r.width, r.height].join(" "); })()`
	}
	for _, tc := range []struct{ id, want string }{
		{"a-out", "0 0 60 40"},  // the padding lies outside the painted frame
		{"a-in", "10 10 40 20"}, // the background covers the frame only
		{"b", "0 40 60 40"},     // padding, frame, then paint: one box
		{"c-out", "0 80 100 50"},
		{"c-in", "30 95 40 20"}, // centred in the outer frame, as SwiftUI's frame does
		{"d-out", "0 130 48 28"},
		{"d-in", "4 134 40 20"},  // the border is inside the 40×20 box
		{"e-out", "0 158 52 32"}, // an instance's padding after its view's background
		{"e-in", "6 164 40 20"},
	} {
		p.expect(box(tc.id), tc.want)
	}
	p.expect(`getComputedStyle(document.querySelector('[data-testid="a-out"]')).backgroundColor`, "rgba(0, 0, 0, 0)")
	p.expect(`getComputedStyle(document.querySelector('[data-testid="d-out"]')).backgroundColor`, "rgb(59, 130, 246)")
}

// TestRowIfInChromium: rows that are one `if` are the items that pass it,
// <tr> straight in the <tbody>, following the item and another atom.
func TestRowIfInChromium(t *testing.T) {
	p := openArchive(t, "rowif.txtar", "#toggle")
	names := `[...document.querySelectorAll('table > tbody > tr > td')].map(td => td.textContent).join(",")`
	p.expect(names, "a,c")
	p.expect(`document.querySelector('tbody').children.length`, "2")
	p.click("#toggle")
	p.expect(names, "a,b,c")
	p.click("#min")
	p.expect(names, "b,c")
	p.click("#toggle")
	p.expect(names, "c")
	p.expect(`document.querySelectorAll('tbody > :not(tr)').length`, "0")
}

func TestTodoMVCInChromium(t *testing.T) {
	p := openExample(t, "todomvc", "/", `.new-todo`)
	add := func(title string) {
		p.t.Helper()
		if err := chromedp.Do(p.ctx, chromedp.SendKeys(chromedp.CSS(".new-todo"), title+"\r")); err != nil {
			p.t.Fatal(err)
		}
	}
	add("one")
	add("two")
	add("three")
	p.expect(`document.querySelectorAll('.todo-list li').length`, "3")
	p.expect(`document.querySelector('.todo-count').textContent`, "3 items left")
	p.expect(`document.querySelector('.new-todo').value`, "")
	p.click(".todo-list li:nth-child(2) .toggle")
	p.expect(`document.querySelector('.todo-count').textContent`, "2 items left")
	p.expect(`document.querySelector('.todo-list li:nth-child(2)').className`, "completed")
	p.click(".filters li:nth-child(2) a")
	p.expect(`location.pathname`, "/active")
	p.eventually(`document.querySelectorAll('.todo-list li').length`, "2")
	p.expect(`document.querySelector('.filters a.selected').textContent`, "Active")
	p.click(".filters li:nth-child(3) a")
	p.eventually(`document.querySelectorAll('.todo-list li').length`, "1")
	p.click(".filters li:nth-child(1) a")
	p.eventually(`document.querySelectorAll('.todo-list li').length`, "3")
	p.click(".clear-completed")
	p.expect(`document.querySelectorAll('.todo-list li').length`, "2")
	p.expect(`JSON.parse(localStorage.getItem('todos-jepsh')).length`, "2")
	// Edit on double-click, commit with Enter.
	if err := chromedp.Do(p.ctx, chromedp.DoubleClick(chromedp.CSS(".todo-list li:nth-child(1) label"))); err != nil {
		t.Fatal(err)
	}
	p.expect(`document.querySelector('.todo-list li:nth-child(1)').className`, "editing")
	if err := chromedp.Do(p.ctx, chromedp.SendKeys(chromedp.CSS(".todo-list li.editing .edit"), " more\r")); err != nil {
		t.Fatal(err)
	}
	p.expect(`document.querySelector('.todo-list li:nth-child(1) label').textContent`, "one more")
	p.expect(`document.querySelectorAll('.todo-list li.editing').length`, "0")
	// Escape leaves edit mode without saving.
	if err := chromedp.Do(p.ctx, chromedp.DoubleClick(chromedp.CSS(".todo-list li:nth-child(2) label"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(p.ctx, chromedp.SendKeys(chromedp.CSS(".todo-list li.editing .edit"), "zzz"+"\x1b")); err != nil {
		t.Fatal(err)
	}
	p.expect(`document.querySelectorAll('.todo-list li.editing').length`, "0")
	p.expect(`document.querySelector('.todo-list li:nth-child(2) label').textContent`, "three")
	// Toggle all, then reload: the state comes back from localStorage.
	p.click(".toggle-all")
	p.expect(`document.querySelectorAll('.todo-list li.completed').length`, "2")
	p.expect(`document.querySelector('.todo-count').textContent`, "0 items left")
	if err := chromedp.Do(p.ctx, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(".todo-list li"))); err != nil {
		t.Fatal(err)
	}
	p.expect(`[...document.querySelectorAll('.todo-list li label')].map(l => l.textContent).join(",")`, "one more,three")
	p.expect(`document.querySelectorAll('.todo-list li.completed').length`, "2")
}

func TestCardsInChromium(t *testing.T) {
	p := openExample(t, "cards", "/", `[data-testid="card"]`)
	p.expect(`document.querySelectorAll('[data-testid="modal"]').length`, "0")
	p.click(`[data-testid="toggle-modal"]`)
	p.expect(`document.querySelectorAll('[data-testid="modal"]').length`, "1")
	p.expect(`document.querySelector('[data-testid="toggle-modal"]').textContent`, "Hide modal")
	p.click(`[data-testid="modal-close"]`)
	p.expect(`document.querySelectorAll('[data-testid="modal"]').length`, "0")
	// .backgroundColor(…).padding(…): the color is the button's, the
	// padding lies outside it (the test id comes last, on the outer box).
	p.expect(`getComputedStyle(document.querySelector('[data-testid="themed-button"] > button')).backgroundColor`, "rgb(59, 130, 246)")
	p.expect(`getComputedStyle(document.querySelector('[data-testid="themed-button"]')).backgroundColor`, "rgba(0, 0, 0, 0)")
	p.expect(`getComputedStyle(document.querySelector('[data-testid="themed-button"]')).paddingTop`, "24px")
}

func TestBindingsInChromium(t *testing.T) {
	p := openArchive(t, "bindings.txtar", `[data-testid="done"]`)
	p.expect(`document.querySelector('[data-testid="done"]').textContent`, "0 done")
	// Toggle bound to a field of a list row: writes the item back.
	p.click(`div.j-b > div.j-b:nth-of-type(1) input[type=checkbox]`)
	p.expect(`document.querySelector('[data-testid="done"]').textContent`, "1 done")
	p.expect(`document.querySelectorAll('input[type=checkbox]')[1].checked`, "true")
	p.expect(`document.querySelectorAll('input[type=checkbox]')[2].checked`, "false")
	// Text field: input events write the atom.
	p.eval(`(() => { const i = document.querySelector('input[type=text]'); i.value = "hello"; i.dispatchEvent(new Event("input", {bubbles: true})); return "" })()`)
	p.expect(`document.querySelector('input[type=text]').parentNode.children[2].textContent`, "hello")
	// Tapping a row selects it (selector): only its text says so.
	p.click(`div.j-b > div.j-b:nth-of-type(2)`)
	p.expect(`[...document.querySelectorAll('div.j-b > div.j-b > span')].map(s => s.textContent).join(",")`, ",selected")
}

func TestKitchenInChromium(t *testing.T) {
	p := openArchive(t, "kitchen.txtar", `[data-testid="ticks"]`)
	rect := func(id, prop string) string {
		return p.eval(`Math.round(document.querySelector('[data-testid="` + id + `"]').getBoundingClientRect().` + prop + `)`)
	}
	// ZStack: both children in the one cell, aligned leading.
	if rect("back", "left") != rect("front", "left") || rect("back", "top") != rect("front", "top") {
		t.Errorf("ZStack children are not overlaid")
	}
	// Spacer pushes the trailing text to the end of the 300px row.
	p.expect(`(() => { const r = document.querySelector('[data-testid="row"]'); return Math.round(r.lastChild.getBoundingClientRect().right - r.getBoundingClientRect().right) })()`, "0")
	p.expect(`document.querySelector('[data-testid="row"]').getBoundingClientRect().width`, "300")
	// .frame(…).padding(…): the padding is outside the 50×20 frame.
	p.expect(`document.querySelector('[data-testid="framed"]').getBoundingClientRect().width`, "50")
	p.expect(`document.querySelector('[data-testid="padded"]').getBoundingClientRect().width`, "70")
	p.expect(`document.querySelector('[data-testid="padded"]').getBoundingClientRect().height`, "40")
	// The timer started on mount stops itself after three ticks.
	p.eventually(`document.querySelector('[data-testid="ticks"]').textContent`, "ticks 3")
	time.Sleep(50 * time.Millisecond)
	p.expect(`document.querySelector('[data-testid="ticks"]').textContent`, "ticks 3")
	p.expect(`getComputedStyle(document.querySelector('[data-testid="state"]')).opacity`, "0.5")
	p.click(`[data-testid="toggle"] input`)
	p.eval(`(() => { const i = document.querySelector('[data-testid="field"]'); i.value = "x<b>"; i.dispatchEvent(new Event("input", {bubbles: true})); return "" })()`)
	p.expect(`document.querySelector('[data-testid="state"]').textContent`, "yes: x<b>")
	p.expect(`document.querySelector('[data-testid="state"] b')`, "null")
	p.expect(`getComputedStyle(document.querySelector('[data-testid="state"]')).opacity`, "1")
	p.expect(`getComputedStyle(document.querySelector('[data-testid="state"]')).backgroundColor`, "rgb(59, 130, 246)")
	p.expect(`document.getElementById("box").title`, "x<b>")
	p.expect(`document.getElementById("box").style.width`, "40px")
	// if let: shown once something is picked.
	p.expect(`document.querySelectorAll('[data-testid="picked"]').length`, "0")
	p.click(`[data-testid="tag-c"]`)
	p.expect(`document.querySelector('[data-testid="picked"]').textContent`, "picked c")
	// Route with a typed parameter.
	p.click(`[data-testid="link"]`)
	p.eventually(`document.querySelector('[data-testid="item"]') && document.querySelector('[data-testid="item"]').textContent`, "item 14")
	p.expect(`location.pathname`, "/item/7")
	p.click(`[data-testid="home"]`)
	p.eventually(`document.querySelectorAll('[data-testid="ticks"]').length`, "1")
	p.expect(`document.querySelectorAll('[data-testid="item"]').length`, "0")
	// Only the CSSOM-bound styles (#box width, the state's opacity) show as style attributes.
	p.expect(`document.querySelectorAll('[style]').length`, "2")
}
