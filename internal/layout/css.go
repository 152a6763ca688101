package layout

import "strconv"

// The CSS that makes a browser lay a node out as this engine does. The web
// code generator emits it, and the Chromium agreement test renders it, so
// the two agree by construction.
//
// Every element of a laid-out subtree carries the base rule (BaseCSS), which
// turns the browser's defaults into the engine's initial style; AppendCSS
// then adds a node's own declarations.

// BaseCSS returns the rule that gives elements matching selector the
// engine's initial style: a flex container, border-box sizing, no margins,
// padding or borders, positioned (the containing block of absolutely
// positioned children).
func BaseCSS(selector string) string {
	return selector + "{display:flex;box-sizing:border-box;position:relative;margin:0;padding:0;border:0 solid;min-width:auto;min-height:auto}"
}

// TextCSS is the declarations of a single-line text leaf in font family
// (a CSS family name, e.g. the @font-face of the measured font) at size px
// with an explicit line height: the text is inline content of a block, with
// its spaces kept and no wrapping (white-space: pre; a text pre-computed
// this way holds no newline or tab), without ligatures, as internal/text
// measures it.
func TextCSS(b []byte, family string, size, lineHeight float64) []byte {
	b = append(b, "display:block;white-space:pre;font-variant-ligatures:none;font-family:"...)
	b = strconv.AppendQuote(b, family)
	b = append(b, ";font-size:"...)
	b = appendPx(b, float32(size))
	b = append(b, ";line-height:"...)
	b = appendPx(b, float32(lineHeight))
	return append(b, ';')
}

func appendPx(b []byte, v float32) []byte {
	b = strconv.AppendFloat(b, float64(v), 'g', -1, 32)
	if v != 0 {
		b = append(b, "px"...)
	}
	return b
}

func appendCSSLen(b []byte, prop string, l Length) []byte {
	b = append(b, prop...)
	b = append(b, ':')
	if l.Unit == Auto && (prop == "max-width" || prop == "max-height") {
		b = append(b, "none"...)
	} else {
		b = appendCSSValue(b, l)
	}
	return append(b, ';')
}

func appendCSSValue(b []byte, l Length) []byte {
	switch l.Unit {
	case Px:
		return appendPx(b, l.Value)
	case Percent:
		b = strconv.AppendFloat(b, float64(l.Value), 'g', -1, 32)
		return append(b, '%')
	case Auto:
		return append(b, "auto"...)
	}
	return append(b, [...]string{MinContent: "min-content", MaxContent: "max-content", FitContent: "fit-content", Stretch: "stretch"}[l.Unit]...)
}

var cssAlign = [...]string{AlignNormal: "normal", AlignStart: "start", AlignEnd: "end", AlignFlexStart: "flex-start",
	AlignFlexEnd: "flex-end", AlignCenter: "center", AlignBaseline: "baseline", AlignStretch: "stretch",
	AlignSpaceBetween: "space-between", AlignSpaceAround: "space-around", AlignSpaceEvenly: "space-evenly",
	AlignSelfStart: "self-start", AlignSelfEnd: "self-end"}

func appendCSSAlign(b []byte, prop string, a Align) []byte {
	b = append(b, prop...)
	b = append(b, ':')
	if a.safe() {
		b = append(b, "safe "...)
	}
	b = append(b, cssAlign[a.value()]...)
	return append(b, ';')
}

// AppendChildCSS appends the declarations a child needs because of its
// parent: in a DisplayCell (ZStack) every child occupies the one cell; and
// since CSS inherits direction while every node of a layout tree has its
// own, a child whose direction differs from its parent's states it.
func AppendChildCSS(b []byte, child, parent *Style) []byte {
	if parent.Display == DisplayCell {
		b = append(b, "grid-area:1/1;"...)
	}
	if child.Direction == LTR && parent.Direction == RTL {
		b = append(b, "direction:ltr;"...)
	}
	return b
}

