package bench

import (
	"fmt"
	"math"
	"strings"

	"github.com/jepsh/jepsh/internal/bench/result"
	"github.com/jepsh/jepsh/internal/bench/stats"
)

// Policy decides when a difference is a regression. The zero value is not
// useful; start from DefaultPolicy.
type Policy struct {
	// Alpha is the one-sided Mann-Whitney p-value under which a slowdown is
	// significant.
	Alpha float64
	// MinEffect is the smallest slowdown factor worth calling (severity
	// "low" starts here).
	MinEffect float64
	// Margin: the test is of "worse by more than Margin" (the baseline
	// samples are scaled by it before the Mann-Whitney test), so a call
	// needs evidence of a relevant slowdown, not just of any difference.
	Margin float64
	// MinCILow: the lower end of the 95% bootstrap interval of the factor
	// must exceed it too, so a call rests on more than the point estimate.
	MinCILow float64
	// Severity thresholds of the factor, as in the design guide §12.
	Medium, High, Critical float64
	// MinSamples on each side for a statistical comparison.
	MinSamples int
}

// DefaultPolicy: a factor of at least 1.10 (10% slower, or 10% further
// from the reference), with evidence at p < 0.001 that it is worse by more
// than 5% (one-sided Mann-Whitney against the baseline scaled by 1.05), and a
// 95% bootstrap interval of the factor above 1.05. Severity: low ≥ 1.10,
// medium ≥ 1.25, high ≥ 1.5, critical ≥ 2.0. The p-value threshold needs at
// least 6 against 7 samples (or 3 against 20) to be reachable at all; with
// fewer the comparison is reported as inconclusive. Tuned by the tests: no
// false call in thousands of comparisons of identical code under heavy noise,
// and a true 30% slowdown called in nine runs out of ten at 15 samples.
var DefaultPolicy = Policy{Alpha: 0.001, MinEffect: 1.10, Margin: 1.05, MinCILow: 1.05, Medium: 1.25, High: 1.5, Critical: 2.0, MinSamples: 5}

// Severity levels.
const (
	Low      = "low"
	Medium   = "medium"
	High     = "high"
	Critical = "critical"
)

// Comparison is one result compared with its baseline.
type Comparison struct {
	Suite     string  `json:"suite"`
	Benchmark string  `json:"benchmark"`
	Metric    string  `json:"metric"`
	Impl      string  `json:"impl"`
	Unit      string  `json:"unit"`
	Mode      string  `json:"mode"` // "ratio": to the in-run reference; "absolute"; "exact" (deterministic, one sample)
	Baseline  float64 `json:"baseline"`
	Current   float64 `json:"current"`
	Factor    float64 `json:"factor"` // > 1: worse than the baseline
	CILow     float64 `json:"ci_low"`
	CIHigh    float64 `json:"ci_high"`
	P         float64 `json:"p"` // one-sided Mann-Whitney p-value of "worse"
	NBase     int     `json:"n_base"`
	NCur      int     `json:"n_current"`
	Verdict   string  `json:"verdict"` // "regression", "improvement", "unchanged", "inconclusive"
	Severity  string  `json:"severity,omitempty"`
	Gating    bool    `json:"gating"` // counts for the exit status
	Note      string  `json:"note,omitempty"`
}

// Gates reports whether an implementation is Jepsh's own: only its
// regressions fail a run. A peer that moves is news, not a failure.
func Gates(impl string) bool { return strings.HasPrefix(impl, "jepsh") }

// Compare compares every result of cur with the same key in base (a stored
// baseline run of the same suite).
//
// Where the suite has an in-run reference (vanilla JS for the UI suite,
// alien-signals for reactivity) and both runs measured it, the compared
// quantity is the per-round ratio of the implementation to the reference
// (rounds interleave implementations, so a round's samples share the
// machine's state); this cancels most of the machine's drift. Otherwise the
// absolute samples are compared, and a regression gates only on the same
// hardware. Deterministic single-sample results (sizes) compare exactly.
func Compare(base, cur *result.Doc, pol Policy) []Comparison {
	var out []Comparison
	for i := range cur.Results {
		c := &cur.Results[i]
		b := base.Find(c.Benchmark, c.MetricOf(), c.Impl)
		if b == nil {
			continue
		}
		cmp := Comparison{Suite: cur.Suite, Benchmark: c.Benchmark, Metric: c.MetricOf(), Impl: c.Impl, Unit: c.Unit}
		xb, xc := b.Samples, c.Samples
		cmp.Mode = "absolute"
		if len(xb) == 1 && len(xc) == 1 {
			cmp.Mode = "exact" // a deterministic measure such as a size
		} else if cur.Reference != "" && c.Impl != cur.Reference && base.Reference == cur.Reference {
			rb := base.Find(c.Benchmark, c.MetricOf(), base.Reference)
			rc := cur.Find(c.Benchmark, c.MetricOf(), cur.Reference)
			if rb != nil && rc != nil {
				if pb, pc := pairRatios(b, rb), pairRatios(c, rc); len(pb) > 0 && len(pc) > 0 {
					xb, xc, cmp.Mode = pb, pc, "ratio"
					cmp.Unit = "×" + cur.Reference
				}
			}
		}
		judge(&cmp, xb, xc, c.HigherIsBetter, pol)
		cmp.Gating = cmp.Verdict == "regression" && Gates(c.Impl)
		if cmp.Gating && cmp.Mode == "absolute" && !result.SameHardware(base.Machine, cur.Machine) {
			cmp.Gating = false
			cmp.Note = "absolute times from different hardware: reported, not gating"
		}
		if cmp.Gating && cmp.Mode != "exact" && (Overloaded(base) || Overloaded(cur)) {
			// More runnable threads than cores: the optimizing compilers,
			// garbage collectors and browser processes of the benchmarks
			// compete with other work, and do not lose the same share of
			// time in each implementation, so even in-run ratios move.
			cmp.Gating = false
			cmp.Note = "measured on an overloaded machine (load average above 1.5 per core): reported, not gating"
		}
		if cmp.Gating && cur.Quick && cmp.Mode != "exact" {
			// A quick run is a smoke run: a few samples, suites measured one
			// after another on a possibly busy machine. Its timings are
			// reported; only exact measures (sizes) gate. Gate timings with
			// a full run (or --runs N).
			cmp.Gating = false
			cmp.Note = "quick run: timings are reported, not gating"
		}
		out = append(out, cmp)
	}
	return out
}

