package bench

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Progress prints one line per step with the elapsed time. On a terminal the
// time is dimmed; otherwise the output is plain text.
type Progress struct {
	mu    sync.Mutex
	w     io.Writer
	tty   bool
	start time.Time
}

// NewProgress writes to w (nil: nowhere).
func NewProgress(w io.Writer) *Progress {
	p := &Progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 && os.Getenv("TERM") != "dumb" {
			p.tty = true
		}
	}
	return p
}

// Step prints a line.
func (p *Progress) Step(format string, args ...any) {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	el := fmt.Sprintf("[%6.1fs]", time.Since(p.start).Seconds())
	if p.tty {
		el = "\x1b[2m" + el + "\x1b[0m"
	}
	fmt.Fprintf(p.w, "%s %s\n", el, fmt.Sprintf(format, args...))
}
