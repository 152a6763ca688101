package build

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// A minimal source map v3 codec for the tests: enough to write the maps a
// generator would inline and to read the bundler's final maps.

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func vlqEncode(b *strings.Builder, v int) {
	u := v << 1
	if v < 0 {
		u = (-v << 1) | 1
	}
	for {
		d := u & 31
		u >>= 5
		if u > 0 {
			d |= 32
		}
		b.WriteByte(b64[d])
		if u == 0 {
			return
		}
	}
}

// lineMappings encodes "g:s g:s ..." pairs (0-based generated line → source
// line, column 0, source 0) as a mappings string.
func lineMappings(t *testing.T, spec string) string {
	t.Helper()
	lines := map[int]int{}
	maxLine := 0
	for _, pair := range strings.Fields(spec) {
		g, s, ok := strings.Cut(pair, ":")
		gi, err1 := strconv.Atoi(g)
		si, err2 := strconv.Atoi(s)
		if !ok || err1 != nil || err2 != nil {
			t.Fatalf("bad mapping pair %q", pair)
		}
		lines[gi] = si
		maxLine = max(maxLine, gi)
	}
	var b strings.Builder
	prevSrcLine := 0
	for g := 0; g <= maxLine; g++ {
		if g > 0 {
			b.WriteByte(';')
		}
		if s, ok := lines[g]; ok {
			vlqEncode(&b, 0) // generated column
			vlqEncode(&b, 0) // source index delta
			vlqEncode(&b, s-prevSrcLine)
			vlqEncode(&b, 0) // source column delta
			prevSrcLine = s
		}
	}
	return b.String()
}

// inlineMap appends a generator-style inline source map to a module.
func inlineMap(t *testing.T, js, mapJSON []byte) []byte {
	t.Helper()
	m := string(mapJSON)
	if i := strings.Index(m, "@@LINES "); i >= 0 {
		j := strings.Index(m[i:], "@@\"")
		m = m[:i] + lineMappings(t, m[i+len("@@LINES "):i+j]) + m[i+j+2:]
	}
	if !json.Valid([]byte(m)) {
		t.Fatalf("test source map is not valid JSON: %s", m)
	}
	return fmt.Appendf(append([]byte(nil), js...), "//# sourceMappingURL=data:application/json;base64,%s\n", base64.StdEncoding.EncodeToString([]byte(m)))
}

type sourceMap struct {
	Version  int      `json:"version"`
	Sources  []string `json:"sources"`
	Mappings string   `json:"mappings"`
}

// segment is one decoded mapping: generated line/column (0-based) to source.
type segment struct {
	genLine, genCol, src, srcLine, srcCol int
}

func decodeMappings(t *testing.T, mappings string) []segment {
	t.Helper()
	var out []segment
	var src, srcLine, srcCol int
	for gl, line := range strings.Split(mappings, ";") {
		genCol := 0
		for _, seg := range strings.Split(line, ",") {
			if seg == "" {
				continue
			}
			var fields []int
			v, shift := 0, 0
			for i := 0; i < len(seg); i++ {
				d := strings.IndexByte(b64, seg[i])
				if d < 0 {
					t.Fatalf("bad base64 digit %q in mappings", seg[i])
				}
				v |= (d & 31) << shift
				if d&32 != 0 {
					shift += 5
					continue
				}
				if v&1 != 0 {
					v = -(v >> 1)
				} else {
					v >>= 1
				}
				fields = append(fields, v)
				v, shift = 0, 0
			}
			genCol += fields[0]
			if len(fields) >= 4 {
				src += fields[1]
				srcLine += fields[2]
				srcCol += fields[3]
				out = append(out, segment{gl, genCol, src, srcLine, srcCol})
			}
		}
	}
	return out
}

// lookup finds the mapping covering a generated position (0-based line and column).
func lookup(segs []segment, line, col int) (segment, bool) {
	var best segment
	found := false
	for _, s := range segs {
		if s.genLine == line && s.genCol <= col && (!found || s.genCol >= best.genCol) {
			best, found = s, true
		}
	}
	return best, found
}
