// Package diag defines diagnostics: one type with a stable code, printed as
// "file:line:col: error[code]: message" with the source line and a caret, or
// as JSON for tools.
//
// Codes are never renumbered. Each phase keeps its catalogue in its own file
// of this package (codes_*.go), so the texts live in one place.
package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/jepsh/jepsh/internal/source"
)

// Severity of a diagnostic.
type Severity int

const (
	Error Severity = iota
	Warning
	Note
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return "error"
}

// Code is a stable diagnostic code such as "E1001".
type Code string

// Diagnostic is one message about the source.
type Diagnostic struct {
	Pos      source.Pos // start of the offending token or node
	End      source.Pos // end (exclusive), or NoPos
	Severity Severity
	Code     Code
	Msg      string
	Hint     string // optional fix hint
}

// List is a list of diagnostics; its zero value is ready to use.
type List []*Diagnostic

// Add appends a diagnostic.
func (l *List) Add(d *Diagnostic) { *l = append(*l, d) }

// Errorf appends an error.
func (l *List) Errorf(pos source.Pos, code Code, format string, args ...any) *Diagnostic {
	d := &Diagnostic{Pos: pos, Code: code, Msg: fmt.Sprintf(format, args...)}
	*l = append(*l, d)
	return d
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders diagnostics by file, position, code and message, and drops exact duplicates.
func (l *List) Sort(fset *source.FileSet) {
	s := *l
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos != b.Pos {
			pa, pb := fset.Position(a.Pos), fset.Position(b.Pos)
			if pa.Filename != pb.Filename {
				return pa.Filename < pb.Filename
			}
			return a.Pos < b.Pos
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Msg < b.Msg
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 && d.Pos == s[i-1].Pos && d.Code == s[i-1].Code && d.Msg == s[i-1].Msg {
			continue
		}
		out = append(out, d)
	}
	*l = out
}

// Err returns the list as an error, or nil if it has no errors.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ListError(l)
}

// ListError wraps a List as an error.
type ListError List

func (e ListError) Error() string {
	if len(e) == 0 {
		return "no errors"
	}
	s := string(e[0].Code) + ": " + e[0].Msg
	if len(e) > 1 {
		s += fmt.Sprintf(" (and %d more)", len(e)-1)
	}
	return s
}

// Format writes d as "file:line:col: error[code]: message", followed by the
// source line and a caret under the column when the source is known.
func Format(w io.Writer, fset *source.FileSet, d *Diagnostic) {
	pos := fset.Position(d.Pos)
	fmt.Fprintf(w, "%s: %s[%s]: %s\n", pos, d.Severity, d.Code, d.Msg)
	if f := fset.File(d.Pos); f != nil && pos.IsValid() {
		line := f.Line(pos.Line)
		if len(line) <= 400 && !strings.ContainsRune(line, '\x00') {
			fmt.Fprintf(w, "    %s\n", strings.ReplaceAll(line, "\t", " "))
			col := pos.Column - 1
			if col > len(line) {
				col = len(line)
			}
			width := 1
			if d.End > d.Pos {
				end := fset.Position(d.End)
				if end.Line == pos.Line && end.Column > pos.Column {
					width = end.Column - pos.Column
				}
			}
			fmt.Fprintf(w, "    %s%s\n", strings.Repeat(" ", col), strings.Repeat("^", width))
		}
	}
	if d.Hint != "" {
		fmt.Fprintf(w, "    hint: %s\n", d.Hint)
	}
}

// Print writes all diagnostics in the list.
func Print(w io.Writer, fset *source.FileSet, l List) {
	for _, d := range l {
		Format(w, fset, d)
	}
}

// JSON is the machine-readable form of a diagnostic.
type JSON struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Offset   int    `json:"offset"`
	EndLine  int    `json:"endLine,omitempty"`
	EndCol   int    `json:"endCol,omitempty"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// ToJSON converts a diagnostic to its JSON form.
func ToJSON(fset *source.FileSet, d *Diagnostic) JSON {
	p := fset.Position(d.Pos)
	j := JSON{File: p.Filename, Line: p.Line, Col: p.Column, Offset: p.Offset,
		Severity: d.Severity.String(), Code: string(d.Code), Message: d.Msg, Hint: d.Hint}
	if d.End.IsValid() {
		e := fset.Position(d.End)
		j.EndLine, j.EndCol = e.Line, e.Column
	}
	return j
}

// WriteJSON writes the list as a JSON array.
func WriteJSON(w io.Writer, fset *source.FileSet, l List) error {
	out := make([]JSON, 0, len(l))
	for _, d := range l {
		out = append(out, ToJSON(fset, d))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
