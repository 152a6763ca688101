package uibench

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/jepsh/jepsh/internal/bench/result"
	jrt "github.com/jepsh/jepsh/internal/runtime"
)

// Paths of the suite's inputs, relative to the repository root.
const (
	PeersDir   = "bench/ui"                                 // package.json, build.mjs, src/
	ExampleDir = "examples/bench"                           // the JXL bench app
	HandDir    = "internal/runtime/testdata/compiled/bench" // the runtime's hand-compiled bench app
	peerOutDir = "bench/ui/dist"                            // gitignored build output
	peerStamp  = "manifest.json"
)

var peerNames = []string{"vanilla", "solid", "svelte"}

var peerLabels = map[string]string{
	"vanilla": "Vanilla JS (hand-written, vanillajs-keyed style)",
	"solid":   "SolidJS",
	"svelte":  "Svelte 5",
}

func (o *Options) wants(name string) bool {
	return len(o.Impls) == 0 || slices.Contains(o.Impls, name) ||
		(strings.HasPrefix(name, "jepsh") && slices.Contains(o.Impls, "jepsh"))
}

// prepare builds what can be built and returns the implementations to run;
// the rest go to doc.Skipped with the reason.
func prepare(ctx context.Context, o *Options, work string, doc *result.Doc) []*impl {
	var out []*impl
	if o.wants("jepsh") || o.wants("jepsh-hand") {
		ims, err := buildJepsh(ctx, o, work, doc)
		if err != nil {
			doc.Skipped = append(doc.Skipped, result.Skip{What: "ui/jepsh", Reason: err.Error()})
		}
		out = append(out, ims...)
	}
	var peers []string
	for _, n := range peerNames {
		if o.wants(n) {
			peers = append(peers, n)
		}
	}
	if len(peers) > 0 {
		man, err := buildPeers(ctx, o)
		if err != nil {
			for _, n := range peers {
				doc.Skipped = append(doc.Skipped, result.Skip{What: "ui/" + n, Reason: err.Error()})
			}
		}
		for _, n := range peers {
			if err != nil {
				continue
			}
			var v []string
			for _, lib := range slices.Sorted(maps.Keys(man.Impls[n])) {
				v = append(v, lib+"@"+man.Impls[n][lib])
			}
			out = append(out, &impl{name: n, dir: filepath.Join(o.Root, peerOutDir, n), info: result.Impl{
				Label: peerLabels[n], Source: PeersDir + "/src/" + n, Version: strings.Join(v, " "),
			}})
		}
	}
	for _, im := range out {
		doc.Impls[im.name] = im.info
	}
	return out
}

type manifest struct {
	Esbuild string                       `json:"esbuild"`
	Impls   map[string]map[string]string `json:"impls"`
}

// buildPeers installs bench/ui's pinned npm packages when missing and
// rebuilds dist/ when a source is newer than it.
func buildPeers(ctx context.Context, o *Options) (*manifest, error) {
	dir := filepath.Join(o.Root, PeersDir)
	if _, err := exec.LookPath("node"); err != nil {
		return nil, fmt.Errorf("node is not installed (needed to build the peer apps)")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "svelte", "package.json")); err != nil {
		o.progress("ui: npm ci in %s", PeersDir)
		cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("npm ci in %s: %v\n%s", PeersDir, err, tail(out))
		}
	}
	stamp := filepath.Join(o.Root, peerOutDir, peerStamp)
	if stale(stamp, filepath.Join(dir, "src"), filepath.Join(dir, "build.mjs"), filepath.Join(dir, "package-lock.json")) {
		o.progress("ui: build peer apps (node %s/build.mjs)", PeersDir)
		cmd := exec.CommandContext(ctx, "node", "build.mjs")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("node build.mjs: %v\n%s", err, tail(out))
		}
	}
	b, err := os.ReadFile(stamp)
	if err != nil {
		return nil, err
	}
	var m manifest
	return &m, json.Unmarshal(b, &m)
}

// stale reports whether target is missing or older than any file under srcs.
func stale(target string, srcs ...string) bool {
	st, err := os.Stat(target)
	if err != nil {
		return true
	}
	newer := false
	for _, s := range srcs {
		filepath.WalkDir(s, func(_ string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if info, err := d.Info(); err == nil && info.ModTime().After(st.ModTime()) {
				newer = true
			}
			return nil
		})
	}
	return newer
}

