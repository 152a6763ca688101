// Package uibench is the UI runtime suite: the keyed operations of
// js-framework-benchmark run in headless Chromium against Jepsh's bench app and
// peer implementations (bench/ui), timed from Chrome trace events.
package uibench

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"github.com/jepsh/jepsh/internal/bench/result"
)

//go:embed page.js
var pageJS string

// Ops are the measured operations, in js-framework-benchmark's order.
var Ops = []string{
	"create-1000-rows",
	"replace-all-rows",
	"partial-update",
	"select-row",
	"swap-rows",
	"remove-row",
	"create-10000-rows",
	"append-1000-rows",
	"clear-1000-rows",
}

// StartupStep is the step, after the operations, that loads each page and
// measures first paint, script time and heap. Name it in Options.Ops to run it
// alone.
const StartupStep = "startup"

// Metrics of the suite's results.
const (
	MetricDuration = "duration" // click to end of the next paint, ms
	MetricCPU      = "cpu"      // main-thread task time over the same span, ms
	MetricStartup  = "startup"  // navigation start to first contentful paint, ms
	MetricScript   = "script"   // script compile+evaluate time during load, ms
	MetricHeap     = "heap"     // JS heap used after GC, MB
	MetricSize     = "size"     // transfer size of HTML+JS+CSS, KB
)

// Options configure a run.
type Options struct {
	Root  string // repository root (holds go.mod)
	Quick bool   // fewer samples and warm-ups
	// CPUThrottle slows the page's main thread down by this factor (CDP
	// Emulation.setCPUThrottlingRate, as DevTools' "4× slowdown"); 0 or 1:
	// none. It approximates a slower device: fixed costs per operation
	// weigh more against the work that is the same for all.
	CPUThrottle float64
	Runs        int      // samples per operation and implementation; 0: 10, or 3 when Quick
	Warmups     int      // warm-up repetitions; 0: 5 (as js-framework-benchmark), or 1 when Quick
	Impls       []string // only these implementations (nil: all that are available)
	Ops         []string // only these steps (nil: all operations, then startup); StartupStep is one
	Chromium    string   // browser path; "": /usr/bin/chromium or chromium on PATH
	WorkDir     string   // where builds go; "": a temporary directory
	// Progress receives a line per step.
	Progress func(msg string)
}

// ThrottleName describes a CPU throttling rate as results record it:
// "none", or "4x".
func ThrottleName(rate float64) string {
	if rate <= 1 {
		return "none"
	}
	return strconv.FormatFloat(rate, 'g', -1, 64) + "x"
}

// Reference is the implementation ratios are taken against.
const Reference = "vanilla"

type impl struct {
	name string
	dir  string
	info result.Impl
}

func (o *Options) progress(format string, args ...any) {
	if o.Progress != nil {
		o.Progress(fmt.Sprintf(format, args...))
	}
}

// ErrNoBrowser means there is no Chromium to run the suite with.
var ErrNoBrowser = errors.New("no Chromium: install it with apt-get install -y chromium")

