package ir

import (
	"fmt"
	"strconv"
)

// Color is a constant color in sRGB with alpha in [0, 1].
type Color struct {
	R, G, B uint8
	A       float64
}

// Hex returns #RRGGBB, or #RRGGBBAA when not opaque.
func (c Color) Hex() string {
	if c.A >= 1 {
		return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B)
	}
	a := int(c.A*255 + 0.5)
	return fmt.Sprintf("#%02X%02X%02X%02X", c.R, c.G, c.B, a)
}

func (c Color) String() string { return c.Hex() }

// Font is a constant font: size and line height in points (CSS px), weight
// 100..900, an optional family (empty: the app's default) and the semantic
// style it came from (".headline"; empty for .system(size:) and tokens).
type Font struct {
	Size       float64
	LineHeight float64 // 0: the target's normal line height
	Weight     int     // 0: regular (400)
	Family     string
	Style      string
}

func (f Font) String() string {
	s := "Font(" + ftoa(f.Size)
	if f.LineHeight != 0 {
		s += "/" + ftoa(f.LineHeight)
	}
	if f.Weight != 0 {
		s += " w" + strconv.Itoa(f.Weight)
	}
	if f.Family != "" {
		s += " " + strconv.Quote(f.Family)
	}
	if f.Style != "" {
		s += " ." + f.Style
	}
	return s + ")"
}

// EdgeSet is a set of edges for padding.
type EdgeSet uint8

const (
	EdgeTop EdgeSet = 1 << iota
	EdgeLeading
	EdgeBottom
	EdgeTrailing

	EdgeHorizontal = EdgeLeading | EdgeTrailing
	EdgeVertical   = EdgeTop | EdgeBottom
	EdgeAll        = EdgeHorizontal | EdgeVertical
)

func (e EdgeSet) String() string {
	switch e {
	case EdgeAll:
		return ".all"
	case EdgeHorizontal:
		return ".horizontal"
	case EdgeVertical:
		return ".vertical"
	}
	s := ""
	for i, n := range []string{"top", "leading", "bottom", "trailing"} {
		if e&(1<<i) != 0 {
			if s != "" {
				s += "|"
			}
			s += "." + n
		}
	}
	if s == "" {
		return "[]"
	}
	return s
}

// Alignment is a stack or frame alignment.
type Alignment uint8

const (
	AlignCenter Alignment = iota
	AlignLeading
	AlignTrailing
	AlignTop
	AlignBottom
	AlignTopLeading
	AlignTopTrailing
	AlignBottomLeading
	AlignBottomTrailing
	AlignFirstTextBaseline
)

var alignNames = [...]string{"center", "leading", "trailing", "top", "bottom",
	"topLeading", "topTrailing", "bottomLeading", "bottomTrailing", "firstTextBaseline"}

func (a Alignment) String() string {
	if int(a) < len(alignNames) {
		return "." + alignNames[a]
	}
	return ".alignment(?)"
}

// AlignmentByName maps .leading etc. to an Alignment.
func AlignmentByName(name string) (Alignment, bool) {
	for i, n := range alignNames {
		if n == name {
			return Alignment(i), true
		}
	}
	return 0, false
}

// Axis is a ScrollView axis.
type Axis uint8

const (
	AxisVertical Axis = iota
	AxisHorizontal
	AxisBoth
)

func (a Axis) String() string {
	return [...]string{".vertical", ".horizontal", "[.horizontal, .vertical]"}[a]
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// FormatValue prints a constant value for dumps.
func FormatValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "nil"
	case string:
		return strconv.Quote(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		s := ftoa(v)
		if _, err := strconv.ParseInt(s, 10, 64); err == nil {
			s += ".0"
		}
		return s
	case bool:
		return strconv.FormatBool(v)
	case *EnumCase:
		return "." + v.Name
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprintf("%v", v)
}
