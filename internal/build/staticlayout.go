package build

import (
	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/gen/web"
	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/staticlayout"
	"github.com/jepsh/jepsh/internal/text"
)

// LayoutOptions configure the static layout pre-calculation
// (internal/staticlayout, docs/layout.md).
type LayoutOptions struct {
	// Mode is what the web output gets for pre-computed subtrees: reserved
	// sizes (staticlayout.Reserve), also absolute positions, or nothing
	// (staticlayout.Off: the layout is only computed and reported).
	Mode staticlayout.Mode
}

// precompute runs the static layout pass over an optimised program. The
// fonts it returns are the default font's faces the pre-computed text uses,
// encoded as WOFF2 (the design system's fonts are served by appFonts).
func precompute(prog *ir.Program, tokens *design.Tokens, src *Source, lo *LayoutOptions) (*staticlayout.Result, []Font, diag.List) {
	if lo == nil {
		return nil, nil, nil
	}
	res, diags := staticlayout.Compute(prog, staticlayout.Options{Tokens: tokens, Mode: lo.Mode,
		FontData: func(path string) []byte {
			for _, a := range src.Assets {
				if a.Name == path {
					return a.Data
				}
			}
			return nil
		}})
	if lo.Mode == staticlayout.Off {
		return res, nil, diags
	}
	var fonts []Font
	for _, f := range res.Faces {
		w, err := text.WOFF2(f.Data)
		if err != nil {
			diags.Errorf(source.NoPos, diag.BadFontData, "default font: %v", err)
			continue
		}
		fonts = append(fonts, Font{Family: f.Family, Weight: f.Weight, Format: "woff2", Data: w})
	}
	return res, fonts, diags
}

// webLayout is the pass's result as the web generator's option (nil when
// the pass did not run or emits nothing).
func webLayout(r *staticlayout.Result) web.StaticLayout {
	if r == nil || r.Mode == staticlayout.Off {
		return nil
	}
	return r
}
