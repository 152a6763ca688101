package layout

import "math"

// Unit is the unit of a Length.
type Unit uint8

const (
	Px         Unit = iota // a length in CSS pixels (the zero value: 0px)
	Auto                   // auto (for max-width/max-height: none)
	Percent                // a percentage of the containing block; Value 50 means 50%
	MinContent             // min-content (treated as auto by the flex algorithm)
	MaxContent             // max-content (treated as auto by the flex algorithm)
	FitContent             // fit-content (treated as auto by the flex algorithm)
	Stretch                // stretch (treated as auto by the flex algorithm)
)

// Length is a CSS length-percentage or keyword.
type Length struct {
	Value float32
	Unit  Unit
}

// P returns a length in pixels.
func P(v float32) Length { return Length{v, Px} }

// Pct returns a percentage; Pct(50) is 50%.
func Pct(v float32) Length { return Length{v, Percent} }

// AutoLength is the auto keyword.
var AutoLength = Length{0, Auto}

// resolve returns the used value against base, or NaN when the length is
// auto, a keyword, or a percentage of an indefinite base.
func (l Length) resolve(base float32) float32 {
	switch l.Unit {
	case Px:
		return l.Value
	case Percent:
		// As Chromium: base * percent / 100 in single precision, then
		// to layout units (1/64 px), truncating. NaN when base is NaN.
		v := base * l.Value / 100
		return float32(math.Trunc(float64(v)*64)) / 64
	}
	return nan
}

// resolveOr0 is resolve with auto and indefinite resolving to zero.
func (l Length) resolveOr0(base float32) float32 {
	v := l.resolve(base)
	if v != v {
		return 0
	}
	return v
}

// Display is the display type of a node.
type Display uint8

const (
	DisplayFlex Display = iota // flex container (leaf when it has no children)
	DisplayNone
	// DisplayCell is a grid of one auto-sized cell holding every child
	// (display: grid with grid-area 1/1 on the children): the ZStack.
	// Children are placed by JustifyItems and AlignItems.
	DisplayCell
	// DisplayGrid is a grid of fixed-size tracks (Tree.SetGrid) with items
	// placed by line numbers or spans (Tree.SetGridPlacement) or auto-placed
	// row by row, each stretched over its area.
	DisplayGrid
	// DisplayBlock is block flow: children stacked vertically, each filling
	// the width unless sized (no margin collapsing, no floats, no inline
	// formatting beyond measured leaves).
	DisplayBlock
)

// Position is the positioning scheme.
type Position uint8

const (
	Relative Position = iota
	Absolute
)

// Direction is the inline base direction.
type Direction uint8

const (
	LTR Direction = iota
	RTL
)

// BoxSizing selects what width and height measure.
type BoxSizing uint8

const (
	BorderBox BoxSizing = iota
	ContentBox
)

// FlexDirection is the main axis and its direction.
type FlexDirection uint8

const (
	Row FlexDirection = iota
	Column
	RowReverse
	ColumnReverse
)

func (d FlexDirection) isRow() bool     { return d == Row || d == RowReverse }
func (d FlexDirection) isReverse() bool { return d == RowReverse || d == ColumnReverse }

// Wrap is flex-wrap.
type Wrap uint8

const (
	NoWrap Wrap = iota
	WrapForward
	WrapReverse
	WrapBalance        // flex-wrap: balance (Chromium): as many lines as greedy wrapping, evened out
	WrapReverseBalance // flex-wrap: wrap-reverse balance
)

func (w Wrap) reverse() bool  { return w == WrapReverse || w == WrapReverseBalance }
func (w Wrap) balanced() bool { return w == WrapBalance || w == WrapReverseBalance }

// Align is a value of align-items, align-self, align-content or
// justify-content. Safe may be or-ed into positional values.
type Align uint8

const (
	AlignNormal Align = iota // normal / auto: stretch for align-*, flex-start for justify-content
	AlignStart
	AlignEnd
	AlignFlexStart
	AlignFlexEnd
	AlignCenter
	AlignBaseline
	AlignStretch
	AlignSpaceBetween
	AlignSpaceAround
	AlignSpaceEvenly
	AlignSelfStart
	AlignSelfEnd

	Safe Align = 0x80 // overflow-position safe
)

func (a Align) value() Align { return a &^ Safe }
func (a Align) safe() bool   { return a&Safe != 0 }

// Overflow is overflow-x or overflow-y.
type Overflow uint8

const (
	Visible Overflow = iota
	Hidden
	Scroll
	Clip
)

// isScrollContainer reports whether the automatic minimum size is zero.
func (o Overflow) isScrollContainer() bool { return o == Hidden || o == Scroll }

// Edges index Margin, Padding, Border and Inset.
const (
	Left = iota
	Right
	Top
	Bottom
)

// Style is the layout style of a node. Every field has a fixed size so that a
// slice of styles is one flat allocation. Start from DefaultStyle.
type Style struct {
	Width, Height       Length
	MinWidth, MinHeight Length // auto: automatic minimum size
	MaxWidth, MaxHeight Length // auto: none
	FlexBasis           Length
	ColumnGap, RowGap   Length
	Margin              [4]Length // Left, Right, Top, Bottom
	Padding             [4]Length
	Border              [4]Length
	Inset               [4]Length

	FlexGrow, FlexShrink float32
	AspectRatio          float32 // width / height; 0 when none
	ScrollbarWidth       float32 // gutter reserved by overflow: scroll
	FlexLineCount        int32   // minimum line count of a balanced flex container (Chromium's flex-line-count)

	Display        Display
	Position       Position
	Direction      Direction
	BoxSizing      BoxSizing
	FlexDirection  FlexDirection
	FlexWrap       Wrap
	AlignItems     Align
	JustifyItems   Align // DisplayCell only; AlignNormal: stretch
	AlignSelf      Align // AlignNormal: auto (use the parent's align-items)
	AlignContent   Align
	JustifyContent Align
	OverflowX      Overflow
	OverflowY      Overflow
}

// DefaultStyle is the initial style of a node: a flex row, sizes auto,
// flex 0 1 auto, and zero margins, padding and borders.
func DefaultStyle() Style {
	return Style{
		Width: AutoLength, Height: AutoLength,
		MinWidth: AutoLength, MinHeight: AutoLength,
		MaxWidth: AutoLength, MaxHeight: AutoLength,
		FlexBasis:  AutoLength,
		Inset:      [4]Length{AutoLength, AutoLength, AutoLength, AutoLength},
		FlexShrink: 1,
	}
}

var nan = float32(math.NaN())

func isNaN(x float32) bool { return x != x }
