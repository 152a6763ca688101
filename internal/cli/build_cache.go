package cli

import (
	"fmt"

	"github.com/jepsh/jepsh/internal/cache"
)

// diskCache opens the build cache in its default directory (nil when it is
// disabled or cannot be opened: the build then runs cold, with a note).
func diskCache(env *Env, cmd string) *cache.Cache {
	dir, err := cache.DefaultDir()
	if err == nil && dir == "" {
		return nil
	}
	if err == nil {
		var c *cache.Cache
		if c, err = cache.New(cache.Options{Dir: dir}); err == nil {
			return c
		}
	}
	fmt.Fprintf(env.Stderr, "%s: not caching: %v\n", cmd, err)
	return nil
}
