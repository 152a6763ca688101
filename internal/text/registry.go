package text

import (
	"fmt"
	"os"
	"sort"

	"golang.org/x/image/font/gofont/goregular"

	"github.com/jepsh/jepsh/internal/diag"
)

// DefaultFont is the id of the font Jepsh ships: Go Regular by Bigelow &
// Holmes (BSD licence, see LICENSE-gofont).
const DefaultFont = "default"

// Registry maps font ids to fonts: the default font and the fonts of a
// design system.
type Registry struct {
	fonts map[string]*Font
}

// NewRegistry returns a registry holding the default font.
func NewRegistry() *Registry {
	f, err := Parse(DefaultFont, goregular.TTF)
	if err != nil {
		panic("text: default font: " + err.Error())
	}
	return &Registry{fonts: map[string]*Font{DefaultFont: f}}
}

// Add registers font data under id (replacing an earlier font of that id).
func (r *Registry) Add(id string, data []byte) (*Font, error) {
	f, err := Parse(id, data)
	if err != nil {
		return nil, err
	}
	r.fonts[id] = f
	return f, nil
}

// LoadFile registers the TrueType/OpenType file at path under id.
func (r *Registry) LoadFile(id, path string) (*Font, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{diag.FontFileUnread, fmt.Sprintf("font %s: %v", id, err)}
	}
	return r.Add(id, data)
}

// Font returns the font registered as id.
func (r *Registry) Font(id string) (*Font, error) {
	f, ok := r.fonts[id]
	if !ok {
		return nil, &Error{diag.UnknownFontID, fmt.Sprintf("no font %q is registered", id)}
	}
	return f, nil
}

// IDs lists the registered font ids, sorted.
func (r *Registry) IDs() []string {
	ids := make([]string, 0, len(r.fonts))
	for id := range r.fonts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Measure is the width in px of text on one line in font id at size px.
func (r *Registry) Measure(id string, size float64, text string) (float64, error) {
	f, err := r.Font(id)
	if err != nil {
		return 0, err
	}
	return f.Width(size, text)
}

// Baseline is the baseline position in a line box of text in font id (see
// Font.Baseline).
func (r *Registry) Baseline(id string, size, lineHeight float64) (float64, error) {
	f, err := r.Font(id)
	if err != nil {
		return 0, err
	}
	return f.Baseline(size, lineHeight), nil
}
