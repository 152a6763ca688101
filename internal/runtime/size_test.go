package runtime

import (
	"bytes"
	"compress/gzip"
	"sort"
	"testing"
)

// TestBundleSize builds each compiled app as a production build does and
// checks the gzip size of all its JavaScript (runtime included) against the
// budget. Run with -v to see the figures.
func TestBundleSize(t *testing.T) {
	tests := []struct {
		app    string
		budget int // gzip bytes, all JS files of the app
	}{
		{"counter", 4 * 1024},
		{"todomvc", 8 * 1024},
		{"bench", 8 * 1024},
	}
	for _, tc := range tests {
		t.Run(tc.app, func(t *testing.T) {
			b := bundle(t, tc.app)
			names := make([]string, 0, len(b.Files))
			for n := range b.Files {
				names = append(names, n)
			}
			sort.Strings(names)
			raw, gz := 0, 0
			for _, n := range names {
				g := gzipSize(t, b.Files[n])
				t.Logf("%-24s %6d B  %5d B gzip", n, len(b.Files[n]), g)
				raw += len(b.Files[n])
				gz += g
			}
			t.Logf("%-24s %6d B  %5d B gzip (budget %d)", "total", raw, gz, tc.budget)
			if gz > tc.budget {
				t.Errorf("%s: %d B gzip of JS, budget %d B", tc.app, gz, tc.budget)
			}
		})
	}
}

func gzipSize(t testing.TB, b []byte) int {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(b)
	w.Close()
	return buf.Len()
}
