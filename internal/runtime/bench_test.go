package runtime

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

var (
	speed       = flag.Bool("speed", false, "run TestSpeed: time the bench app against vanilla JS in Chromium")
	speedRounds = flag.Int("speed.rounds", 5, "page loads per implementation in TestSpeed")
	speedOps    = flag.String("speed.ops", "", "comma-separated operations TestSpeed runs (default all)")
	speedIters  = flag.Int("speed.iters", 0, "measured runs per operation and page load (default per operation)")
	speedWarm   = flag.Int("speed.warm", 2, "warm-up runs per operation and page load")
	speedSwap   = flag.Bool("speed.swap", false, "put the Jepsh frame first (left) to check for a position bias")
)

// benchState summarizes the table: row count, the first ids, labels and the
// selected rows, as the benchmark's DOM contract sees them.
type benchState struct {
	Rows     int      `json:"rows"`
	IDs      []string `json:"ids"`
	Labels   []string `json:"labels"`
	Danger   []string `json:"danger"`
	BadShape int      `json:"badShape"`
}

const benchStateJS = `(() => {
	const trs = [...document.querySelectorAll("table.table.table-hover.table-striped.test-data > tbody > tr")];
	const shape = /^<td class="col-md-1">\d+<\/td><td class="col-md-4"><a>[^<]+<\/a><\/td><td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"><\/span><\/a><\/td><td class="col-md-6"><\/td>$/;
	return {
		rows: trs.length,
		ids: trs.map((tr) => tr.cells[0].textContent),
		labels: trs.map((tr) => tr.cells[1].textContent),
		danger: trs.filter((tr) => tr.className === "danger").map((tr) => tr.cells[0].textContent),
		badShape: trs.filter((tr) => !shape.test(tr.innerHTML)).length,
	};
})()`

// TestBenchApp drives the compiled bench app (and the vanilla baseline, to
// keep the two honest) through every operation of the benchmark and checks
// the DOM contract after each.
func TestBenchApp(t *testing.T) {
	for _, app := range []string{"bench", "vanilla"} {
		t.Run(app, func(t *testing.T) {
			url := serve(t, bundle(t, app).Dir)
			ctx := open(t, url, "#run")
			state := func() benchState { return eval[benchState](t, ctx, benchStateJS) }
			click := func(sel string) { do(t, ctx, chromedp.Click(chromedp.CSS(sel))) }
			label := regexp.MustCompile(`^[a-z]+ [a-z]+ [a-z]+$`)

			click("#run")
			s := state()
			if s.Rows != 1000 || s.IDs[0] != "1" || s.IDs[999] != "1000" || s.BadShape != 0 {
				t.Fatalf("after #run: %d rows, ids %s..%s, %d rows off the DOM contract", s.Rows, at(s.IDs, 0), at(s.IDs, len(s.IDs)-1), s.BadShape)
			}
			for i, l := range s.Labels {
				if !label.MatchString(l) {
					t.Fatalf("row %d label %q is not adjective colour noun", i+1, l)
				}
			}
			before := s.Labels

			click("#update")
			s = state()
			for i, l := range s.Labels {
				want := before[i]
				if i%10 == 0 {
					want += " !!!"
				}
				if l != want {
					t.Fatalf("after #update row %d label %q, want %q", i+1, l, want)
				}
			}

			click("tbody tr:nth-child(5) td:nth-child(2) a")
			click("tbody tr:nth-child(7) td:nth-child(2) a")
			if s = state(); strings.Join(s.Danger, ",") != "7" {
				t.Fatalf("after selecting rows 5 then 7, danger rows %v, want [7]", s.Danger)
			}

			click("#swaprows")
			s = state()
			if s.IDs[1] != "999" || s.IDs[998] != "2" || s.IDs[0] != "1" || s.IDs[999] != "1000" {
				t.Fatalf("after #swaprows ids[1]=%s ids[998]=%s", at(s.IDs, 1), at(s.IDs, 998))
			}
			click("#swaprows")

			click("tbody tr:nth-child(3) td:nth-child(3) a span")
			s = state()
			if s.Rows != 999 || s.IDs[2] != "4" || s.IDs[1] != "2" {
				t.Fatalf("after removing row 3: %d rows, ids %s %s %s", s.Rows, at(s.IDs, 0), at(s.IDs, 1), at(s.IDs, 2))
			}

			click("#add")
			probe(t, ctx)
			s = state()
			if s.Rows != 1999 || s.IDs[999] != "1001" || s.IDs[1998] != "2000" || s.BadShape != 0 {
				t.Fatalf("after #add: %d rows, ids[999]=%s, %d rows off the contract", s.Rows, at(s.IDs, 999), s.BadShape)
			}

			click("#run")
			if s = state(); s.Rows != 1000 || s.IDs[0] != "2001" || len(s.Danger) != 0 {
				t.Fatalf("after second #run: %d rows, first id %s, danger %v", s.Rows, at(s.IDs, 0), s.Danger)
			}

			click("#clear")
			if s = state(); s.Rows != 0 {
				t.Fatalf("after #clear: %d rows", s.Rows)
			}

			click("#runlots")
			if s = state(); s.Rows != 10000 || s.IDs[0] != "3001" || s.BadShape != 0 {
				t.Fatalf("after #runlots: %d rows, first id %s", s.Rows, at(s.IDs, 0))
			}
			click("#clear")
			probe(t, ctx)
		})
	}
}

