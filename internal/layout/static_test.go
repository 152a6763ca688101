package layout_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/layout"
	"github.com/jepsh/jepsh/internal/text"
)

// staticCard is the guide's StaticCard (§2.2) as LayoutStatic input.
func staticCard() *layout.Node {
	t := func(s string, f font) *layout.Node {
		return &layout.Node{Style: layout.Leaf(), Text: &layout.TextRun{Font: text.DefaultFont, Size: f.size, LineHeight: f.lineHeight, Text: s}, Ref: "Text " + s}
	}
	btn := func(s string) *layout.Node {
		return &layout.Node{Style: layout.HStack(0, layout.VCenter).WithPadding(8, 16, 8, 16), Children: []*layout.Node{t(s, body)}, Ref: "Button " + s}
	}
	return &layout.Node{
		Style: layout.VStack(16, layout.HCenter).WithPadding(20, 20, 20, 20),
		Ref:   "VStack",
		Children: []*layout.Node{
			t("Title", headline),
			t("Description", body),
			{Style: layout.HStack(8, layout.VCenter), Ref: "HStack", Children: []*layout.Node{btn("Cancel"), btn("OK")}},
		},
	}
}

func TestLayoutStaticGolden(t *testing.T) {
	reg := text.NewRegistry()
	res, err := layout.LayoutStatic(staticCard(), reg, false)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, p := range res.Boxes {
		fmt.Fprintf(&sb, "%-16v x=%-10g y=%-6g w=%-10g h=%g\n", p.Node.Ref, p.X, p.Y, p.W, p.H)
	}
	golden := filepath.Join("testdata", "static_card.golden")
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(golden, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if sb.String() != string(want) {
		t.Errorf("StaticCard layout differs from %s:\n%s", golden, sb.String())
	}
	// The same tree through the Tree API and the Chromium-checked path agree.
	b := build(t, reg, agreementCases[0].root)
	abs := b.absolute()
	for i, p := range res.Boxes {
		if [4]float64{float64(p.X), float64(p.Y), float64(p.W), float64(p.H)} != abs[i] {
			t.Errorf("node %d: LayoutStatic %v, Tree %v", i, p, abs[i])
		}
	}
}

func TestLayoutStaticTextErrors(t *testing.T) {
	root := staticCard()
	root.Children[0].Text.Text = "Tit\u2603le" // not in Go Regular
	root.Children[1].Text.Font = "body-serif"  // not registered
	_, err := layout.LayoutStatic(root, text.NewRegistry(), false)
	var codes []diag.Code
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var te *text.Error
		if !errors.As(e, &te) {
			t.Fatalf("%v is not a text.Error", e)
		}
		codes = append(codes, te.Code)
	}
	if len(codes) != 2 || codes[0] != diag.MissingGlyph || codes[1] != diag.UnknownFontID {
		t.Errorf("codes %v, want [E6001 E6003] (error: %v)", codes, err)
	}
	if !strings.Contains(err.Error(), "U+2603") {
		t.Errorf("error does not name the character: %v", err)
	}
}
