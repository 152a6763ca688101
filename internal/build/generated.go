package build

import (
	"crypto/sha256"
	"encoding/binary"
	"sort"

	"github.com/jepsh/jepsh/internal/staticlayout"
)

// Generated is the web generator's output for one app: virtual modules that
// the bundler reads from memory.
type Generated struct {
	// Entry is the path in Files of the module that starts the app.
	Entry string
	// Files maps slash-separated paths, relative to the app directory, to
	// module contents: JavaScript (.js) and CSS (.css). A module may carry an
	// inline source map (//# sourceMappingURL=data:...) whose sources are
	// relative to the module's own path; the bundle's maps are chained through
	// it, so they point back at the .jxl files.
	Files map[string][]byte
	// Styles are CSS files in Files that index.html links even though no
	// module imports them (CSS imported from a module is bundled with it).
	Styles []string
	// Title is the document title; Lang its language ("" means "en").
	Title, Lang string
	// Shell is the root view's pre-rendered markup for index.html and
	// ShellID its mark (see web.Output.Shell); empty when there is none.
	Shell, ShellID string
	// Fonts are the fonts the app's text uses, served as hashed WOFF2 files
	// with an @font-face rule each.
	Fonts []Font
	// Layout is the static layout pre-calculation's result (nil when it did
	// not run); it changes Files and Fonts, so Key needs nothing more.
	Layout *staticlayout.Result
}

// Font is one font face.
type Font struct {
	Family string
	Weight int    // 400 when 0
	Style  string // "normal" when ""
	Format string // "woff2" (when ""), "truetype" or "opentype"
	Data   []byte
}

// Key hashes everything the bundler reads from g.
func (g *Generated) Key() Key {
	h := sha256.New()
	str := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	str(g.Entry)
	str(g.Title)
	str(g.Lang)
	str(g.Shell)
	str(g.ShellID)
	names := make([]string, 0, len(g.Files))
	for n := range g.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		str(n)
		str(string(g.Files[n]))
	}
	for _, s := range g.Styles {
		str(s)
	}
	for _, f := range g.Fonts {
		str(f.Family)
		str(f.Style)
		str(f.Format)
		str(string(rune(f.Weight)))
		str(string(f.Data))
	}
	var k Key
	h.Sum(k[:0])
	return k
}
