package bench

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/jepsh/jepsh/internal/bench/result"
)

var machine = result.Machine{OS: "linux", Arch: "amd64", CPUs: 2, CPU: "test cpu"}

// outliers is the share of samples a busy machine makes 1.5-3× slower.
var outliers = 0.08

// noisy draws n samples around mean with multiplicative log-normal noise of
// the given spread, plus the occasional outlier.
func noisy(r *rand.Rand, n int, mean, spread float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		v := mean * math.Exp(spread*r.NormFloat64())
		if r.Float64() < outliers {
			v *= 1.5 + 1.5*r.Float64()
		}
		out[i] = v
	}
	return out
}

// run builds a UI-like document: per round, a machine factor (drift shared
// by every implementation of the round) times each implementation's noise.
func run(r *rand.Rand, rounds int, means map[string]float64, drift, spread float64) *result.Doc {
	d := &result.Doc{Suite: "ui", Reference: "vanilla", Machine: machine}
	for range rounds {
		m := math.Exp(drift * r.NormFloat64())
		for _, impl := range []string{"vanilla", "jepsh"} {
			d.Add("create-1000-rows", "duration", impl, "ms", m*noisy(r, 1, means[impl], spread)[0])
		}
	}
	return d
}

func find(t *testing.T, cs []Comparison, impl string) Comparison {
	t.Helper()
	for _, c := range cs {
		if c.Impl == impl {
			return c
		}
	}
	t.Fatalf("no comparison for %s in %+v", impl, cs)
	return Comparison{}
}

func TestNoFalsePositives(t *testing.T) {
	// Pairs of runs of the same code: drift is the machine's speed changing
	// between rounds, spread each sample's own noise, plus 8% outliers.
	tests := []struct {
		name          string
		rounds        int
		drift, spread float64
	}{
		{"quiet", 10, 0.02, 0.05},
		{"noisy", 10, 0.15, 0.15},
		{"very noisy, few samples", 5, 0.3, 0.25},
		{"few samples, no drift", 5, 0, 0.25},
		{"many samples", 30, 0.1, 0.2},
		{"full run", 12, 0.1, 0.08},
		{"wide spread", 15, 0, 0.3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			for seed := range uint64(300) {
				r := rand.New(rand.NewPCG(seed, 99))
				means := map[string]float64{"vanilla": 100, "jepsh": 104}
				base := run(r, tt.rounds, means, tt.drift, tt.spread)
				cur := run(r, tt.rounds, means, tt.drift, tt.spread)
				for _, c := range Compare(base, cur, DefaultPolicy) {
					if c.Verdict == "regression" {
						calls++
						t.Logf("seed %d: %+v", seed, c)
					}
				}
			}
			if calls > 0 {
				t.Errorf("%d false regressions in 300 pairs of runs of the same code", calls)
			}
		})
	}
}

func TestTrueSlowdownDetected(t *testing.T) {
	// A full run: 15 rounds, machine drift 10%, sample noise 5%, 3% outliers.
	defer func(o float64) { outliers = o }(outliers)
	outliers = 0.03
	detected, n := 0, 200
	for seed := range uint64(n) {
		r := rand.New(rand.NewPCG(seed, 7))
		base := run(r, 15, map[string]float64{"vanilla": 100, "jepsh": 104}, 0.1, 0.05)
		cur := run(r, 15, map[string]float64{"vanilla": 100, "jepsh": 104 * 1.3}, 0.1, 0.05)
		c := find(t, Compare(base, cur, DefaultPolicy), "jepsh")
		if c.Mode != "ratio" {
			t.Fatalf("mode %q, want ratio", c.Mode)
		}
		if c.Verdict == "regression" {
			detected++
			if c.Severity != Low && c.Severity != Medium {
				t.Errorf("seed %d: severity %q for a 1.3× slowdown (factor %.3f)", seed, c.Severity, c.Factor)
			}
			if !c.Gating {
				t.Errorf("seed %d: a jepsh regression in ratio mode does not gate", seed)
			}
		}
	}
	if detected < n*9/10 {
		t.Errorf("a 30%% slowdown detected in %d of %d runs, want ≥ 90%%", detected, n)
	}
}

