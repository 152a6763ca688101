package layout

import (
	"testing"
)

func TestLayoutAllocatesNothing(t *testing.T) {
	for _, tc := range []struct {
		name  string
		build func(int) (*Tree, NodeID)
	}{{"deep", DeepTree}, {"wide", WideTree}} {
		t.Run(tc.name, func(t *testing.T) {
			tree, root := tc.build(10000)
			vp := Size{1920, 1080}
			tree.Layout(root, vp, true) // first layout sizes the buffers
			allocs := testing.AllocsPerRun(20, func() { tree.Layout(root, vp, true) })
			if allocs != 0 {
				t.Fatalf("Layout allocated %v times per run, want 0", allocs)
			}
		})
	}
}

func TestLayoutDeterministic(t *testing.T) {
	tree, root := WideTree(2000)
	tree.Layout(root, Size{1920, 1080}, false)
	a := string(tree.AppendBoxesJSON(nil, root))
	tree.Layout(root, Size{1920, 1080}, false)
	if b := string(tree.AppendBoxesJSON(nil, root)); a != b {
		t.Fatal("second layout of the same tree differs from the first")
	}
}

func benchmarkTree(b *testing.B, build func(int) (*Tree, NodeID)) {
	tree, root := build(10000)
	vp := Size{1920, 1080}
	tree.Layout(root, vp, false)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tree.Layout(root, vp, false)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(tree.Len()), "ns/node")
}

func BenchmarkDeep10k(b *testing.B) { benchmarkTree(b, DeepTree) }
func BenchmarkWide10k(b *testing.B) { benchmarkTree(b, WideTree) }

func TestResetReusesTree(t *testing.T) {
	tree, root := WideTree(500)
	tree.Layout(root, Size{1920, MaxContentSpace}, false)
	want := string(tree.AppendBoxesJSON(nil, root))

	// A grid tree, then Reset and the same wide tree again: no grid
	// template or placement may leak into the new nodes.
	tree.Reset()
	g := DefaultStyle()
	g.Display = DisplayGrid
	r := tree.Add(None, g)
	tree.SetGrid(r, []Length{P(10), P(10)}, []Length{P(10)})
	tree.SetGridPlacement(tree.Add(r, DefaultStyle()), GridLine{Line: 2}, GridLine{}, GridLine{}, GridLine{})
	tree.Layout(r, Size{MaxContentSpace, MaxContentSpace}, false)
	if b := tree.Box(1); b.X != 10 || b.W != 10 {
		t.Fatalf("grid item placed at %+v, want x=10 w=10", b)
	}
	tree.Reset()
	fresh, froot := WideTree(500)
	for i := 0; i < fresh.Len(); i++ {
		tree.Add(fresh.Parent(NodeID(i)), *fresh.Style(NodeID(i)))
	}
	tree.Layout(froot, Size{1920, MaxContentSpace}, false)
	if got := string(tree.AppendBoxesJSON(nil, froot)); got != want {
		t.Fatal("layout after Reset differs from a fresh tree's")
	}
}
