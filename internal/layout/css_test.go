package layout

import "testing"

func TestAppendCSS(t *testing.T) {
	for _, tc := range []struct {
		name  string
		style Style
		want  string
	}{
		{"default", DefaultStyle(), ""},
		{"vstack", VStack(16, HCenter), "flex-direction:column;align-items:center;row-gap:16px;"},
		{"hstack leading baseline", HStack(8.5, FirstTextBaseline), "align-items:baseline;column-gap:8.5px;"},
		{"zstack", ZStack(Trailing, TopAlign), "display:grid;justify-items:end;align-items:start;"},
		{"spacer", Spacer(), "flex-grow:1;"},
		{"padding", DefaultStyle().WithPadding(1, 2, 3, 4), "padding-left:2px;padding-right:4px;padding-top:1px;padding-bottom:3px;"},
		{"frame", DefaultStyle().WithFrame(Frame{Width: P(100), Height: Pct(50), MinWidth: P(0), MinHeight: AutoLength, MaxWidth: AutoLength, MaxHeight: P(300)}),
			"width:100px;height:50%;min-width:0;max-height:300px;"},
		{"keywords and safe", func() Style {
			s := DefaultStyle()
			s.Width = Length{0, FitContent}
			s.JustifyContent = AlignEnd | Safe
			s.MaxWidth = Length{0, MaxContent}
			return s
		}(), "justify-content:safe end;width:fit-content;max-width:max-content;"},
		{"absolute", func() Style {
			s := DefaultStyle()
			s.Position = Absolute
			s.Inset[Left], s.Inset[Bottom] = P(5), Pct(10)
			s.Margin[Top] = AutoLength
			s.BoxSizing = ContentBox
			return s
		}(), "position:absolute;box-sizing:content-box;margin-top:auto;left:5px;bottom:10%;"},
		{"wrap balance", func() Style {
			s := DefaultStyle()
			s.FlexWrap = WrapBalance
			s.FlexLineCount = 3
			s.FlexShrink = 0
			s.AspectRatio = 1.5
			s.OverflowY = Scroll
			return s
		}(), "flex-wrap:balance;flex-line-count:3;flex-shrink:0;aspect-ratio:1.5;overflow-y:scroll;"},
	} {
		if got := string(tc.style.AppendCSS(nil)); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
	if got := string(TextCSS(nil, "Jepsh-default", 14, 16.5)); got != `display:block;white-space:pre;font-variant-ligatures:none;font-family:"Jepsh-default";font-size:14px;line-height:16.5px;` {
		t.Errorf("TextCSS: %s", got)
	}
	z := ZStack(HCenter, VCenter)
	d := DefaultStyle()
	if got := string(AppendChildCSS(nil, &d, &z)); got != "grid-area:1/1;" {
		t.Errorf("AppendChildCSS in a ZStack: %q", got)
	}
	v := VStack(0, HCenter)
	if got := string(AppendChildCSS(nil, &d, &v)); got != "" {
		t.Errorf("AppendChildCSS in a VStack: %q", got)
	}
	v.Direction = RTL
	if got := string(AppendChildCSS(nil, &d, &v)); got != "direction:ltr;" {
		t.Errorf("AppendChildCSS of a left-to-right child in a right-to-left stack: %q", got)
	}

	tr := NewTree(4)
	g := DefaultStyle()
	g.Display = DisplayGrid
	r := tr.Add(None, g)
	tr.SetGrid(r, []Length{P(40), Pct(25)}, []Length{P(10)})
	c := tr.Add(r, DefaultStyle())
	tr.SetGridPlacement(c, GridLine{Line: 1}, GridLine{Line: -1}, GridLine{}, GridLine{Span: 2})
	if got := string(tr.Style(r).AppendCSS(nil)) + string(tr.AppendGridCSS(nil, r)) + "|" + string(tr.AppendGridCSS(nil, c)); got != "display:grid;grid-template-columns:40px 25%;grid-template-rows:10px;|grid-column:1/-1;grid-row:auto/span 2;" {
		t.Errorf("grid CSS: %s", got)
	}
	b := DefaultStyle()
	b.Display = DisplayBlock
	if got := string(b.AppendCSS(nil)); got != "display:block;" {
		t.Errorf("block CSS: %s", got)
	}
}
