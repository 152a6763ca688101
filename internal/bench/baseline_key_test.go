package bench

import (
	"testing"

	"github.com/jepsh/jepsh/internal/bench/result"
)

func TestBaselineKey(t *testing.T) {
	tests := []struct {
		doc  result.Doc
		want string
	}{
		{result.Doc{Suite: "ui"}, "ui"},
		{result.Doc{Suite: "ui", Quick: true}, "ui/quick"},
		{result.Doc{Suite: "ui", Extra: map[string]any{"cpu_throttling": "none"}}, "ui"},
		{result.Doc{Suite: "ui", Extra: map[string]any{"cpu_throttling": "4x"}}, "ui/cpu4x"},
		{result.Doc{Suite: "ui", Quick: true, Extra: map[string]any{"cpu_throttling": "4x"}}, "ui/quick/cpu4x"},
		{result.Doc{Suite: "layout"}, "layout"},
	}
	for _, tt := range tests {
		if got := BaselineKey(&tt.doc); got != tt.want {
			t.Errorf("BaselineKey(%+v) = %q, want %q", tt.doc, got, tt.want)
		}
	}
}