func tail(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 2000 {
		s = "…" + s[len(s)-2000:]
	}
	return s
}

// buildJepsh builds examples/bench with jepsh build (impl "jepsh") and
// prepares the runtime's hand-compiled bench app (impl "jepsh-hand", labelled
// as such): the compiler's output and what the runtime can do by hand. When
// jepsh build fails, the reason goes into the notes and the hand-compiled app
// stands in.
func buildJepsh(ctx context.Context, o *Options, work string, doc *result.Doc) ([]*impl, error) {
	var out []*impl
	var why string
	if !o.wants("jepsh") || (len(o.Impls) > 0 && !slices.Contains(o.Impls, "jepsh")) {
		why = "not selected"
	} else if _, err := os.Stat(filepath.Join(o.Root, ExampleDir)); err != nil {
		why = ExampleDir + " does not exist"
	} else {
		dir := filepath.Join(work, "jepsh")
		o.progress("ui: jepsh build %s", ExampleDir)
		cctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
		cmd := exec.CommandContext(cctx, "go", "run", "./cmd/jepsh", "build", ExampleDir, "-o", dir)
		cmd.Dir = o.Root
		b, err := cmd.CombinedOutput()
		cancel()
		switch {
		case err != nil:
			why = fmt.Sprintf("jepsh build %s failed: %v: %s", ExampleDir, err, firstLine(b))
		default:
			if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
				why = "jepsh build " + ExampleDir + " wrote no index.html"
			} else {
				out = append(out, &impl{name: "jepsh", dir: dir, info: result.Impl{
					Label: "Jepsh (examples/bench, jepsh build)", Source: ExampleDir,
				}})
			}
		}
	}
	if !o.wants("jepsh-hand") {
		return out, nil
	}
	hand := filepath.Join(o.Root, HandDir)
	if _, err := os.Stat(filepath.Join(hand, "index.html")); err != nil {
		if len(out) > 0 {
			return out, nil
		}
		return nil, fmt.Errorf("%s, and there is no hand-compiled app at %s", why, HandDir)
	}
	dir := filepath.Join(work, "jepsh-hand")
	if err := bundleHand(hand, dir); err != nil {
		if len(out) > 0 {
			doc.Notes = append(doc.Notes, "the hand-compiled app did not bundle: "+err.Error())
			return out, nil
		}
		return nil, fmt.Errorf("%s; bundling %s: %v", why, HandDir, err)
	}
	note := "the runtime's hand-compiled bench app (" + HandDir + "), not compiler output"
	if why != "" && why != "not selected" {
		doc.Notes = append(doc.Notes, "jepsh-hand is "+note+"; examples/bench itself: "+why)
	}
	return append(out, &impl{name: "jepsh-hand", dir: dir, info: result.Impl{
		Label:  "Jepsh, hand-compiled (runtime test app, not compiler output)",
		Source: HandDir,
		Note:   why,
	}}), nil
}

func firstLine(b []byte) string {
	s := strings.TrimSpace(string(b))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	return s
}

var importRe = regexp.MustCompile(`(?m)^\s*import\b`)

// bundleHand copies the hand-compiled app to out; a main.js that still
// imports modules (the runtime's "jepsh/runtime" specifiers) is bundled and
// minified with esbuild, as jepsh build does.
func bundleHand(src, out string) error {
	if err := os.CopyFS(out, os.DirFS(src)); err != nil {
		return err
	}
	entry := filepath.Join(src, "main.js")
	b, err := os.ReadFile(entry)
	if err != nil || !importRe.Match(b) {
		return nil // no main.js, or already a bundle: serve as is
	}
	r := api.Build(api.BuildOptions{
		EntryPoints:       []string{entry},
		Outfile:           filepath.Join(out, "main.js"),
		Bundle:            true,
		Write:             true,
		AllowOverwrite:    true,
		Format:            api.FormatESModule,
		Target:            api.ES2022,
		Platform:          api.PlatformBrowser,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LogLevel:          api.LogLevelSilent,
		Plugins:           []api.Plugin{jrt.Plugin()}, // "jepsh/runtime[/…]" imports
	})
	if len(r.Errors) > 0 {
		return fmt.Errorf("%s", r.Errors[0].Text)
	}
	return nil
}
