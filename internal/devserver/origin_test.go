package devserver

import (
	"net/http"
	"path/filepath"
	"testing"
)

// Another site open in the browser cannot listen to the dev server's
// websocket: the handshake needs this server's own origin.
func TestWebsocketOrigin(t *testing.T) {
	app := t.TempDir()
	writeFile(t, filepath.Join(app, "app.jxl"), "view A {\n")
	_, base := start(t, app)
	for origin, want := range map[string]int{
		"http://evil.example": http.StatusForbidden,
		"http://127.0.0.1:1":  http.StatusForbidden,
		"null":                http.StatusForbidden,
		base:                  http.StatusSwitchingProtocols,
	} {
		req, _ := http.NewRequest("GET", base+"/__jepsh/ws", nil)
		req.Header.Set("Connection", "Upgrade")
		req.Header.Set("Upgrade", "websocket")
		req.Header.Set("Sec-WebSocket-Version", "13")
		req.Header.Set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
		req.Header.Set("Origin", origin)
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Origin %s: status %d, want %d", origin, resp.StatusCode, want)
		}
	}
}

// Pages of other sites reaching the server through DNS rebinding (their
// own host name resolving to 127.0.0.1) are refused.
func TestHostCheck(t *testing.T) {
	app := t.TempDir()
	writeFile(t, filepath.Join(app, "app.jxl"), "view A {\n")
	writeFile(t, filepath.Join(app, "secret.txt"), "source")
	_, base := start(t, app)
	for host, want := range map[string]int{
		"evil.example":           http.StatusForbidden,
		"evil.example:5173":      http.StatusForbidden,
		"127.0.0.1.nip.io":       http.StatusForbidden,
		"localhost.evil.example": http.StatusForbidden,
		"localhost:5173":         http.StatusOK,
		"app.localhost":          http.StatusOK,
		"127.0.0.1":              http.StatusOK,
		"[::1]:5173":             http.StatusOK,
	} {
		req, _ := http.NewRequest("GET", base+"/secret.txt", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", host, resp.StatusCode, want)
		}
	}
}