// AppendCSS appends the declarations of s that differ from the base rule.
func (s *Style) AppendCSS(b []byte) []byte {
	d := DefaultStyle()
	switch s.Display {
	case DisplayNone:
		b = append(b, "display:none;"...)
	case DisplayCell:
		b = append(b, "display:grid;"...)
		if s.JustifyItems != AlignNormal {
			b = appendCSSAlign(b, "justify-items", s.JustifyItems)
		}
	case DisplayBlock:
		b = append(b, "display:block;"...)
	case DisplayGrid:
		b = append(b, "display:grid;"...) // tracks: Tree.AppendGridCSS
	}
	if s.Position == Absolute {
		b = append(b, "position:absolute;"...)
	}
	if s.Direction == RTL {
		b = append(b, "direction:rtl;"...)
	}
	if s.BoxSizing == ContentBox {
		b = append(b, "box-sizing:content-box;"...)
	}
	if s.FlexDirection != Row {
		b = append(b, "flex-direction:"...)
		b = append(b, [...]string{"row", "column", "row-reverse", "column-reverse"}[s.FlexDirection]...)
		b = append(b, ';')
	}
	if s.FlexWrap != NoWrap {
		b = append(b, "flex-wrap:"...)
		b = append(b, [...]string{"nowrap", "wrap", "wrap-reverse", "balance", "wrap-reverse balance"}[s.FlexWrap]...)
		b = append(b, ';')
		if s.FlexLineCount > 1 {
			b = append(b, "flex-line-count:"...)
			b = strconv.AppendInt(b, int64(s.FlexLineCount), 10)
			b = append(b, ';')
		}
	}
	if s.AlignItems != AlignNormal {
		b = appendCSSAlign(b, "align-items", s.AlignItems)
	}
	if s.AlignSelf != AlignNormal {
		b = appendCSSAlign(b, "align-self", s.AlignSelf)
	}
	if s.AlignContent != AlignNormal {
		b = appendCSSAlign(b, "align-content", s.AlignContent)
	}
	if s.JustifyContent != AlignNormal {
		b = appendCSSAlign(b, "justify-content", s.JustifyContent)
	}
	for _, p := range [...]struct {
		prop    string
		v, dflt Length
	}{
		{"width", s.Width, d.Width}, {"height", s.Height, d.Height},
		{"min-width", s.MinWidth, d.MinWidth}, {"min-height", s.MinHeight, d.MinHeight},
		{"max-width", s.MaxWidth, d.MaxWidth}, {"max-height", s.MaxHeight, d.MaxHeight},
		{"flex-basis", s.FlexBasis, d.FlexBasis},
		{"column-gap", s.ColumnGap, d.ColumnGap}, {"row-gap", s.RowGap, d.RowGap},
		{"margin-left", s.Margin[Left], d.Margin[Left]}, {"margin-right", s.Margin[Right], d.Margin[Right]},
		{"margin-top", s.Margin[Top], d.Margin[Top]}, {"margin-bottom", s.Margin[Bottom], d.Margin[Bottom]},
		{"padding-left", s.Padding[Left], d.Padding[Left]}, {"padding-right", s.Padding[Right], d.Padding[Right]},
		{"padding-top", s.Padding[Top], d.Padding[Top]}, {"padding-bottom", s.Padding[Bottom], d.Padding[Bottom]},
		{"border-left-width", s.Border[Left], d.Border[Left]}, {"border-right-width", s.Border[Right], d.Border[Right]},
		{"border-top-width", s.Border[Top], d.Border[Top]}, {"border-bottom-width", s.Border[Bottom], d.Border[Bottom]},
		{"left", s.Inset[Left], d.Inset[Left]}, {"right", s.Inset[Right], d.Inset[Right]},
		{"top", s.Inset[Top], d.Inset[Top]}, {"bottom", s.Inset[Bottom], d.Inset[Bottom]},
	} {
		if p.v != p.dflt {
			b = appendCSSLen(b, p.prop, p.v)
		}
	}
	if s.FlexGrow != d.FlexGrow {
		b = append(b, "flex-grow:"...)
		b = strconv.AppendFloat(b, float64(s.FlexGrow), 'g', -1, 32)
		b = append(b, ';')
	}
	if s.FlexShrink != d.FlexShrink {
		b = append(b, "flex-shrink:"...)
		b = strconv.AppendFloat(b, float64(s.FlexShrink), 'g', -1, 32)
		b = append(b, ';')
	}
	if s.AspectRatio != 0 {
		b = append(b, "aspect-ratio:"...)
		b = strconv.AppendFloat(b, float64(s.AspectRatio), 'g', -1, 32)
		b = append(b, ';')
	}
	ov := [...]string{"visible", "hidden", "scroll", "clip"}
	if s.OverflowX != Visible {
		b = append(b, "overflow-x:"+ov[s.OverflowX]+";"...)
	}
	if s.OverflowY != Visible {
		b = append(b, "overflow-y:"+ov[s.OverflowY]+";"...)
	}
	return b
}

// AppendGridCSS appends the grid declarations of node n that live outside
// its Style: the tracks of a DisplayGrid node and the placement of a grid
// item.
func (t *Tree) AppendGridCSS(b []byte, n NodeID) []byte {
	if g := t.grids[n]; g != nil {
		for i, list := range [2][]Length{g.cols, g.rows} {
			b = append(b, [2]string{"grid-template-columns:", "grid-template-rows:"}[i]...)
			if len(list) == 0 {
				b = append(b, "none"...)
			}
			for j, l := range list {
				if j > 0 {
					b = append(b, ' ')
				}
				b = appendCSSValue(b, l)
			}
			b = append(b, ';')
		}
	}
	if p, ok := t.placements[n]; ok {
		line := func(l GridLine) string {
			switch {
			case l.Line != 0:
				return strconv.Itoa(int(l.Line))
			case l.Span > 0:
				return "span " + strconv.Itoa(int(l.Span))
			}
			return "auto"
		}
		b = append(b, "grid-column:"+line(p.colStart)+"/"+line(p.colEnd)+";grid-row:"+line(p.rowStart)+"/"+line(p.rowEnd)+";"...)
	}
	return b
}