// FindChromium returns the browser to use, or ErrNoBrowser.
func FindChromium(path string) (string, error) {
	if path != "" {
		return path, nil
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// Run runs the suite and returns its result document. Implementations that
// cannot be built or fail the correctness check are listed in Skipped; Run
// fails only when nothing can be measured.
func Run(ctx context.Context, o Options) (*result.Doc, error) {
	chromium, err := FindChromium(o.Chromium)
	if err != nil {
		return nil, err
	}
	o.defaults()
	work := o.WorkDir
	if work == "" {
		work, err = os.MkdirTemp("", "jepsh-bench-ui-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(work)
	}
	doc := newDoc(&o, chromium)
	impls := prepare(ctx, &o, work, doc)
	if len(impls) == 0 {
		return doc, fmt.Errorf("no implementation to measure: %s", skipText(doc))
	}
	return doc, measure(ctx, &o, chromium, doc, impls)
}

func (o *Options) defaults() {
	if o.Runs <= 0 {
		o.Runs = 10
		if o.Quick {
			o.Runs = 3
		}
	}
	if o.Warmups <= 0 {
		o.Warmups = 5
		if o.Quick {
			o.Warmups = 1
		}
	}
}

func newDoc(o *Options, chromium string) *result.Doc {
	return &result.Doc{
		Suite:     "ui",
		Time:      time.Now().UTC(),
		Machine:   result.ThisMachine(chromium),
		Load:      result.Load{Before: result.LoadAvg()},
		Reference: Reference,
		Quick:     o.Quick,
		Impls:     map[string]result.Impl{},
		Extra:     map[string]any{"runs": o.Runs, "warmups": o.Warmups, "cpu_throttling": ThrottleName(o.CPUThrottle)},
	}
}

// runImpls measures already built implementations (for tests).
func runImpls(ctx context.Context, o Options, impls []*impl) (*result.Doc, error) {
	chromium, err := FindChromium(o.Chromium)
	if err != nil {
		return nil, err
	}
	o.defaults()
	doc := newDoc(&o, chromium)
	for _, im := range impls {
		doc.Impls[im.name] = im.info
	}
	return doc, measure(ctx, &o, chromium, doc, impls)
}

// measure checks and times impls in one browser, adding to doc.
func measure(ctx context.Context, o *Options, chromium string, doc *result.Doc, impls []*impl) error {
	ops := Ops
	if len(o.Ops) > 0 {
		ops = o.Ops
	}
	style, err := os.ReadFile(filepath.Join(o.Root, StylePath))
	if err != nil {
		return err
	}
	urls, closeServers, err := serve(impls, style)
	if err != nil {
		return err
	}
	defer closeServers()

	userData, err := os.MkdirTemp("", "jepsh-bench-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(userData)
	allocOpts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(userData),
		chromedp.WindowSize(1200, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, allocOpts...)
	defer cancelAlloc()
	bctx, cancelTab := chromedp.NewContext(actx)
	defer cancelTab()
	tr := &tracer{}
	if err := chromedp.Do(bctx); err != nil {
		return fmt.Errorf("start %s: %v", chromium, err)
	}
	if err := chromedp.Listen(bctx, tr.listen); err != nil {
		return err
	}
	if _, err := chromedp.Call(bctx, cdplog.Enable, cdp.Empty{}); err != nil {
		return err
	}
	if o.CPUThrottle > 1 {
		// Set on the target, it holds across the navigations of the run.
		if _, err := chromedp.Call(bctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: o.CPUThrottle}); err != nil {
			return fmt.Errorf("CPU throttling: %v", err)
		}
	}
	p := &page{ctx: bctx, tr: tr, warmups: o.Warmups, quick: o.Quick}

	// Correctness first: an implementation that does not do what the
	// benchmark asks is not timed.
	var ok []*impl
	for _, im := range impls {
		o.progress("ui: check %s", im.name)
		tr.takeErrors()
		errs, err := p.check(urls[im.name])
		if err != nil {
			errs = append(errs, err.Error())
		}
		if len(errs) > 0 {
			errs = append(errs, tr.takeErrors()...)
		}
		if len(errs) > 0 {
			doc.Skipped = append(doc.Skipped, result.Skip{What: "ui/" + im.name, Reason: "failed the correctness check: " + strings.Join(errs, "; ")})
			delete(doc.Impls, im.name)
			continue
		}
		ok = append(ok, im)
	}
	if len(ok) == 0 {
		return fmt.Errorf("no implementation passed the correctness check: %s", skipText(doc))
	}

	// A quick run times the compiler's app when it works, not also the
	// hand-compiled one.
	if o.Quick && slices.ContainsFunc(ok, func(im *impl) bool { return im.name == "jepsh" }) {
		ok = slices.DeleteFunc(ok, func(im *impl) bool { return im.name == "jepsh-hand" })
		delete(doc.Impls, "jepsh-hand")
	}

	// Startup is measured after the operations, unless the operations were
	// chosen and it is not among them (Ops: ["startup"] measures only it).
	steps := slices.Clone(ops)
	if len(o.Ops) == 0 {
		steps = append(steps, StartupStep)
	}
	failures := map[string]int{}
	for r := 0; r < o.Runs; r++ {
		// Interleave: every implementation once per operation per round,
		// starting with a different one each round.
		order := append(slices.Clone(ok[r%len(ok):]), ok[:r%len(ok)]...)
		for _, step := range steps {
			if step == "create-10000-rows" && r >= max(3, (o.Runs+1)/2) {
				continue // the slowest operation by far; its spread is small relative to it
			}
			o.progress("ui: round %d/%d %s", r+1, o.Runs, step)
			for _, im := range order {
				if err := ctx.Err(); err != nil {
					return err
				}
				url := urls[im.name]
				if step == StartupStep {
					s, err := p.startup(url, im.name)
					if err != nil {
						failures[im.name+" startup: "+err.Error()]++
						continue
					}
					doc.Add("first-paint", MetricStartup, im.name, "ms", s.firstPaint)
					doc.Add("script-time", MetricScript, im.name, "ms", s.script)
					doc.Add("heap-after-load", MetricHeap, im.name, "MB", s.heapLoad/(1<<20))
					doc.Add("heap-after-1000-rows", MetricHeap, im.name, "MB", s.heapRows/(1<<20))
					continue
				}
				it, err := p.measure(url, step)
				if err != nil {
					failures[im.name+" "+step+": "+err.Error()]++
					continue
				}
				doc.Add(step, MetricDuration, im.name, "ms", it.Duration)
				doc.Add(step, MetricCPU, im.name, "ms", it.Busy)
			}
		}
	}
	for _, im := range ok {
		raw, gz, br, err := transferSize(im.dir)
		if err != nil {
			return err
		}
		doc.Add("transfer-raw", MetricSize, im.name, "KB", raw/1024)
		doc.Add("transfer-gzip", MetricSize, im.name, "KB", gz/1024)
		doc.Add("transfer-brotli", MetricSize, im.name, "KB", br/1024)
	}
	for _, k := range slices.Sorted(maps.Keys(failures)) {
		doc.Notes = append(doc.Notes, fmt.Sprintf("%d× %s", failures[k], k))
	}
	doc.Load.After = result.LoadAvg()
	return nil
}

func skipText(doc *result.Doc) string {
	var s []string
	for _, k := range doc.Skipped {
		s = append(s, k.What+": "+k.Reason)
	}
	if len(s) == 0 {
		return "none selected"
	}
	return strings.Join(s, "; ")
}

// StylePath is the benchmark stylesheet every implementation is served
// with, relative to the root.
const StylePath = "bench/ui/src/common/style.css"

// styleURL is where the benchmark stylesheet is served on every port.
const styleURL = "/__jepsh_bench.css"

// serve serves each implementation's directory at the root of its own
// loopback port (apps may refer to their files by absolute paths, and
// separate origins keep the implementations in separate renderer processes)
// and returns each one's URL. Every index.html gets a link to the shared
// benchmark stylesheet, as every js-framework-benchmark app links the same
// Bootstrap CSS.
func serve(impls []*impl, style []byte) (urls map[string]string, closeAll func(), err error) {
	urls = map[string]string{}
	var srvs []*http.Server
	closeAll = func() {
		for _, s := range srvs {
			s.Close()
		}
	}
	for _, im := range impls {
		fs := http.FileServer(http.Dir(im.dir))
		dir := im.dir
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			closeAll()
			return nil, nil, err
		}
		srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cache-Control", "no-store")
			switch r.URL.Path {
			case "/favicon.ico":
				w.WriteHeader(http.StatusNoContent) // not a page error
			case styleURL:
				w.Header().Set("Content-Type", "text/css; charset=utf-8")
				w.Write(style)
			case "/", "/index.html":
				b, err := os.ReadFile(filepath.Join(dir, "index.html"))
				if err != nil {
					http.Error(w, err.Error(), http.StatusNotFound)
					return
				}
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.Write(withStyle(b))
			default:
				fs.ServeHTTP(w, r)
			}
		})}
		srvs = append(srvs, srv)
		go srv.Serve(ln)
		urls[im.name] = "http://" + ln.Addr().String() + "/"
	}
	return urls, closeAll, nil
}

