package cache

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func key(s string) Key { return NewHasher("test").String(s).Sum() }

func TestHasherSeparatesValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b Key
	}{
		{"split", NewHasher("d").String("ab").String("c").Sum(), NewHasher("d").String("a").String("bc").Sum()},
		{"domain", NewHasher("parse").String("x").Sum(), NewHasher("build").String("x").Sum()},
		{"bool", NewHasher("d").Bool(true).Sum(), NewHasher("d").Bool(false).Sum()},
		{"empty", NewHasher("d").String("").Sum(), NewHasher("d").Sum()},
	} {
		if tc.a == tc.b {
			t.Errorf("%s: keys are equal", tc.name)
		}
	}
	if NewHasher("d").String("x").Sum() != NewHasher("d").String("x").Sum() {
		t.Error("same input, different keys")
	}
}

func TestMemoryLRU(t *testing.T) {
	c := NewMemory(100)
	c.Put(key("a"), "A", 40)
	c.Put(key("b"), "B", 40)
	c.Get(key("a"))          // a is now the most recently used
	c.Put(key("c"), "C", 40) // evicts b
	c.Put(key("huge"), "H", 101)
	for _, tc := range []struct {
		k    string
		want any
	}{{"a", "A"}, {"b", nil}, {"c", "C"}, {"huge", nil}} {
		v, ok := c.Get(key(tc.k))
		if ok != (tc.want != nil) || ok && v != tc.want {
			t.Errorf("Get(%s) = %v, %v; want %v", tc.k, v, ok, tc.want)
		}
	}
	s := c.Stats()
	if s.MemoryBytes != 80 || s.Evictions != 1 {
		t.Errorf("stats %+v; want 80 bytes, 1 eviction", s)
	}
	c.Put(key("a"), "A2", 10) // replacing resizes
	if s := c.Stats(); s.MemoryBytes != 50 {
		t.Errorf("after replacing: %d bytes, want 50", s.MemoryBytes)
	}
}

func TestNilCache(t *testing.T) {
	var c *Cache
	c.Put(key("a"), 1, 1)
	if _, ok := c.Get(key("a")); ok {
		t.Error("nil cache hit")
	}
	if err := c.Store(key("a"), []byte("x")); err != nil {
		t.Error(err)
	}
	if _, ok := c.Load(key("a")); ok {
		t.Error("nil cache disk hit")
	}
}

func TestDiskRoundTrip(t *testing.T) {
	dir := t.TempDir()
	c, err := New(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, payload := range [][]byte{{}, []byte("hello"), bytes.Repeat([]byte{0, 1, 2}, 100000)} {
		k := key(string(payload))
		if err := c.Store(k, payload); err != nil {
			t.Fatal(err)
		}
		// A second process sees it.
		c2, _ := New(Options{Dir: dir})
		got, ok := c2.Load(k)
		if !ok || !bytes.Equal(got, payload) {
			t.Errorf("Load after Store of %d bytes: %d bytes, %v", len(payload), len(got), ok)
		}
	}
	if _, ok := c.Load(key("never stored")); ok {
		t.Error("hit for a key never stored")
	}
	tmps, _ := filepath.Glob(filepath.Join(dir, "*", ".tmp-*"))
	if len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

func TestDiskCorruptEntriesAreMisses(t *testing.T) {
	payload := []byte("the generated modules of an app")
	for _, tc := range []struct {
		name    string
		corrupt func([]byte) []byte
	}{
		{"empty", func([]byte) []byte { return nil }},
		{"header only", func(b []byte) []byte { return b[:headerSize] }},
		{"truncated", func(b []byte) []byte { return b[:len(b)-1] }},
		{"extended", func(b []byte) []byte { return append(b, 'x') }},
		{"flipped payload bit", func(b []byte) []byte { b[len(b)-3] ^= 0x10; return b }},
		{"flipped checksum bit", func(b []byte) []byte { b[13] ^= 1; return b }},
		{"bad magic", func(b []byte) []byte { b[0] = 'J'; return b }},
		{"huge length", func(b []byte) []byte { b[11] = 0xff; return b }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(Options{Dir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			k := key(tc.name)
			if err := c.Store(k, payload); err != nil {
				t.Fatal(err)
			}
			p := c.disk.path(k)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, tc.corrupt(b), 0o644); err != nil {
				t.Fatal(err)
			}
			if got, ok := c.Load(k); ok {
				t.Fatalf("corrupt entry was a hit: %q", got)
			}
			if s := c.Stats(); s.Corrupt != 1 || s.DiskMisses != 1 {
				t.Errorf("stats %+v; want 1 corrupt, 1 miss", s)
			}
			if _, err := os.Stat(p); !os.IsNotExist(err) {
				t.Errorf("corrupt entry not deleted: %v", err)
			}
			// Storing again repairs it.
			c.Store(k, payload)
			if got, ok := c.Load(k); !ok || !bytes.Equal(got, payload) {
				t.Errorf("after storing again: %q, %v", got, ok)
			}
		})
	}
}

func TestDiskTrim(t *testing.T) {
	dir := t.TempDir()
	c, err := New(Options{Dir: dir, MaxDisk: 10 * (1000 + headerSize)})
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * time.Hour)
	for i := range 12 {
		k := key(fmt.Sprint(i))
		if err := c.disk.store(k, bytes.Repeat([]byte{byte(i)}, 1000)); err != nil {
			t.Fatal(err)
		}
		// Entries 0..11 are touched in order, 0 the longest ago.
		mt := old.Add(time.Duration(i) * time.Minute)
		os.Chtimes(c.disk.path(k), mt, mt)
	}
	stale := filepath.Join(dir, "00", ".tmp-123")
	os.MkdirAll(filepath.Dir(stale), 0o755)
	os.WriteFile(stale, []byte("partial"), 0o644)
	os.Chtimes(stale, old, old)
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	var kept []int
	for i := range 12 {
		if _, err := os.Stat(c.disk.path(key(fmt.Sprint(i)))); err == nil {
			kept = append(kept, i)
		}
	}
	// Down to 3/4 of 10 entries: the 7 most recent stay.
	if fmt.Sprint(kept) != "[5 6 7 8 9 10 11]" {
		t.Errorf("kept %v; want the 7 most recently used", kept)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("stale temporary file not removed")
	}
}

// Processes that each store a little (one jepsh build) still keep the
// directory within its bound: the first store after trimInterval trims.
func TestDiskTrimAcrossProcesses(t *testing.T) {
	dir := t.TempDir()
	const entry = 1000
	opts := Options{Dir: dir, MaxDisk: 10 * (entry + headerSize)}
	for i := range 30 {
		c, err := New(opts) // a new process
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Store(key(fmt.Sprint(i)), bytes.Repeat([]byte{1}, entry)); err != nil {
			t.Fatal(err)
		}
		if i%10 == 9 { // an hour passes
			old := time.Now().Add(-2 * trimInterval)
			os.Chtimes(filepath.Join(dir, "trim.txt"), old, old)
		}
	}
	var total int64
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && fi.Name() != "trim.txt" {
			total += fi.Size()
		}
		return nil
	})
	// At most the bound plus what was stored since the last trim.
	if total > opts.MaxDisk+10*(entry+headerSize) {
		t.Errorf("%d bytes on disk; bound %d", total, opts.MaxDisk)
	}
}

