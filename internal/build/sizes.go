package build

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Size is one output file's size, raw and gzip-compressed.
type Size struct {
	Name      string
	Raw, Gzip int
}

// Sizes measures every file (gzip at the best compression level, as a
// server would precompress them), in parallel.
func Sizes(files []File) []Size {
	out := make([]Size, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = Size{Name: f.Name, Raw: len(f.Data), Gzip: GzipSize(f.Data)}
		}()
	}
	wg.Wait()
	return out
}

// GzipSize returns the length of data compressed with gzip -9.
func GzipSize(data []byte) int {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	return buf.Len()
}

// WriteSizes prints a table of the files' raw and gzip sizes. The total
// counts what a browser loads; source maps are listed but not counted. A
// second total counts the JavaScript alone, the figure size budgets use.
func WriteSizes(w io.Writer, prefix string, sizes []Size) {
	width := len("total js")
	for _, s := range sizes {
		width = max(width, len(prefix)+len(s.Name))
	}
	var raw, gz, jsRaw, jsGz int
	fmt.Fprintf(w, "%-*s  %10s  %10s\n", width, "file", "size", "gzip")
	for _, s := range sizes {
		fmt.Fprintf(w, "%-*s  %10s  %10s\n", width, prefix+s.Name, kb(s.Raw), kb(s.Gzip))
		if !strings.HasSuffix(s.Name, ".map") {
			raw += s.Raw
			gz += s.Gzip
		}
		if strings.HasSuffix(s.Name, ".js") {
			jsRaw += s.Raw
			jsGz += s.Gzip
		}
	}
	fmt.Fprintf(w, "%-*s  %10s  %10s  (without source maps)\n", width, "total", kb(raw), kb(gz))
	fmt.Fprintf(w, "%-*s  %10s  %10s  (every chunk, eager and lazy)\n", width, "total js", kb(jsRaw), kb(jsGz))
}

func kb(n int) string {
	if n < 1000 {
		return fmt.Sprintf("%d B", n)
	}
	return fmt.Sprintf("%.2f kB", float64(n)/1000)
}
