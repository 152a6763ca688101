package browser

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "my-chromium")
	os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755)

	t.Setenv(EnvVar, fake)
	if p, err := Find(); err != nil || p != fake {
		t.Errorf("with %s set: %q, %v", EnvVar, p, err)
	}
	t.Setenv(EnvVar, filepath.Join(dir, "missing"))
	if _, err := Find(); err == nil || !strings.Contains(err.Error(), EnvVar) {
		t.Errorf("with %s naming a missing file: %v", EnvVar, err)
	}
	// Without the variable and with nothing on PATH: a clear error.
	t.Setenv(EnvVar, "")
	t.Setenv("PATH", dir)
	if _, err := Find(); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "apt-get install chromium") {
		t.Errorf("nothing installed: %v", err)
	}
	// A chromium on PATH is found.
	onPath := filepath.Join(dir, "chromium")
	os.WriteFile(onPath, []byte("#!/bin/sh\n"), 0o755)
	if p, err := Find(); err != nil || p != onPath {
		t.Errorf("chromium on PATH: %q, %v", p, err)
	}
}
