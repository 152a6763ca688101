// Package devserver serves an app's development build from memory, rebuilds
// it when its sources change and tells the open pages to reload (jepsh dev).
//
// Safety: it listens on loopback unless explicitly allowed otherwise; it
// serves only the build output and the app directory's own files (no
// dotfiles, no paths that leave the directory, symlinks included); it
// answers GET and HEAD only, with header, URL and time limits.
package devserver

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jepsh/jepsh/internal/build"
	"github.com/jepsh/jepsh/internal/cache"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/staticlayout"
)

// DefaultAddr is where jepsh dev listens by default.
const DefaultAddr = "127.0.0.1:5173"

// Prefix is the URL path prefix of the server's own files.
const Prefix = "/__jepsh/"

// Config configures a Server.
type Config struct {
	// Sources is the app directory as a file system; it is built and its
	// files are served. Required.
	Sources fs.FS
	// Dir is the app directory on disk, watched for changes; "" means
	// Sources is not on disk (an embedded example) and is never rebuilt.
	Dir string
	// Addr is the address to listen on (DefaultAddr when empty).
	Addr string
	// AllowRemote permits a non-loopback Addr.
	AllowRemote bool
	// Log receives build output and diagnostics (io.Discard when nil).
	Log io.Writer
	// Runtime overrides the embedded runtime (tests).
	Runtime fs.FS
	// Debounce is how long the watcher waits for more changes (100 ms when 0).
	Debounce time.Duration
}

// Server is a dev server. Create it with New.
type Server struct {
	cfg   Config
	files fs.FS // the app's files that may be served

	mu      sync.Mutex // serialises builds
	inc     build.Incremental
	cache   *cache.Cache // phase results across rebuilds, in memory
	state   atomic.Pointer[state]
	clients clients
	builds  atomic.Int64
}

// state is one build's outcome, replaced as a whole on each rebuild.
type state struct {
	files     map[string][]byte // output files by name (the last good build's while failed)
	hash      [32]byte          // hash of all output files
	sourceKey build.Key
	failed    bool
	errors    []errorJSON // the diagnostics, formatted
	errorPage []byte
}

// errorJSON is a diagnostic as sent to the dev client.
type errorJSON struct {
	diag.JSON
	Text string `json:"text"` // the full formatted diagnostic: position, message, source line, caret
}

// ErrNotLoopback is returned by New for a non-loopback address without AllowRemote.
var ErrNotLoopback = errors.New("refusing to serve on a non-loopback address")

// New checks the configuration and makes a server; call Run to serve.
func New(cfg Config) (*Server, error) {
	if cfg.Sources == nil {
		return nil, errors.New("devserver: no sources")
	}
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Debounce == 0 {
		cfg.Debounce = 100 * time.Millisecond
	}
	loop, err := IsLoopback(cfg.Addr)
	if err != nil {
		return nil, err
	}
	if !loop && !cfg.AllowRemote {
		return nil, fmt.Errorf("%w %s: the dev server is not meant to be reachable from other machines", ErrNotLoopback, cfg.Addr)
	}
	s := &Server{cfg: cfg, files: cfg.Sources, cache: cache.NewMemory(256 << 20)}
	if cfg.Dir != "" {
		// os.Root refuses paths, symlinks included, that leave the directory.
		root, err := os.OpenRoot(cfg.Dir)
		if err != nil {
			return nil, err
		}
		s.files = root.FS()
	}
	return s, nil
}

// IsLoopback reports whether addr (host:port) names only loopback
// interfaces. An empty host means every interface and is not loopback.
func IsLoopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("bad address %q: %v", addr, err)
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}