// withStyle links the benchmark stylesheet first in the head, so an app's own
// stylesheet still comes after it.
func withStyle(html []byte) []byte {
	link := `<link rel="stylesheet" href="` + styleURL + `">`
	s := string(html)
	lower := strings.ToLower(s)
	if i := strings.Index(lower, "<head>"); i >= 0 {
		return []byte(s[:i+6] + "\n" + link + s[i+6:])
	}
	return []byte(link + "\n" + s)
}

// tracer collects the events of one Tracing session, in arrival order, and
// the page's errors (uncaught exceptions, console.error, failed loads).
type tracer struct {
	mu       sync.Mutex
	events   [][]byte
	done     chan struct{}
	pageErrs []string
}

func (t *tracer) pageError(msg string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.pageErrs) < 5 {
		t.pageErrs = append(t.pageErrs, strings.Join(strings.Fields(msg), " "))
	}
}

// takeErrors returns and forgets the page errors seen so far.
func (t *tracer) takeErrors() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.pageErrs
	t.pageErrs = nil
	return e
}

func (t *tracer) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + firstLine([]byte(d.Exception.Description))
		}
		t.pageError(fmt.Sprintf("page exception: %s (%s:%d)", msg, d.URL, d.LineNumber+1))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, string(a.Value))
				}
			}
			t.pageError("console.error: " + strings.Join(parts, " "))
		}
	case *cdplog.EventEntryAdded:
		if e := ev.Entry; e != nil && e.Level == cdplog.EntryLevelError {
			t.pageError(fmt.Sprintf("%s: %s %s", e.Source, e.Text, e.URL))
		}
	case *tracing.EventDataCollected:
		t.mu.Lock()
		for _, v := range ev.Value {
			t.events = append(t.events, []byte(v))
		}
		t.mu.Unlock()
	case *tracing.EventTracingComplete:
		t.mu.Lock()
		if t.done != nil {
			close(t.done)
			t.done = nil
		}
		t.mu.Unlock()
	}
}

