package build

import (
	"fmt"
	"os"
	"path/filepath"
)

// Write writes the files to dir, replacing its previous contents. The files
// go to a fresh temporary directory beside dir first, which then takes dir's
// place (atomically where the system can exchange two directories), so a
// failed or interrupted build never leaves a half-written dir behind.
func Write(dir string, files []File) error {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // after a swap this is the old output
	for _, f := range files {
		p := filepath.Join(tmp, filepath.FromSlash(f.Name))
		if !filepath.IsLocal(filepath.FromSlash(f.Name)) {
			return fmt.Errorf("output file name %q leaves the output directory", f.Name)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	if fi, err := os.Lstat(dir); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("%s exists and is not a directory", dir)
		}
		return swapDirs(tmp, dir)
	}
	return os.Rename(tmp, dir)
}

// swapRename replaces dir with tmp in two renames; dir's old contents end up at tmp.
func swapRename(tmp, dir string) error {
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	return os.Rename(old, tmp)
}

// CheckOutDir refuses output directories that Write must not replace: the
// app directory itself or one of its ancestors (which hold the sources), and
// an existing non-empty directory that is not a previous build's output
// (it has no index.html).
func CheckOutDir(appDir, outDir string) error {
	app, err := filepath.Abs(appDir)
	if err != nil {
		return err
	}
	out, err := filepath.Abs(outDir)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(out, app); err == nil && (rel == "." || filepath.IsLocal(rel)) {
		return fmt.Errorf("the output directory %s holds the app; choose a directory of its own (the default is %s)",
			outDir, filepath.Join(appDir, "dist"))
	}
	ents, err := os.ReadDir(out)
	if err != nil || len(ents) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		return fmt.Errorf("%s is not empty and is not a previous build's output (no index.html); refusing to replace it", outDir)
	}
	return nil
}
