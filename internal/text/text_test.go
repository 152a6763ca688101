package text

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/jepsh/jepsh/internal/diag"
)

var update = flag.Bool("update", false, "rewrite golden files")

var widthCases = []struct {
	size float64
	text string
}{
	{18, "Title"},
	{14, "Description"},
	{16, "Cancel"},
	{16, "OK"},
	{13, "AVATAR Wave To"},
	{17.5, "The quick brown fox jumps over the lazy dog"},
	{24, "0123456789"},
	{11, "Hello, world!"},
	{32, "ffi fl"},
	{15, "Ünïcödé àçcênts"},
}

func TestWidthGolden(t *testing.T) {
	reg := NewRegistry()
	var out strings.Builder
	for _, c := range widthCases {
		w, err := reg.Measure(DefaultFont, c.size, c.text)
		if err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		if w*64 != math.Trunc(w*64) {
			t.Errorf("%q: width %v is not a multiple of 1/64 px", c.text, w)
		}
		fmt.Fprintf(&out, "%g\t%q\t%.6f\n", c.size, c.text, w)
	}
	golden := filepath.Join("testdata", "widths.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("widths differ from %s (run with -update after checking against Chromium):\n%s", golden, out.String())
	}
}

func TestWidthProperties(t *testing.T) {
	reg := NewRegistry()
	f, _ := reg.Font(DefaultFont)
	if w, err := f.Width(16, ""); err != nil || w != 0 {
		t.Errorf("empty text: %v, %v", w, err)
	}
	// Width scales with size (before the 1/64 rounding).
	a, _ := f.Width(10, "Jepsh")
	b, _ := f.Width(20, "Jepsh")
	if math.Abs(b-2*a) > 2.0/64 {
		t.Errorf("width at 20px %v is not twice the width at 10px %v", b, a)
	}
	// Concatenation (Go Regular has no kerning).
	ab, _ := f.Width(64, "AB")
	wa, _ := f.Width(64, "A")
	wb, _ := f.Width(64, "B")
	if math.Abs(ab-(wa+wb)) > 1.0/64 {
		t.Errorf("width(AB)=%v, width(A)+width(B)=%v", ab, wa+wb)
	}
}

func TestWidthErrors(t *testing.T) {
	reg := NewRegistry()
	for _, tc := range []struct {
		font, text string
		code       diag.Code
		mention    string
	}{
		{DefaultFont, "ok \U0001F600", diag.MissingGlyph, "U+1F600"},
		{DefaultFont, "漢", diag.MissingGlyph, "U+6F22"},
		{"headline", "Title", diag.UnknownFontID, `"headline"`},
		{DefaultFont, "two\nlines", diag.ControlInText, "U+000A"},
		{DefaultFont, "tab\there", diag.ControlInText, "U+0009"},
	} {
		_, err := reg.Measure(tc.font, 16, tc.text)
		var e *Error
		if !errors.As(err, &e) || e.Code != tc.code || !strings.Contains(e.Msg, tc.mention) {
			t.Errorf("Measure(%q, %q) = %v, want %s mentioning %s", tc.font, tc.text, err, tc.code, tc.mention)
		}
	}
	if _, err := reg.LoadFile("x", filepath.Join("testdata", "no-such.ttf")); err == nil || err.(*Error).Code != diag.FontFileUnread {
		t.Errorf("LoadFile of a missing file: %v", err)
	}
	if _, err := reg.Add("x", []byte("not a font")); err == nil || err.(*Error).Code != diag.BadFontData {
		t.Errorf("Add of garbage: %v", err)
	}
}

// decodeWOFF2 is an independent reader of the null-transform WOFF2 files
// that WOFF2 writes: it returns the tables by tag.
func decodeWOFF2(t *testing.T, b []byte) (map[string][]byte, uint32) {
	t.Helper()
	be := binary.BigEndian
	if string(b[:4]) != "wOF2" {
		t.Fatalf("signature %q", b[:4])
	}
	if int(be.Uint32(b[8:])) != len(b) {
		t.Fatalf("length field %d, file %d", be.Uint32(b[8:]), len(b))
	}
	n := int(be.Uint16(b[12:]))
	compLen := int(be.Uint32(b[20:]))
	p := 48
	type entry struct {
		tag    string
		length int
	}
	var dir []entry
	for i := 0; i < n; i++ {
		flags := b[p]
		p++
		if flags&63 != 63 {
			t.Fatalf("known-tag index %d (the writer always spells tags out)", flags&63)
		}
		tag := string(b[p : p+4])
		p += 4
		if (tag == "glyf" || tag == "loca") && flags>>6 != 3 {
			t.Fatalf("%s not null-transformed", tag)
		}
		var v int
		for {
			c := b[p]
			p++
			v = v<<7 | int(c&0x7f)
			if c&0x80 == 0 {
				break
			}
		}
		dir = append(dir, entry{tag, v})
	}
	stream, err := io.ReadAll(brotli.NewReader(bytes.NewReader(b[p : p+compLen])))
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string][]byte{}
	for _, e := range dir {
		tables[e.tag] = stream[:e.length]
		stream = stream[e.length:]
	}
	if len(stream) != 0 {
		t.Fatalf("%d bytes left over in the table stream", len(stream))
	}
	return tables, be.Uint32(b[16:])
}