// categories are what an interaction trace needs (EventDispatch, RunTask,
// Paint, Commit); startup adds script compilation and evaluation.
var (
	categories        = []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "__metadata"}
	startupCategories = append(slices.Clone(categories), "v8.execute", "v8")
)

func (t *tracer) start(ctx context.Context, categories []string) error {
	t.mu.Lock()
	t.events = t.events[:0]
	t.mu.Unlock()
	_, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig:  &tracing.TraceConfig{IncludedCategories: categories},
	})
	return err
}

func (t *tracer) stop(ctx context.Context) ([]Event, error) {
	done := make(chan struct{})
	t.mu.Lock()
	t.done = done
	t.mu.Unlock()
	if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
		return nil, err
	}
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		return nil, errors.New("tracing did not complete")
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	t.mu.Lock()
	raw := t.events
	t.events = nil
	t.mu.Unlock()
	return ParseEvents(raw)
}

type page struct {
	ctx     context.Context
	tr      *tracer
	warmups int
	quick   bool
}

func (p *page) open(url string) error {
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	return chromedp.Do(ctx, chromedp.Navigate(url), chromedp.Evaluate[chromedp.Void](pageJS))
}

func (p *page) eval(expr string, timeout time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[[]byte](expr, chromedp.EvalAwaitPromise))
}

func (p *page) check(url string) ([]string, error) {
	if err := p.open(url); err != nil {
		return nil, err
	}
	b, err := p.eval(`__jb.check()`, 60*time.Second)
	if err != nil {
		return nil, err
	}
	var errs []string
	return errs, json.Unmarshal(b, &errs)
}

func (p *page) gc() error {
	_, err := chromedp.Call(p.ctx, heapprofiler.CollectGarbage, cdp.Empty{})
	return err
}

