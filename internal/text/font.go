// Package text loads fonts and measures single-line text the way Chromium
// lays it out, so that boxes computed at build time match the browser's:
// unhinted advances plus pair kerning at the requested size, the run's width
// rounded up to 1/64 px. It also produces the web font a page loads: the
// same font data as WOFF2, optionally with the outlines of unused glyphs
// removed (metrics untouched, so measured widths stay exact).
package text

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/jepsh/jepsh/internal/diag"
)

// Font is a parsed TrueType or OpenType font.
type Font struct {
	Name   string
	data   []byte
	sf     *sfnt.Font
	upem   int
	tables map[string][]byte // raw table data by tag
	kerns  bool              // the font has pair kerning (GPOS or kern)
}

// Error is a text or font error with a stable diagnostic code.
type Error struct {
	Code diag.Code
	Msg  string
}

func (e *Error) Error() string { return string(e.Code) + ": " + e.Msg }

// Parse reads a TrueType (glyf) or OpenType font.
func Parse(name string, data []byte) (*Font, error) {
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, &Error{diag.BadFontData, fmt.Sprintf("font %s: %v", name, err)}
	}
	tables, err := readTables(data)
	if err != nil {
		return nil, &Error{diag.BadFontData, fmt.Sprintf("font %s: %v", name, err)}
	}
	f := &Font{Name: name, data: data, sf: sf, upem: int(sf.UnitsPerEm()), tables: tables}
	_, hasGPOS := tables["GPOS"]
	_, hasKern := tables["kern"]
	f.kerns = hasGPOS || hasKern
	return f, nil
}

// Data returns the font file as given to Parse.
func (f *Font) Data() []byte { return f.data }

// readTables splits an sfnt file into its tables.
func readTables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("file too short")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("table directory truncated")
	}
	t := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q out of bounds", tag)
		}
		t[tag] = data[off : off+length]
	}
	return t, nil
}

// Width is the width of text set on one line at size px, as Chromium lays
// it out with font-variant-ligatures: none and font-kerning: auto: the sum of
// unhinted advances and pair kerning, rounded up to 1/64 px. A character
// missing from the font is an error (the browser would use another font).
func (f *Font) Width(size float64, s string) (float64, error) {
	var buf sfnt.Buffer
	ppem := fixed.Int26_6(f.upem) // scale 1: advances in font units
	var units int64
	prev := sfnt.GlyphIndex(0)
	first := true
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			return 0, &Error{diag.ControlInText, fmt.Sprintf("text %q contains control character U+%04X (a newline or tab is not single-line text)", s, r)}
		}
		g, err := f.sf.GlyphIndex(&buf, r)
		if err != nil {
			return 0, &Error{diag.BadFontData, fmt.Sprintf("font %s: %v", f.Name, err)}
		}
		if g == 0 {
			return 0, &Error{diag.MissingGlyph, fmt.Sprintf("font %s has no glyph for %q (U+%04X)", f.Name, r, r)}
		}
		adv, err := f.sf.GlyphAdvance(&buf, g, ppem, font.HintingNone)
		if err != nil {
			return 0, &Error{diag.BadFontData, fmt.Sprintf("font %s: %v", f.Name, err)}
		}
		units += int64(adv)
		if !first && f.kerns {
			k, err := f.sf.Kern(&buf, prev, g, ppem, font.HintingNone)
			if err == nil {
				units += int64(k)
			} else if err != sfnt.ErrNotFound {
				return 0, &Error{diag.BadFontData, fmt.Sprintf("font %s: kerning: %v", f.Name, err)}
			}
		}
		prev, first = g, false
	}
	w := float64(units) * size / float64(f.upem)
	return math.Ceil(w*64-1e-9) / 64, nil
}

// HasGlyph reports whether the font maps r to a glyph.
func (f *Font) HasGlyph(r rune) bool {
	var buf sfnt.Buffer
	g, err := f.sf.GlyphIndex(&buf, r)
	return err == nil && g != 0
}

// Baseline is the distance in px from the top of a line box of height
// lineHeight to the alphabetic baseline of text in this font at size px, as
// Chromium places it on Linux: the font's ascent and descent (hhea, or
// OS/2 typographic metrics when USE_TYPO_METRICS is set) rounded to whole
// pixels, and the half-leading floored.
func (f *Font) Baseline(size, lineHeight float64) float64 {
	asc, desc := f.ascentDescent()
	a := math.Round(float64(asc) * size / float64(f.upem))
	d := math.Round(float64(desc) * size / float64(f.upem))
	halfLeading := math.Trunc((lineHeight-(a+d))*64/2) / 64 // layout units
	return a + math.Floor(halfLeading)
}

// ascentDescent returns the ascent and descent (positive, font units) that
// FreeType reports.
func (f *Font) ascentDescent() (int, int) {
	hhea, os2 := f.tables["hhea"], f.tables["OS/2"]
	if len(os2) >= 78 && binary.BigEndian.Uint16(os2[62:])&(1<<7) != 0 {
		return int(int16(binary.BigEndian.Uint16(os2[68:]))), -int(int16(binary.BigEndian.Uint16(os2[70:])))
	}
	if len(hhea) >= 10 {
		a, d := int(int16(binary.BigEndian.Uint16(hhea[4:]))), -int(int16(binary.BigEndian.Uint16(hhea[6:])))
		if a != 0 || d != 0 {
			return a, d
		}
	}
	if len(os2) >= 78 {
		return int(int16(binary.BigEndian.Uint16(os2[68:]))), -int(int16(binary.BigEndian.Uint16(os2[70:])))
	}
	return f.upem * 4 / 5, f.upem / 5
}
