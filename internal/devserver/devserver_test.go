package devserver

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// start runs a server for the app in dir on a loopback port.
func start(t *testing.T, dir string) (*Server, string) {
	t.Helper()
	s, err := New(Config{Sources: os.DirFS(dir), Dir: dir, Debounce: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	urlc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln, func(u string) { urlc <- u }) }()
	var url string
	select {
	case url = <-urlc:
	case err := <-done:
		t.Fatalf("server stopped: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("shutdown: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Errorf("server did not shut down")
		}
	})
	return s, strings.TrimSuffix(url, "/")
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// rawGet sends a request line as written, without client-side cleaning.
func rawGet(t *testing.T, base, method, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(conn, method+" "+target+" HTTP/1.1\r\nHost: "+strings.TrimPrefix(base, "http://")+"\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
	b, _ := io.ReadAll(conn)
	resp := string(b)
	var code int
	if len(resp) >= 12 {
		for _, c := range resp[9:12] {
			code = code*10 + int(c-'0')
		}
	}
	return code, resp
}

func TestPathSafety(t *testing.T) {
	root := t.TempDir()
	app := filepath.Join(root, "app")
	writeFile(t, filepath.Join(app, "app.jxl"), "view A {\n")
	writeFile(t, filepath.Join(app, "logo.svg"), "<svg/>")
	writeFile(t, filepath.Join(app, "sub", "ok.txt"), "fine")
	writeFile(t, filepath.Join(app, ".env"), "SECRET=1")
	writeFile(t, filepath.Join(app, ".git", "config"), "secret")
	writeFile(t, filepath.Join(app, "node_modules", "x.js"), "x")
	writeFile(t, filepath.Join(app, "dist", "stale.js"), "stale")
	writeFile(t, filepath.Join(root, "secret.txt"), "outside")
	if err := os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(app, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(root, filepath.Join(app, "up")); err != nil {
		t.Fatal(err)
	}
	_, base := start(t, app)

	tests := []struct {
		method, target string
		want           int
	}{
		{"GET", "/logo.svg", 200},
		{"HEAD", "/logo.svg", 200},
		{"GET", "/sub/ok.txt", 200},
		{"GET", "/app.jxl", 200},
		{"GET", "/../secret.txt", 400},
		{"GET", "/sub/../../secret.txt", 400},
		{"GET", "/%2e%2e/secret.txt", 400},
		{"GET", "/%2E%2E%2Fsecret.txt", 400},
		{"GET", "/sub%2f..%2f..%2fsecret.txt", 400},
		{"GET", "/..%5csecret.txt", 400},
		{"GET", "/sub/..\\..\\secret.txt", 400},
		{"GET", "//etc/passwd", 400},
		{"GET", "/" + filepath.Join(root, "secret.txt"), 400},
		{"GET", "/sub/" + filepath.Join(root, "secret.txt")[1:], 404},
		{"GET", "/link.txt", 404},
		{"GET", "/up/secret.txt", 404},
		{"GET", "/.env", 404},
		{"GET", "/.git/config", 404},
		{"GET", "/sub/.hidden", 404},
		{"GET", "/%2eenv", 404},
		{"GET", "/node_modules/x.js", 404},
		{"GET", "/dist/stale.js", 404},
		{"GET", "/missing.js", 404},
		{"GET", "/a%00b", 400},
		{"GET", "http://evil.example/../secret.txt", 403}, // another host: refused first
		{"GET", "http://127.0.0.1/../secret.txt", 400},
		{"POST", "/logo.svg", 405},
		{"PUT", "/logo.svg", 405},
		{"DELETE", "/", 405},
		{"GET", "/" + strings.Repeat("a", 3000), 414},
		{"GET", "/__jepsh/client.js", 200},
		{"GET", "/__jepsh/nope", 404},
	}
	for _, tt := range tests {
		code, resp := rawGet(t, base, tt.method, tt.target)
		if code != tt.want {
			t.Errorf("%s %s = %d, want %d", tt.method, tt.target, code, tt.want)
		}
		if strings.Contains(resp, "outside") || strings.Contains(resp, "secret") && !strings.Contains(tt.target, "secret") {
			t.Errorf("%s %s leaked a file outside the app:\n%s", tt.method, tt.target, resp)
		}
	}
	// Oversized headers are refused.
	req, _ := http.NewRequest("GET", base+"/logo.svg", nil)
	req.Header.Set("X-Big", strings.Repeat("b", 64<<10))
	if resp, err := http.DefaultClient.Do(req); err == nil {
		if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("64 KiB header: status %d", resp.StatusCode)
		}
		resp.Body.Close()
	}
}

func TestNonLoopbackRefused(t *testing.T) {
	tests := []struct {
		addr   string
		remote bool
		ok     bool
	}{
		{"127.0.0.1:5173", false, true},
		{"localhost:0", false, true},
		{"[::1]:5173", false, true},
		{"127.0.0.2:80", false, true},
		{":5173", false, false},
		{"0.0.0.0:5173", false, false},
		{"[::]:5173", false, false},
		{"192.168.1.10:5173", false, false},
		{"example.com:80", false, false},
		{"0.0.0.0:5173", true, true},
		{"nonsense", false, false},
	}
	for _, tt := range tests {
		_, err := New(Config{Sources: os.DirFS(t.TempDir()), Addr: tt.addr, AllowRemote: tt.remote})
		if (err == nil) != tt.ok {
			t.Errorf("New(%q, remote=%v): err = %v, want ok=%v", tt.addr, tt.remote, err, tt.ok)
		}
		if err != nil && !tt.ok && tt.addr != "nonsense" && !errors.Is(err, ErrNotLoopback) {
			t.Errorf("New(%q): %v is not ErrNotLoopback", tt.addr, err)
		}
	}
}

// dial connects a dev client and returns a function reading its next message.
func dial(t *testing.T, base string) func() message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	conn, _, err := websocket.Dial(ctx, strings.Replace(base, "http://", "ws://", 1)+"/__jepsh/ws",
		&websocket.DialOptions{HTTPHeader: http.Header{"Origin": {base}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.CloseNow() })
	return func() message {
		t.Helper()
		_, data, err := conn.Read(ctx)
		if err != nil {
			t.Fatalf("reading from the dev server: %v", err)
		}
		var m message
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
}

func TestErrorOverlayAndRebuild(t *testing.T) {
	app := t.TempDir()
	src := filepath.Join(app, "app.jxl")
	writeFile(t, src, "view A {\n    let x = \"<script>alert(1)</script>\" )\n}\n")
	s, base := start(t, app)

	// The page shows the errors, escaped, with position and source line.
	code, page := rawGet(t, base, "GET", "/")
	if code != 500 {
		t.Errorf("GET / with errors: status %d", code)
	}
	if strings.Contains(page, "<script>alert") {
		t.Errorf("error page contains unescaped source:\n%s", page)
	}
	for _, want := range []string{"app.jxl:2:", "&lt;script&gt;alert(1)&lt;/script&gt;", `<script type="module" src="/__jepsh/client.js"></script>`} {
		if !strings.Contains(page, want) && !strings.Contains(strings.ReplaceAll(page, "&#34;", "\""), want) {
			t.Errorf("error page lacks %q:\n%s", want, page)
		}
	}
	// A route path gets the same page.
	if code, _ := rawGet(t, base, "GET", "/some/route"); code != 500 {
		t.Errorf("route path with errors: status %d", code)
	}

	// A connecting client is told about the errors at once.
	next := dial(t, base)
	m := next()
	if m.Type != "errors" || len(m.Errors) == 0 || m.Errors[0].File != "app.jxl" || !strings.Contains(m.Errors[0].Text, "alert(1)") {
		t.Fatalf("first message: %+v", m)
	}
	first := m.Errors[0]
	builds := s.Builds()

	// Saving an editor temporary or touching a non-source file rebuilds nothing.
	writeFile(t, filepath.Join(app, ".app.jxl.swp"), "junk")
	writeFile(t, filepath.Join(app, "app.jxl~"), "junk")
	writeFile(t, filepath.Join(app, "notes.txt"), "junk")
	time.Sleep(200 * time.Millisecond)
	if s.Builds() != builds {
		t.Errorf("non-source changes caused %d builds", s.Builds()-builds)
	}
	// Rewriting a file with the same content rebuilds nothing either.
	writeFile(t, src, "view A {\n    let x = \"<script>alert(1)</script>\" )\n}\n")
	time.Sleep(200 * time.Millisecond)
	if s.Builds() != builds {
		t.Errorf("unchanged content caused %d builds", s.Builds()-builds)
	}

	// A change arrives through the websocket as new errors.
	writeFile(t, src, "\n\nview A {\n    let y = 1 +\n}\n")
	m = next()
	if m.Type != "errors" || len(m.Errors) == 0 || m.Errors[0].Line == first.Line {
		t.Fatalf("after the change: %+v (before: line %d)", m, first.Line)
	}
	if s.Builds() != builds+1 {
		t.Errorf("one change caused %d builds", s.Builds()-builds)
	}
	// A directory of sources moved in is picked up, whatever its name.
	staging := filepath.Join(t.TempDir(), "more.v2")
	writeFile(t, filepath.Join(staging, "c.jxl"), "view C {\n    let = \n")
	if err := os.Rename(staging, filepath.Join(app, "more.v2")); err != nil {
		t.Fatal(err)
	}
	m = next()
	moved := false
	for _, e := range m.Errors {
		moved = moved || e.File == "more.v2/c.jxl"
	}
	if m.Type != "errors" || !moved {
		t.Fatalf("after moving in more.v2/: %+v", m)
	}
	// A new source file in a new directory is picked up too.
	writeFile(t, filepath.Join(app, "views", "b.jxl"), "view B {\n    render {\n")
	m = next()
	found := false
	for _, e := range m.Errors {
		found = found || e.File == "views/b.jxl"
	}
	if m.Type != "errors" || !found {
		t.Fatalf("after adding views/b.jxl: %+v", m)
	}
}

func TestClientFiles(t *testing.T) {
	for _, name := range []string{"client.js", "overlay.css"} {
		data, err := clientFiles.ReadFile("client/" + name)
		if err != nil || len(data) == 0 {
			t.Fatalf("%s not embedded", name)
		}
	}
	js, _ := clientFiles.ReadFile("client/client.js")
	// The overlay renders text, never markup.
	if strings.Contains(string(js), "innerHTML") || strings.Contains(string(js), "insertAdjacentHTML") || strings.Contains(string(js), "eval(") {
		t.Errorf("client.js builds markup from strings")
	}
}
