package cache

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// An entry on disk is one file, dir/xx/<key in hex>, where xx are the
// key's first two hex digits (so no directory holds more than a few
// hundred files):
//
//	"jepc"  magic, 4 bytes
//	n       the payload's length, 8 bytes little endian
//	crc     CRC-32C (Castagnoli) of the payload, 4 bytes little endian
//	payload n bytes
//
// A file that is shorter or longer than its header says, or whose payload
// does not match its checksum, is deleted and treated as a miss.
const (
	magic      = "jepc"
	headerSize = 4 + 8 + 4
	// touchAfter is how stale an entry's modification time may get before
	// a hit refreshes it; trimming deletes the least recently touched
	// entries first. Refreshing on every hit would cost a write per hit.
	touchAfter = time.Hour
	// trimInterval is how often the directory is trimmed at least.
	trimInterval = time.Hour
)

var (
	errCorrupt = errors.New("cache: corrupt entry")
	crcTable   = crc32.MakeTable(crc32.Castagnoli)
)

type disk struct {
	dir string
	max int64

	mu      sync.Mutex
	written int64 // bytes stored since the last trim
}

func openDisk(dir string, max int64) (*disk, error) {
	if max <= 0 {
		max = DefaultMaxDisk
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &disk{dir: dir, max: max}, nil
}

func (d *disk) path(k Key) string {
	s := k.String()
	return filepath.Join(d.dir, s[:2], s)
}

func (d *disk) load(k Key) ([]byte, error) {
	p := d.path(k)
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	payload, err := decode(b)
	if err != nil {
		os.Remove(p)
		return nil, err
	}
	if fi, err := os.Stat(p); err == nil && time.Since(fi.ModTime()) > touchAfter {
		now := time.Now()
		os.Chtimes(p, now, now)
	}
	return payload, nil
}

func decode(b []byte) ([]byte, error) {
	if len(b) < headerSize || string(b[:4]) != magic {
		return nil, errCorrupt
	}
	n := binary.LittleEndian.Uint64(b[4:12])
	sum := binary.LittleEndian.Uint32(b[12:16])
	payload := b[headerSize:]
	if uint64(len(payload)) != n || crc32.Checksum(payload, crcTable) != sum {
		return nil, errCorrupt
	}
	return payload, nil
}

func encode(payload []byte) []byte {
	b := make([]byte, headerSize, headerSize+len(payload))
	copy(b, magic)
	binary.LittleEndian.PutUint64(b[4:12], uint64(len(payload)))
	binary.LittleEndian.PutUint32(b[12:16], crc32.Checksum(payload, crcTable))
	return append(b, payload...)
}

// store writes the entry to a temporary file in the entry's directory and
// renames it into place: readers see the old entry, no entry or the whole
// new one, and two processes storing the same key both succeed.
func (d *disk) store(k Key, payload []byte) error {
	p := d.path(k)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	data := encode(payload)
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	d.mu.Lock()
	d.written += int64(len(data))
	due := d.written > d.max/8
	if due {
		d.written = 0
	}
	d.mu.Unlock()
	if due || d.trimDue() {
		return d.trim()
	}
	return nil
}

// trimDue reports whether the directory was last trimmed, by any process,
// more than trimInterval ago (the time is the modification time of the
// file trim.txt), and if so marks it trimmed now. A process writing less
// than an eighth of the bound (a jepsh build) trims through this.
func (d *disk) trimDue() bool {
	p := filepath.Join(d.dir, "trim.txt")
	if fi, err := os.Stat(p); err == nil && time.Since(fi.ModTime()) < trimInterval {
		return false
	}
	return os.WriteFile(p, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o644) == nil
}

// trim deletes the entries with the oldest modification times until the
// directory holds at most 3/4 of its bound (so trimming is not needed again
// at once), and temporary files older than a minute (left by a crash).
func (d *disk) trim() error {
	type file struct {
		path string
		size int64
		mod  time.Time
	}
	var files []file
	var total int64
	err := filepath.WalkDir(d.dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || e.Name() == "trim.txt" {
			return nil
		}
		fi, err := e.Info()
		if err != nil {
			return nil
		}
		if strings.HasPrefix(e.Name(), ".tmp-") {
			if time.Since(fi.ModTime()) > time.Minute {
				os.Remove(p)
			}
			return nil
		}
		files = append(files, file{p, fi.Size(), fi.ModTime()})
		total += fi.Size()
		return nil
	})
	if err != nil || total <= d.max {
		return err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].mod.Before(files[j].mod) })
	for _, f := range files {
		if total <= d.max/4*3 {
			break
		}
		if os.Remove(f.path) == nil {
			total -= f.size
		}
	}
	return nil
}
