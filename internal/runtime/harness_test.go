package runtime

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/evanw/esbuild/pkg/api"
)

// The compiled test apps live in testdata/compiled/<app>: index.html, main.js
// (the code the generator emits for the app, importing "jepsh/runtime") and
// style.css. bundle builds one the way `jepsh build` does: esbuild with the
// runtime plugin, ES modules with code splitting, minified and tree shaken.

type bundleResult struct {
	Dir   string            // output directory: index.html, style.css, main.js and chunks
	Files map[string][]byte // the JS files written, by base name
}

func bundle(t testing.TB, app string) bundleResult { return bundleWith(t, app, true) }

func bundleWith(t testing.TB, app string, minify bool) bundleResult {
	t.Helper()
	src := filepath.Join("testdata", "compiled", app)
	out := t.TempDir()
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{filepath.Join(src, "main.js")},
		Bundle:            true,
		Format:            api.FormatESModule,
		Splitting:         true,
		Outdir:            out,
		EntryNames:        "[name]",
		ChunkNames:        "chunk-[hash]",
		MinifyWhitespace:  minify,
		MinifyIdentifiers: minify,
		MinifySyntax:      minify,
		TreeShaking:       api.TreeShakingTrue,
		Target:            api.ES2022,
		Platform:          api.PlatformBrowser,
		Plugins:           []api.Plugin{Plugin()},
		Write:             true,
		LogLevel:          api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		t.Fatalf("bundling %s:\n%s", app, strings.Join(msgs, "\n"))
	}
	files := map[string][]byte{}
	for _, f := range res.OutputFiles {
		files[filepath.Base(f.Path)] = f.Contents
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".css") || strings.HasSuffix(n, ".svg") {
			b, err := os.ReadFile(filepath.Join(src, n))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, n), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return bundleResult{Dir: out, Files: files}
}

// csp is the policy every test page is served with: no inline scripts or
// styles, no eval, nothing from other origins.
const csp = "default-src 'self'"

// serve serves dir over HTTP under the strict CSP. Paths without a file fall
// back to index.html (history API routes).
func serve(t testing.TB, dir string) string {
	t.Helper()
	fs := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("Cache-Control", "no-store")
		// Cross-origin isolation gives performance.now() its fine resolution.
		w.Header().Set("Cross-Origin-Opener-Policy", "same-origin")
		w.Header().Set("Cross-Origin-Embedder-Policy", "require-corp")
		p := filepath.Join(dir, filepath.FromSlash(filepath.Clean("/"+r.URL.Path)))
		if st, err := os.Stat(p); err != nil || st.IsDir() {
			r.URL.Path = "/"
		}
		fs.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// The browser is Debian's chromium, started once for the package's tests.
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	err    error
}

const chromiumPath = "/usr/bin/chromium"

func browserContext(t testing.TB) context.Context {
	t.Helper()
	browser.once.Do(func() {
		exe := chromiumPath
		if _, err := os.Stat(exe); err != nil {
			if p, err := exec.LookPath("chromium"); err == nil {
				exe = p
			} else {
				browser.err = errors.New("chromium not found (apt-get install -y chromium)")
				return
			}
		}
		dir, err := os.MkdirTemp("", "jepsh-chromium-")
		if err != nil {
			browser.err = err
			return
		}
		actx, _ := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(exe),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.NoFirstRun,
			chromedp.UserDataDir(dir),
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.Flag("js-flags", "--expose-gc"),
		)
		browser.ctx, browser.cancel = chromedp.NewContext(actx)
		if err := chromedp.Do(browser.ctx); err != nil {
			browser.err = fmt.Errorf("starting chromium: %w", err)
		}
	})
	if browser.err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(browser.err)
		}
		t.Skip(browser.err)
	}
	ctx, cancel := chromedp.NewContext(browser.ctx) // a new tab
	t.Cleanup(cancel)
	return ctx
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	os.Exit(code)
}

// pageProbe is installed before any page script runs: it records CSP
// violations and uncaught errors, and counts live timers, intervals and event
// listeners so leak tests can compare them.
const pageProbe = `(() => {
	const P = (window.__probe = { csp: [], errors: [], timeouts: 0, intervals: 0, listeners: 0 });
	document.addEventListener("securitypolicyviolation", (e) => P.csp.push(e.violatedDirective + " " + e.blockedURI));
	window.addEventListener("error", (e) => P.errors.push(String(e.message)));
	window.addEventListener("unhandledrejection", (e) => P.errors.push(String(e.reason)));
	const live = new Set();
	const st = window.setTimeout, ct = window.clearTimeout, si = window.setInterval, ci = window.clearInterval;
	window.setTimeout = function (fn, ms, ...a) {
		const id = st.call(window, (...b) => { if (live.delete("t" + id)) P.timeouts--; fn(...b); }, ms, ...a);
		live.add("t" + id); P.timeouts++; return id;
	};
	window.clearTimeout = function (id) { if (live.delete("t" + id)) P.timeouts--; return ct.call(window, id); };
	window.setInterval = function (fn, ms, ...a) { const id = si.call(window, fn, ms, ...a); live.add("i" + id); P.intervals++; return id; };
	window.clearInterval = function (id) { if (live.delete("i" + id)) P.intervals--; return ci.call(window, id); };
	const reg = new WeakMap();
	const add = EventTarget.prototype.addEventListener, rem = EventTarget.prototype.removeEventListener;
	const keyOf = (type, fn, o) => type + "|" + !!(typeof o === "boolean" ? o : o && o.capture);
	EventTarget.prototype.addEventListener = function (type, fn, o) {
		if (fn) { let m = reg.get(this); if (!m) reg.set(this, (m = new Map())); let s = m.get(fn); if (!s) m.set(fn, (s = new Set()));
			const k = keyOf(type, fn, o); if (!s.has(k)) { s.add(k); P.listeners++; } }
		return add.call(this, type, fn, o);
	};
	EventTarget.prototype.removeEventListener = function (type, fn, o) {
		const m = fn && reg.get(this), s = m && m.get(fn), k = keyOf(type, fn, o);
		if (s && s.delete(k)) { P.listeners--; if (s.size === 0) m.delete(fn); }
		return rem.call(this, type, fn, o);
	};
})();`

// probeState is window.__probe as read from Go.
type probeState struct {
	CSP       []string `json:"csp"`
	Errors    []string `json:"errors"`
	Timeouts  int      `json:"timeouts"`
	Intervals int      `json:"intervals"`
	Listeners int      `json:"listeners"`
}

// open loads url in a fresh tab with the probe installed and waits until sel
// is in the document.
func open(t testing.TB, url, sel string) context.Context {
	t.Helper()
	ctx := browserContext(t)
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: pageProbe})
			return err
		}),
		chromedp.Navigate(url),
		chromedp.WaitReady(chromedp.CSS(sel)),
	)
	if err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	return ctx
}

// probe reads the page's probe and fails the test on CSP violations or
// uncaught errors.
func probe(t testing.TB, ctx context.Context) probeState {
	t.Helper()
	p, err := chromedp.Run(ctx, chromedp.Evaluate[probeState](`window.__probe`))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.CSP) > 0 {
		t.Errorf("CSP violations: %v", p.CSP)
	}
	if len(p.Errors) > 0 {
		t.Errorf("page errors: %v", p.Errors)
	}
	return p
}

// eval runs a JS expression (awaiting a promise) and decodes its value.
func eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func do(t testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}
