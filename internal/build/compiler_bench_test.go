package build

import (
	"bytes"
	"io/fs"
	"testing/fstest"

	"github.com/jepsh/jepsh/internal/testgen"
)

// benchApp is testgen.App(views) as an app directory. The generator's
// root and "/items/:limit" route name views without their required title
// prop (check reports E2005), so they get one here.
func benchApp(views int) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range testgen.App(views) {
		if name == "app.jxl" {
			data = bytes.Replace(data, []byte("root: View0000\n"), []byte("root: View0000(title: \"Home\")\n"), 1)
			data = bytes.Replace(data, []byte("=> View0001\n"), []byte("=> View0001(title: \"Items\")\n"), 1)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

func fsWalkFiles(fsys fs.FS, fn func(p string, data []byte)) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err == nil {
			fn(p, data)
		}
		return err
	})
}
