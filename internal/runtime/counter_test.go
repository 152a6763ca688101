package runtime

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCounter clicks through the compiled counter app and checks the text,
// the disabled state of Reset and the generated styles.
func TestCounter(t *testing.T) {
	url := serve(t, bundle(t, "counter").Dir)
	ctx := open(t, url+"/", `[data-testid="inc"]`)
	type state struct {
		Count    string `json:"count"`
		Disabled bool   `json:"disabled"`
	}
	get := func() state {
		return eval[state](t, ctx, `({ count: document.querySelector('[data-testid="count"]').textContent, disabled: document.querySelector('[data-testid="reset"]').disabled })`)
	}
	click := func(id string) { do(t, ctx, chromedp.Click(chromedp.CSS(`[data-testid="`+id+`"]`))) }

	steps := []struct {
		click string
		want  state
	}{
		{"", state{"0 clicks", true}},
		{"inc", state{"1 click", false}},
		{"inc", state{"2 clicks", false}},
		{"inc", state{"3 clicks", false}},
		{"dec", state{"2 clicks", false}},
		{"reset", state{"0 clicks", true}},
		{"dec", state{"-1 clicks", false}},
	}
	for _, s := range steps {
		if s.click != "" {
			click(s.click)
		}
		if got := get(); got != s.want {
			t.Fatalf("after clicking %q: %+v, want %+v", s.click, got, s.want)
		}
	}
	if pad := eval[string](t, ctx, `getComputedStyle(document.querySelector(".j0")).paddingTop`); pad != "24px" {
		t.Errorf("generated style not applied: padding-top %q, want 24px", pad)
	}
	probe(t, ctx)
}

// TestStrictCSP checks that the pages run under the strict policy: it is
// sent, nothing violates it while the apps run (probe, in every browser test)
// and the probe does see a violation when one happens.
func TestStrictCSP(t *testing.T) {
	for _, app := range []string{"counter", "todomvc", "bench"} {
		t.Run(app, func(t *testing.T) {
			url := serve(t, bundle(t, app).Dir)
			ctx := open(t, url+"/", "body")
			eval[bool](t, ctx, `new Promise((r) => { const f = () => (document.querySelector("button, input") ? r(true) : setTimeout(f, 10)); f(); })`)
			if n := eval[int](t, ctx, `document.querySelectorAll("[style]").length`); n != 0 {
				t.Errorf("%d elements with inline style attributes", n)
			}
			probe(t, ctx)
			// Control: an inline script must be refused and reported.
			n := eval[int](t, ctx, `new Promise((r) => { const s = document.createElement("script"); s.textContent = "window.__ran = 1"; document.body.append(s); setTimeout(() => r(window.__ran ? -1 : window.__probe.csp.length), 50); })`)
			if n != 1 {
				t.Errorf("inline script control: got %d violations (-1: it ran), want 1", n)
			}
		})
	}
}
