package devserver

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// message is what the server tells a dev client.
type message struct {
	Type   string      `json:"type"` // "reload", "errors" or "ok"
	Errors []errorJSON `json:"errors,omitempty"`
}

// clients are the connected dev clients.
type clients struct {
	mu    sync.Mutex
	conns map[*websocket.Conn]chan []byte
	done  bool
}

func (c *clients) add(conn *websocket.Conn) (chan []byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		return nil, false
	}
	if c.conns == nil {
		c.conns = map[*websocket.Conn]chan []byte{}
	}
	ch := make(chan []byte, 8)
	c.conns[conn] = ch
	return ch, true
}

func (c *clients) remove(conn *websocket.Conn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ch, ok := c.conns[conn]; ok {
		delete(c.conns, conn)
		close(ch)
	}
}

// broadcast queues m for every client; a client too slow to keep up misses it
// and reloads when it reconnects.
func (c *clients) broadcast(m message) {
	data, _ := json.Marshal(m)
	c.mu.Lock()
	defer c.mu.Unlock()
	for conn, ch := range c.conns {
		select {
		case ch <- data:
		default:
			conn.CloseNow() // no handshake under the lock
		}
	}
}

// closeAll disconnects every client, concurrently, and refuses new ones
// (shutdown).
func (c *clients) closeAll() {
	c.mu.Lock()
	c.done = true
	conns := make([]*websocket.Conn, 0, len(c.conns))
	for conn, ch := range c.conns {
		conns = append(conns, conn)
		close(ch)
		delete(c.conns, conn)
	}
	c.mu.Unlock()
	var wg sync.WaitGroup
	for _, conn := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			conn.Close(websocket.StatusGoingAway, "server shutting down")
		}()
	}
	wg.Wait()
}

// count returns the number of connected clients.
func (c *clients) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.conns)
}

func (s *Server) serveWS(w http.ResponseWriter, r *http.Request) {
	// The connection outlives the server's read and write timeouts.
	rc := http.NewResponseController(w)
	rc.SetReadDeadline(time.Time{})
	rc.SetWriteDeadline(time.Time{})
	// Accept checks that the Origin is this server, so other sites cannot
	// listen in.
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	conn.SetReadLimit(1 << 10)
	ch, ok := s.clients.add(conn)
	if !ok {
		conn.Close(websocket.StatusGoingAway, "server shutting down")
		return
	}
	defer s.clients.remove(conn)
	ctx := conn.CloseRead(r.Context()) // clients send nothing; this handles pings and close
	if st := s.state.Load(); st != nil && st.failed {
		data, _ := json.Marshal(message{Type: "errors", Errors: st.errors})
		if write(ctx, conn, data) != nil {
			return
		}
	}
	for {
		select {
		case <-ctx.Done():
			return
		case data, ok := <-ch:
			if !ok {
				return
			}
			if write(ctx, conn, data) != nil {
				return
			}
		}
	}
}

func write(ctx context.Context, conn *websocket.Conn, data []byte) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return conn.Write(ctx, websocket.MessageText, data)
}
