// Package design reads an app's design tokens (tokens.yml) into typed token
// sets the checker resolves Color.token(.x), Font.token(.x), Spacing.token(.x)
// and Radius.token(.x) against, and that the layout engine and the code
// generators inline as constants.
//
// # File format
//
//	color:                      # section → name → value
//	  primary: '#3B82F6'
//	  brand:                    # nested group: token "brand.primary"
//	    primary: '#1D4ED8'
//	color.accent: '#F59E0B'     # flat form: section.name[.name...]
//	spacing: {small: 8, large: 24px}
//	radius: {md: 8}
//	fontSize: {lg: 18}
//	opacity: {disabled: 0.4}
//	font:
//	  headline: {size: 18, lineHeight: 24, weight: semibold, family: Inter}
//	  body: 14                  # size only
//	fonts:                      # font families → font files, relative to the app
//	  Inter: fonts/Inter-Regular.ttf
//	  Serif: {regular: fonts/S.ttf, 700: fonts/S-Bold.ttf}
//
// Token names: groups nest with dots. A nested token color.brand.primary is
// named "brand.primary" and is written .brand.primary in JXL (an implicit
// member followed by a member access). Every name segment must be an
// identifier. The flat and nested forms mix freely; defining one token twice
// is an error.
//
// Values: colors are "#RGB", "#RRGGBB" or "#RRGGBBAA" (stored normalized as
// upper-case "#RRGGBB" or "#RRGGBBAA"); lengths (spacing, radius, fontSize,
// font size and lineHeight) are non-negative numbers of CSS pixels, written
// bare or with a "px" suffix; opacity is a number in [0, 1]; font weights are
// 100..900 or a name (ultraLight thin light regular medium semibold bold heavy
// black).
//
// # Defaults
//
// Without a tokens.yml, Default() applies. With one, each section the file
// defines replaces the default section entirely (so an unknown name is
// reported), sections it does not define keep their defaults, and the font
// section is merged name by name over the default text styles (largeTitle,
// title, ..., headline, body, caption ...), because Font.headline and friends
// need metrics whatever the file says.
package design

import (
	"sort"
	"strings"

	"github.com/jepsh/jepsh/internal/source"
)

// Sections are the token sections, in a fixed order.
var Sections = []string{"color", "spacing", "radius", "font", "fontSize", "opacity"}

// Kind is the value kind of a section.
func Kind(section string) string {
	switch section {
	case "color":
		return "color"
	case "font":
		return "font"
	}
	return "number"
}

// Token is one design token.
type Token struct {
	Section string     // "color", "spacing", "radius", "font", "fontSize", "opacity"
	Name    string     // dotted path inside the section: "primary", "brand.primary"
	Pos     source.Pos // position of the value in tokens.yml (NoPos for defaults)

	Color  string  // color: normalized "#RRGGBB" or "#RRGGBBAA"
	RGBA   [4]byte // color: components (A is 255 unless given)
	Number float64 // spacing, radius, fontSize (px), opacity (0..1)
	Font   Font    // font
}

// Font is a font token: a text style.
type Font struct {
	Size       float64 // px
	LineHeight float64 // px; 0 means the platform default (about 1.2 × Size)
	Weight     int     // 100..900
	Family     string  // "" means the platform's default sans-serif
}

// FontFile maps a font family and weight to a font file of the app.
type FontFile struct {
	Family string
	Weight int    // 400 unless given
	Path   string // slash-separated, relative to the app folder
	Pos    source.Pos
}

// Tokens is an app's design token set.
type Tokens struct {
	File     *source.File // tokens.yml, or nil when the defaults apply
	sections map[string]map[string]*Token
	Fonts    []*FontFile // sorted by family, then weight
}

// Lookup returns the token of section and name, or nil.
func (t *Tokens) Lookup(section, name string) *Token {
	if t == nil {
		return nil
	}
	return t.sections[section][name]
}

