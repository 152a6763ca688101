package devserver

import (
	"bytes"
	"embed"
	"html"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"
)

// Request limits.
const (
	maxHeaderBytes = 16 << 10
	maxURLBytes    = 2048
)

//go:embed client/client.js client/overlay.css
var clientFiles embed.FS

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !s.cfg.AllowRemote && !loopbackHost(r.Host) {
		// A page of another site whose name was made to resolve to
		// 127.0.0.1 (DNS rebinding) would otherwise read the app's files.
		http.Error(w, "this dev server answers only to localhost and loopback addresses", http.StatusForbidden)
		return
	}
	if len(r.RequestURI) > maxURLBytes {
		http.Error(w, "URL too long", http.StatusRequestURITooLong)
		return
	}
	name, status := cleanPath(r.URL.Path, r.URL.RawPath)
	if status != 0 {
		http.Error(w, http.StatusText(status), status)
		return
	}
	if rest, ok := strings.CutPrefix(name, strings.TrimPrefix(Prefix, "/")); ok {
		s.serveInternal(w, r, rest)
		return
	}
	st := s.state.Load()
	if st == nil {
		http.Error(w, "building", http.StatusServiceUnavailable)
		return
	}
	if name == "" || name == "index.html" {
		s.serveIndex(w, r, st)
		return
	}
	if data, ok := st.files[name]; ok {
		serveBytes(w, r, name, data)
		return
	}
	if s.serveAppFile(w, r, name) {
		return
	}
	// A route path (no extension) of a page navigation gets the app, which
	// routes on the client.
	if path.Ext(name) == "" && strings.Contains(r.Header.Get("Accept"), "text/html") {
		s.serveIndex(w, r, st)
		return
	}
	http.NotFound(w, r)
}

// loopbackHost reports whether a Host header names this machine by a
// loopback address or localhost.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// cleanPath checks a request path and returns the file name it names,
// relative to the served root, or an HTTP status for a bad path: 400 for
// paths that try to climb out (.., encoded or not, backslashes, NUL, empty
// segments) and 404 for dotfiles, which exist only as far as the server
// admits.
func cleanPath(p, raw string) (string, int) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", http.StatusBadRequest
	}
	if strings.Contains(strings.ToLower(raw), "%2f") || strings.Contains(strings.ToLower(raw), "%5c") {
		return "", http.StatusBadRequest // an encoded separator hides a segment boundary
	}
	name := p[1:]
	if name == "" {
		return "", 0
	}
	for _, seg := range strings.Split(name, "/") {
		switch {
		case seg == "." || seg == "..":
			return "", http.StatusBadRequest
		case seg == "":
			if !strings.HasSuffix(name, "/") {
				return "", http.StatusBadRequest
			}
		case strings.HasPrefix(seg, "."):
			return "", http.StatusNotFound
		}
	}
	name = strings.TrimSuffix(name, "/")
	if name != "" && !fs.ValidPath(name) {
		return "", http.StatusBadRequest
	}
	return name, 0
}

// serveAppFile serves a regular file of the app directory (not from a
// skipped directory such as node_modules or a stale dist/).
func (s *Server) serveAppFile(w http.ResponseWriter, r *http.Request, name string) bool {
	first, _, _ := strings.Cut(name, "/")
	if first == "node_modules" || first == "dist" || strings.HasPrefix(first, "_") {
		return false
	}
	f, err := s.files.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > 64<<20 {
		return false
	}
	data := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return false
	}
	serveBytes(w, r, name, data)
	return true
}

func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request, st *state) {
	if st.failed {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		if r.Method != http.MethodHead {
			w.Write(st.errorPage)
		}
		return
	}
	serveBytes(w, r, "index.html", st.files["index.html"])
}

func (s *Server) serveInternal(w http.ResponseWriter, r *http.Request, name string) {
	switch name {
	case "ws":
		s.serveWS(w, r)
	case "client.js", "overlay.css":
		data, _ := clientFiles.ReadFile("client/" + name)
		serveBytes(w, r, name, data)
	default:
		http.NotFound(w, r)
	}
}

func serveBytes(w http.ResponseWriter, r *http.Request, name string, data []byte) {
	ct := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".js", ".mjs":
		ct = "text/javascript; charset=utf-8"
	case ".map":
		ct = "application/json"
	case ".jxl", ".yml":
		ct = "text/plain; charset=utf-8"
	case ".woff2":
		ct = "font/woff2"
	}
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// errorPage is the page served instead of the app while the build fails.
// Every diagnostic is escaped; the dev client reloads it when fixed.
func errorPage(errors []errorJSON) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; object-src 'none'; base-uri 'none'\">\n")
	b.WriteString("<title>Build failed</title>\n")
	b.WriteString("<link rel=\"stylesheet\" href=\"" + Prefix + "overlay.css\">\n")
	b.WriteString("<script type=\"module\" src=\"" + Prefix + "client.js\"></script>\n")
	b.WriteString("</head>\n<body>\n<div class=\"jepsh-overlay\" role=\"alert\">\n")
	n := len(errors)
	if n == 1 {
		b.WriteString("<h1>1 compile error</h1>\n")
	} else {
		b.WriteString("<h1>" + strconv.Itoa(n) + " compile errors</h1>\n")
	}
	for _, e := range errors {
		b.WriteString("<pre class=\"jepsh-error\">" + html.EscapeString(e.Text) + "</pre>\n")
	}
	b.WriteString("</div>\n</body>\n</html>\n")
	return []byte(b.String())
}
