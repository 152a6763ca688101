package layout

// The JXL layout views and modifiers as styles. docs/layout.md describes
// the mapping and where it differs from SwiftUI.

// HAlignment is the horizontal alignment of a VStack's children.
type HAlignment uint8

const (
	HCenter HAlignment = iota // SwiftUI's default
	Leading
	Trailing
)

// VAlignment is the vertical alignment of an HStack's children.
type VAlignment uint8

const (
	VCenter VAlignment = iota // SwiftUI's default
	TopAlign
	BottomAlign
	FirstTextBaseline
)

// DefaultSpacing is the gap of a stack whose spacing is not given. SwiftUI
// picks a platform- and content-dependent spacing; Jepsh uses this constant
// on the web, and pre-computes only stacks with explicit spacing.
const DefaultSpacing = 8

// VStack is a column: flex-direction column, gap spacing, align-items from
// the alignment.
func VStack(spacing float32, a HAlignment) Style {
	s := DefaultStyle()
	s.FlexDirection = Column
	s.RowGap = P(spacing)
	s.AlignItems = [...]Align{HCenter: AlignCenter, Leading: AlignFlexStart, Trailing: AlignFlexEnd}[a]
	return s
}

// HStack is a row: flex-direction row, gap spacing, align-items from the
// alignment.
func HStack(spacing float32, a VAlignment) Style {
	s := DefaultStyle()
	s.ColumnGap = P(spacing)
	s.AlignItems = [...]Align{VCenter: AlignCenter, TopAlign: AlignFlexStart, BottomAlign: AlignFlexEnd, FirstTextBaseline: AlignBaseline}[a]
	return s
}

// ZStack overlays its children in one grid cell sized to the largest of
// them, placing each by the alignment (SwiftUI's default: center).
func ZStack(h HAlignment, v VAlignment) Style {
	s := DefaultStyle()
	s.Display = DisplayCell
	s.JustifyItems = [...]Align{HCenter: AlignCenter, Leading: AlignStart, Trailing: AlignEnd}[h]
	s.AlignItems = [...]Align{VCenter: AlignCenter, TopAlign: AlignStart, BottomAlign: AlignEnd, FirstTextBaseline: AlignStart}[v]
	return s
}

// Spacer grows along its stack's main axis: flex-grow 1 from a zero size.
func Spacer() Style {
	s := DefaultStyle()
	s.FlexGrow = 1
	return s
}

// Leaf is the style of a content leaf (Text, Image): it keeps its measured
// size, neither growing nor shrinking below it.
func Leaf() Style { return DefaultStyle() }

// WithPadding adds .padding(top, leading, bottom, trailing): CSS padding on
// the same element, inside its border-box size.
func (s Style) WithPadding(top, leading, bottom, trailing float32) Style {
	s.Padding = [4]Length{Left: P(leading), Right: P(trailing), Top: P(top), Bottom: P(bottom)}
	if s.Direction == RTL {
		s.Padding[Left], s.Padding[Right] = s.Padding[Right], s.Padding[Left]
	}
	return s
}

// Frame is the .frame modifier; zero-valued fields (Auto) are not set.
type Frame struct {
	Width, Height       Length
	MinWidth, MinHeight Length
	MaxWidth, MaxHeight Length
}

// NoFrame is a Frame that sets nothing.
var NoFrame = Frame{AutoLength, AutoLength, AutoLength, AutoLength, AutoLength, AutoLength}

// WithFrame applies .frame: width, height and their limits on the element's
// border box.
func (s Style) WithFrame(f Frame) Style {
	set := func(dst *Length, v Length) {
		if v.Unit != Auto {
			*dst = v
		}
	}
	set(&s.Width, f.Width)
	set(&s.Height, f.Height)
	set(&s.MinWidth, f.MinWidth)
	set(&s.MinHeight, f.MinHeight)
	set(&s.MaxWidth, f.MaxWidth)
	set(&s.MaxHeight, f.MaxHeight)
	return s
}
