package web

import (
	"encoding/base64"
	"encoding/json"
	"path"
	"strings"

	"github.com/jepsh/jepsh/internal/source"
)

// writer appends JavaScript to a byte buffer and records, for source maps,
// which .jxl position each generated line segment comes from.
type writer struct {
	buf    []byte
	indent int
	line   int // current generated line (0-based)
	col    int // current generated column in bytes
	fset   *source.FileSet

	maps    []mapping
	lastPos source.Pos
}

type mapping struct {
	genLine, genCol int
	pos             source.Pos
}

// mark records that the code written next comes from pos.
func (w *writer) mark(pos source.Pos) {
	if !pos.IsValid() || w.fset == nil || pos == w.lastPos {
		return
	}
	w.lastPos = pos
	w.maps = append(w.maps, mapping{w.line, w.col, pos})
}

func (w *writer) str(s string) {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			w.line++
			w.col = 0
			w.lastPos = source.NoPos
		} else {
			w.col++
		}
	}
	w.buf = append(w.buf, s...)
}

// ln writes an indented line.
func (w *writer) ln(parts ...string) {
	for range w.indent {
		w.str("\t")
	}
	for _, p := range parts {
		w.str(p)
	}
	w.str("\n")
}

// open writes an indented line and increases the indent.
func (w *writer) open(parts ...string) {
	w.ln(parts...)
	w.indent++
}

// close decreases the indent and writes a line.
func (w *writer) close(parts ...string) {
	w.indent--
	w.ln(parts...)
}

// startLine writes the indentation of a line the caller completes with str.
func (w *writer) startLine() {
	for range w.indent {
		w.str("\t")
	}
}

// sourceMap returns a v3 source map for the written code; file paths are
// made relative to the directory of modPath.
func (w *writer) sourceMap(modPath string) []byte {
	type smap struct {
		Version        int      `json:"version"`
		File           string   `json:"file,omitempty"`
		Sources        []string `json:"sources"`
		SourcesContent []string `json:"sourcesContent"`
		Names          []string `json:"names"`
		Mappings       string   `json:"mappings"`
	}
	m := smap{Version: 3, File: path.Base(modPath), Names: []string{}}
	srcIndex := map[*source.File]int{}
	var b strings.Builder
	prevLine, prevCol, prevSrc, prevSrcLine, prevSrcCol := 0, 0, 0, 0, 0
	first := true
	for _, mp := range w.maps {
		f := w.fset.File(mp.pos)
		if f == nil {
			continue
		}
		idx, ok := srcIndex[f]
		if !ok {
			idx = len(m.Sources)
			srcIndex[f] = idx
			m.Sources = append(m.Sources, relPath(path.Dir(modPath), f.Name))
			m.SourcesContent = append(m.SourcesContent, string(f.Src))
		}
		p := f.Position(mp.pos)
		for prevLine < mp.genLine {
			b.WriteByte(';')
			prevLine++
			prevCol = 0
			first = true
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		vlq(&b, mp.genCol-prevCol)
		vlq(&b, idx-prevSrc)
		vlq(&b, p.Line-1-prevSrcLine)
		vlq(&b, p.Column-1-prevSrcCol)
		prevCol, prevSrc, prevSrcLine, prevSrcCol = mp.genCol, idx, p.Line-1, p.Column-1
	}
	m.Mappings = b.String()
	if m.Sources == nil {
		m.Sources, m.SourcesContent = []string{}, []string{}
	}
	out, _ := json.Marshal(m)
	return out
}

// inlineMap returns the sourceMappingURL comment carrying the map.
func inlineMap(sm []byte) string {
	return "//# sourceMappingURL=data:application/json;charset=utf-8;base64," + base64.StdEncoding.EncodeToString(sm) + "\n"
}

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func vlq(b *strings.Builder, v int) {
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

// relPath returns target relative to dir (both slash-separated, relative
// to the same root).
func relPath(dir, target string) string {
	if dir == "." || dir == "" {
		return target
	}
	up := strings.Count(dir, "/") + 1
	return strings.Repeat("../", up) + target
}
