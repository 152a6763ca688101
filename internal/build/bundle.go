package build

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
)

// The bundler sees the app through virtual absolute paths that are never
// read from disk: every import is resolved and loaded by the jepsh plugin.
// Generated modules live under appRoot (so a generated module's inline
// source map that names "counter.jxl" resolves to appRoot/counter.jxl), and
// the output goes to appRoot/dist, which makes the final maps name the
// sources "../counter.jxl", the right relative path for the default dist/.
const (
	appRoot      = "/jepsh-app"
	outRoot      = appRoot + "/dist"
	runtimeNS    = "jepsh-runtime"
	internalDir  = appRoot + "/.jepsh" // driver-made modules: styles entry, fonts
	stylesEntry  = internalDir + "/styles.css"
	fontsCSS     = internalDir + "/fonts.css"
	fontsDir     = internalDir + "/fonts/"
	pluginName   = "jepsh"
	runtimeSpec  = "jepsh/runtime"
	runtimeSpec2 = "@jepsh/runtime"
)

// runtimePath maps an import specifier to a path in the runtime FS, or "".
// "jepsh/runtime" is the runtime's index.js; "jepsh/runtime/dom" is dom.js.
func runtimePath(spec string) string {
	for _, p := range []string{runtimeSpec, runtimeSpec2} {
		if spec == p {
			return "index.js"
		}
		if rest, ok := strings.CutPrefix(spec, p+"/"); ok && rest != "" {
			rest = path.Clean(rest)
			if strings.HasPrefix(rest, "..") || path.IsAbs(rest) {
				return ""
			}
			if path.Ext(rest) == "" {
				rest += ".js"
			}
			return rest
		}
	}
	return ""
}

