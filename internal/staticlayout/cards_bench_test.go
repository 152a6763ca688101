package staticlayout_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"github.com/jepsh/jepsh/internal/build"
	"github.com/jepsh/jepsh/internal/build/browser"
	"github.com/jepsh/jepsh/internal/staticlayout"
)

var (
	cardRounds    = flag.Int("cards.rounds", 9, "page loads per mode in BenchmarkCards1000")
	cardFontDelay = flag.Duration("cards.fontdelay", 400*time.Millisecond, "delay of the font responses in BenchmarkCards1000")
)

// cardsApp writes a JXL app of 1,000 static cards (eight variants of the
// guide's StaticCard with different strings) in rows of six.
func cardsApp(t testing.TB) string {
	titles := []string{"Title", "Invoice 2041", "Weekly report", "Flight AV 1207", "Your order", "Welcome back", "Storage almost full", "New message"}
	descs := []string{"Description", "Due on Friday, 14:00", "Three tasks are overdue", "Gate 42, boarding at 09:15", "Shipped today", "Pick up where you left off", "Free up space or upgrade", "From: Tove Jansson"}
	buttons := [][2]string{{"Cancel", "OK"}, {"Later", "Pay"}, {"Dismiss", "Open"}, {"No", "Yes"}}
	var b strings.Builder
	for i := range titles {
		bt := buttons[i%len(buttons)]
		fmt.Fprintf(&b, `view Card%d {
    render {
        VStack(spacing: 16) {
            Text(%q).font(.headline)
            Text(%q).font(.body)
            HStack(spacing: 8) {
                Button(%q) { }
                Button(%q) { }
            }
        }
        .padding(20)
        .border(Color.token(.border), width: 1)
    }
}

`, i, titles[i], descs[i], bt[0], bt[1])
	}
	b.WriteString("view App {\n    render {\n        VStack(alignment: .leading, spacing: 12) {\n")
	for n := 0; n < 1000; n += 6 {
		b.WriteString("            HStack(alignment: .top, spacing: 12) {\n")
		for k := n; k < n+6 && k < 1000; k++ {
			fmt.Fprintf(&b, "                Card%d()\n", (k*5+k/6)%len(titles))
		}
		b.WriteString("            }\n")
	}
	b.WriteString("        }\n        .padding(12)\n    }\n}\n\napp Cards {\n    title: \"1,000 cards\"\n    root: App\n}\n")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cards.jxl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "tokens.yml"), []byte("color:\n  border: '#E5E7EB'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// BenchmarkCards1000 loads a page of 1,000 static cards in headless
// Chromium, built without pre-calculation (mode text: the same fonts, the
// browser lays out) and with it (reserve, absolute), the modes interleaved
// and rotated, the font responses delayed so that the font load is visible.
// Per load it sums the trace's Layout events until the fonts are applied
// and adds up the layout-shift entries (CLS). It reports medians:
//
//	go test ./internal/staticlayout -run '^$' -bench Cards1000 -benchtime 1x
func BenchmarkCards1000(b *testing.B) {
	bin := chromium(b)
	dir := cardsApp(b)
	modes := []staticlayout.Mode{staticlayout.TextOnly, staticlayout.Reserve, staticlayout.Absolute}
	servers := map[staticlayout.Mode]*httptest.Server{}
	cssBytes := map[staticlayout.Mode]int{}
	for _, m := range modes {
		res := build.Build(context.Background(), os.DirFS(dir), build.Options{Layout: &build.LayoutOptions{Mode: m}})
		if res.Failed() {
			b.Fatal(res.Diagnostics)
		}
		if m == staticlayout.Reserve && len(res.Layout.Subtrees) != 8 {
			b.Fatalf("%d subtrees pre-computed, want the 8 card views", len(res.Layout.Subtrees))
		}
		for _, f := range res.Files {
			if strings.HasSuffix(f.Name, ".css") {
				cssBytes[m] += len(f.Data)
			}
		}
		out := b.TempDir()
		if err := build.Write(out, res.Files); err != nil {
			b.Fatal(err)
		}
		fsrv := http.FileServer(http.Dir(out))
		servers[m] = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cache-Control", "no-store")
			if strings.HasSuffix(r.URL.Path, ".woff2") {
				time.Sleep(*cardFontDelay)
			}
			fsrv.ServeHTTP(w, r)
		}))
		defer servers[m].Close()
	}
	ctx := browserContext(b, bin)
	if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		b.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, browser.InitScript(`
window.__cls = 0;
new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
  .observe({type: 'layout-shift', buffered: true});`)); err != nil {
		b.Fatal(err)
	}
	var mu sync.Mutex
	var events [][]byte
	complete := make(chan struct{}, 1)
	if err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, v := range e.Value {
				events = append(events, append([]byte(nil), v...))
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			select {
			case complete <- struct{}{}:
			default:
			}
		}
	}); err != nil {
		b.Fatal(err)
	}
	layoutMS := map[staticlayout.Mode][]float64{}
	layoutCPU := map[staticlayout.Mode][]float64{} // thread time: less disturbed by other load
	cls := map[staticlayout.Mode][]float64{}
	b.ResetTimer()
	for r := 0; r < *cardRounds; r++ {
		for k := range modes {
			m := modes[(k+r)%len(modes)]
			if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
				b.Fatal(err)
			}
			mu.Lock()
			events = events[:0]
			mu.Unlock()
			if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
				TransferMode: tracing.StartTransferModeReportEvents,
				TraceConfig:  &tracing.TraceConfig{IncludedCategories: []string{"devtools.timeline"}},
			}); err != nil {
				b.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Navigate(servers[m].URL+"/")); err != nil {
				b.Fatal(err)
			}
			js, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
				for (let i = 0; i < 500 && !document.querySelector('#app > *'); i++) await new Promise(r => setTimeout(r, 10));
				await document.fonts.ready;
				if (!document.fonts.check('16px Go') || !document.fonts.check('700 16px Go')) return JSON.stringify({error: "font not loaded"});
				await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
				await new Promise(r => setTimeout(r, 100));
				return JSON.stringify({cls: window.__cls, cards: document.querySelectorAll('#app > * > * > *').length});
			})()`, chromedp.EvalAwaitPromise))
			if err != nil {
				b.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
				b.Fatal(err)
			}
			select {
			case <-complete:
			case <-time.After(30 * time.Second):
				b.Fatalf("%s: the trace did not complete", m)
			}
			var got struct {
				Error string  `json:"error"`
				CLS   float64 `json:"cls"`
				Cards int     `json:"cards"`
			}
			if err := json.Unmarshal([]byte(js), &got); err != nil || got.Error != "" {
				b.Fatalf("%s: %v %s", m, err, js)
			}
			if got.Cards != 1000 {
				b.Fatalf("%s: %d cards on the page", m, got.Cards)
			}
			var us, tus float64
			mu.Lock()
			for _, raw := range events {
				var ev struct {
					Name string  `json:"name"`
					Ph   string  `json:"ph"`
					Dur  float64 `json:"dur"`
					TDur float64 `json:"tdur"`
				}
				if json.Unmarshal(raw, &ev) == nil && ev.Name == "Layout" && ev.Ph == "X" {
					us += ev.Dur
					tus += ev.TDur
				}
			}
			mu.Unlock()
			if us == 0 {
				b.Fatalf("%s: no Layout events in the trace", m)
			}
			layoutMS[m] = append(layoutMS[m], us/1000)
			layoutCPU[m] = append(layoutCPU[m], tus/1000)
			cls[m] = append(cls[m], got.CLS)
		}
	}
	b.StopTimer()
	base, cbase := median(layoutMS[staticlayout.TextOnly]), median(layoutCPU[staticlayout.TextOnly])
	for _, m := range modes {
		l, lc, c := median(layoutMS[m]), median(layoutCPU[m]), median(cls[m])
		b.ReportMetric(l, "layout-ms/"+m.String())
		b.ReportMetric(lc, "layout-cpu-ms/"+m.String())
		b.ReportMetric(c, "cls/"+m.String())
		b.ReportMetric(float64(cssBytes[m]), "css-bytes/"+m.String())
		b.Logf("%-8s layout %6.1f ms wall (q1 %.1f, q3 %.1f; ×%.2f of text), %6.1f ms thread (q1 %.1f, q3 %.1f; ×%.2f)  CLS %.4f (q1 %.4f, q3 %.4f)  n=%d  CSS %d bytes",
			m, l, quantile(layoutMS[m], .25), quantile(layoutMS[m], .75), l/base,
			lc, quantile(layoutCPU[m], .25), quantile(layoutCPU[m], .75), lc/cbase,
			c, quantile(cls[m], .25), quantile(cls[m], .75), len(cls[m]), cssBytes[m])
	}
}

func median(xs []float64) float64 { return quantile(xs, .5) }

func quantile(xs []float64, q float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	pos := q * float64(len(s)-1)
	i := int(pos)
	if i+1 >= len(s) {
		return s[i]
	}
	return s[i] + (pos-float64(i))*(s[i+1]-s[i])
}
