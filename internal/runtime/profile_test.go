package runtime

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

var profileOp = flag.String("profile", "", "run TestProfile: CPU-profile this bench operation (create1k, update10th, ...) of -profile.app")
var profileApp = flag.String("profile.app", "bench", "app profiled by TestProfile")
var profileRuns = flag.Int("profile.runs", 10, "profiled runs in TestProfile")

// TestProfile samples the CPU while the bench app repeats one operation and
// logs the functions with the most self time (an unminified build, so the
// names are the source's).
func TestProfile(t *testing.T) {
	if *profileOp == "" {
		t.Skip("profiling run: enable with -profile=OP")
	}
	url := serve(t, bundleWith(t, *profileApp, false).Dir)
	ctx := open(t, url, "#run")
	// Each round: set up outside the profile, then profile only the click.
	setups := map[string]string{"create1k": "clear", "create10k": "clear"}
	clicks := map[string]string{
		"create1k": `document.getElementById("run").click()`, "replace1k": `document.getElementById("run").click()`,
		"update10th": `document.getElementById("update").click()`, "swap": `document.getElementById("swaprows").click()`,
		"create10k": `document.getElementById("runlots").click()`, "append1k": `document.getElementById("add").click()`,
		"clear1k": `document.getElementById("clear").click()`,
		"select":  `document.querySelector("tbody tr:nth-child(2) td:nth-child(2) a").click()`,
		"remove":  `document.querySelector("tbody tr:nth-child(4) td:nth-child(3) a span").click()`,
	}
	setup := setups[*profileOp]
	if setup == "" {
		setup = "run"
	}
	var nodes []*profiler.ProfileNode
	total := 0.0
	for i := 0; i < 3+*profileRuns; i++ {
		eval[any](t, ctx, `(async () => { document.getElementById("`+setup+`").click(); await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); return null })()`)
		if i < 3 { // warm-up
			eval[float64](t, ctx, `(() => { const t0 = performance.now(); `+clicks[*profileOp]+`; return performance.now() - t0 })()`)
			continue
		}
		res, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (profiler.StopResult, error) {
			if _, err := cdp.Call(ctx, tg, profiler.Enable, cdp.Empty{}); err != nil {
				return profiler.StopResult{}, err
			}
			if _, err := cdp.Call(ctx, tg, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 25}); err != nil {
				return profiler.StopResult{}, err
			}
			if _, err := cdp.Call(ctx, tg, profiler.Start, cdp.Empty{}); err != nil {
				return profiler.StopResult{}, err
			}
			return profiler.StopResult{}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		total += eval[float64](t, ctx, `(() => { const t0 = performance.now(); `+clicks[*profileOp]+`; return performance.now() - t0 })()`)
		res, err = chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (profiler.StopResult, error) {
			return cdp.Call(ctx, tg, profiler.Stop, cdp.Empty{})
		})
		if err != nil {
			t.Fatal(err)
		}
		nodes = append(nodes, res.Profile.Nodes...)
	}
	self := map[string]int64{}
	var all int64
	for _, n := range nodes {
		name := n.CallFrame.FunctionName
		if name == "" {
			name = "(anonymous)"
		}
		if n.CallFrame.LineNumber >= 0 && n.CallFrame.URL != "" {
			name += fmt.Sprintf(" %d:%d", n.CallFrame.LineNumber+1, n.CallFrame.ColumnNumber+1)
		}
		if name == "(idle)" || name == "(program)" {
			continue
		}
		self[name] += n.HitCount
		all += n.HitCount
	}
	type kv struct {
		k string
		v int64
	}
	var top []kv
	for k, v := range self {
		top = append(top, kv{k, v})
	}
	sort.Slice(top, func(i, j int) bool { return top[i].v > top[j].v })
	t.Logf("%s: mean script time %.2f ms", *profileOp, total/float64(*profileRuns))
	for i, e := range top {
		if i == 30 {
			break
		}
		t.Logf("%6.2f%%  %s", 100*float64(e.v)/float64(all), e.k)
	}
}
