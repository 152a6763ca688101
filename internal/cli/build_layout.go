package cli

import (
	"fmt"
	"os"

	"github.com/jepsh/jepsh/internal/build"
	"github.com/jepsh/jepsh/internal/staticlayout"
)

// layoutOptions maps jepsh build's --layout flag to the build option.
func layoutOptions(mode string) (*build.LayoutOptions, error) {
	switch mode {
	case "reserve":
		return &build.LayoutOptions{Mode: staticlayout.Reserve}, nil
	case "":
		return &build.LayoutOptions{Mode: staticlayout.DefaultMode}, nil
	case "absolute":
		return &build.LayoutOptions{Mode: staticlayout.Absolute}, nil
	case "text":
		return &build.LayoutOptions{Mode: staticlayout.TextOnly}, nil
	case "off":
		return &build.LayoutOptions{Mode: staticlayout.Off}, nil
	}
	return nil, fmt.Errorf("--layout must be reserve, absolute, text or off, not %q", mode)
}

// writeLayout prints the layout report (--layout-report) and writes the
// JSON form (--layout-json FILE).
func writeLayout(env *Env, res *build.Result, report bool, jsonPath string) error {
	if res.Layout == nil {
		return nil
	}
	if report {
		if err := res.Layout.WriteReport(env.Stdout, res.FileSet); err != nil {
			return err
		}
	}
	if jsonPath != "" {
		f, err := os.Create(env.path(jsonPath))
		if err != nil {
			return err
		}
		if err := res.Layout.WriteJSON(f, res.FileSet); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	return nil
}
