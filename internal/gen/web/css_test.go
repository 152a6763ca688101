package web

import (
	"strconv"
	"strings"
	"testing"
)

// Generated class names never collide with each other or with the fixed
// rules, however many there are.
func TestClassNames(t *testing.T) {
	s := newStyleSheet()
	seen := map[string]bool{"j-b": true, "j-c": true, "j-z": true}
	for i := 0; i < 2000; i++ {
		c := s.class([]string{"width:" + strconv.Itoa(i) + "px"})
		if seen[c] {
			t.Fatalf("class %q used twice", c)
		}
		seen[c] = true
		if again := s.class([]string{"width:" + strconv.Itoa(i) + "px"}); again != c {
			t.Fatalf("equal declarations got %q and %q", c, again)
		}
	}
	css := string(s.css())
	for _, fixed := range []string{".j-b{", ".j-c{", ".j-z>*{"} {
		if strings.Count(css, fixed) != 1 {
			t.Errorf("%s appears %d times", fixed, strings.Count(css, fixed))
		}
	}
}
