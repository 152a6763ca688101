package build

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
)

// MaxSourceSize is the largest source file the driver reads (8 MiB).
const MaxSourceSize = 8 << 20

// TokensFile is the name of the design tokens file at the app root.
const TokensFile = "tokens.yml"

// Key is a content hash identifying a phase's input.
type Key [32]byte

func (k Key) String() string { return hex.EncodeToString(k[:8]) }

// SourceFile is one file read from the app directory.
type SourceFile struct {
	Name string // slash-separated path relative to the app directory
	Data []byte
}

// Source is everything the compiler reads from an app directory.
type Source struct {
	Files  []SourceFile // the *.jxl files, sorted by name
	Tokens *SourceFile  // tokens.yml at the root, or nil
	Assets []SourceFile // stylesheets and fonts the app may refer to (see IsAsset), sorted by name
	Key    Key          // hash of all names and contents
}

// skipDir reports whether Load skips a directory: hidden directories,
// dependencies and build output never hold app sources.
func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
		name == "node_modules" || name == "dist"
}

// IsSource reports whether a slash-separated path names a file Load reads:
// a .jxl file, the root tokens.yml or an asset (IsAsset), not hidden, not in a skipped directory.
// The dev server uses it to ignore changes to other files (editor temporaries,
// output, version control).
func IsSource(p string) bool {
	parts := strings.Split(p, "/")
	for _, d := range parts[:len(parts)-1] {
		if skipDir(d) {
			return false
		}
	}
	base := parts[len(parts)-1]
	if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#") || strings.HasSuffix(base, "~") {
		return false
	}
	return path.Ext(base) == ".jxl" || p == TokensFile || IsAsset(p)
}

// IsAsset reports whether a source path names a stylesheet or font file,
// which the app may refer to (a font in tokens.yml, a stylesheet an app
// includes); they are read with the sources so the build never touches the
// disk after Load and the content hash covers them.
func IsAsset(p string) bool {
	switch path.Ext(p) {
	case ".css", ".ttf", ".otf", ".woff", ".woff2":
		return true
	}
	return false
}

// Load reads the app's sources from fsys. Problems are reported as
// diagnostics with codes E9001, E9002 and E9006.
func Load(fsys fs.FS) (*Source, diag.List) {
	var diags diag.List
	src := &Source{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Errorf(source.NoPos, diag.ErrReadSource, "cannot read %s: %v", p, unwrapPath(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != "." && skipDir(d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if !IsSource(p) || !d.Type().IsRegular() {
			return nil
		}
		if info, err := d.Info(); err == nil && info.Size() > MaxSourceSize {
			diags.Errorf(source.NoPos, diag.ErrSourceTooLarge, "%s is %d bytes; source files are limited to %d", p, info.Size(), MaxSourceSize)
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			diags.Errorf(source.NoPos, diag.ErrReadSource, "cannot read %s: %v", p, unwrapPath(err))
			return nil
		}
		if len(data) > MaxSourceSize {
			diags.Errorf(source.NoPos, diag.ErrSourceTooLarge, "%s is %d bytes; source files are limited to %d", p, len(data), MaxSourceSize)
			return nil
		}
		f := SourceFile{Name: p, Data: data}
		if p == TokensFile {
			src.Tokens = &f
		} else if IsAsset(p) {
			src.Assets = append(src.Assets, f)
		} else {
			src.Files = append(src.Files, f)
		}
		return nil
	})
	if err != nil {
		diags.Errorf(source.NoPos, diag.ErrReadSource, "cannot read the app directory: %v", unwrapPath(err))
	}
	sort.Slice(src.Files, func(i, j int) bool { return src.Files[i].Name < src.Files[j].Name })
	sort.Slice(src.Assets, func(i, j int) bool { return src.Assets[i].Name < src.Assets[j].Name })
	if len(src.Files) == 0 && !diags.HasErrors() {
		diags.Errorf(source.NoPos, diag.ErrNoSources, "no .jxl files in the app directory").Hint =
			"create one with \"jepsh new NAME\", or pass the app's directory"
	}
	src.Key = src.hash()
	return src, diags
}

func (s *Source) hash() Key {
	h := sha256.New()
	put := func(f *SourceFile) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(f.Name)))
		h.Write(n[:])
		h.Write([]byte(f.Name))
		binary.LittleEndian.PutUint64(n[:], uint64(len(f.Data)))
		h.Write(n[:])
		h.Write(f.Data)
	}
	for i := range s.Files {
		put(&s.Files[i])
	}
	h.Write([]byte("\x00tokens"))
	if s.Tokens != nil {
		put(s.Tokens)
	}
	h.Write([]byte("\x00assets"))
	for i := range s.Assets {
		put(&s.Assets[i])
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// unwrapPath drops the *fs.PathError wrapper, whose path is already in the message.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
