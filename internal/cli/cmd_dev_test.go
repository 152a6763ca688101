package cli

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// With no directory, jepsh dev builds and serves the bundled example, and
// stops cleanly when its context ends.
func TestDevServesBundledExample(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errs syncBuffer
	env := &Env{Ctx: ctx, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errs, Dir: t.TempDir()}
	done := make(chan int, 1)
	go func() { done <- commands["dev"].Run(env, []string{"--addr", "127.0.0.1:0"}) }()
	urlRE := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var url string
	for end := time.Now().Add(20 * time.Second); url == "" && time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		url = urlRE.FindString(out.String())
		select {
		case code := <-done:
			t.Fatalf("jepsh dev exited %d\n%s%s", code, out.String(), errs.String())
		default:
		}
	}
	if url == "" {
		t.Fatalf("jepsh dev printed no URL\n%s%s", out.String(), errs.String())
	}
	if !strings.Contains(out.String(), "bundled example app counter") {
		t.Errorf("jepsh dev does not say what it serves:\n%s", out.String())
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "<title>Jepsh • Counter</title>") {
		t.Errorf("GET %s: %d\n%s\n%s", url, resp.StatusCode, body, errs.String())
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("jepsh dev exited %d after cancel\n%s", code, errs.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("jepsh dev did not stop")
	}
}

func TestDevRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:5173", ":5173", "192.168.0.1:80"} {
		code, _, errs := run(t, t.TempDir(), "dev", "--addr", addr)
		if code != 1 || !strings.Contains(errs, "non-loopback") || !strings.Contains(errs, "--host") {
			t.Errorf("jepsh dev --addr %s: exit %d\n%s", addr, code, errs)
		}
	}
	if code, _, errs := run(t, t.TempDir(), "dev", "--example", "nope"); code != 1 || !strings.Contains(errs, "no example app") {
		t.Errorf("jepsh dev --example nope: exit %d\n%s", code, errs)
	}
}

func TestListenDevNextPort(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	addr := busy.Addr().String()
	if _, err := listenDev(addr, false); err == nil {
		t.Errorf("listening on a taken, explicit address succeeded")
	}
	ln, err := listenDev(addr, true)
	if err != nil {
		t.Skipf("no free port next to %s: %v", addr, err)
	}
	defer ln.Close()
	if ln.Addr().String() == addr {
		t.Errorf("listenDev returned the taken address")
	}
}
