package devserver

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/jepsh/jepsh/internal/build"
)

// watcher reports changes to an app's sources, debounced.
type watcher struct {
	dir      string
	w        *fsnotify.Watcher
	debounce time.Duration
}

func newWatcher(dir string, debounce time.Duration) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{dir: dir, w: fw, debounce: debounce}
	if err := w.addTree(dir); err != nil {
		fw.Close()
		return nil, err
	}
	return w, nil
}

// addTree watches dir and its subdirectories, except those the build skips.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != w.dir && skipped(d.Name()) {
			return filepath.SkipDir
		}
		return w.w.Add(p)
	})
}

func skipped(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "node_modules" || name == "dist"
}

// relevant reports whether an event may change the sources: a change to a
// source file, or a name appearing, vanishing or moving (it may be a
// directory of sources). Editor temporaries, backups and skipped directories
// never count. The rebuild compares content hashes, so a false alarm costs
// one directory walk.
func (w *watcher) relevant(ev fsnotify.Event) bool {
	rel, err := filepath.Rel(w.dir, ev.Name)
	if err != nil || !filepath.IsLocal(rel) {
		return false
	}
	rel = filepath.ToSlash(rel)
	if build.IsSource(rel) {
		return true
	}
	for _, seg := range strings.Split(rel, "/") {
		if skipped(seg) {
			return false
		}
	}
	base := filepath.Base(rel)
	if strings.HasPrefix(base, "#") || strings.HasSuffix(base, "~") {
		return false
	}
	return ev.Op&(fsnotify.Create|fsnotify.Remove|fsnotify.Rename) != 0 && filepath.Ext(base) != ".tmp"
}

// run calls rebuild after each burst of relevant changes, until ctx is done.
func (w *watcher) run(ctx context.Context, rebuild func()) {
	defer w.w.Close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if ev.Op&fsnotify.Create != 0 {
				if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
					w.addTree(ev.Name)
				}
			}
			if w.relevant(ev) {
				timer.Reset(w.debounce)
			}
		case <-w.w.Errors:
			// An overflow loses events: rebuild to catch up.
			timer.Reset(w.debounce)
		case <-timer.C:
			rebuild()
		}
	}
}
