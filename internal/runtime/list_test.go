package runtime

import "testing"

// TestListReconciler runs the keyed reconciler in Chromium through random
// changes (replace, append, remove, swap, shuffle, value updates, insert,
// reverse, clear) on a list that owns its parent and on one between siblings
// (patched rows), checking order, text, node identity and that DOM
// insertions never exceed new rows plus the minimum number of moves.
func TestListReconciler(t *testing.T) {
	url := serve(t, bundle(t, "listcheck").Dir)
	ctx := open(t, url+"/", "#owned")
	eval[bool](t, ctx, `new Promise((r) => { const f = () => (window.check ? r(true) : setTimeout(f, 10)); f(); })`)
	for _, seed := range []int{1, 7, 42} {
		if errs := eval[[]string](t, ctx, `check(`+itoa(seed)+`, 300)`); len(errs) > 0 {
			t.Errorf("seed %d:\n%v", seed, errs)
		}
	}
	type shapes struct {
		Create, Swap, Remove, Append, Update, MoveLastToFront, Rows int
	}
	got := eval[shapes](t, ctx, `(() => { const s = shapes(); return { Create: s.create, Swap: s.swap, Remove: s.remove, Append: s.append, Update: s.update, MoveLastToFront: s.moveLastToFront, Rows: s.rows }; })()`)
	want := shapes{Create: 1000, Swap: 2, Remove: 0, Append: 1000, Update: 0, MoveLastToFront: 1, Rows: 1999}
	if got != want {
		t.Errorf("DOM insertions per operation: got %+v, want %+v", got, want)
	}
	probe(t, ctx)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
