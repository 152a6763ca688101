package uibench

import (
	"bytes"
	"compress/gzip"

	"github.com/andybalholm/brotli"
)

// compressedSizes returns the size of b raw, gzipped at level 9 and
// brotli-compressed at quality 11 (what a static host would serve).
func compressedSizes(b []byte) (raw, gz, br int) {
	var g bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	var r bytes.Buffer
	bw := brotli.NewWriterLevel(&r, brotli.BestCompression)
	bw.Write(b)
	bw.Close()
	return len(b), g.Len(), r.Len()
}