// Overloaded reports whether a run was measured on a machine whose 1-minute
// load average, before or after it, was above 1.5 per core.
func Overloaded(d *result.Doc) bool {
	cpus := d.Machine.CPUs
	if cpus <= 0 {
		return false
	}
	for _, l := range [][]float64{d.Load.Before, d.Load.After} {
		if len(l) > 0 && l[0] > 1.5*float64(cpus) {
			return true
		}
	}
	return false
}

// pairRatios divides r's samples by the reference's samples of the same
// round (index). Higher-is-better results are inverted so above 1 is worse.
func pairRatios(r, ref *result.Result) []float64 {
	n := min(len(r.Samples), len(ref.Samples))
	out := make([]float64, 0, n)
	for i := 0; i < n; i++ {
		a, b := r.Samples[i], ref.Samples[i]
		if r.HigherIsBetter {
			a, b = b, a
		}
		if a > 0 && b > 0 {
			out = append(out, a/b)
		}
	}
	return out
}

// judge fills factor, interval, p-value, verdict and severity.
func judge(c *Comparison, base, cur []float64, higherIsBetter bool, pol Policy) {
	c.NBase, c.NCur = len(base), len(cur)
	c.Baseline, c.Current = stats.Median(base), stats.Median(cur)
	worse, better := cur, base // "worse" means larger
	num, den := c.Current, c.Baseline
	if higherIsBetter && c.Mode != "ratio" {
		worse, better = base, cur
		num, den = c.Baseline, c.Current
	}
	if !(den > 0) || !(num > 0) {
		c.Verdict = "inconclusive"
		c.Note = "non-positive median"
		return
	}
	c.Factor = num / den
	if c.Mode == "exact" {
		c.CILow, c.CIHigh, c.P = c.Factor, c.Factor, 0
		switch {
		case c.Factor >= pol.MinEffect:
			c.Verdict = "regression"
		case c.Factor <= 1/pol.MinEffect:
			c.Verdict = "improvement"
		default:
			c.Verdict = "unchanged"
		}
		c.Severity = severity(c, pol)
		return
	}
	seed := seedFor(c.Suite + "/" + c.Benchmark + ":" + c.Metric + "/" + c.Impl)
	c.CILow, c.CIHigh = stats.RatioCI(worse, better, 0.95, seed)
	mw := stats.MannWhitneyU(worse, scaled(better, pol.Margin))
	c.P = mw.PGreater
	mwImp := stats.MannWhitneyU(scaled(worse, pol.Margin), better)
	if len(base) < pol.MinSamples || len(cur) < pol.MinSamples {
		c.Verdict = "inconclusive"
		c.Note = fmt.Sprintf("fewer than %d samples on a side", pol.MinSamples)
		return
	}
	switch {
	case c.P < pol.Alpha && c.Factor >= pol.MinEffect && c.CILow > pol.MinCILow:
		c.Verdict = "regression"
	case mwImp.PLess < pol.Alpha && c.Factor <= 1/pol.MinEffect && c.CIHigh < 1/pol.MinCILow:
		c.Verdict = "improvement"
	default:
		c.Verdict = "unchanged"
		if minP := minPossibleP(len(base), len(cur)); minP >= pol.Alpha {
			c.Verdict = "inconclusive"
			c.Note = fmt.Sprintf("%d against %d samples cannot reach p < %g", len(base), len(cur), pol.Alpha)
		}
	}
	c.Severity = severity(c, pol)
}

func scaled(xs []float64, f float64) []float64 {
	if f == 0 || f == 1 {
		return xs
	}
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = x * f
	}
	return out
}

// minPossibleP is the smallest one-sided Mann-Whitney p-value for sample
// sizes m and n: 1/C(m+n, m).
func minPossibleP(m, n int) float64 {
	lc := 0.0
	for i := 1; i <= m; i++ {
		lc += math.Log(float64(n+i)) - math.Log(float64(i))
	}
	return math.Exp(-lc)
}

func severity(c *Comparison, pol Policy) string {
	if c.Verdict != "regression" {
		return ""
	}
	switch f := c.Factor; {
	case f >= pol.Critical:
		return Critical
	case f >= pol.High:
		return High
	case f >= pol.Medium:
		return Medium
	default:
		return Low
	}
}

// Failing returns the gating regressions of severity high or critical.
func Failing(cs []Comparison) []Comparison {
	var out []Comparison
	for _, c := range cs {
		if c.Gating && (c.Severity == High || c.Severity == Critical) {
			out = append(out, c)
		}
	}
	return out
}
