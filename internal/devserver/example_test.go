package devserver

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/jepsh/jepsh/examples"
	"github.com/jepsh/jepsh/internal/build/browser"
)

// The embedded TodoMVC example, built from its embedded sources, opened at
// a deep route URL: the server answers with the app, which routes there.
func TestEmbeddedExampleDeepLink(t *testing.T) {
	app, err := examples.App("todomvc")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Sources: app})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	urlc := make(chan string, 1)
	go func() { done <- s.Run(ctx, ln, func(u string) { urlc <- u }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	var base string
	select {
	case base = <-urlc:
	case err := <-done:
		t.Fatal(err)
	}
	if st := s.state.Load(); st == nil || st.failed {
		t.Fatalf("the embedded example does not build: %+v", st.errors)
	}

	bctx := chromium(t)
	if err := chromedp.Do(bctx,
		browser.InitScript(probe),
		chromedp.Navigate(base+"active"),
		chromedp.WaitVisible(".new-todo"),
		chromedp.SendKeys(chromedp.CSS(".new-todo"), "deep link\r"), // the footer shows once there is a todo
	); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(bctx, `location.pathname === "/active" && document.querySelector(".filters a.selected")?.textContent === "Active" && document.querySelectorAll(".todo-list li").length === 1`); err != nil {
		sel, _ := chromedp.Run(bctx, chromedp.Evaluate[string](`document.querySelector(".filters a.selected")?.textContent ?? "(none)"`))
		t.Fatalf("deep link /active: selected filter %q (%v)", sel, err)
	}
	time.Sleep(100 * time.Millisecond)
	if problems, _ := chromedp.Run(bctx, chromedp.Evaluate[[]string](`window.__problems`)); len(problems) > 0 {
		t.Errorf("page problems: %v", problems)
	}
}
