package main

// The cards benchmark (--cards): a page of 1,000 static cards (the guide's
// StaticCard with varied strings) in headless Chromium, in four forms:
//
//	dynamic    the stacks' CSS only; the browser lays everything out
//	reserved   plus every element's pre-computed width and height
//	contained  reserved, and each card root gets contain: strict
//	absolute   each card root contain: strict, its descendants absolutely
//	           positioned at the pre-computed boxes
//
// It measures, per page load, the time Chromium spends in layout until the
// web font has arrived and been applied (the sum of the trace's Layout
// events), the cumulative layout shift while the font arrives (served 400 ms
// late, font-display: swap), and then the time of a full relayout of the
// page (the cards' container changes width; forced with offsetHeight).
// Forms are interleaved in every round.

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"github.com/jepsh/jepsh/internal/layout"
	"github.com/jepsh/jepsh/internal/text"
)

var cardForms = []string{"dynamic", "reserved", "contained", "absolute"}

type card struct {
	root *layout.Node
	res  *layout.StaticLayout
}

func makeCards(reg *text.Registry, n int) ([]card, []string, error) {
	titles := []string{"Title", "Invoice 2041", "Weekly report", "Flight AV 1207", "Your order", "Welcome back", "Storage almost full", "New message"}
	descs := []string{"Description", "Due on Friday, 14:00", "Three tasks are overdue", "Gate 42, boarding at 09:15", "Shipped today", "Pick up where you left off", "Free up space or upgrade", "From: Tove Jansson"}
	buttons := [][2]string{{"Cancel", "OK"}, {"Later", "Pay"}, {"Dismiss", "Open"}, {"No", "Yes"}}
	var strs []string
	t := func(s string, size, lh float64) *layout.Node {
		strs = append(strs, s)
		return &layout.Node{Style: layout.Leaf(), Text: &layout.TextRun{Font: text.DefaultFont, Size: size, LineHeight: lh, Text: s}}
	}
	btn := func(s string) *layout.Node {
		return &layout.Node{Style: layout.HStack(0, layout.VCenter).WithPadding(8, 16, 8, 16), Children: []*layout.Node{t(s, 14, 16)}}
	}
	var cards []card
	for i := 0; i < n; i++ {
		b := buttons[i%len(buttons)]
		root := &layout.Node{
			Style: layout.VStack(16, layout.HCenter).WithPadding(20, 20, 20, 20),
			Children: []*layout.Node{
				t(titles[i%len(titles)], 18, 24),
				t(descs[(i/len(titles))%len(descs)], 14, 16),
				{Style: layout.HStack(8, layout.VCenter), Children: []*layout.Node{btn(b[0]), btn(b[1])}},
			},
		}
		res, err := layout.LayoutStatic(root, reg, false)
		if err != nil {
			return nil, nil, err
		}
		cards = append(cards, card{root, res})
	}
	return cards, strs, nil
}

func cardsPage(cards []card, form string) string {
	var sb strings.Builder
	sb.WriteString(`<!doctype html><html><head><meta charset=utf-8><script>
window.__cls = 0;
new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
  .observe({type: 'layout-shift', buffered: true});
</script><style>@font-face{font-family:"Jepsh-default";src:url(/font.woff2) format("woff2");font-display:swap}
html,body{margin:0}#cards{display:flex;flex-wrap:wrap;gap:12px;width:1200px;align-items:flex-start}`)
	sb.WriteString(layout.BaseCSS(".j"))
	sb.WriteString("</style></head><body><div id=cards>")
	for _, c := range cards {
		var walk func(n *layout.Node, depth int)
		idx := 0
		walk = func(n *layout.Node, depth int) {
			p := c.res.Boxes[idx]
			idx++
			style := n.Style.AppendCSS(nil)
			if n.Text != nil {
				style = layout.TextCSS(style, "Jepsh-default", n.Text.Size, n.Text.LineHeight)
			}
			switch form {
			case "reserved", "contained":
				style = fmt.Appendf(style, "width:%gpx;height:%gpx;flex-shrink:0;", p.W, p.H)
				if depth == 0 && form == "contained" {
					style = append(style, "contain:strict;"...)
				}
			case "absolute":
				if depth == 0 {
					style = fmt.Appendf(style, "width:%gpx;height:%gpx;flex-shrink:0;contain:strict;", p.W, p.H)
				} else {
					style = fmt.Appendf(style, "position:absolute;left:%gpx;top:%gpx;width:%gpx;height:%gpx;", p.Local.X, p.Local.Y, p.W, p.H)
				}
			}
			fmt.Fprintf(&sb, `<div class="j" style="%s">`, html.EscapeString(string(style)))
			if n.Text != nil {
				sb.WriteString(html.EscapeString(n.Text.Text))
			}
			for _, k := range n.Children {
				walk(k, depth+1)
			}
			sb.WriteString("</div>")
		}
		walk(c.root, 0)
	}
	sb.WriteString("</div></body></html>")
	return sb.String()
}