// Rebuild loads the sources and, when they changed since the last build,
// builds them and notifies the pages. It reports whether a build ran.
func (s *Server) Rebuild(ctx context.Context) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	src, diags := build.Load(s.cfg.Sources)
	old := s.state.Load()
	if old != nil && !diags.HasErrors() && src.Key == old.sourceKey {
		return false
	}
	start := time.Now()
	var res *build.Result
	if diags.HasErrors() {
		res = build.Build(ctx, s.cfg.Sources, s.buildOptions()) // reports the load errors
	} else {
		res = s.inc.BuildSource(ctx, src, s.buildOptions())
	}
	if ctx.Err() != nil {
		return false
	}
	s.builds.Add(1)
	st := newState(res)
	if st.failed && old != nil {
		// Pages opened before the error keep working: their lazy chunks
		// and assets are still served until a build succeeds.
		st.files = old.files
	}
	if old != nil && st.hash == old.hash && st.failed == old.failed {
		st.sourceKey = res.SourceKey
		s.state.Store(st)
		fmt.Fprintf(s.cfg.Log, "rebuilt in %v: output unchanged\n", time.Since(start).Round(time.Millisecond))
		return true
	}
	s.state.Store(st)
	if st.failed {
		var b bytes.Buffer
		diag.Print(&b, res.FileSet, res.Diagnostics)
		fmt.Fprintf(s.cfg.Log, "%sbuild failed; the page shows the errors\n", b.String())
		s.clients.broadcast(message{Type: "errors", Errors: st.errors})
		return true
	}
	fmt.Fprintf(s.cfg.Log, "built in %v\n", time.Since(start).Round(time.Millisecond))
	if old != nil {
		s.clients.broadcast(message{Type: "reload"})
	}
	return true
}

// Builds returns how many builds have run.
func (s *Server) Builds() int64 { return s.builds.Load() }

func (s *Server) buildOptions() build.Options {
	// The static layout pass runs as in jepsh build, so pages look the same.
	return build.Options{Dev: true, ExtraScripts: []string{Prefix + "client.js"}, Runtime: s.cfg.Runtime,
		Layout: &build.LayoutOptions{Mode: staticlayout.DefaultMode}, Cache: s.cache}
}

func newState(res *build.Result) *state {
	st := &state{files: map[string][]byte{}, sourceKey: res.SourceKey, failed: res.Failed()}
	h := sha256.New()
	for _, f := range res.Files {
		st.files[f.Name] = f.Data
		fmt.Fprintf(h, "%d:%s:%d:", len(f.Name), f.Name, len(f.Data))
		h.Write(f.Data)
	}
	for _, d := range res.Diagnostics {
		var b bytes.Buffer
		diag.Format(&b, res.FileSet, d)
		fmt.Fprint(h, b.String())
		st.errors = append(st.errors, errorJSON{JSON: diag.ToJSON(res.FileSet, d), Text: strings.TrimRight(b.String(), "\n")})
	}
	h.Sum(st.hash[:0])
	if st.failed {
		st.errorPage = errorPage(st.errors)
	}
	return st
}

// Run builds the app, serves it on ln (or on the configured address when ln
// is nil) and, for an app on disk, rebuilds on change, until ctx is done;
// then it shuts down gracefully. ready, when not nil, is called with the
// server's URL once it accepts connections.
func (s *Server) Run(ctx context.Context, ln net.Listener, ready func(url string)) error {
	if ln == nil {
		var err error
		if ln, err = net.Listen("tcp", s.cfg.Addr); err != nil {
			return err
		}
	}
	s.Rebuild(ctx)
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    maxHeaderBytes,
	}
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(ln) }()
	var watchDone chan struct{}
	wctx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	if s.cfg.Dir != "" {
		w, err := newWatcher(s.cfg.Dir, s.cfg.Debounce)
		if err != nil {
			srv.Close()
			return err
		}
		watchDone = make(chan struct{})
		go func() {
			defer close(watchDone)
			w.run(wctx, func() { s.Rebuild(wctx) })
		}()
	}
	if ready != nil {
		ready("http://" + ln.Addr().String() + "/")
	}
	var err error
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	stopWatch()
	if watchDone != nil {
		<-watchDone
	}
	s.inc.Close()
	s.clients.closeAll()
	sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if serr := srv.Shutdown(sctx); err == nil && serr != nil {
		err = serr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}
