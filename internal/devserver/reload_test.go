package devserver

import (
	"context"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jepsh/jepsh/internal/build/browser"
)

const helloApp = `view Hello {
    atom count: Int = 0
    render {
        VStack(spacing: 8) {
            Text("%s")
                .testID("greeting")
            Button("+") { count += 1 }
        }
    }
}

app HelloApp {
    title: "Hello"
    root: Hello
}
`

func hello(greeting string) string { return strings.Replace(helloApp, "%s", greeting, 1) }

func TestReload(t *testing.T) {
	app := t.TempDir()
	src := filepath.Join(app, "app.jxl")
	writeFile(t, src, hello("first"))
	s, base := start(t, app)

	code, page := rawGet(t, base, "GET", "/")
	if code != 200 || !strings.Contains(page, `<script type="module" src="/__jepsh/client.js"></script>`) {
		t.Fatalf("GET /: %d\n%s", code, page)
	}
	script := regexp.MustCompile(`src="/(main-[A-Z0-9]+\.js)"`).FindStringSubmatch(page)
	if script == nil {
		t.Fatalf("no entry script in\n%s", page)
	}
	if code, js := rawGet(t, base, "GET", "/"+script[1]); code != 200 || !strings.Contains(js, "\n  ") {
		t.Errorf("GET the entry: %d, or it is minified in a dev build", code)
	}
	if code, route := rawGet(t, base, "GET", "/users/42"); code != 200 || !strings.Contains(route, script[1]) {
		t.Errorf("SPA fallback for /users/42: %d", code)
	}

	next := dial(t, base)
	builds := s.Builds()
	writeFile(t, src, hello("second"))
	if m := next(); m.Type != "reload" {
		t.Fatalf("after an edit: %+v, want reload", m)
	}
	if _, page := rawGet(t, base, "GET", "/"); strings.Contains(page, script[1]) {
		t.Errorf("index.html still loads the old entry %s", script[1])
	}
	_, page = rawGet(t, base, "GET", "/")
	script = regexp.MustCompile(`src="/(main-[A-Z0-9]+\.js)"`).FindStringSubmatch(page)
	writeFile(t, src, "view Hello {\n")
	if m := next(); m.Type != "errors" || len(m.Errors) == 0 {
		t.Fatalf("after breaking the app: %+v", m)
	}
	// While the build fails, pages already open still get their files.
	if code, _ := rawGet(t, base, "GET", "/"+script[1]); code != 200 {
		t.Errorf("GET %s while the build fails: %d", script[1], code)
	}
	if code, _ := rawGet(t, base, "GET", "/"); code != 500 {
		t.Errorf("GET / while the build fails: %d, want the error page", code)
	}
	writeFile(t, src, hello("third"))
	if m := next(); m.Type != "reload" {
		t.Fatalf("after fixing the app: %+v, want reload", m)
	}
	// Saving the same content again builds nothing.
	writeFile(t, src, hello("third"))
	time.Sleep(300 * time.Millisecond)
	if got := s.Builds() - builds; got != 3 {
		t.Errorf("%d builds for 3 content changes", got)
	}
}

func TestReloadInChromium(t *testing.T) {
	app := t.TempDir()
	src := filepath.Join(app, "app.jxl")
	writeFile(t, src, hello("before"))
	_, base := start(t, app)
	ctx := chromium(t)
	err := chromedp.Do(ctx,
		browser.InitScript(probe),
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(`[data-testid="greeting"]`),
	)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__marker = true`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // let the client connect
	writeFile(t, src, hello("after"))
	if err := waitFor(ctx, `!window.__marker && document.querySelector('[data-testid="greeting"]')?.textContent === "after"`); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		t.Fatalf("page did not reload with the new text: %v\n%s", err, got)
	}
	// Break it: the overlay appears over the page; fix it: the page reloads.
	writeFile(t, src, "view Hello {\n    let x = )\n}\n")
	if err := waitFor(ctx, `!!document.querySelector(".jepsh-overlay")`); err != nil {
		t.Fatalf("no overlay after breaking the app: %v", err)
	}
	writeFile(t, src, hello("fixed"))
	if err := waitFor(ctx, `!document.querySelector(".jepsh-overlay") && document.querySelector('[data-testid="greeting"]')?.textContent === "fixed"`); err != nil {
		t.Fatalf("page did not recover after the fix: %v", err)
	}
	if problems, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__problems`)); len(problems) > 0 {
		t.Errorf("page problems: %v", problems)
	}
}

// waitFor evaluates expr until it is true, across page reloads, for up to 10 s.
func waitFor(ctx context.Context, expr string) error {
	end := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return nil
		}
		if time.Now().After(end) {
			if err == nil {
				err = errors.New("timed out")
			}
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}