func TestRatioCancelsMachineDrift(t *testing.T) {
	// The whole machine is 40% slower in the second run: the reference
	// (vanilla) looks slower in absolute terms, jepsh's ratio does not move.
	defer func(o float64) { outliers = o }(outliers)
	outliers = 0.03
	r := rand.New(rand.NewPCG(3, 3))
	means := map[string]float64{"vanilla": 100, "jepsh": 104}
	base := run(r, 12, means, 0.03, 0.05)
	slow := map[string]float64{"vanilla": 140, "jepsh": 104 * 1.4}
	cur := run(r, 12, slow, 0.03, 0.05)
	cs := Compare(base, cur, DefaultPolicy)
	if c := find(t, cs, "jepsh"); c.Mode != "ratio" || c.Verdict == "regression" {
		t.Errorf("jepsh: %+v", c)
	}
	v := find(t, cs, "vanilla")
	if v.Mode != "absolute" || v.Verdict != "regression" || v.Gating {
		t.Errorf("vanilla (the reference, a peer): %+v", v)
	}
}

func TestSeverityAndGating(t *testing.T) {
	mk := func(impl string, vals []float64, m result.Machine) *result.Doc {
		d := &result.Doc{Suite: "compiler", Machine: m}
		for _, v := range vals {
			d.Add("parse", "duration", impl, "ns/op", v)
		}
		return d
	}
	base := []float64{100, 101, 99, 100, 102, 98, 100, 101}
	scale := func(f float64) []float64 {
		var out []float64
		for _, v := range base {
			out = append(out, v*f)
		}
		return out
	}
	other := machine
	other.CPU = "another cpu"
	tests := []struct {
		name     string
		impl     string
		factor   float64
		m        result.Machine
		severity string
		gating   bool
		failing  bool
	}{
		{"unchanged", "jepsh", 1.02, machine, "", false, false},
		{"low", "jepsh", 1.15, machine, Low, true, false},
		{"medium", "jepsh", 1.3, machine, Medium, true, false},
		{"high", "jepsh", 1.6, machine, High, true, true},
		{"critical", "jepsh", 2.5, machine, Critical, true, true},
		{"peer", "yoga", 2.5, machine, Critical, false, false},
		{"other hardware", "jepsh", 2.5, other, Critical, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := Compare(mk(tt.impl, base, machine), mk(tt.impl, scale(tt.factor), tt.m), DefaultPolicy)
			c := find(t, cs, tt.impl)
			if c.Severity != tt.severity || c.Gating != tt.gating || (len(Failing(cs)) > 0) != tt.failing {
				t.Errorf("got %+v (failing %d)", c, len(Failing(cs)))
			}
		})
	}
}

func TestExactAndInconclusive(t *testing.T) {
	base := &result.Doc{Suite: "ui", Reference: "vanilla", Machine: machine}
	cur := &result.Doc{Suite: "ui", Reference: "vanilla", Machine: machine}
	base.Add("transfer-gzip", "size", "jepsh", "KB", 5.0)
	cur.Add("transfer-gzip", "size", "jepsh", "KB", 6.0)
	base.Add("transfer-gzip", "size", "vanilla", "KB", 2.0)
	cur.Add("transfer-gzip", "size", "vanilla", "KB", 2.0)
	for _, v := range []float64{10, 11, 12} {
		base.Add("select-row", "duration", "jepsh", "ms", v)
		cur.Add("select-row", "duration", "jepsh", "ms", 3*v)
		base.Add("select-row", "duration", "vanilla", "ms", v)
		cur.Add("select-row", "duration", "vanilla", "ms", v)
	}
	cs := Compare(base, cur, DefaultPolicy)
	for _, c := range cs {
		switch c.Benchmark + "/" + c.Impl {
		case "transfer-gzip/jepsh":
			if c.Mode != "exact" || c.Verdict != "regression" || c.Severity != Low || math.Abs(c.Factor-1.2) > 1e-9 {
				t.Errorf("size: %+v", c)
			}
		case "transfer-gzip/vanilla":
			if c.Verdict != "unchanged" {
				t.Errorf("unchanged size: %+v", c)
			}
		case "select-row/jepsh":
			// Three samples a side cannot reach p < 0.001, however large the change.
			if c.Verdict != "inconclusive" || c.Note == "" {
				t.Errorf("3 vs 3: %+v", c)
			}
		}
	}
}

