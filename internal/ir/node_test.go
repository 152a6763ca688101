package ir

import "testing"

func TestWrapAt(t *testing.T) {
	m := func(ks ...ModKind) []*Modifier {
		var out []*Modifier
		for _, k := range ks {
			out = append(out, &Modifier{Kind: k})
		}
		return out
	}
	tests := []struct {
		name string
		kind ViewKind
		mods []*Modifier
		want int
	}{
		{"none", Text, nil, 0},
		{"frame padding paint", Text, m(Frame, BackgroundColor), 0},
		{"padding frame paint", Text, m(Padding, Frame, BackgroundColor, Border, CornerRadius), 0},
		{"padding after frame", Text, m(Frame, Padding), 1},
		{"padding after paint", Text, m(BackgroundColor, Padding), 1},
		{"frame after paint", Text, m(Padding, CornerRadius, Opacity, Frame), 3},
		{"neutral ones between", Text, m(FontMod, BackgroundColor, TestID, Border, Padding), 4},
		{"html keeps one box for paint", HtmlElement, m(BackgroundColor, Padding, Frame), 0},
		{"html splits a padding after a frame", HtmlElement, m(Frame, BackgroundColor, Padding), 2},
	}
	for _, tt := range tests {
		if got := WrapAt(&Element{Kind: tt.kind, Mods: tt.mods}); got != tt.want {
			t.Errorf("%s: WrapAt = %d, want %d", tt.name, got, tt.want)
		}
	}
}
