package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildLayoutFlags builds the cards example with --layout-report and
// --layout-json and checks both outputs, and that a bad --layout fails.
func TestBuildLayoutFlags(t *testing.T) {
	cards, err := filepath.Abs(filepath.Join("..", "..", "examples", "cards"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	jsonPath := filepath.Join(dir, "layout.json")
	code, out, errs := run(t, dir, "build", cards, "-o", filepath.Join(dir, "dist"), "--layout-report", "--layout-json", jsonPath)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{
		"cards.jxl:42:9: MainContent: VStack pre-computed: 12 nodes, 176.453125×248\n",
		"cards.jxl:73:13: App: Button not pre-computed: the text is not constant (Text inside)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	data, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Subtrees []struct {
			View  string `json:"view"`
			Nodes []struct {
				View   string  `json:"view"`
				TestID string  `json:"testID"`
				X      float64 `json:"x"`
				Y      float64 `json:"y"`
				Width  float64 `json:"width"`
				Height float64 `json:"height"`
			} `json:"nodes"`
		} `json:"subtrees"`
		Skipped []struct {
			Pos    string `json:"pos"`
			Reason string `json:"reason"`
		} `json:"skipped"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range got.Subtrees {
		for _, n := range s.Nodes {
			if n.TestID == "card-ok" {
				found = true
				if n.View != "StaticCard" || n.X != 104.21875 || n.Y != 92 || n.Width != 52.234375 || n.Height != 32 {
					t.Errorf("card-ok: %+v", n)
				}
			}
		}
	}
	if !found || len(got.Skipped) == 0 {
		t.Errorf("layout JSON lacks card-ok or the skipped subtrees:\n%s", data)
	}
	if code, _, errs := run(t, dir, "build", cards, "-o", filepath.Join(dir, "dist"), "--layout", "sideways"); code != 2 || !strings.Contains(errs, "--layout must be") {
		t.Errorf("--layout sideways: exit %d\n%s", code, errs)
	}
}

// TestBuildSaysPreRendered: the build says when index.html holds the root
// view's first render (the bench app's root is static markup and handlers;
// the counter shows state).
func TestBuildSaysPreRendered(t *testing.T) {
	const line = "index.html holds the root view's first render"
	for _, tc := range []struct {
		example string
		want    bool
	}{{"bench", true}, {"counter", false}} {
		dir := t.TempDir()
		app, err := filepath.Abs(filepath.Join("..", "..", "examples", tc.example))
		if err != nil {
			t.Fatal(err)
		}
		code, out, errs := run(t, dir, "build", app, "-o", filepath.Join(dir, "dist"), "--no-cache")
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s%s", tc.example, code, out, errs)
		}
		if got := strings.Contains(out, line); got != tc.want {
			t.Errorf("%s: says pre-rendered %v, want %v:\n%s", tc.example, got, tc.want, out)
		}
	}
}
