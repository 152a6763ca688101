// Package cache is a content-addressed store of compiler phase results.
//
// A phase result is stored under a Key: the SHA-256 of everything the phase
// reads (the toolchain, its options, the contents of its inputs), written
// through a Hasher. Two layers:
//
//   - memory: Go values (ASTs, generated modules, build results) in an LRU
//     bounded by an estimate of their size in bytes. Get and Put.
//   - disk (optional): byte blobs in a directory, one file per key, written
//     to a temporary file and renamed into place, so a reader never sees a
//     partial entry; each file carries its length and a CRC-32C checksum, and
//     an entry that fails either check (a crash, a full disk, a stray edit)
//     is deleted and reported as a miss, never as an error. The directory is
//     trimmed, least recently used first, when it outgrows its bound.
//     Load and Store.
//
// Why SHA-256 for keys: a key collision would silently serve the output of
// one program for another, so keys use a cryptographic hash; hashing is a
// small part of a phase (hundreds of MB/s against a compiler's few MB/s).
// Why CRC-32C for entries: it only has to catch accidental damage, not an
// adversary, and it runs at memory speed in the standard library.
//
// Cached values are immutable: the caller that puts a value must not change
// it afterwards, and callers that get it must copy before changing anything.
// A phase that reported diagnostics stores them with its result and replays
// them on a hit (as esbuild does), so a cached build warns exactly as a cold
// one. A nil *Cache is valid and caches nothing. Safe for concurrent use.
package cache

import (
	"container/list"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
)

// Key identifies a phase result: the hash of everything the phase reads.
type Key [32]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Hasher builds a Key. Every value is written with its length, so the
// sequence ("ab", "c") never hashes like ("a", "bc").
type Hasher struct{ h hash.Hash }

// NewHasher starts a key in a domain (the phase's name and format version),
// so results of different phases never share a key.
func NewHasher(domain string) *Hasher {
	h := &Hasher{h: sha256.New()}
	h.String(domain)
	return h
}

// Bytes adds b.
func (h *Hasher) Bytes(b []byte) *Hasher {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	h.h.Write(n[:])
	h.h.Write(b)
	return h
}

// String adds s.
func (h *Hasher) String(s string) *Hasher { return h.Bytes([]byte(s)) }

// Key adds another key (or any 32-byte hash).
func (h *Hasher) Key(k [32]byte) *Hasher { return h.Bytes(k[:]) }

// Bool adds b.
func (h *Hasher) Bool(b bool) *Hasher {
	if b {
		return h.String("t")
	}
	return h.String("f")
}

// Sum returns the key.
func (h *Hasher) Sum() Key {
	var k Key
	h.h.Sum(k[:0])
	return k
}

// Options configure a Cache.
type Options struct {
	// MaxMemory bounds the memory layer in bytes (DefaultMaxMemory when 0).
	MaxMemory int64
	// Dir is the disk layer's directory ("": no disk layer).
	Dir string
	// MaxDisk bounds the disk layer in bytes (DefaultMaxDisk when 0).
	MaxDisk int64
}

const (
	DefaultMaxMemory = 512 << 20
	DefaultMaxDisk   = 1 << 30
)

// Stats count the cache's lookups.
type Stats struct {
	Hits, Misses         int64 // memory layer
	DiskHits, DiskMisses int64 // disk layer
	Corrupt              int64 // disk entries that failed their checks and were deleted
	Evictions            int64 // memory entries dropped to stay under MaxMemory
	MemoryBytes          int64 // estimated size of the memory layer now
}

// Cache is a two-layer content-addressed cache. The zero value is not
// usable; call New. A nil *Cache caches nothing.
type Cache struct {
	mu    sync.Mutex
	lru   list.List // of *entry, most recently used first
	byKey map[Key]*list.Element
	bytes int64
	max   int64
	disk  *disk
	stats Stats
}

type entry struct {
	key  Key
	val  any
	size int64
}

// New returns a cache. It fails only when Options.Dir cannot be created.
func New(o Options) (*Cache, error) {
	c := &Cache{byKey: map[Key]*list.Element{}, max: o.MaxMemory}
	if c.max <= 0 {
		c.max = DefaultMaxMemory
	}
	if o.Dir != "" {
		d, err := openDisk(o.Dir, o.MaxDisk)
		if err != nil {
			return nil, err
		}
		c.disk = d
	}
	return c, nil
}

// NewMemory returns a cache without a disk layer.
func NewMemory(maxBytes int64) *Cache {
	c, _ := New(Options{MaxMemory: maxBytes})
	return c
}

// Get returns the value stored under k in memory.
func (c *Cache) Get(k Key) (any, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[k]
	if !ok {
		c.stats.Misses++
		return nil, false
	}
	c.stats.Hits++
	c.lru.MoveToFront(el)
	return el.Value.(*entry).val, true
}