func (p *page) measure(url, op string) (Interaction, error) {
	t0 := time.Now()
	defer func() { debugf("measure %s %s: %v", url, op, time.Since(t0)) }()
	if err := p.open(url); err != nil {
		return Interaction{}, err
	}
	b, err := p.eval(fmt.Sprintf(`__jb.prepare(%q, %d)`, op, p.warmups), 60*time.Second)
	if err != nil {
		return Interaction{}, fmt.Errorf("warm-up: %v", err)
	}
	debugf("  prepared after %v", time.Since(t0))
	var pt struct{ X, Y float64 }
	if err := json.Unmarshal(b, &pt); err != nil {
		return Interaction{}, err
	}
	if err := chromedp.Do(p.ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, pt.X, pt.Y)); err != nil {
		return Interaction{}, err
	}
	if !p.quick {
		// Start from a collected heap, so that a collection left over from
		// the warm-ups does not land in the measurement.
		if err := p.gc(); err != nil {
			return Interaction{}, err
		}
	}
	if err := p.tr.start(p.ctx, categories); err != nil {
		return Interaction{}, err
	}
	_, werr := chromedp.Run(p.ctx, func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(pt.X, pt.Y)); err != nil {
			return chromedp.Void{}, err
		}
		_, err := p.eval(fmt.Sprintf(`__jb.done(%q, %d)`, op, p.warmups), 60*time.Second)
		return chromedp.Void{}, err
	})
	debugf("  clicked and done after %v", time.Since(t0))
	evs, err := p.tr.stop(p.ctx)
	debugf("  trace stopped after %v (%d events)", time.Since(t0), len(evs))
	dumpTrace(op, evs)
	if werr != nil {
		return Interaction{}, werr
	}
	if err != nil {
		return Interaction{}, err
	}
	return MeasureClick(evs)
}

type startup struct {
	firstPaint, script float64
	heapLoad, heapRows float64
}

func (p *page) heap() (float64, error) {
	if err := p.gc(); err != nil {
		return 0, err
	}
	r, err := chromedp.Call(p.ctx, runtime.GetHeapUsage, cdp.Empty{})
	return r.UsedSize, err
}

func (p *page) startup(url, name string) (startup, error) {
	var s startup
	if err := chromedp.Do(p.ctx, chromedp.Navigate("about:blank")); err != nil {
		return s, err
	}
	if err := p.tr.start(p.ctx, startupCategories); err != nil {
		return s, err
	}
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	nerr := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.Sleep(200*time.Millisecond))
	cancel()
	evs, err := p.tr.stop(p.ctx)
	if nerr != nil {
		return s, nerr
	}
	if err != nil {
		return s, err
	}
	dumpTrace("startup-"+name, evs)
	s.script = ScriptTime(evs)
	b, err := p.eval(`(() => { const e = performance.getEntriesByName("first-contentful-paint")[0] || performance.getEntriesByName("first-paint")[0]; return e ? e.startTime : -1; })()`, 10*time.Second)
	if err != nil {
		return s, err
	}
	if err := json.Unmarshal(b, &s.firstPaint); err != nil || s.firstPaint < 0 {
		return s, fmt.Errorf("no paint timing entry")
	}
	if err := chromedp.Do(p.ctx, chromedp.Evaluate[chromedp.Void](pageJS)); err != nil {
		return s, err
	}
	if _, err := p.eval(`__jb.ready()`, 30*time.Second); err != nil {
		return s, err
	}
	if s.heapLoad, err = p.heap(); err != nil {
		return s, err
	}
	if _, err := p.eval(`__jb.run1000()`, 30*time.Second); err != nil {
		return s, err
	}
	s.heapRows, err = p.heap()
	return s, err
}

// transferSize sums the raw, gzip and brotli sizes (bytes) of the HTML, JS
// and CSS files an implementation serves.
func transferSize(dir string) (raw, gz, br float64, err error) {
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(path) {
		case ".html", ".js", ".mjs", ".css":
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		r, g, bb := compressedSizes(b)
		raw += float64(r)
		gz += float64(g)
		br += float64(bb)
		return nil
	})
	return
}

// debugf prints when JEPSH_BENCH_DEBUG is set.
func debugf(format string, args ...any) {
	if os.Getenv("JEPSH_BENCH_DEBUG") != "" {
		fmt.Fprintf(os.Stderr, "debug: "+format+"\n", args...)
	}
}

// dumpTrace writes a trace to $JEPSH_BENCH_TRACE_DIR/<name>.json when set.
func dumpTrace(name string, evs []Event) {
	dir := os.Getenv("JEPSH_BENCH_TRACE_DIR")
	if dir == "" {
		return
	}
	b, _ := json.Marshal(evs)
	os.WriteFile(filepath.Join(dir, name+".json"), b, 0o644)
}
