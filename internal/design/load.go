package design

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
)

// FileName is the name of the design token file in an app folder.
const FileName = "tokens.yml"

// LoadDir reads dir/tokens.yml. Without one it returns Default() and no
// diagnostics.
func LoadDir(fset *source.FileSet, dir string) (*Tokens, diag.List) {
	name := filepath.Join(dir, FileName)
	src, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		var l diag.List
		f := fset.AddFile(name, nil)
		l.Errorf(f.Base(), diag.TokensFileUnread, "cannot read %s: %v", FileName, err)
		return Default(), l
	}
	return Load(fset, name, src)
}

// Load parses a tokens.yml source, registering it in fset so diagnostics
// print with file:line:col. The returned Tokens is usable even when there
// are errors (bad entries are left out).
func Load(fset *source.FileSet, filename string, src []byte) (*Tokens, diag.List) {
	f := fset.AddFile(filename, src)
	l := &loader{file: f, src: src, tokens: &Tokens{File: f}, defined: map[string]bool{}}
	l.lines = []int{0}
	for i, c := range src {
		if c == '\n' {
			l.lines = append(l.lines, i+1)
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		l.yamlError(err)
		return l.finish(), l.diags
	}
	if len(doc.Content) == 0 {
		return l.finish(), l.diags // empty file: defaults
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		l.errorf(root, diag.BadYAML, "%s must be a mapping of token sections (color:, spacing:, ...)", FileName)
		return l.finish(), l.diags
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := k.Value
		section, rest, flat := strings.Cut(key, ".")
		if section == "fonts" && !flat {
			l.fonts(v)
			continue
		}
		if !knownSection(section) {
			l.errorfHint(k, diag.UnknownSection, "unknown token section %q", "known sections: "+strings.Join(Sections, ", ")+", fonts", section)
			continue
		}
		l.defined[section] = true
		if flat {
			if !l.checkName(k, rest) {
				continue
			}
			if v.Kind == yaml.MappingNode && !(section == "font" && isFontSpec(v)) {
				l.group(section, rest, v)
				continue
			}
			l.value(section, rest, k, v)
			continue
		}
		l.group(section, "", v)
	}
	return l.finish(), l.diags
}

func knownSection(s string) bool {
	for _, x := range Sections {
		if x == s {
			return true
		}
	}
	return false
}

type loader struct {
	file    *source.File
	src     []byte
	lines   []int
	tokens  *Tokens
	diags   diag.List
	defined map[string]bool
}

func (l *loader) finish() *Tokens {
	def := Default()
	t := l.tokens
	for _, s := range Sections {
		if s == "font" {
			for name, tok := range def.sections["font"] {
				if t.Lookup("font", name) == nil {
					t.add(tok)
				}
			}
			continue
		}
		if !l.defined[s] {
			for _, tok := range def.sections[s] {
				t.add(tok)
			}
		}
	}
	sort.Slice(t.Fonts, func(i, j int) bool {
		a, b := t.Fonts[i], t.Fonts[j]
		if a.Family != b.Family {
			return a.Family < b.Family
		}
		return a.Weight < b.Weight
	})
	return t
}

func (l *loader) pos(n *yaml.Node) source.Pos {
	if n == nil || n.Line < 1 || n.Line > len(l.lines) {
		return l.file.Base()
	}
	off := l.lines[n.Line-1] + n.Column - 1
	if off > len(l.src) {
		off = len(l.src)
	}
	return l.file.Pos(off)
}

func (l *loader) errorf(n *yaml.Node, code diag.Code, format string, args ...any) *diag.Diagnostic {
	d := l.diags.Errorf(l.pos(n), code, format, args...)
	if n != nil && n.Kind == yaml.ScalarNode && n.Style == 0 {
		d.End = d.Pos + source.Pos(len(n.Value))
	}
	return d
}

func (l *loader) errorfHint(n *yaml.Node, code diag.Code, format, hint string, args ...any) {
	l.errorf(n, code, format, args...).Hint = hint
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (l *loader) yamlError(err error) {
	msg := err.Error()
	line := 1
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	p := l.file.Base()
	if line >= 1 && line <= len(l.lines) {
		p = l.file.Pos(l.lines[line-1])
	}
	l.diags.Errorf(p, diag.BadYAML, "malformed %s: %s", FileName, msg)
}

var identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func (l *loader) checkName(k *yaml.Node, name string) bool {
	for _, seg := range strings.Split(name, ".") {
		if !identRE.MatchString(seg) {
			l.errorfHint(k, diag.BadTokenName, "token name %q is not an identifier", "names use letters, digits and _, and do not start with a digit (e.g. xl2 instead of 2xl)", name)
			return false
		}
	}
	return true
}

// group reads the mapping v of section under the dotted prefix.
func (l *loader) group(section, prefix string, v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		what := "a mapping of token names to values"
		l.errorf(v, diag.BadTokenValue, "section %q must be %s", section, what)
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if !l.checkName(k, k.Value) {
			continue
		}
		name := k.Value
		if prefix != "" {
			name = prefix + "." + name
		}
		if val.Kind == yaml.MappingNode && !(section == "font" && isFontSpec(val)) {
			l.group(section, name, val)
			continue
		}
		l.value(section, name, k, val)
	}
}

// isFontSpec reports whether a mapping in the font section is one font
// ({size, lineHeight, weight, family}) rather than a group of fonts: a group
// holds only mappings.
func isFontSpec(v *yaml.Node) bool {
	for i := 1; i < len(v.Content); i += 2 {
		if v.Content[i].Kind != yaml.MappingNode {
			return true
		}
	}
	return len(v.Content) == 0
}

func (l *loader) value(section, name string, k, v *yaml.Node) {
	if old := l.tokens.Lookup(section, name); old != nil {
		d := l.errorf(k, diag.DuplicateToken, "token %s.%s is defined twice", section, name)
		d.Hint = "first defined at line " + strconv.Itoa(l.file.Position(old.Pos).Line)
		return
	}
	tok := &Token{Section: section, Name: name, Pos: l.pos(v)}
	switch section {
	case "color":
		if v.Kind != yaml.ScalarNode {
			l.errorf(v, diag.BadTokenValue, "color %s must be a string like '#3B82F6'", name)
			return
		}
		rgba, norm, ok := ParseColor(strings.TrimSpace(v.Value))
		if !ok {
			l.errorfHint(v, diag.BadColor, "invalid color %q for %s.%s", "use '#RGB', '#RRGGBB' or '#RRGGBBAA' (quote it: # starts a YAML comment)", v.Value, section, name)
			return
		}
		tok.Color, tok.RGBA = norm, rgba
	case "font":
		f, ok := l.font(name, v)
		if !ok {
			return
		}
		tok.Font = f
	case "opacity":
		n, ok := l.number(v, section, name)
		if !ok {
			return
		}
		if n > 1 {
			l.errorf(v, diag.BadNumber, "opacity %s.%s must be between 0 and 1, got %v", section, name, n)
			return
		}
		tok.Number = n
	default:
		n, ok := l.number(v, section, name)
		if !ok {
			return
		}
		tok.Number = n
	}
	l.tokens.add(tok)
}

// number parses a non-negative number, optionally with a px suffix.
func (l *loader) number(v *yaml.Node, section, name string) (float64, bool) {
	if v.Kind != yaml.ScalarNode {
		l.errorf(v, diag.BadTokenValue, "%s.%s must be a number", section, name)
		return 0, false
	}
	s := strings.TrimSpace(v.Value)
	s = strings.TrimSpace(strings.TrimSuffix(s, "px"))
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 0 || n != n {
		l.errorfHint(v, diag.BadNumber, "invalid value %q for %s.%s", "use a non-negative number of pixels, e.g. 16 or 16px", v.Value, section, name)
		return 0, false
	}
	return n, true
}

func (l *loader) font(name string, v *yaml.Node) (Font, bool) {
	f := Font{Weight: 400}
	if d, ok := defaultTextStyles[name]; ok {
		f = d
	}
	if v.Kind == yaml.ScalarNode {
		n, ok := l.number(v, "font", name)
		if !ok {
			return f, false
		}
		f.Size, f.LineHeight = n, 0
		if d, ok := defaultTextStyles[name]; ok && d.Size > 0 {
			f.LineHeight = math.Round(n * d.LineHeight / d.Size)
		}
		return f, true
	}
	if v.Kind != yaml.MappingNode {
		l.errorf(v, diag.BadFont, "font %s must be a size or a mapping {size, lineHeight, weight, family}", name)
		return f, false
	}
	ok := true
	hasSize := false
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		switch k.Value {
		case "size":
			n, good := l.number(val, "font", name+".size")
			f.Size, hasSize, ok = n, true, ok && good
		case "lineHeight":
			n, good := l.number(val, "font", name+".lineHeight")
			f.LineHeight, ok = n, ok && good
		case "weight":
			w, good := l.weight(val)
			f.Weight, ok = w, ok && good
		case "family":
			if val.Kind != yaml.ScalarNode || strings.TrimSpace(val.Value) == "" {
				l.errorf(val, diag.BadFont, "font %s: family must be a non-empty string", name)
				ok = false
			}
			f.Family = strings.TrimSpace(val.Value)
		default:
			l.errorfHint(k, diag.BadFont, "unknown font property %q", "font properties are size, lineHeight, weight and family", k.Value)
			ok = false
		}
	}
	if !hasSize && f.Size == 0 {
		l.errorf(v, diag.BadFont, "font %s needs a size", name)
		ok = false
	}
	return f, ok
}