// Names returns the sorted token names of a section.
func (t *Tokens) Names(section string) []string {
	if t == nil {
		return nil
	}
	m := t.sections[section]
	out := make([]string, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Tokens returns the tokens of a section sorted by name.
func (t *Tokens) Tokens(section string) []*Token {
	names := t.Names(section)
	out := make([]*Token, len(names))
	for i, n := range names {
		out[i] = t.sections[section][n]
	}
	return out
}

// HasGroup reports whether some token of section is named prefix.something
// (so .brand in .brand.primary is a group, not a typo).
func (t *Tokens) HasGroup(section, prefix string) bool {
	if t == nil {
		return false
	}
	for n := range t.sections[section] {
		if strings.HasPrefix(n, prefix+".") {
			return true
		}
	}
	return false
}

// TextStyle returns the metrics of a text style (Font.headline ...): the
// font token of that name.
func (t *Tokens) TextStyle(name string) (Font, bool) {
	if tok := t.Lookup("font", name); tok != nil {
		return tok.Font, true
	}
	return Font{}, false
}

func (t *Tokens) add(tok *Token) {
	if t.sections == nil {
		t.sections = map[string]map[string]*Token{}
	}
	m := t.sections[tok.Section]
	if m == nil {
		m = map[string]*Token{}
		t.sections[tok.Section] = m
	}
	m[tok.Name] = tok
}

// Default returns the token set used when an app has no tokens.yml.
func Default() *Tokens {
	t := &Tokens{}
	colors := [][2]string{
		{"primary", "#3B82F6"}, {"secondary", "#64748B"}, {"accent", "#F59E0B"},
		{"background", "#FFFFFF"}, {"surface", "#F8FAFC"}, {"text", "#0F172A"},
		{"muted", "#64748B"}, {"border", "#E2E8F0"}, {"success", "#22C55E"},
		{"warning", "#F59E0B"}, {"danger", "#EF4444"},
	}
	for _, c := range colors {
		rgba, norm, _ := ParseColor(c[1])
		t.add(&Token{Section: "color", Name: c[0], Color: norm, RGBA: rgba})
	}
	nums := []struct {
		section, name string
		v             float64
	}{
		{"spacing", "xs", 4}, {"spacing", "sm", 8}, {"spacing", "md", 16}, {"spacing", "lg", 24},
		{"spacing", "xl", 32}, {"spacing", "xxl", 48},
		{"spacing", "small", 8}, {"spacing", "medium", 16}, {"spacing", "large", 24},
		{"radius", "none", 0}, {"radius", "sm", 4}, {"radius", "md", 8}, {"radius", "lg", 12},
		{"radius", "xl", 16}, {"radius", "full", 9999},
		{"fontSize", "sm", 12}, {"fontSize", "md", 14}, {"fontSize", "lg", 18}, {"fontSize", "xl", 24},
		{"opacity", "disabled", 0.4},
	}
	for _, n := range nums {
		t.add(&Token{Section: n.section, Name: n.name, Number: n.v})
	}
	for name, f := range defaultTextStyles {
		t.add(&Token{Section: "font", Name: name, Font: f})
	}
	return t
}

// defaultTextStyles are the metrics of Font.largeTitle ... (headline and
// body follow the design guide's layout example: 18/24 and 14/16).
var defaultTextStyles = map[string]Font{
	"largeTitle":  {Size: 34, LineHeight: 41, Weight: 400},
	"title":       {Size: 28, LineHeight: 34, Weight: 400},
	"title2":      {Size: 22, LineHeight: 28, Weight: 400},
	"title3":      {Size: 20, LineHeight: 25, Weight: 400},
	"headline":    {Size: 18, LineHeight: 24, Weight: 600},
	"subheadline": {Size: 15, LineHeight: 20, Weight: 400},
	"body":        {Size: 14, LineHeight: 16, Weight: 400},
	"callout":     {Size: 16, LineHeight: 21, Weight: 400},
	"caption":     {Size: 12, LineHeight: 16, Weight: 400},
	"caption2":    {Size: 11, LineHeight: 13, Weight: 400},
	"footnote":    {Size: 13, LineHeight: 18, Weight: 400},
}

// FontWeights maps weight names to CSS weights.
var FontWeights = map[string]int{
	"ultraLight": 100, "thin": 200, "light": 300, "regular": 400, "medium": 500,
	"semibold": 600, "bold": 700, "heavy": 800, "black": 900,
}

// ParseColor parses "#RGB", "#RRGGBB" or "#RRGGBBAA" and returns the
// components and the normalized form.
func ParseColor(s string) (rgba [4]byte, norm string, ok bool) {
	if len(s) < 1 || s[0] != '#' {
		return rgba, "", false
	}
	h := s[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 && len(h) != 8 {
		return rgba, "", false
	}
	rgba[3] = 255
	for i := 0; i < len(h)/2; i++ {
		hi, ok1 := hexVal(h[2*i])
		lo, ok2 := hexVal(h[2*i+1])
		if !ok1 || !ok2 {
			return rgba, "", false
		}
		rgba[i] = hi<<4 | lo
	}
	return rgba, "#" + strings.ToUpper(h), true
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
