package devserver

import (
	"io/fs"
	"net/url"
	"strings"
	"testing"
)

// FuzzCleanPath: whatever the request, a path that passes names a file
// inside the served root, with no dot segments or dotfiles.
func FuzzCleanPath(f *testing.F) {
	for _, s := range []string{"/", "/a/b.js", "/../x", "/%2e%2e/x", "/a/./b", "//etc", "/.env", "/a%2fb", "/a\\b", "/a%00", "/ü/ö.js", "/a/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, target string) {
		u, err := url.ParseRequestURI(target)
		if err != nil {
			return
		}
		name, status := cleanPath(u.Path, u.RawPath)
		if status != 0 {
			if name != "" {
				t.Fatalf("%q: status %d with name %q", target, status, name)
			}
			return
		}
		if name == "" {
			return
		}
		if !fs.ValidPath(name) {
			t.Fatalf("%q: invalid name %q", target, name)
		}
		for _, seg := range strings.Split(name, "/") {
			if seg == ".." || seg == "." || strings.HasPrefix(seg, ".") || strings.ContainsAny(seg, "\\\x00") {
				t.Fatalf("%q: name %q has segment %q", target, name, seg)
			}
		}
	})
}
