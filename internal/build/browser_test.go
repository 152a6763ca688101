package build

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jepsh/jepsh/internal/build/browser"
)

// compiledApp reads one of the runtime's hand-compiled apps (the code the
// generator emits) as generator output.
func compiledApp(t *testing.T, name string) *Generated {
	t.Helper()
	dir := filepath.Join("..", "runtime", "testdata", "compiled", name)
	js, err := os.ReadFile(filepath.Join(dir, "main.js"))
	if err != nil {
		t.Fatalf("hand-compiled app %s: %v", name, err)
	}
	gen := &Generated{Entry: "main.js", Files: map[string][]byte{"main.js": js}, Title: "Jepsh • " + name}
	if css, err := os.ReadFile(filepath.Join(dir, "style.css")); err == nil {
		gen.Files["style.css"] = css
		gen.Styles = []string{"style.css"}
	}
	return gen
}

func TestCompiledCounterSize(t *testing.T) {
	res := Bundle(context.Background(), compiledApp(t, "counter"), Options{})
	if res.Failed() {
		t.Fatal(res.Diagnostics.Err())
	}
	js := 0
	for _, s := range Sizes(res.Files) {
		if strings.HasSuffix(s.Name, ".js") {
			js += s.Gzip
		}
	}
	t.Logf("counter: %d bytes of JS gzip", js)
	if js > 4096 {
		t.Errorf("counter JS is %d bytes gzip, over the 4 KB budget", js)
	}
}

// chromium starts the system's headless Chromium. Without one the test
// fails in CI and is skipped locally.
func chromium(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel, err := browser.Start(context.Background())
	if errors.Is(err, browser.ErrNotFound) && os.Getenv("CI") != "true" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	ctx, cancel2 := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel2)
	return ctx
}

// cspProbe records Content-Security-Policy violations; it is installed by
// the DevTools protocol, so the page's own policy does not apply to it.
const cspProbe = `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`

func TestCompiledCounterInChromium(t *testing.T) {
	res := Bundle(context.Background(), compiledApp(t, "counter"), Options{})
	if res.Failed() {
		t.Fatal(res.Diagnostics.Err())
	}
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
		chromedp.WaitVisible(`[data-testid="count"]`),
		chromedp.Click(`[data-testid="inc"]`),
		chromedp.Click(`[data-testid="inc"]`),
	)
	if err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const t = document.querySelector('[data-testid="count"]').textContent; return t === "2 clicks" && t })()`, chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Text(`[data-testid="count"]`))
		t.Fatalf("after two clicks the count reads %q (%v)", got, err)
	}
	_ = text
	// The styles applied: the stylesheet loaded under the policy.
	gap, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(".j0")).rowGap`))
	if err != nil || gap != "12px" {
		t.Errorf("stylesheet not applied: gap %q (%v)", gap, err)
	}
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__csp`))
	if err != nil {
		t.Fatal(err)
	}
	if len(violations) > 0 {
		t.Errorf("Content-Security-Policy violations: %v", violations)
	}
	// The probe works: an inline script is reported.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const s = document.createElement("script"); s.textContent = "1"; document.body.append(s); return true })()`)); err != nil {
		t.Fatal(err)
	}
	violations, _ = chromedp.Run(ctx, chromedp.Poll[[]string](`window.__csp.length > 0 && window.__csp`, chromedp.WithPollingTimeout(5*time.Second)))
	if len(violations) == 0 {
		t.Errorf("an inline script raised no CSP violation: the probe or the policy is not working")
	}
}
