package layout

import "strconv"

// AppendJSON appends the subtree rooted at n as JSON: each node an object
// {"style": {...}, "children": [...]}, with only non-initial style values,
// named as the CSS properties (camelCase) and given as numbers (pixels),
// "N%" strings or keywords. Other engines (yoga, in the layout benchmark)
// read it to lay out identical trees.
func (t *Tree) AppendJSON(b []byte, n NodeID) []byte {
	b = append(b, `{"style":{`...)
	b = t.styles[n].appendJSON(b)
	b = append(b, '}')
	if ctx := t.nodes[n].measure; ctx >= 0 {
		b = append(b, `,"measure":`...)
		b = strconv.AppendInt(b, int64(ctx), 10)
	}
	if c := t.nodes[n].first; c != None {
		b = append(b, `,"children":[`...)
		for ; c != None; c = t.nodes[c].next {
			b = t.AppendJSON(b, c)
			if t.nodes[c].next != None {
				b = append(b, ',')
			}
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// AppendBoxesJSON appends the computed boxes of the subtree rooted at n in
// pre-order as a JSON array of [x, y, width, height].
func (t *Tree) AppendBoxesJSON(b []byte, n NodeID) []byte {
	b = append(b, '[')
	first := true
	var walk func(NodeID)
	walk = func(n NodeID) {
		if !first {
			b = append(b, ',')
		}
		first = false
		bx := t.boxes[n]
		b = append(b, '[')
		for i, v := range [4]float32{bx.X, bx.Y, bx.W, bx.H} {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendFloat(b, float64(v), 'g', -1, 32)
		}
		b = append(b, ']')
		for c := t.nodes[n].first; c != None; c = t.nodes[c].next {
			walk(c)
		}
	}
	walk(n)
	return append(b, ']')
}

func appendLen(b []byte, key string, l Length, def Length) []byte {
	if l == def {
		return b
	}
	if b[len(b)-1] != '{' {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, key...)
	b = append(b, `":`...)
	switch l.Unit {
	case Px:
		return strconv.AppendFloat(b, float64(l.Value), 'g', -1, 32)
	case Percent:
		b = append(b, '"')
		b = strconv.AppendFloat(b, float64(l.Value), 'g', -1, 32)
		return append(b, `%"`...)
	}
	return append(b, `"`+[...]string{"", "auto", "", "min-content", "max-content", "fit-content", "stretch"}[l.Unit]+`"`...)
}

func appendKey(b []byte, key, val string) []byte {
	if b[len(b)-1] != '{' {
		b = append(b, ',')
	}
	return append(b, `"`+key+`":`+val...)
}

func appendNum(b []byte, key string, v, def float32) []byte {
	if v == def {
		return b
	}
	return appendKey(b, key, strconv.FormatFloat(float64(v), 'g', -1, 32))
}

var alignJSON = [...]string{"", "start", "end", "flex-start", "flex-end", "center", "baseline", "stretch",
	"space-between", "space-around", "space-evenly", "self-start", "self-end"}

func (s *Style) appendJSON(b []byte) []byte {
	d := DefaultStyle()
	if s.Display == DisplayNone {
		b = appendKey(b, "display", `"none"`)
	}
	if s.Position == Absolute {
		b = appendKey(b, "position", `"absolute"`)
	}
	if s.Direction == RTL {
		b = appendKey(b, "direction", `"rtl"`)
	}
	if s.BoxSizing == ContentBox {
		b = appendKey(b, "boxSizing", `"content-box"`)
	}
	if s.FlexDirection != Row {
		b = appendKey(b, "flexDirection", `"`+[...]string{"row", "column", "row-reverse", "column-reverse"}[s.FlexDirection]+`"`)
	}
	if s.FlexWrap != NoWrap {
		b = appendKey(b, "flexWrap", `"`+[...]string{"nowrap", "wrap", "wrap-reverse", "balance", "wrap-reverse balance"}[s.FlexWrap]+`"`)
	}
	for _, a := range [...]struct {
		key string
		v   Align
	}{{"alignItems", s.AlignItems}, {"alignSelf", s.AlignSelf}, {"alignContent", s.AlignContent}, {"justifyContent", s.JustifyContent}} {
		if a.v != AlignNormal {
			v := alignJSON[a.v.value()]
			if a.v.safe() {
				v = "safe " + v
			}
			b = appendKey(b, a.key, `"`+v+`"`)
		}
	}
	b = appendLen(b, "width", s.Width, d.Width)
	b = appendLen(b, "height", s.Height, d.Height)
	b = appendLen(b, "minWidth", s.MinWidth, d.MinWidth)
	b = appendLen(b, "minHeight", s.MinHeight, d.MinHeight)
	b = appendLen(b, "maxWidth", s.MaxWidth, d.MaxWidth)
	b = appendLen(b, "maxHeight", s.MaxHeight, d.MaxHeight)
	b = appendLen(b, "flexBasis", s.FlexBasis, d.FlexBasis)
	b = appendLen(b, "columnGap", s.ColumnGap, d.ColumnGap)
	b = appendLen(b, "rowGap", s.RowGap, d.RowGap)
	sides := [4]string{"Left", "Right", "Top", "Bottom"}
	for i, side := range sides {
		b = appendLen(b, "margin"+side, s.Margin[i], d.Margin[i])
		b = appendLen(b, "padding"+side, s.Padding[i], d.Padding[i])
		b = appendLen(b, "border"+side, s.Border[i], d.Border[i])
		b = appendLen(b, [4]string{"left", "right", "top", "bottom"}[i], s.Inset[i], d.Inset[i])
	}
	b = appendNum(b, "flexGrow", s.FlexGrow, d.FlexGrow)
	b = appendNum(b, "flexShrink", s.FlexShrink, d.FlexShrink)
	b = appendNum(b, "aspectRatio", s.AspectRatio, 0)
	if s.OverflowX != Visible || s.OverflowY != Visible {
		ov := [...]string{"visible", "hidden", "scroll", "clip"}
		b = appendKey(b, "overflowX", `"`+ov[s.OverflowX]+`"`)
		b = appendKey(b, "overflowY", `"`+ov[s.OverflowY]+`"`)
		b = appendNum(b, "scrollbarWidth", s.ScrollbarWidth, 0)
	}
	return b
}
