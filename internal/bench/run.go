package bench

import (
	"context"
	"os/exec"
	"strings"
	"time"

	"github.com/jepsh/jepsh/internal/bench/result"
)

// Outcome is what running the suites produced.
type Outcome struct {
	Docs    []*result.Doc
	Skipped []result.Skip // suites that did not run, with the reason
	Failed  []result.Skip // suites that broke
}

// RunAll runs the selected suites one after another (they would compete for
// the CPU otherwise) and analyses each result.
func RunAll(ctx context.Context, cfg *Config) *Outcome {
	out := &Outcome{}
	names := cfg.Suites
	if len(names) == 0 {
		names = Suites
	}
	for _, name := range names {
		start := time.Now()
		cfg.Progress.Step("%s: start", name)
		doc, err := RunSuite(ctx, cfg, name)
		switch {
		case IsSkipped(err):
			cfg.Progress.Step("%s: skipped: %v", name, err)
			out.Skipped = append(out.Skipped, result.Skip{What: name, Reason: err.Error()})
			continue
		case err != nil:
			cfg.Progress.Step("%s: failed: %v", name, err)
			out.Failed = append(out.Failed, result.Skip{What: name, Reason: err.Error()})
			if doc == nil || len(doc.Results) == 0 {
				continue
			}
		}
		// Jepsh failing its own correctness check is a failure, not a
		// missing prerequisite.
		for _, sk := range doc.Skipped {
			if strings.HasPrefix(sk.What, name+"/jepsh") && strings.Contains(sk.Reason, "correctness check") {
				out.Failed = append(out.Failed, sk)
			}
		}
		Analyze(doc)
		out.Docs = append(out.Docs, doc)
		cfg.Progress.Step("%s: done in %.1fs", name, time.Since(start).Seconds())
	}
	return out
}

// CompareRuns compares every current run with the baseline run of its suite
// in the same mode (base is keyed by BaselineKey).
func CompareRuns(base map[string]*result.Doc, cur []*result.Doc, pol Policy) []Comparison {
	var out []Comparison
	for _, d := range cur {
		if b, ok := base[BaselineKey(d)]; ok {
			out = append(out, Compare(b, d, pol)...)
		}
	}
	return out
}

// GitCommit returns the short commit of the checkout at root, or "".
func GitCommit(root string) string {
	cmd := exec.Command("git", "rev-parse", "--short", "HEAD")
	cmd.Dir = root
	b, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
