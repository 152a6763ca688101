package web

import (
	"encoding/base64"
	"encoding/json"
	"path"
	"strconv"
	"strings"

	"github.com/jepsh/jepsh/internal/source"
)

// writer appends JavaScript to a byte buffer. Source positions travel in
// the text as markers ("\x00<pos>\x00", see mark), so code printed into
// nested buffers (closures, branches, rows) keeps its positions when it is
// spliced into a module; module.finish strips the markers and turns them
// into source map mappings.
type writer struct {
	buf    []byte
	indent int
	fset   *source.FileSet // unused by nested writers
}

type mapping struct {
	genLine, genCol int
	pos             source.Pos
}

// mark records that the code written next comes from pos.
func (w *writer) mark(pos source.Pos) {
	if !pos.IsValid() {
		return
	}
	w.buf = append(w.buf, 0)
	w.buf = strconv.AppendInt(w.buf, int64(pos), 10)
	w.buf = append(w.buf, 0)
}

func (w *writer) str(s string) { w.buf = append(w.buf, s...) }

// extractMarks removes the position markers from code and returns the
// mappings they stand for (one per position change, none twice on a line).
func extractMarks(code []byte, firstLine int) ([]byte, []mapping) {
	out := make([]byte, 0, len(code))
	var maps []mapping
	line, col := firstLine, 0
	var last source.Pos
	for i := 0; i < len(code); i++ {
		c := code[i]
		if c == 0 {
			j := i + 1
			for j < len(code) && code[j] != 0 {
				j++
			}
			n, _ := strconv.Atoi(string(code[i+1 : j]))
			if p := source.Pos(n); p != last {
				maps = append(maps, mapping{line, col, p})
				last = p
			}
			i = j
			continue
		}
		out = append(out, c)
		if c == '\n' {
			line++
			col = 0
			last = source.NoPos
		} else {
			col++
		}
	}
	return out, maps
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

// sourceMap returns a v3 source map for maps; file paths are made relative
// to the directory of modPath.
func sourceMap(fset *source.FileSet, maps []mapping, modPath string) []byte {
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
	for _, mp := range maps {
		f := fset.File(mp.pos)
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
