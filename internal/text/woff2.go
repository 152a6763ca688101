package text

import (
	"bytes"
	"encoding/binary"
	"errors"
	"sort"

	"github.com/andybalholm/brotli"
)

// WOFF2 encodes an sfnt font file (TrueType or OpenType) as WOFF2
// (https://www.w3.org/TR/WOFF2/). Tables keep their bytes (null transforms,
// glyf and loca included), so the browser decodes exactly the font data
// that text was measured with; all tables are compressed together with
// Brotli.
func WOFF2(sfntData []byte) ([]byte, error) {
	tables, err := readTables(sfntData)
	if err != nil {
		return nil, err
	}
	if len(sfntData) < 4 {
		return nil, errors.New("woff2: font too short")
	}
	flavor := binary.BigEndian.Uint32(sfntData)
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		if tag != "DSIG" { // a signature no longer matches after re-encoding
			tags = append(tags, tag)
		}
	}
	sort.Strings(tags) // the order of the sfnt table directory

	// Table directory and the uncompressed stream (tables unpadded).
	var dir, stream bytes.Buffer
	total := 12 + 16*len(tags) // totalSfntSize: header, directory, padded tables
	for _, tag := range tags {
		t := tables[tag]
		flags := byte(63) // arbitrary tag follows
		if tag == "glyf" || tag == "loca" {
			flags |= 3 << 6 // transform version 3: null transform
		}
		dir.WriteByte(flags)
		dir.WriteString(tag)
		dir.Write(base128(uint32(len(t))))
		stream.Write(t)
		total += (len(t) + 3) &^ 3
	}
	numTables := len(tags)
	var comp bytes.Buffer
	w := brotli.NewWriterOptions(&comp, brotli.WriterOptions{Quality: 11, LGWin: 22})
	if _, err := w.Write(stream.Bytes()); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}

	const headerSize = 48
	length := headerSize + dir.Len() + comp.Len()
	padded := (length + 3) &^ 3
	out := make([]byte, headerSize, padded)
	be := binary.BigEndian
	copy(out, "wOF2")
	be.PutUint32(out[4:], flavor)
	be.PutUint32(out[8:], uint32(padded))
	be.PutUint16(out[12:], uint16(numTables))
	// out[14:16] reserved
	be.PutUint32(out[16:], uint32(total))
	be.PutUint32(out[20:], uint32(comp.Len()))
	be.PutUint16(out[24:], 1) // font version of the WOFF file
	// metadata and private blocks: none (offsets and lengths zero)
	out = append(out, dir.Bytes()...)
	out = append(out, comp.Bytes()...)
	for len(out) < padded {
		out = append(out, 0)
	}
	return out, nil
}

// base128 encodes v as a WOFF2 UIntBase128.
func base128(v uint32) []byte {
	var b []byte
	for {
		b = append([]byte{byte(v & 0x7f)}, b...)
		v >>= 7
		if v == 0 {
			break
		}
	}
	for i := 0; i < len(b)-1; i++ {
		b[i] |= 0x80
	}
	return b
}