func chromiumBin() (string, error) {
	if p := os.Getenv("JEPSH_CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("chromium not found (install Debian's chromium or set JEPSH_CHROMIUM)")
}

func benchCards(jsonOut string, rounds, relayouts int, stdout, stderr io.Writer) error {
	bin, err := chromiumBin()
	if err != nil {
		return err
	}
	reg := text.NewRegistry()
	cards, strs, err := makeCards(reg, 1000)
	if err != nil {
		return err
	}
	f, _ := reg.Font(text.DefaultFont)
	subset, err := f.Subset(strs...)
	if err != nil {
		return err
	}
	woff2, err := text.WOFF2(subset)
	if err != nil {
		return err
	}
	pages := map[string]string{}
	for _, form := range cardForms {
		pages["/"+form] = cardsPage(cards, form)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/font.woff2", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(400 * time.Millisecond) // the font arrives after the first paint
		w.Header().Set("Content-Type", "font/woff2")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(woff2)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, pages[r.URL.Path])
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tmp, err := os.MkdirTemp("", "jepsh-cards")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(tmp),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-http-cache", true),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		return err
	}

	load := map[string][3]float64{"before": loadavg()}
	results := map[string]*result{}
	get := func(bench, impl, unit, metric string) *result {
		k := bench + "/" + impl
		if results[k] == nil {
			results[k] = &result{Benchmark: bench, Impl: impl, Unit: unit, Metric: metric}
		}
		return results[k]
	}
	var order []*result
	for _, form := range cardForms {
		order = append(order, get("cards-1000-load-layout", form, "ms", "duration"))
	}
	for _, form := range cardForms {
		order = append(order, get("cards-1000-relayout", form, "ms", "duration"))
	}
	for _, form := range cardForms {
		order = append(order, get("cards-1000-cls", form, "score", "cls"))
	}
	// Trace events arrive on the tab's reader goroutine: keep them raw.
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
		return err
	}
	for r := 0; r < rounds; r++ {
		for k := range cardForms {
			form := cardForms[(k+r)%len(cardForms)] // rotate the order
			if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
				return err
			}
			mu.Lock()
			events = events[:0]
			mu.Unlock()
			if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
				TransferMode: tracing.StartTransferModeReportEvents,
				TraceConfig:  &tracing.TraceConfig{IncludedCategories: []string{"devtools.timeline"}},
			}); err != nil {
				return err
			}
			if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/"+form)); err != nil {
				return err
			}
			js, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
				await document.fonts.ready;
				if (!document.fonts.check('16px "Jepsh-default"')) return JSON.stringify({error: "font not loaded"});
				await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
				await new Promise(r => setTimeout(r, 100));
				return JSON.stringify({cls: window.__cls});
			})()`, chromedp.EvalAwaitPromise))
			if err != nil {
				return err
			}
			if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
				return err
			}
			select {
			case <-complete:
			case <-time.After(30 * time.Second):
				return fmt.Errorf("%s: trace did not complete", form)
			}
			var loaded struct {
				Error string  `json:"error"`
				CLS   float64 `json:"cls"`
			}
			if err := json.Unmarshal([]byte(js), &loaded); err != nil || loaded.Error != "" {
				return fmt.Errorf("%s: %v %s", form, err, loaded.Error)
			}
			var layoutUS float64
			mu.Lock()
			for _, raw := range events {
				var ev struct {
					Name string  `json:"name"`
					Ph   string  `json:"ph"`
					Dur  float64 `json:"dur"`
				}
				if json.Unmarshal(raw, &ev) == nil && ev.Name == "Layout" && ev.Ph == "X" {
					layoutUS += ev.Dur
				}
			}
			mu.Unlock()
			if layoutUS == 0 {
				return fmt.Errorf("%s: no Layout events in the trace", form)
			}
			ll := get("cards-1000-load-layout", form, "ms", "duration")
			ll.Samples = append(ll.Samples, layoutUS/1000)

			js, err = chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
				const cls = window.__cls;
				const el = document.getElementById('cards');
				const ms = [];
				for (let i = 0; i < `+fmt.Sprint(relayouts)+`; i++) {
					el.style.width = (i % 2 ? 1200 : 1188) + 'px';
					const t0 = performance.now();
					void el.offsetHeight;
					ms.push(performance.now() - t0);
				}
				return JSON.stringify({cls, ms});
			})()`, chromedp.EvalAwaitPromise))
			if err != nil {
				return err
			}
			var res struct {
				Error string    `json:"error"`
				CLS   float64   `json:"cls"`
				MS    []float64 `json:"ms"`
			}
			if err := json.Unmarshal([]byte(js), &res); err != nil || res.Error != "" {
				return fmt.Errorf("%s: %v %s", form, err, res.Error)
			}
			rl := get("cards-1000-relayout", form, "ms", "duration")
			rl.Samples = append(rl.Samples, res.MS...)
			cl := get("cards-1000-cls", form, "score", "cls")
			cl.Samples = append(cl.Samples, loaded.CLS)
		}
	}
	load["after"] = loadavg()
	for _, r := range order {
		fmt.Fprintf(stderr, "%-22s %-10s median %8.3f %s\n", r.Benchmark, r.Impl, median(r.Samples), r.Unit)
	}
	m := machine("node")
	if out, err := exec.Command(bin, "--version").Output(); err == nil {
		m["chromium"] = strings.TrimSpace(string(out))
	}
	rep := report{Suite: "layout", Time: time.Now().UTC().Format(time.RFC3339), Machine: m, Load: load, Reference: "dynamic", Results: order}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if jsonOut == "" {
		_, err = stdout.Write(b)
		return err
	}
	return os.WriteFile(jsonOut, b, 0o644)
}
