// Package apptest runs an app's browser tests (jepsh test): spec files
// (*.test.js) run in the built app's page in headless Chromium, one fresh
// page per test, with the small API of test.js imported as "jepsh/test".
package apptest

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/evanw/esbuild/pkg/api"

	"github.com/jepsh/jepsh/internal/build"
	"github.com/jepsh/jepsh/internal/build/browser"
)

//go:embed test.js
var harness string

// Spec is one spec file, bundled with the test API.
type Spec struct {
	Name string // path relative to the app directory
	JS   []byte // the bundle the page imports
}

// Result is one test's outcome.
type Result struct {
	File, Test string
	Err        string // "" when the test passed
	Duration   time.Duration
	Screenshot []byte // PNG of the page as the test failed, when it failed
}

// FindSpecs returns the names of the *.test.js files in the app directory,
// skipping the directories the build skips.
func FindSpecs(fsys fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_") || d.Name() == "node_modules" || d.Name() == "dist") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".test.js") && !strings.HasPrefix(d.Name(), ".") {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	return names, err
}

// BundleSpecs bundles each spec file with the test API. Relative imports
// resolve within fsys.
func BundleSpecs(fsys fs.FS, names []string) ([]Spec, error) {
	var specs []Spec
	for _, name := range names {
		r := api.Build(api.BuildOptions{
			EntryPoints: []string{"/" + name},
			Bundle:      true,
			Write:       false,
			Format:      api.FormatESModule,
			Target:      api.ES2020,
			Platform:    api.PlatformBrowser,
			Sourcemap:   api.SourceMapInline,
			LogLevel:    api.LogLevelSilent,
			Plugins: []api.Plugin{{Name: "jepsh-test", Setup: func(b api.PluginBuild) {
				b.OnResolve(api.OnResolveOptions{Filter: `.*`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
					switch {
					case a.Path == "jepsh/test":
						return api.OnResolveResult{Path: "/test.js", Namespace: "jepsh-test"}, nil
					case a.Kind == api.ResolveEntryPoint:
						return api.OnResolveResult{Path: a.Path, Namespace: "spec"}, nil
					case strings.HasPrefix(a.Path, "./") || strings.HasPrefix(a.Path, "../"):
						return api.OnResolveResult{Path: path.Join(path.Dir(a.Importer), a.Path), Namespace: "spec"}, nil
					}
					return api.OnResolveResult{}, fmt.Errorf("cannot import %q in a test: only relative paths and \"jepsh/test\"", a.Path)
				})
				b.OnLoad(api.OnLoadOptions{Filter: `.*`}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
					if a.Namespace == "jepsh-test" {
						return api.OnLoadResult{Contents: &harness, Loader: api.LoaderJS}, nil
					}
					p := strings.TrimPrefix(a.Path, "/")
					if !fs.ValidPath(p) {
						return api.OnLoadResult{}, fmt.Errorf("%s is outside the app", a.Path)
					}
					data, err := fs.ReadFile(fsys, p)
					if err != nil {
						return api.OnLoadResult{}, err
					}
					s := string(data)
					return api.OnLoadResult{Contents: &s, Loader: api.LoaderJS, ResolveDir: path.Dir(a.Path)}, nil
				})
			}}},
		})
		if len(r.Errors) > 0 {
			msgs := api.FormatMessages(r.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
			return nil, fmt.Errorf("%s:\n%s", name, strings.Join(msgs, ""))
		}
		specs = append(specs, Spec{Name: name, JS: r.OutputFiles[0].Contents})
	}
	return specs, nil
}

// probe is installed in every page before its scripts: it records uncaught
// errors and Content-Security-Policy violations, which fail the test.
const probe = `window.__jepshProblems = [];
addEventListener("error", e => __jepshProblems.push(e.message));
addEventListener("unhandledrejection", e => __jepshProblems.push("unhandled rejection: " + (e.reason && e.reason.message || e.reason)));
document.addEventListener("securitypolicyviolation", e => __jepshProblems.push("Content-Security-Policy violation: " + e.violatedDirective + " " + e.blockedURI));`

// specPrefix is the URL path under which the spec bundles are served.
const specPrefix = "/__jepsh/spec/"