func TestWOFF2RoundTrip(t *testing.T) {
	reg := NewRegistry()
	f, _ := reg.Font(DefaultFont)
	w, err := WOFF2(f.Data())
	if err != nil {
		t.Fatal(err)
	}
	if len(w) >= len(f.Data())*2/3 {
		t.Errorf("WOFF2 is %d bytes for a %d byte font: not compressed", len(w), len(f.Data()))
	}
	tables, total := decodeWOFF2(t, w)
	if len(tables) != len(f.tables) {
		t.Errorf("%d tables, want %d", len(tables), len(f.tables))
	}
	want := 12 + 16*len(f.tables)
	for tag, data := range f.tables {
		if !bytes.Equal(tables[tag], data) {
			t.Errorf("table %s differs after the round trip", tag)
		}
		want += (len(data) + 3) &^ 3
	}
	if int(total) != want {
		t.Errorf("totalSfntSize %d, want %d", total, want)
	}
}

func TestSubsetKeepsMetrics(t *testing.T) {
	reg := NewRegistry()
	full, _ := reg.Font(DefaultFont)
	used := []string{"Title", "Description", "Cancel", "OK", "Ç"}
	data, err := full.Subset(used...)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := Parse("subset", data)
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	for _, s := range append(used, "Other text, not in the subset: xyz 123") {
		a, err1 := full.Width(16.5, s)
		b, err2 := sub.Width(16.5, s)
		if err1 != nil || err2 != nil || a != b {
			t.Errorf("%q: full %v (%v), subset %v (%v)", s, a, err1, b, err2)
		}
	}
	for _, tag := range []string{"hmtx", "cmap", "hhea", "OS/2", "post"} {
		if !bytes.Equal(sub.tables[tag], full.tables[tag]) {
			t.Errorf("subset changed table %s", tag)
		}
	}
	if len(sub.tables["glyf"]) >= len(full.tables["glyf"])/4 {
		t.Errorf("subset glyf is %d bytes of %d: unused outlines kept", len(sub.tables["glyf"]), len(full.tables["glyf"]))
	}
	// Ç is a composite in many fonts: its components must have outlines.
	wf, _ := WOFF2(full.Data())
	ws, _ := WOFF2(data)
	t.Logf("default font: %d bytes TTF, %d bytes WOFF2, %d bytes WOFF2 subset to %d strings", len(full.Data()), len(wf), len(ws), len(used))
}

func TestBaseline(t *testing.T) {
	reg := NewRegistry()
	for _, tc := range []struct{ size, lineHeight, want float64 }{
		// Go Regular: ascent 1935, descent 432 of 2048 units.
		{14, 16, 13},  // ascent 13.2 → 13, descent 2.95 → 3, no leading
		{18, 24, 18},  // 17 + floor((24 - 21) / 2)
		{12, 16, 12},  // 11.3 → 11, 2.5 → 3: 11 + floor((16 - 14) / 2)
		{28, 34, 27},  // 26.5 → 26, 5.9 → 6: 26 + floor((34 - 32) / 2)
		{9, 15.5, 11}, // 8.5 → 9, 1.9 → 2: 9 + floor((15.5 - 11) / 2)
	} {
		got, err := reg.Baseline(DefaultFont, tc.size, tc.lineHeight)
		if err != nil || got != tc.want {
			t.Errorf("Baseline(%g, %g) = %v, %v; want %v", tc.size, tc.lineHeight, got, err, tc.want)
		}
	}
}

// TestSubsetKeepsSubstitutionGlyphs: in a font with GSUB, glyphs that no
// character maps to (reachable only by substitution) keep their outlines.
func TestSubsetKeepsSubstitutionGlyphs(t *testing.T) {
	out, err := exec.Command("fc-match", "-f", "%{file}", "DejaVu Sans").Output()
	if err != nil || !strings.Contains(string(out), "DejaVuSans") {
		t.Skip("DejaVu Sans (a font with GSUB) is not installed")
	}
	reg := NewRegistry()
	full, err := reg.LoadFile("dejavu", string(out))
	if err != nil {
		t.Fatal(err)
	}
	if full.tables["GSUB"] == nil {
		t.Fatal("expected a GSUB table in DejaVu Sans")
	}
	data, err := full.Subset("Tô")
	if err != nil {
		t.Fatal(err)
	}
	sub, err := Parse("subset", data)
	if err != nil {
		t.Fatal(err)
	}
	// Count glyphs with outlines in each (long loca in the subset).
	nonEmpty := func(f *Font) (mapped, unmapped int) {
		var buf sfnt.Buffer
		isMapped := map[sfnt.GlyphIndex]bool{}
		for r := rune(0); r <= 0x1FFFF; r++ {
			if g, err := f.sf.GlyphIndex(&buf, r); err == nil && g != 0 {
				isMapped[g] = true
			}
		}
		for g := 0; g < f.sf.NumGlyphs(); g++ {
			segs, err := f.sf.LoadGlyph(&buf, sfnt.GlyphIndex(g), fixed.I(16), nil)
			if err != nil || len(segs) == 0 {
				continue
			}
			if isMapped[sfnt.GlyphIndex(g)] {
				mapped++
			} else {
				unmapped++
			}
		}
		return
	}
	fm, fu := nonEmpty(full)
	sm, su := nonEmpty(sub)
	if su != fu {
		t.Errorf("unmapped glyphs with outlines: subset %d, full font %d", su, fu)
	}
	if sm >= fm/10 {
		t.Errorf("subset keeps %d of %d mapped outlines for two characters", sm, fm)
	}
}
