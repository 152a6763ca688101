package devserver

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jepsh/jepsh/internal/build/browser"
)

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

const probe = `window.__problems = [];
document.addEventListener("securitypolicyviolation", e => __problems.push("CSP: " + e.violatedDirective + " " + e.blockedURI));
addEventListener("error", e => __problems.push(e.message));`

// The error overlay in a real page: the server renders it, and the client,
// connected through the websocket under the page's CSP, replaces it when
// the errors change, without reloading.
func TestOverlayInChromium(t *testing.T) {
	app := t.TempDir()
	src := filepath.Join(app, "app.jxl")
	writeFile(t, src, "view A {\n    let x = \"<img src=x onerror=alert(1)>\" )\n}\n")
	_, base := start(t, app)
	ctx := chromium(t)

	err := chromedp.Do(ctx,
		browser.InitScript(probe),
		chromedp.Navigate(base+"/some/route"),
		chromedp.WaitVisible(".jepsh-overlay"),
	)
	if err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(".jepsh-error"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `app.jxl:2:`; len(text) < len(want) || text[:len(want)] != want {
		t.Errorf("overlay reads %q", text)
	}
	// The source line is shown as text: no element was made from it.
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".jepsh-overlay img").length`)); n != 0 {
		t.Errorf("the overlay made an <img> from the source line")
	}
	// Wait for the client's websocket, then change the error.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__marker = true`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	writeFile(t, src, "\n\n\nview A {\n    let y = \"<b>bold</b>\" )\n}\n")
	got, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const e = document.querySelector(".jepsh-error"); return e && e.textContent.startsWith("app.jxl:5:") && e.textContent })()`,
		chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		now, _ := chromedp.Run(ctx, chromedp.Text(".jepsh-overlay"))
		t.Fatalf("overlay did not update: %v\n%s", err, now)
	}
	if marker, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__marker === true`)); !marker {
		t.Errorf("the page reloaded instead of updating the overlay")
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".jepsh-overlay b").length`)); n != 0 {
		t.Errorf("the client made a <b> from the source line: %q", got)
	}
	problems, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__problems`))
	if len(problems) > 0 {
		t.Errorf("page problems: %v", problems)
	}
}
