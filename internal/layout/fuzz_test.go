package layout

import (
	"math"
	"testing"
)

// fuzzTree decodes bytes into a layout tree: each node takes a few bytes
// choosing its kind and style values from small tables.
func fuzzTree(data []byte) (*Tree, NodeID) {
	t := NewTree(64)
	pos := 0
	next := func() byte {
		if pos >= len(data) {
			return 0
		}
		b := data[pos]
		pos++
		return b
	}
	lengths := []Length{AutoLength, P(0), P(10), P(33.5), P(120), Pct(50), Pct(100), {0, MinContent}, {0, MaxContent}, {0, FitContent}, {0, Stretch}}
	aligns := []Align{AlignNormal, AlignStart, AlignEnd, AlignFlexStart, AlignFlexEnd, AlignCenter, AlignBaseline, AlignStretch, AlignSpaceBetween, AlignSpaceAround, AlignSpaceEvenly, AlignEnd | Safe}
	var words [][]int
	t.Measure = func(ctx int32, known, avail Size) Size {
		w := float32(0)
		for _, n := range words[ctx] {
			w += float32(n) * 7.5
		}
		return Size{orf(known.W, w), orf(known.H, 12)}
	}
	var build func(parent NodeID, depth int) NodeID
	build = func(parent NodeID, depth int) NodeID {
		s := DefaultStyle()
		b := next()
		s.Display = []Display{DisplayFlex, DisplayFlex, DisplayFlex, DisplayNone, DisplayCell, DisplayBlock}[int(b)%6]
		s.FlexDirection = FlexDirection(b >> 3 % 4)
		s.FlexWrap = Wrap(b >> 5 % 5)
		b = next()
		s.Width, s.Height = lengths[int(b)%len(lengths)], lengths[int(b>>4)%len(lengths)]
		b = next()
		s.MinWidth, s.MaxHeight = lengths[int(b)%len(lengths)], lengths[int(b>>4)%len(lengths)]
		b = next()
		s.AlignItems, s.JustifyContent = aligns[int(b)%len(aligns)], aligns[int(b>>4)%len(aligns)]
		b = next()
		s.FlexGrow, s.FlexShrink = float32(b%3), float32(b>>2%3)
		s.FlexBasis = lengths[int(b>>4)%len(lengths)]
		b = next()
		s.Margin[int(b)%4] = lengths[int(b>>2)%len(lengths)]
		s.Padding[int(b>>5)%4] = P(float32(b % 7))
		s.Border[int(b>>3)%4] = P(float32(b % 3))
		b = next()
		if b%5 == 0 {
			s.Position = Absolute
			s.Inset[int(b>>3)%4] = lengths[int(b>>5)%len(lengths)]
		}
		s.AspectRatio = []float32{0, 0, 0.5, 2}[int(b>>1)%4]
		s.Direction = Direction(b >> 7)
		s.RowGap, s.ColumnGap = P(float32(b%4)), lengths[int(b>>3)%len(lengths)]
		id := t.Add(parent, s)
		kids := int(next() % 4)
		if depth >= 4 || pos >= len(data) {
			kids = 0
		}
		if kids == 0 && next()%2 == 0 {
			t.SetMeasure(id, int32(len(words)))
			words = append(words, []int{int(next() % 9), int(next() % 5)})
		}
		for i := 0; i < kids; i++ {
			build(id, depth+1)
		}
		return id
	}
	return t, build(None, 0)
}

func FuzzLayout(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 3, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1})
	f.Add([]byte{4, 20, 33, 81, 9, 200, 13, 2, 5, 6, 7, 8, 9, 10, 11, 0, 0, 3, 40, 50, 60, 70, 80, 90, 100, 1})
	f.Add([]byte{5, 1, 2, 3, 4, 5, 10, 3, 0, 0, 0, 0, 0, 0, 10, 1, 1, 2, 9, 9, 9, 9, 9, 9, 9, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		tree, root := fuzzTree(data)
		for _, vp := range []Size{{MaxContentSpace, MaxContentSpace}, {300, 200}, {MinContentSpace, MaxContentSpace}} {
			tree.Layout(root, vp, true)
			for i := 0; i < tree.Len(); i++ {
				b := tree.Box(NodeID(i))
				for _, v := range [4]float32{b.X, b.Y, b.W, b.H} {
					if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
						t.Fatalf("viewport %v: node %d has box %+v", vp, i, b)
					}
				}
				if b.W < 0 || b.H < 0 {
					t.Fatalf("viewport %v: node %d has a negative size: %+v", vp, i, b)
				}
			}
		}
	})
}