func at(xs []string, i int) string {
	if i < 0 || i >= len(xs) {
		return "(none)"
	}
	return xs[i]
}

// The speed comparison loads both apps side by side in two same-origin
// iframes of one page and alternates them operation by operation, so load
// from other processes on the machine hits both alike. Each sample: set up
// (untimed), then click and force a layout inside the timed span; "script" is
// the click alone.
const speedDriverHTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>speed</title><link rel="stylesheet" href="/driver.css"></head>
<body><iframe id="vanilla" src="/vanilla/index.html"></iframe><iframe id="bench" src="/bench/index.html"></iframe><script type="module" src="/driver.js"></script></body></html>`

const speedDriverCSS = `body { margin: 0; display: flex; } iframe { width: 50vw; height: 900px; border: 0; }`

const speedDriverJS = `
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const docOf = (id) => document.getElementById(id).contentDocument;
const ops = {
	create1k: ["clear", (d) => d.getElementById("run").click()],
	replace1k: ["run", (d) => d.getElementById("run").click()],
	update10th: ["run", (d) => d.getElementById("update").click()],
	select: ["run", (d) => d.querySelector("tbody tr:nth-child(2) td:nth-child(2) a").click()],
	swap: ["run", (d) => d.getElementById("swaprows").click()],
	remove: ["run", (d) => d.querySelector("tbody tr:nth-child(4) td:nth-child(3) a span").click()],
	create10k: ["clear", (d) => d.getElementById("runlots").click()],
	append1k: ["run", (d) => d.getElementById("add").click()],
	clear1k: ["run", (d) => d.getElementById("clear").click()],
	// Diagnostics, not benchmark operations: the bare DOM work of remove and update.
	rawremove: ["run", (d) => d.querySelector("tbody tr:nth-child(4)").remove()],
	rawupdate: ["run", (d) => { const rows = d.querySelector("tbody").children; for (let i = 0; i < rows.length; i += 10) rows[i].children[1].firstChild.firstChild.data += " !!!"; }],
};
async function sample(id, op) {
	const d = docOf(id);
	const [setup, fn] = ops[op];
	d.getElementById(setup).click();
	await frame();
	const t0 = performance.now();
	fn(d);
	const t1 = performance.now();
	d.body.offsetHeight;
	const t2 = performance.now();
	await frame();
	return [t1 - t0, t2 - t0];
}
window.speed = async (op, n, warm) => {
	const out = { vanilla: [], bench: [] };
	for (let i = 0; i < warm; i++) { await sample("vanilla", op); await sample("bench", op); }
	for (let i = 0; i < n; i++) {
		const order = i % 2 ? ["bench", "vanilla"] : ["vanilla", "bench"];
		for (const id of order) out[id].push(await sample(id, op));
	}
	return out;
};
window.ready = () => !!(docOf("vanilla") && docOf("vanilla").getElementById("run") && docOf("bench") && docOf("bench").getElementById("run"));
`

var benchOps = []struct {
	name  string
	iters int // measured runs per implementation and round (after warm-up)
}{
	{"create1k", 10}, {"replace1k", 10}, {"update10th", 10}, {"select", 10}, {"swap", 10},
	{"remove", 10}, {"create10k", 3}, {"append1k", 10}, {"clear1k", 10},
}

// TestSpeed (go test -run TestSpeed ./internal/runtime -args -speed) compares
// the bench app with the vanilla baseline: per operation the median time of
// the interleaved runs, the ratio, the geometric mean of the ratios, and the
// JS heap after creating 1,000 rows. It fails when the geometric mean
// exceeds 1.05 or the heap ratio 1.5.
func TestSpeed(t *testing.T) {
	if !*speed {
		t.Skip("timing run: enable with -speed")
	}
	ops := benchOps[:0:0]
	all := append(benchOps[:len(benchOps):len(benchOps)], struct {
		name  string
		iters int
	}{"rawremove", 10}, struct {
		name  string
		iters int
	}{"rawupdate", 10})
	for i, op := range all {
		if (*speedOps == "" && i < len(benchOps)) || strings.Contains(","+*speedOps+",", ","+op.name+",") {
			if *speedIters > 0 {
				op.iters = *speedIters
			}
			ops = append(ops, op)
		}
	}
	impls := []string{"vanilla", "bench"}
	mux := http.NewServeMux()
	for _, a := range impls {
		mux.Handle("/"+a+"/", http.StripPrefix("/"+a+"/", http.FileServer(http.Dir(bundle(t, a).Dir))))
	}
	driverHTML := speedDriverHTML
	if *speedSwap {
		driverHTML = strings.Replace(driverHTML, `<iframe id="vanilla" src="/vanilla/index.html"></iframe><iframe id="bench" src="/bench/index.html"></iframe>`,
			`<iframe id="bench" src="/bench/index.html"></iframe><iframe id="vanilla" src="/vanilla/index.html"></iframe>`, 1)
	}
	static := map[string][2]string{
		"/driver.html": {"text/html", driverHTML},
		"/driver.css":  {"text/css", speedDriverCSS},
		"/driver.js":   {"text/javascript", speedDriverJS},
	}
	for p, c := range static {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", c[0])
			io.WriteString(w, c[1])
		})
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("Cross-Origin-Opener-Policy", "same-origin")
		w.Header().Set("Cross-Origin-Embedder-Policy", "require-corp")
		mux.ServeHTTP(w, r)
	}))
	defer srv.Close()

	// samples[impl][op][0] script time, [1] script + style + layout
	samples := map[string]map[string][2][]float64{}
	heap := map[string][]float64{}
	for _, a := range impls {
		samples[a] = map[string][2][]float64{}
	}
	for r := 0; r < *speedRounds; r++ {
		ctx := open(t, srv.URL+"/driver.html", "#bench")
		eval[bool](t, ctx, `new Promise((r) => { const f = () => (window.ready && ready() ? r(true) : setTimeout(f, 20)); f(); })`)
		for _, op := range ops {
			var res map[string][][2]float64
			res = eval[map[string][][2]float64](t, ctx, fmt.Sprintf("speed(%q, %d, %d)", op.name, op.iters, *speedWarm))
			for _, a := range impls {
				s := samples[a][op.name]
				for _, v := range res[a] {
					s[0], s[1] = append(s[0], v[0]), append(s[1], v[1])
				}
				samples[a][op.name] = s
			}
		}
	}
	for r := 0; r < *speedRounds; r++ {
		for _, a := range impls {
			ctx := open(t, srv.URL+"/"+a+"/index.html", "#run")
			heap[a] = append(heap[a], heapAfter1k(t, ctx))
		}
	}
	logSum, logScript := 0.0, 0.0
	t.Logf("%-11s %9s %9s %7s | %-s", "op (ms)", "vanilla", "jepsh", "ratio", "script only: vanilla jepsh ratio")
	for _, op := range ops {
		v, j := median(samples["vanilla"][op.name][1]), median(samples["bench"][op.name][1])
		vs, js := median(samples["vanilla"][op.name][0]), median(samples["bench"][op.name][0])
		logSum += math.Log(j / v)
		logScript += math.Log(js / vs)
		t.Logf("%-11s %9.2f %9.2f %7.3f | %7.2f %7.2f %7.3f", op.name, v, j, j/v, vs, js, js/vs)
	}
	t.Logf("script-only geometric mean ratio %.3f", math.Exp(logScript/float64(len(ops))))
	gm := math.Exp(logSum / float64(len(ops)))
	hv, hj := median(heap["vanilla"]), median(heap["bench"])
	t.Logf("geometric mean ratio %.3f; JS heap after 1k rows: vanilla %.2f MB, jepsh %.2f MB, ratio %.2f", gm, hv/1e6, hj/1e6, hj/hv)
	if gm > 1.05 {
		t.Errorf("geometric mean %.3f× vanilla, want ≤ 1.05", gm)
	}
	if hj/hv > 1.5 {
		t.Errorf("heap %.2f× vanilla, want ≤ 1.5", hj/hv)
	}
}

// heapAfter1k creates 1,000 rows, collects garbage and returns the used JS heap.
func heapAfter1k(t testing.TB, ctx context.Context) float64 {
	t.Helper()
	eval[any](t, ctx, `(async () => { document.getElementById("clear").click(); document.getElementById("run").click(); await new Promise((r) => setTimeout(r, 50)); return null })()`)
	v, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (float64, error) {
		for i := 0; i < 3; i++ {
			if _, err := cdp.Call(ctx, tg, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
				return 0, err
			}
			time.Sleep(20 * time.Millisecond)
		}
		u, err := cdp.Call(ctx, tg, cdpruntime.GetHeapUsage, cdp.Empty{})
		if err != nil {
			return 0, err
		}
		return u.UsedSize, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return math.NaN()
	}
	return s[len(s)/2]
}
