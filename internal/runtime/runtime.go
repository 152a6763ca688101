// Package runtime embeds the Jepsh web runtime: small ES modules that generated
// view modules import. The reactive core (core.js) has no DOM dependency; the
// DOM layer, lifecycle, router and standard library build on its public API.
//
// Generated code imports the runtime with bare specifiers:
//
//	import { atom, template, list } from "jepsh/runtime"   // index.js
//	import { scheduledTimer } from "jepsh/runtime/std/timer"
//
// Plugin resolves those specifiers to the embedded files for esbuild, so a
// build needs no node_modules and tree shaking drops every unused export.
package runtime

import (
	"embed"
	"io/fs"
	"path"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

//go:embed *.js std/*.js
var files embed.FS

// Specifier is the import path generated code uses for the runtime.
const Specifier = "jepsh/runtime"

const namespace = "jepsh-runtime"

// FS returns the runtime's JavaScript modules (tests excluded).
func FS() fs.FS { return runtimeFS{} }

type runtimeFS struct{}

func (runtimeFS) Open(name string) (fs.File, error) {
	if isTest(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return files.Open(name)
}

func (runtimeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	all, err := files.ReadDir(name)
	if err != nil {
		return nil, err
	}
	out := all[:0:0]
	for _, e := range all {
		if !isTest(e.Name()) {
			out = append(out, e)
		}
	}
	return out, nil
}

func isTest(name string) bool { return strings.HasSuffix(name, ".test.js") }

// Module maps an import specifier to the embedded file it names:
// "jepsh/runtime" → "index.js", "jepsh/runtime/std/timer" → "std/timer.js".
// ok is false for specifiers outside the runtime or naming no file.
func Module(spec string) (file string, ok bool) {
	switch {
	case spec == Specifier:
		file = "index.js"
	case strings.HasPrefix(spec, Specifier+"/"):
		file = strings.TrimPrefix(spec, Specifier+"/")
		if !strings.HasSuffix(file, ".js") {
			file += ".js"
		}
	default:
		return "", false
	}
	if _, err := fs.Stat(FS(), file); err != nil {
		return "", false
	}
	return file, true
}

// Plugin is an esbuild plugin that resolves "jepsh/runtime[/...]" imports,
// and the relative imports between runtime modules, to the embedded files.
// Runtime modules are declared free of side effects so unused ones vanish.
func Plugin() api.Plugin {
	return api.Plugin{
		Name: "jepsh-runtime",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: `^jepsh/runtime(/.*)?$`},
				func(a api.OnResolveArgs) (api.OnResolveResult, error) {
					file, ok := Module(a.Path)
					if !ok {
						return api.OnResolveResult{Errors: []api.Message{{Text: "unknown runtime module " + a.Path}}}, nil
					}
					return api.OnResolveResult{Path: file, Namespace: namespace, SideEffects: api.SideEffectsFalse}, nil
				})
			b.OnResolve(api.OnResolveOptions{Filter: `^\.\.?/`, Namespace: namespace},
				func(a api.OnResolveArgs) (api.OnResolveResult, error) {
					file := path.Join(path.Dir(a.Importer), a.Path)
					if _, err := fs.Stat(FS(), file); err != nil {
						return api.OnResolveResult{Errors: []api.Message{{Text: "runtime module " + a.Importer + " imports missing " + a.Path}}}, nil
					}
					return api.OnResolveResult{Path: file, Namespace: namespace, SideEffects: api.SideEffectsFalse}, nil
				})
			b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: namespace},
				func(a api.OnLoadArgs) (api.OnLoadResult, error) {
					src, err := fs.ReadFile(FS(), a.Path)
					if err != nil {
						return api.OnLoadResult{}, err
					}
					s := string(src)
					return api.OnLoadResult{Contents: &s, Loader: api.LoaderJS}, nil
				})
		},
	}
}