// cssExternal reports whether a stylesheet reference is left to the
// browser: a URL with a scheme (data:, https:), a fragment or a root path.
func cssExternal(spec string) bool {
	if strings.HasPrefix(spec, "#") || strings.HasPrefix(spec, "/") {
		return true
	}
	i := strings.IndexByte(spec, ':')
	if i <= 0 {
		return false
	}
	for _, c := range spec[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func loaderFor(p string) api.Loader {
	switch path.Ext(p) {
	case ".css":
		return api.LoaderCSS
	case ".json":
		return api.LoaderJSON
	case ".woff2", ".woff", ".ttf", ".otf", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp":
		return api.LoaderFile
	}
	return api.LoaderJS
}

// fontFile names a font's virtual file; the bundler adds the content hash.
func fontFile(f Font) string {
	fam := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, f.Family)
	return fmt.Sprintf("%s-%d-%s%s", fam, fontWeight(f), fontStyle(f), fontExt[fontFormat(f)])
}

var fontExt = map[string]string{"woff2": ".woff2", "truetype": ".ttf", "opentype": ".otf"}

func fontFormat(f Font) string {
	if fontExt[f.Format] == "" {
		return "woff2"
	}
	return f.Format
}

func fontWeight(f Font) int {
	if f.Weight == 0 {
		return 400
	}
	return f.Weight
}

func fontStyle(f Font) string {
	if f.Style == "" {
		return "normal"
	}
	return f.Style
}

// fontFaces is the CSS declaring the app's fonts.
func fontFaces(fonts []Font) string {
	var b strings.Builder
	for _, f := range fonts {
		fmt.Fprintf(&b, "@font-face{font-family:%q;font-weight:%d;font-style:%s;font-display:swap;src:url(./fonts/%s) format(%q)}\n",
			f.Family, fontWeight(f), fontStyle(f), fontFile(f), fontFormat(f))
	}
	return b.String()
}

// bundler holds one esbuild run's inputs.
type bundler struct {
	gen     *Generated
	runtime fs.FS
	opts    *Options
	virtual map[string][]byte // driver-made files by absolute virtual path
}

func (b *bundler) plugin() api.Plugin {
	return api.Plugin{Name: pluginName, Setup: func(pb api.PluginBuild) {
		pb.OnResolve(api.OnResolveOptions{Filter: `.*`}, b.resolve)
		pb.OnLoad(api.OnLoadOptions{Filter: `.*`}, b.load)
	}}
}

func (b *bundler) resolve(a api.OnResolveArgs) (api.OnResolveResult, error) {
	if rp := runtimePath(a.Path); rp != "" {
		// Runtime modules have no side effects, so unused ones vanish entirely.
		return api.OnResolveResult{Path: "/" + rp, Namespace: runtimeNS, SideEffects: api.SideEffectsFalse}, nil
	}
	spec := a.Path
	if (a.Kind == api.ResolveCSSURLToken || a.Kind == api.ResolveCSSImportRule) && cssExternal(spec) {
		// data: URIs, other origins, fragments and root paths stay as written.
		return api.OnResolveResult{Path: spec, External: true}, nil
	}
	if a.Kind == api.ResolveEntryPoint || path.IsAbs(spec) {
		return api.OnResolveResult{Path: path.Clean(spec), Namespace: "file"}, nil
	}
	if !strings.HasPrefix(spec, "./") && !strings.HasPrefix(spec, "../") {
		return api.OnResolveResult{}, fmt.Errorf("cannot import %q: only relative paths and %q are importable", spec, runtimeSpec)
	}
	p := path.Join(path.Dir(a.Importer), spec)
	if a.Namespace == runtimeNS {
		return api.OnResolveResult{Path: p, Namespace: runtimeNS, SideEffects: api.SideEffectsFalse}, nil
	}
	return api.OnResolveResult{Path: p, Namespace: "file"}, nil
}

func (b *bundler) load(a api.OnLoadArgs) (api.OnLoadResult, error) {
	var data []byte
	switch a.Namespace {
	case runtimeNS:
		d, err := fs.ReadFile(b.runtime, strings.TrimPrefix(a.Path, "/"))
		if err != nil {
			return api.OnLoadResult{}, fmt.Errorf("runtime module %s: %v", strings.TrimPrefix(a.Path, "/"), unwrapPath(err))
		}
		data = d
	default:
		if d, ok := b.virtual[a.Path]; ok {
			data = d
		} else if rel, ok := strings.CutPrefix(a.Path, appRoot+"/"); ok && b.gen.Files[rel] != nil {
			data = b.gen.Files[rel]
		} else {
			return api.OnLoadResult{}, fmt.Errorf("no generated module %s", strings.TrimPrefix(a.Path, appRoot+"/"))
		}
	}
	s := string(data)
	return api.OnLoadResult{Contents: &s, Loader: loaderFor(a.Path), ResolveDir: path.Dir(a.Path)}, nil
}

// esbuildOptions returns the esbuild configuration for a production or dev bundle.
func (b *bundler) esbuildOptions(entries []string) api.BuildOptions {
	dev := b.opts.Dev
	o := api.BuildOptions{
		EntryPoints:       entries,
		Bundle:            true,
		Write:             false,
		Outdir:            outRoot,
		AbsWorkingDir:     appRoot,
		Format:            api.FormatESModule,
		Platform:          api.PlatformBrowser,
		Splitting:         true,
		TreeShaking:       api.TreeShakingTrue,
		MinifyWhitespace:  !dev,
		MinifyIdentifiers: !dev,
		MinifySyntax:      !dev,
		Target:            api.ES2020,
		EntryNames:        "[name]-[hash]",
		ChunkNames:        "[name]-[hash]",
		AssetNames:        "[name]-[hash]",
		Sourcemap:         api.SourceMapLinked,
		SourcesContent:    api.SourcesContentInclude,
		Metafile:          true,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		LogLevel:          api.LogLevelSilent,
		Define:            defines(dev),
		Plugins:           []api.Plugin{b.plugin()},
		// Every chunk runs as soon as it loads: the entry mounts the app,
		// a route chunk renders its view. V8's compile hint has Chromium
		// compile all of a chunk's functions while it streams the file in,
		// off the main thread, instead of compiling each on the main thread
		// at its first call; other engines ignore the comment. On the bench
		// app this takes startup script time on the main thread from about
		// 2.4× vanilla JS's to below it (bench/README.md).
		Banner: map[string]string{"js": compileHint},
	}
	return o
}

// compileHint is V8's explicit compile hint for a whole file.
const compileHint = "//# allFunctionsCalledOnLoad"

// defines are the compile-time constants the runtime's dev-only checks test;
// in production the minifier removes the code they guard.
func defines(dev bool) map[string]string {
	v := "false"
	if dev {
		v = "true"
	}
	return map[string]string{"__DEV__": v, "import.meta.env.DEV": v}
}

// metafile is the part of esbuild's metafile the driver reads.
type metafile struct {
	Outputs map[string]struct {
		Imports []struct {
			Path string `json:"path"`
			Kind string `json:"kind"`
		} `json:"imports"`
		EntryPoint string `json:"entryPoint"`
		CSSBundle  string `json:"cssBundle"`
	} `json:"outputs"`
}

// bundled is what esbuild produced, with paths relative to the output directory.
type bundled struct {
	files    map[string][]byte
	script   string   // the entry's JS output
	styles   []string // CSS outputs to link, in order
	preloads []string // chunks to preload (see preloads)
}

// run bundles b's inputs; exec runs esbuild for the entry points (a fresh
// build, or a rebuild of an incremental context).
func (b *bundler) run(exec func(entries []string) api.BuildResult) (*bundled, diag.List) {
	var diags diag.List
	gen := b.gen
	if gen.Entry == "" || gen.Files[gen.Entry] == nil {
		diags.Errorf(source.NoPos, diag.ErrNoEntry, "the generated app has no entry module %q", gen.Entry)
		return nil, diags
	}
	b.virtual = map[string][]byte{}
	entries := []string{appRoot + "/" + gen.Entry}
	if len(gen.Styles) > 0 || len(gen.Fonts) > 0 {
		var css strings.Builder
		if len(gen.Fonts) > 0 {
			b.virtual[fontsCSS] = []byte(fontFaces(gen.Fonts))
			css.WriteString("@import \"./fonts.css\";\n")
			for _, f := range gen.Fonts {
				b.virtual[fontsDir+fontFile(f)] = f.Data
			}
		}
		for _, s := range gen.Styles {
			fmt.Fprintf(&css, "@import %q;\n", "../"+s) // relative to internalDir
		}
		b.virtual[stylesEntry] = []byte(css.String())
		entries = append(entries, stylesEntry)
	}

	r := exec(entries)
	for _, m := range r.Errors {
		diags.Errorf(source.NoPos, diag.ErrBundle, "%s", esbuildMessage(m))
	}
	if len(r.Errors) > 0 {
		return nil, diags
	}
	var meta metafile
	if err := json.Unmarshal([]byte(r.Metafile), &meta); err != nil {
		diags.Errorf(source.NoPos, diag.ErrBundle, "reading the bundler's metafile: %v", err)
		return nil, diags
	}
	out := &bundled{files: make(map[string][]byte, len(r.OutputFiles))}
	for _, f := range r.OutputFiles {
		rel, ok := strings.CutPrefix(f.Path, outRoot+"/")
		if !ok {
			diags.Errorf(source.NoPos, diag.ErrBundle, "bundler wrote outside the output directory: %s", f.Path)
			continue
		}
		out.files[rel] = f.Contents
	}
	rel := func(metaPath string) string { return strings.TrimPrefix(metaPath, "dist/") }
	// Outputs are keyed by path; visit them sorted so the result is deterministic.
	keys := make([]string, 0, len(meta.Outputs))
	for k := range meta.Outputs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	entryIn := strings.TrimPrefix(entries[0], appRoot+"/")
	for _, k := range keys {
		o := meta.Outputs[k]
		switch {
		case o.EntryPoint == entryIn && strings.HasSuffix(k, ".js"):
			out.script = rel(k)
			if o.CSSBundle != "" {
				out.styles = append([]string{rel(o.CSSBundle)}, out.styles...)
			}
		case len(entries) > 1 && o.EntryPoint == strings.TrimPrefix(stylesEntry, appRoot+"/") && strings.HasSuffix(k, ".css"):
			out.styles = append(out.styles, rel(k))
		}
	}
	if out.script == "" {
		diags.Errorf(source.NoPos, diag.ErrBundle, "the bundler produced no output for the entry %s", gen.Entry)
		return nil, diags
	}
	out.preloads = preloads(&meta, "dist/"+out.script)
	for i, p := range out.preloads {
		out.preloads[i] = rel(p)
	}
	return out, diags
}

// preloads lists the chunks index.html preloads, so the browser fetches
// them in parallel instead of discovering them one import at a time: the
// entry and every chunk it imports statically, and the chunks that every
// lazily loaded chunk of the entry imports statically. The generated entry
// loads exactly one of its lazy chunks at startup (the route the URL
// names), so what all of them need is needed at startup whatever the URL;
// the route chunks themselves stay lazy. With fewer than two lazy chunks
// nothing lazy is preloaded.
func preloads(meta *metafile, entry string) []string {
	closure := func(k string) []string {
		seen := map[string]bool{}
		var order []string
		var walk func(string)
		walk = func(k string) {
			if seen[k] {
				return
			}
			seen[k] = true
			order = append(order, k)
			for _, im := range meta.Outputs[k].Imports {
				if im.Kind == "import-statement" {
					walk(im.Path)
				}
			}
		}
		walk(k)
		return order
	}
	eager := closure(entry)
	inEager := map[string]bool{}
	for _, k := range eager {
		inEager[k] = true
	}
	var lazy []string
	for _, k := range eager {
		for _, im := range meta.Outputs[k].Imports {
			if im.Kind == "dynamic-import" && !inEager[im.Path] && !slices.Contains(lazy, im.Path) {
				lazy = append(lazy, im.Path)
			}
		}
	}
	if len(lazy) < 2 {
		return eager
	}
	count := map[string]int{}
	for _, l := range lazy {
		for _, k := range closure(l) {
			count[k]++
		}
	}
	out := eager
	for _, k := range closure(lazy[0]) {
		if count[k] == len(lazy) && !inEager[k] && !slices.Contains(lazy, k) {
			out = append(out, k)
		}
	}
	return out
}

// esbuildMessage formats a bundler message with its location in the
// generated module or the runtime.
func esbuildMessage(m api.Message) string {
	s := m.Text
	if l := m.Location; l != nil {
		file := strings.TrimPrefix(l.File, strings.TrimPrefix(appRoot, "/")+"/")
		s = fmt.Sprintf("%s:%d:%d: %s", file, l.Line, l.Column+1, s)
		if l.LineText != "" {
			s += "\n    " + l.LineText
		}
	}
	if m.PluginName != "" && m.Location == nil {
		s = "bundling: " + s
	}
	return s
}