func (l *loader) weight(v *yaml.Node) (int, bool) {
	if v.Kind == yaml.ScalarNode {
		if w, ok := FontWeights[v.Value]; ok {
			return w, true
		}
		if w, err := strconv.Atoi(v.Value); err == nil && w >= 100 && w <= 900 && w%100 == 0 {
			return w, true
		}
	}
	l.errorfHint(v, diag.BadFont, "invalid font weight %q", "use 100..900 in steps of 100, or ultraLight, thin, light, regular, medium, semibold, bold, heavy, black", v.Value)
	return 400, false
}

// fonts reads the fonts: section: family → path, or family → {weight: path}.
func (l *loader) fonts(v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		l.errorf(v, diag.BadFontFile, "fonts must map font family names to font files")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		family := strings.TrimSpace(k.Value)
		switch val.Kind {
		case yaml.ScalarNode:
			l.fontFile(family, 400, val)
		case yaml.MappingNode:
			for j := 0; j+1 < len(val.Content); j += 2 {
				w, ok := l.weight(val.Content[j])
				if ok {
					l.fontFile(family, w, val.Content[j+1])
				}
			}
		default:
			l.errorf(val, diag.BadFontFile, "font family %s must map to a file path or to {weight: path}", family)
		}
	}
}

func (l *loader) fontFile(family string, weight int, v *yaml.Node) {
	p := strings.TrimSpace(v.Value)
	ext := strings.ToLower(path.Ext(p))
	switch {
	case v.Kind != yaml.ScalarNode || p == "":
		l.errorf(v, diag.BadFontFile, "font %s: expected a file path", family)
	case strings.HasPrefix(p, "/") || filepath.IsAbs(p) || strings.Contains(p, `\`):
		l.errorfHint(v, diag.BadFontFile, "font file %q must be a relative path", "paths are relative to the app folder and use /", p)
	case path.Clean(p) != p || strings.HasPrefix(p, "../"):
		l.errorfHint(v, diag.BadFontFile, "font file %q must stay inside the app folder", "write a clean relative path like fonts/Inter.ttf", p)
	case ext != ".ttf" && ext != ".otf":
		l.errorfHint(v, diag.BadFontFile, "font file %q is not a .ttf or .otf file", "fonts are TrueType (.ttf) or OpenType (.otf) files", p)
	default:
		for _, f := range l.tokens.Fonts {
			if f.Family == family && f.Weight == weight {
				l.errorf(v, diag.DuplicateToken, "font %s weight %d is defined twice", family, weight)
				return
			}
		}
		l.tokens.Fonts = append(l.tokens.Fonts, &FontFile{Family: family, Weight: weight, Path: p, Pos: l.pos(v)})
	}
}

// String renders a token value for listings and goldens.
func (t *Token) String() string {
	switch t.Section {
	case "color":
		return t.Color
	case "font":
		s := fmt.Sprintf("size %g", t.Font.Size)
		if t.Font.LineHeight > 0 {
			s += fmt.Sprintf(" lineHeight %g", t.Font.LineHeight)
		}
		s += fmt.Sprintf(" weight %d", t.Font.Weight)
		if t.Font.Family != "" {
			s += " family " + t.Font.Family
		}
		return s
	}
	return strconv.FormatFloat(t.Number, 'g', -1, 64)
}