func TestHigherIsBetter(t *testing.T) {
	mk := func(vals ...float64) *result.Doc {
		d := &result.Doc{Suite: "compiler", Machine: machine}
		for _, v := range vals {
			d.Add("build-1000-views", "throughput", "jepsh", "lines/s", v)
		}
		return d
	}
	// Throughput halves: a critical regression.
	c := Compare(mk(1000, 1010, 990, 1005, 995, 1000, 1002, 998), mk(500, 505, 495, 502, 498, 500, 501, 499), DefaultPolicy)[0]
	if c.Verdict != "regression" || c.Severity != Critical || math.Abs(c.Factor-2) > 0.01 {
		t.Errorf("halved throughput: %+v", c)
	}
	// Throughput doubles: an improvement.
	c = Compare(mk(500, 505, 495, 502, 498, 500, 501, 499), mk(1000, 1010, 990, 1005, 995, 1000, 1002, 998), DefaultPolicy)[0]
	if c.Verdict != "improvement" {
		t.Errorf("doubled throughput: %+v", c)
	}
}

// TestQuickRunsGateOnlyExactMeasures: a quick run reports a significant
// slowdown of a timing but does not fail on it; a size still gates.
func TestQuickRunsGateOnlyExactMeasures(t *testing.T) {
	for _, quick := range []bool{false, true} {
		base := &result.Doc{Suite: "layout", Machine: machine}
		cur := &result.Doc{Suite: "layout", Machine: machine, Quick: quick}
		cs := Compare(twiceWorse(base, cur))
		timing, size := find(t, cs, "jepsh"), Comparison{}
		for _, c := range cs {
			if c.Benchmark == "deep" {
				timing = c
			} else {
				size = c
			}
		}
		if timing.Verdict != "regression" || timing.Gating == quick {
			t.Errorf("quick=%v: timing %+v", quick, timing)
		}
		if !size.Gating {
			t.Errorf("quick=%v: size must gate: %+v", quick, size)
		}
	}
}

// twiceWorse fills base and cur with a timing of 30 samples that doubles
// and a size that triples, and returns them with the default policy.
func twiceWorse(base, cur *result.Doc) (*result.Doc, *result.Doc, Policy) {
	for i := 0; i < 30; i++ {
		v := 100 + float64(i%5)
		base.Add("deep", "duration", "jepsh", "ns", v)
		cur.Add("deep", "duration", "jepsh", "ns", 2*v)
	}
	base.Add("bundle", "size", "jepsh", "KB", 5)
	cur.Add("bundle", "size", "jepsh", "KB", 15)
	return base, cur, DefaultPolicy
}

// A timing measured on an overloaded machine, now or in the baseline, is
// reported but does not gate; sizes still do.
func TestOverloadedRunsDoNotGateTimings(t *testing.T) {
	for _, tc := range []struct {
		name           string
		baseLoad, load float64 // 1-minute load averages on 2 cores
		gating         bool
	}{
		{"idle", 1.2, 0.8, true},
		{"busy but not overloaded", 3.0, 2.9, true},
		{"overloaded baseline", 20, 1.0, false},
		{"overloaded run", 1.0, 3.5, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := machine
			m.CPUs = 2
			base := &result.Doc{Suite: "layout", Machine: m, Load: result.Load{Before: []float64{tc.baseLoad}}}
			cur := &result.Doc{Suite: "layout", Machine: m, Load: result.Load{After: []float64{tc.load}}}
			for _, c := range Compare(twiceWorse(base, cur)) {
				want := tc.gating || c.Mode == "exact"
				if c.Verdict != "regression" || c.Gating != want {
					t.Errorf("%s: gating %v, want %v: %+v", c.Benchmark, c.Gating, want, c)
				}
			}
		})
	}
}
