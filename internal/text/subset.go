package text

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"golang.org/x/image/font/sfnt"
)

// Subset returns the font file with the outlines of every glyph that the
// given text does not use removed. Glyph ids, the character map, advances
// (hmtx) and kerning (kern, GPOS) are unchanged, so text measures exactly as
// with the full font; only the outlines (glyf, loca) shrink. Glyph 0
// (.notdef), the components of used composite glyphs and, in fonts with
// glyph substitution (GSUB), every glyph no character maps to are kept.
//
// It is safe only when all text the page can show is known at build time;
// otherwise serve the full font. Fonts with CFF outlines are returned whole.
func (f *Font) Subset(texts ...string) ([]byte, error) {
	glyf, loca, head, maxp := f.tables["glyf"], f.tables["loca"], f.tables["head"], f.tables["maxp"]
	if glyf == nil || loca == nil || len(head) < 54 || len(maxp) < 6 {
		return f.data, nil
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	offset := func(i int) (int, error) {
		if long {
			if 4*i+4 > len(loca) {
				return 0, errors.New("loca truncated")
			}
			return int(binary.BigEndian.Uint32(loca[4*i:])), nil
		}
		if 2*i+2 > len(loca) {
			return 0, errors.New("loca truncated")
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:])), nil
	}
	glyph := func(i int) ([]byte, error) {
		a, err := offset(i)
		if err != nil {
			return nil, err
		}
		b, err := offset(i + 1)
		if err != nil {
			return nil, err
		}
		if a > b || b > len(glyf) {
			return nil, fmt.Errorf("glyph %d out of bounds", i)
		}
		return glyf[a:b], nil
	}

	keep := map[int]bool{0: true}
	var buf sfnt.Buffer
	var queue []int
	for _, s := range texts {
		for _, r := range s {
			g, err := f.sf.GlyphIndex(&buf, r)
			if err != nil || g == 0 {
				continue
			}
			if !keep[int(g)] {
				keep[int(g)] = true
				queue = append(queue, int(g))
			}
		}
	}
	// Glyphs that no character maps to are reachable only through glyph
	// substitution (GSUB: contextual forms, marks, alternates), which the
	// browser may apply: keep them all.
	if _, ok := f.tables["GSUB"]; ok {
		mapped := make([]bool, numGlyphs)
		for r := rune(0); r <= 0x1FFFF; r++ {
			if g, err := f.sf.GlyphIndex(&buf, r); err == nil && int(g) < numGlyphs {
				mapped[g] = true
			}
		}
		for g := 1; g < numGlyphs; g++ {
			if !mapped[g] && !keep[g] {
				keep[g] = true
				queue = append(queue, g)
			}
		}
	}

	// Components of composite glyphs.
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		data, err := glyph(g)
		if err != nil {
			return nil, err
		}
		if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
			continue
		}
		p := 10
		for {
			if p+4 > len(data) {
				return nil, fmt.Errorf("composite glyph %d truncated", g)
			}
			flags := binary.BigEndian.Uint16(data[p:])
			c := int(binary.BigEndian.Uint16(data[p+2:]))
			if !keep[c] && c < numGlyphs {
				keep[c] = true
				queue = append(queue, c)
			}
			p += 4
			if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&0x0008 != 0: // WE_HAVE_A_SCALE
				p += 2
			case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
				p += 4
			case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
				p += 8
			}
			if flags&0x0020 == 0 { // MORE_COMPONENTS
				break
			}
		}
	}

	// New glyf and loca (long offsets).
	var newGlyf []byte
	newLoca := make([]byte, 4*(numGlyphs+1))
	for i := 0; i < numGlyphs; i++ {
		binary.BigEndian.PutUint32(newLoca[4*i:], uint32(len(newGlyf)))
		if keep[i] {
			data, err := glyph(i)
			if err != nil {
				return nil, err
			}
			newGlyf = append(newGlyf, data...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*numGlyphs:], uint32(len(newGlyf)))
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint16(newHead[50:], 1)

	tables := make(map[string][]byte, len(f.tables))
	for tag, t := range f.tables {
		tables[tag] = t
	}
	tables["glyf"], tables["loca"], tables["head"] = newGlyf, newLoca, newHead
	delete(tables, "DSIG")
	return buildSFNT(binary.BigEndian.Uint32(f.data), tables), nil
}

// buildSFNT assembles an sfnt file from tables, with checksums and the
// head checksum adjustment.
func buildSFNT(flavor uint32, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	be := binary.BigEndian
	out := make([]byte, 12+16*n)
	be.PutUint32(out, flavor)
	be.PutUint16(out[4:], uint16(n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	be.PutUint16(out[6:], uint16(16<<es))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*n-16<<es))
	headAt := -1
	for i, tag := range tags {
		t := tables[tag]
		if tag == "head" {
			t = append([]byte(nil), t...)
			be.PutUint32(t[8:], 0) // checkSumAdjustment computed below
			headAt = len(out)
		}
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], checksum(t))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(t)))
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