// Put stores v, of about size bytes, under k in memory, evicting the least
// recently used values beyond the bound. A value larger than the whole
// bound is not stored.
func (c *Cache) Put(k Key, v any, size int64) {
	if c == nil || size > c.max {
		return
	}
	if size < 1 {
		size = 1
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[k]; ok {
		e := el.Value.(*entry)
		c.bytes += size - e.size
		e.val, e.size = v, size
		c.lru.MoveToFront(el)
	} else {
		c.byKey[k] = c.lru.PushFront(&entry{key: k, val: v, size: size})
		c.bytes += size
	}
	for c.bytes > c.max {
		el := c.lru.Back()
		e := el.Value.(*entry)
		c.lru.Remove(el)
		delete(c.byKey, e.key)
		c.bytes -= e.size
		c.stats.Evictions++
	}
}

// Load returns the blob stored under k on disk. A missing, truncated or
// corrupt entry is a miss.
func (c *Cache) Load(k Key) ([]byte, bool) {
	if c == nil || c.disk == nil {
		return nil, false
	}
	b, err := c.disk.load(k)
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case err == nil:
		c.stats.DiskHits++
		return b, true
	case errors.Is(err, errCorrupt):
		c.stats.Corrupt++
	}
	c.stats.DiskMisses++
	return nil, false
}

// Store writes a blob under k on disk. The cache is an optimisation, so a
// failed write is returned for logging but never needs handling.
func (c *Cache) Store(k Key, b []byte) error {
	if c == nil || c.disk == nil {
		return nil
	}
	return c.disk.store(k, b)
}

// HasDisk reports whether the cache has a disk layer.
func (c *Cache) HasDisk() bool { return c != nil && c.disk != nil }

// Trim deletes the least recently used disk entries until the disk layer
// is within its bound. Store trims on its own now and then.
func (c *Cache) Trim() error {
	if c == nil || c.disk == nil {
		return nil
	}
	return c.disk.trim()
}

// Stats returns the counters.
func (c *Cache) Stats() Stats {
	if c == nil {
		return Stats{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.stats
	s.MemoryBytes = c.bytes
	return s
}

// DefaultDir is the disk cache's default directory: $JEPSH_CACHE when set
// ("off" disables the disk cache: DefaultDir returns ""), else
// $XDG_CACHE_HOME/jepsh, else the user cache directory's jepsh
// (os.UserCacheDir).
func DefaultDir() (string, error) {
	if d := os.Getenv("JEPSH_CACHE"); d == "off" {
		return "", nil
	} else if d != "" {
		return filepath.Abs(d)
	}
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "jepsh"), nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "jepsh"), nil
}

var toolchain = sync.OnceValue(func() string {
	h := NewHasher("jepsh toolchain")
	bi, ok := debug.ReadBuildInfo()
	clean := false
	if ok {
		h.String(bi.GoVersion).String(bi.Main.Path).String(bi.Main.Version)
		for _, d := range bi.Deps {
			h.String(d.Path).String(d.Version).String(d.Sum)
		}
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		h.String(rev)
		clean = rev != "" && modified == "false"
	}
	if !clean {
		// A development build (or a test binary): the version says nothing
		// about the code, so the executable's contents name the toolchain:
		// its Go build ID, which the go command derives from the linker's
		// inputs and the binary's contents (as its own build cache does),
		// else the hash of the whole file.
		exe, err := os.Executable()
		if err != nil {
			return "" // Toolchain reports that nothing may be cached
		}
		if id := goBuildID(exe); id != "" {
			h.String("buildid").String(id)
		} else {
			data, err := os.ReadFile(exe)
			if err != nil {
				return ""
			}
			h.Bytes(data)
		}
	}
	return h.Sum().String()
})

// goBuildID returns the Go build ID ("actionID/contentID") in an ELF
// executable's .note.go.buildid section, or "" (another format, or a
// binary linked with an empty or hand-set -buildid).
func goBuildID(exe string) string {
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	sec := f.Section(".note.go.buildid")
	if sec == nil {
		return ""
	}
	data, err := sec.Data()
	// The note: namesz, descsz, type (4 bytes each), "Go\x00\x00", the ID.
	if err != nil || len(data) < 16 || string(data[12:16]) != "Go\x00\x00" {
		return ""
	}
	n := int(f.ByteOrder.Uint32(data[4:8]))
	if 16+n > len(data) {
		return ""
	}
	id := string(data[16 : 16+n])
	if strings.Count(id, "/") < 1 || strings.HasPrefix(id, "/") || strings.HasSuffix(id, "/") {
		return ""
	}
	return id
}

// Toolchain identifies the running compiler: the version control revision
// of a clean release build with its Go version and dependencies, or else
// the hash of the executable itself (computed once). It covers everything
// embedded in the binary (the web runtime, esbuild). Every key includes it,
// so results of one compiler are never served to another. It is "" when the
// toolchain cannot be identified; callers must not cache then.
func Toolchain() string { return toolchain() }
