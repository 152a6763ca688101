package staticlayout

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/source"
)

// line is one report entry, sortable by position.
type line struct {
	pos  source.Position
	text string
}

// WriteReport prints one line per pre-computed subtree and per element
// that was not pre-computed, with the reason, in source order:
//
//	cards.jxl:7:9: StaticCard: VStack pre-computed: 6 nodes, 176.453125×144
//	cards.jxl:69:9: App: VStack not pre-computed: VStack without explicit spacing …
func (r *Result) WriteReport(w io.Writer, fset *source.FileSet) error {
	var ls []line
	for _, s := range r.Subtrees {
		root := s.Boxes[0]
		ls = append(ls, line{fset.Position(s.Root.P), fmt.Sprintf("%s: %s pre-computed: %d node%s, %s×%s",
			s.Root.DeclaredIn(s.View).Name, s.Root.Describe(), len(s.Boxes), plural(len(s.Boxes)), num(root.W), num(root.H))})
	}
	for _, k := range r.Skipped {
		ls = append(ls, line{fset.Position(k.Node.P), fmt.Sprintf("%s: %s not pre-computed: %s", k.Node.DeclaredIn(k.View).Name, k.Node.Describe(), k.Reason)})
	}
	sort.SliceStable(ls, func(i, j int) bool {
		a, b := ls[i].pos, ls[j].pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	for _, l := range ls {
		if _, err := fmt.Fprintf(w, "%s: %s\n", l.pos, l.text); err != nil {
			return err
		}
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func num(v float32) string { return strconv.FormatFloat(float64(v), 'f', -1, 64) }

// JSON is the report as JSON (jepsh build --layout-json).
type JSON struct {
	Subtrees []JSONSubtree `json:"subtrees"`
	Skipped  []JSONSkip    `json:"skipped"`
}

// JSONSubtree is one pre-computed subtree.
type JSONSubtree struct {
	View  string     `json:"view"`
	Pos   string     `json:"pos"`
	Nodes []JSONNode `json:"nodes"`
}

// JSONNode is one pre-computed node: its box relative to the subtree root.
type JSONNode struct {
	View   string  `json:"view"`
	Kind   string  `json:"kind"`
	Pos    string  `json:"pos"`
	TestID string  `json:"testID,omitempty"`
	Bare   bool    `json:"bare,omitempty"` // a bare text node (no element on the web)
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

// JSONSkip is an element that was not pre-computed.
type JSONSkip struct {
	View   string `json:"view"`
	Kind   string `json:"kind"`
	Pos    string `json:"pos"`
	Reason string `json:"reason"`
}

// JSON returns the report as a JSON value.
func (r *Result) JSON(fset *source.FileSet) *JSON {
	out := &JSON{Subtrees: []JSONSubtree{}, Skipped: []JSONSkip{}}
	at := func(e *ir.Element) string { return fset.Position(e.P).String() }
	for _, s := range r.Subtrees {
		js := JSONSubtree{View: s.Root.DeclaredIn(s.View).Name, Pos: at(s.Root)}
		for _, b := range s.Boxes {
			js.Nodes = append(js.Nodes, JSONNode{View: b.Node.DeclaredIn(b.View).Name, Kind: b.Node.Describe(), Pos: at(b.Node),
				TestID: b.TestID, Bare: b.Bare, X: float64(b.X), Y: float64(b.Y), Width: float64(b.W), Height: float64(b.H)})
		}
		out.Subtrees = append(out.Subtrees, js)
	}
	for _, k := range r.Skipped {
		out.Skipped = append(out.Skipped, JSONSkip{View: k.Node.DeclaredIn(k.View).Name, Kind: k.Node.Describe(), Pos: at(k.Node), Reason: k.Reason})
	}
	return out
}

// WriteJSON writes the report as indented JSON.
func (r *Result) WriteJSON(w io.Writer, fset *source.FileSet) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r.JSON(fset))
}