// handler serves the built app from memory, the spec bundles, and index.html
// for route paths.
func handler(files []build.File, specs []Spec) http.Handler {
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Data
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := r.URL.Path
		name := strings.TrimPrefix(p, "/")
		var data []byte
		ctype := ""
		if rest, ok := strings.CutPrefix(p, specPrefix); ok {
			i, err := strconv.Atoi(strings.TrimSuffix(rest, ".js"))
			if err != nil || i < 0 || i >= len(specs) {
				http.NotFound(w, r)
				return
			}
			data, ctype = specs[i].JS, "text/javascript; charset=utf-8"
		} else if d, ok := byName[name]; ok {
			data = d
		} else if name == "" || path.Ext(name) == "" {
			data, name = byName["index.html"], "index.html"
		} else {
			http.NotFound(w, r)
			return
		}
		if ctype == "" {
			switch path.Ext(name) {
			case ".js":
				ctype = "text/javascript; charset=utf-8"
			case ".css":
				ctype = "text/css; charset=utf-8"
			case ".html":
				ctype = "text/html; charset=utf-8"
			case ".woff2":
				ctype = "font/woff2"
			default:
				ctype = "application/octet-stream"
			}
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-store")
		w.Write(data)
	})
}

// Run serves the built app on loopback, runs every test of every spec in a
// fresh page of headless Chromium, and reports each result to w as it
// finishes. It returns the results; err is for failures to run at all (no
// browser, a spec that does not load).
func Run(ctx context.Context, files []build.File, specs []Spec, w io.Writer) ([]Result, error) {
	return RunMatching(ctx, files, specs, nil, w)
}

// RunMatching is Run for the tests whose name match reports true (all when
// match is nil).
func RunMatching(ctx context.Context, files []build.File, specs []Spec, match func(name string) bool, w io.Writer) ([]Result, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: handler(files, specs), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	bctx, stop, err := browser.Start(ctx)
	if err != nil {
		return nil, err
	}
	defer stop()

	var results []Result
	for i, spec := range specs {
		names, _, err := runInPage[[]string](bctx, base, i, `window.__jepshTest.names()`)
		if err != nil {
			return results, fmt.Errorf("%s: %v", spec.Name, err)
		}
		if len(names) == 0 {
			fmt.Fprintf(w, "?     %s: no tests\n", spec.Name)
		}
		for j, name := range names {
			if match != nil && !match(name) {
				continue
			}
			start := time.Now()
			msg, shot, err := runInPage[string](bctx, base, i, fmt.Sprintf(`window.__jepshTest.run(%d)`, j))
			if err != nil {
				msg = err.Error()
			}
			res := Result{File: spec.Name, Test: name, Err: msg, Duration: time.Since(start)}
			if msg != "" {
				res.Screenshot = shot
			}
			results = append(results, res)
			if res.Err == "" {
				fmt.Fprintf(w, "ok    %s › %s (%v)\n", res.File, res.Test, res.Duration.Round(time.Millisecond))
			} else {
				fmt.Fprintf(w, "FAIL  %s › %s (%v)\n      %s\n", res.File, res.Test, res.Duration.Round(time.Millisecond),
					strings.ReplaceAll(res.Err, "\n", "\n      "))
			}
		}
	}
	return results, nil
}

// runInPage opens the app in a new tab, loads spec i, evaluates expr (a
// promise or a value) and fails if the page reported a problem meanwhile.
// For a test (a string result) it also returns a screenshot of the page as
// the test ended.
func runInPage[T any](bctx context.Context, base string, spec int, expr string) (T, []byte, error) {
	var zero T
	tab, cancel := chromedp.NewContext(bctx)
	defer cancel()
	tab, cancel2 := context.WithTimeout(tab, 30*time.Second)
	defer cancel2()
	if err := chromedp.Do(tab, browser.InitScript(probe), chromedp.Navigate(base+"/")); err != nil {
		return zero, nil, fmt.Errorf("opening the app: %v", err)
	}
	load := fmt.Sprintf(`import(%q).then(() => true)`, base+specPrefix+strconv.Itoa(spec)+".js")
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](load, chromedp.EvalAwaitPromise)); err != nil {
		return zero, nil, fmt.Errorf("loading the spec: %v", err)
	}
	v, err := chromedp.Run(tab, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return zero, nil, err
	}
	problems, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`window.__jepshProblems`))
	if err == nil && len(problems) > 0 {
		if s, ok := any(v).(string); ok {
			// A test result: the page's problems fail it.
			if s != "" {
				problems = append([]string{s}, problems...)
			}
			v = any(strings.Join(problems, "\n")).(T)
		} else {
			return zero, nil, fmt.Errorf("%s", strings.Join(problems, "\n"))
		}
	}
	var shot []byte
	if s, ok := any(v).(string); ok && s != "" {
		shot, _ = chromedp.Run(tab, chromedp.CaptureScreenshot())
	}
	return v, shot, nil
}
