package runtime

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/heapprofiler"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

type leakStats struct {
	Mounted        int `json:"mounted"`
	Unmounted      int `json:"unmounted"`
	ChildUnmounted int `json:"childUnmounted"`
	HostChildren   int `json:"hostChildren"`
}

// TestMountUnmountLeaks mounts and unmounts a view that uses every resource
// the runtime manages 10,000 times and checks that nothing stays behind: no
// live timeouts or intervals, no event listeners, no detached DOM nodes held
// by JavaScript, and no heap growth beyond noise.
func TestMountUnmountLeaks(t *testing.T) {
	url := serve(t, bundle(t, "leak").Dir)
	ctx := open(t, url+"/", "#host")
	eval[bool](t, ctx, `new Promise((r) => { const f = () => (window.cycle ? r(true) : setTimeout(f, 10)); f(); })`)

	measure := func() (probeState, int, float64) {
		t.Helper()
		// Let aborted fetches settle, then collect garbage before counting.
		eval[bool](t, ctx, `new Promise((r) => setTimeout(() => r(true), 200))`)
		res, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (struct {
			detached int
			heap     float64
		}, error) {
			var out struct {
				detached int
				heap     float64
			}
			for i := 0; i < 3; i++ {
				if _, err := cdp.Call(ctx, tg, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
					return out, err
				}
				time.Sleep(20 * time.Millisecond)
			}
			d, err := cdp.Call(ctx, tg, dom.GetDetachedDomNodes, cdp.Empty{})
			if err != nil {
				return out, err
			}
			u, err := cdp.Call(ctx, tg, cdpruntime.GetHeapUsage, cdp.Empty{})
			if err != nil {
				return out, err
			}
			out.detached, out.heap = len(d.DetachedNodes), u.UsedSize
			return out, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return probe(t, ctx), res.detached, res.heap
	}

	s := eval[leakStats](t, ctx, `cycle(100, 50)`)
	if s.Mounted != 100 || s.Unmounted != 100 || s.ChildUnmounted != 100 || s.HostChildren != 0 {
		t.Fatalf("after 100 cycles: %+v", s)
	}
	base, baseDetached, baseHeap := measure()
	t.Logf("after 100 cycles: %d timeouts, %d intervals, %d listeners, %d detached nodes, heap %.0f KB",
		base.Timeouts, base.Intervals, base.Listeners, baseDetached, baseHeap/1e3)

	s = eval[leakStats](t, ctx, `cycle(10000, 100)`)
	if s.Mounted != 10100 || s.Unmounted != 10100 || s.ChildUnmounted != 10100 || s.HostChildren != 0 {
		t.Fatalf("after 10,100 cycles: %+v", s)
	}
	p, detached, heap := measure()
	t.Logf("after 10,100 cycles: %d timeouts, %d intervals, %d listeners, %d detached nodes, heap %.0f KB",
		p.Timeouts, p.Intervals, p.Listeners, detached, heap/1e3)
	if p.Timeouts != 0 || p.Intervals != 0 {
		t.Errorf("live timers after unmounting everything: %d timeouts, %d intervals", p.Timeouts, p.Intervals)
	}
	if p.Listeners != base.Listeners {
		t.Errorf("listeners: %d after 10,100 cycles, %d after 100", p.Listeners, base.Listeners)
	}
	if detached > baseDetached {
		t.Errorf("detached DOM nodes: %d after 10,100 cycles, %d after 100", detached, baseDetached)
	}
	if heap > baseHeap+256e3 {
		t.Errorf("JS heap grew from %.0f KB to %.0f KB", baseHeap/1e3, heap/1e3)
	}
}