// TestConcurrent runs readers and writers of the same and of different keys
// in both layers at once; run it with -race.
func TestConcurrent(t *testing.T) {
	c, err := New(Options{Dir: t.TempDir(), MaxMemory: 64 << 10, MaxDisk: 256 << 10})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				k := key(fmt.Sprint(i % 17))
				want := bytes.Repeat([]byte{byte(i % 17)}, 1000+i%17)
				if i%3 == g%3 {
					c.Put(k, want, int64(len(want)))
					c.Store(k, want)
				}
				if v, ok := c.Get(k); ok && !bytes.Equal(v.([]byte), want) {
					t.Errorf("memory: wrong value for key %d", i%17)
				}
				if v, ok := c.Load(k); ok && !bytes.Equal(v, want) {
					t.Errorf("disk: wrong value for key %d", i%17)
				}
			}
		}()
	}
	wg.Wait()
	if s := c.Stats(); s.Corrupt != 0 || s.MemoryBytes > 64<<10 {
		t.Errorf("stats %+v", s)
	}
}

func TestDefaultDir(t *testing.T) {
	tmp := t.TempDir()
	for _, tc := range []struct {
		jepsh, xdg, want string
	}{
		{"", filepath.Join(tmp, "xdg"), filepath.Join(tmp, "xdg", "jepsh")},
		{filepath.Join(tmp, "c"), filepath.Join(tmp, "xdg"), filepath.Join(tmp, "c")},
		{"off", filepath.Join(tmp, "xdg"), ""},
	} {
		t.Setenv("JEPSH_CACHE", tc.jepsh)
		t.Setenv("XDG_CACHE_HOME", tc.xdg)
		if d, err := DefaultDir(); err != nil || d != tc.want {
			t.Errorf("JEPSH_CACHE=%q XDG_CACHE_HOME=%q: DefaultDir() = %q, %v; want %q", tc.jepsh, tc.xdg, d, err, tc.want)
		}
	}
}

// The test binary is an ELF file on Linux with a build ID, as
// "go tool buildid" prints it.
func TestGoBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	id := goBuildID(exe)
	if runtime.GOOS == "linux" && id == "" {
		t.Fatal("no build ID in the test binary")
	}
	if id != "" {
		goCmd, err := exec.LookPath("go")
		if err != nil {
			t.Skip("no go command to compare with")
		}
		out, err := exec.Command(goCmd, "tool", "buildid", exe).Output()
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.TrimSpace(string(out)); id != want {
			t.Errorf("goBuildID = %q, go tool buildid says %q", id, want)
		}
	}
	if id := goBuildID(filepath.Join("cache.go")); id != "" {
		t.Errorf("build ID %q in a Go source file", id)
	}
}

func TestToolchain(t *testing.T) {
	a, b := Toolchain(), Toolchain()
	if a == "" || a != b {
		t.Errorf("Toolchain() = %q, then %q", a, b)
	}
}
