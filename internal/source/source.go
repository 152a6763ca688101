// Package source holds source files and positions.
//
// A Pos is a single integer: the byte offset into a FileSet's address space
// (like go/token). Line and column are computed only when a position is
// printed, from a line table built lazily on first use.
package source

import (
	"fmt"
	"sort"
	"sync"
)

// Pos is a compact position: base of the file plus byte offset. NoPos is 0.
type Pos int

// NoPos is the zero position, meaning "unknown".
const NoPos Pos = 0

// IsValid reports whether p is a known position.
func (p Pos) IsValid() bool { return p != NoPos }

// Position is a printable position.
type Position struct {
	Filename string `json:"file"`
	Offset   int    `json:"offset"` // byte offset, 0-based
	Line     int    `json:"line"`   // 1-based
	Column   int    `json:"col"`    // 1-based, in bytes
}

// IsValid reports whether the position has a line.
func (p Position) IsValid() bool { return p.Line > 0 }

func (p Position) String() string {
	s := p.Filename
	if p.IsValid() {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	if s == "" {
		s = "-"
	}
	return s
}

// File is one source file registered in a FileSet.
type File struct {
	Name string
	Src  []byte
	base int

	once  sync.Once
	lines []int // offsets of line starts, computed lazily
}

// Base returns the Pos of the file's first byte.
func (f *File) Base() Pos { return Pos(f.base) }

// Size returns the file's length in bytes.
func (f *File) Size() int { return len(f.Src) }

// Pos converts an offset within the file to a Pos.
func (f *File) Pos(offset int) Pos { return Pos(f.base + offset) }

// Offset converts a Pos within the file to a byte offset.
func (f *File) Offset(p Pos) int { return int(p) - f.base }

// Contains reports whether p lies within the file (the end-of-file position included).
func (f *File) Contains(p Pos) bool { return int(p) >= f.base && int(p) <= f.base+len(f.Src) }

func (f *File) lineTable() []int {
	f.once.Do(func() {
		lines := []int{0}
		for i, c := range f.Src {
			if c == '\n' {
				lines = append(lines, i+1)
			}
		}
		f.lines = lines
	})
	return f.lines
}

// Position computes the line and column of p.
func (f *File) Position(p Pos) Position {
	off := f.Offset(p)
	if off < 0 {
		off = 0
	}
	if off > len(f.Src) {
		off = len(f.Src)
	}
	lines := f.lineTable()
	i := sort.SearchInts(lines, off+1) - 1
	return Position{Filename: f.Name, Offset: off, Line: i + 1, Column: off - lines[i] + 1}
}

// Line returns the text of the 1-based line n, without its newline.
func (f *File) Line(n int) string {
	lines := f.lineTable()
	if n < 1 || n > len(lines) {
		return ""
	}
	start := lines[n-1]
	end := len(f.Src)
	if n < len(lines) {
		end = lines[n] - 1
	}
	if end > start && f.Src[end-1] == '\r' {
		end--
	}
	return string(f.Src[start:end])
}

// FileSet is a set of files sharing one position space. Safe for concurrent use.
type FileSet struct {
	mu    sync.RWMutex
	base  int
	files []*File
}

// NewFileSet returns an empty FileSet.
func NewFileSet() *FileSet { return &FileSet{base: 1} }

// AddFile registers a file and returns it.
func (s *FileSet) AddFile(name string, src []byte) *File {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := &File{Name: name, Src: src, base: s.base}
	s.base += len(src) + 1 // +1 so the EOF position is unique to the file
	s.files = append(s.files, f)
	return f
}

// File returns the file containing p, or nil.
func (s *FileSet) File(p Pos) *File {
	if !p.IsValid() {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	i := sort.Search(len(s.files), func(i int) bool { return s.files[i].base > int(p) }) - 1
	if i >= 0 && s.files[i].Contains(p) {
		return s.files[i]
	}
	return nil
}

// Position computes the printable position of p.
func (s *FileSet) Position(p Pos) Position {
	if f := s.File(p); f != nil {
		return f.Position(p)
	}
	return Position{}
}

// Files returns the registered files in order.
func (s *FileSet) Files() []*File {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return append([]*File(nil), s.files...)
}
