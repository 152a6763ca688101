package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestSummarize(t *testing.T) {
	tests := []struct {
		name string
		in   []float64
		want Summary
	}{
		{"one", []float64{7}, Summary{N: 1, Mean: 7, Median: 7, P95: 7, P99: 7, StdDev: 0, Min: 7, Max: 7}},
		{"odd", []float64{5, 1, 3}, Summary{N: 3, Mean: 3, Median: 3, P95: 4.8, P99: 4.96, StdDev: 2, Min: 1, Max: 5}},
		{"even", []float64{4, 1, 3, 2}, Summary{N: 4, Mean: 2.5, Median: 2.5, P95: 3.85, P99: 3.97, StdDev: math.Sqrt(5.0 / 3), Min: 1, Max: 4}},
		// 1..100: numpy.percentile(range(1,101), 95) = 95.05, 99 → 99.01;
		// sample sd = sqrt(101*100/12) = 29.011.
		{"1..100", seq(1, 100), Summary{N: 100, Mean: 50.5, Median: 50.5, P95: 95.05, P99: 99.01, StdDev: 29.011491975882016, Min: 1, Max: 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarize(tt.in)
			if got.N != tt.want.N || !near(got.Mean, tt.want.Mean, 1e-9) || !near(got.Median, tt.want.Median, 1e-9) ||
				!near(got.P95, tt.want.P95, 1e-9) || !near(got.P99, tt.want.P99, 1e-9) ||
				!near(got.StdDev, tt.want.StdDev, 1e-9) || got.Min != tt.want.Min || got.Max != tt.want.Max {
				t.Errorf("Summarize(%v) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
	if s := Summarize(nil); s.N != 0 {
		t.Errorf("Summarize(nil).N = %d", s.N)
	}
}

func seq(a, b int) []float64 {
	var s []float64
	for i := a; i <= b; i++ {
		s = append(s, float64(i))
	}
	return s
}

func TestGeoMean(t *testing.T) {
	tests := []struct {
		in   []float64
		want float64
	}{
		{[]float64{1, 4}, 2},
		{[]float64{2, 8, 4}, 4},
		{[]float64{1.1, 1.1, 1.1}, 1.1},
	}
	for _, tt := range tests {
		if got := GeoMean(tt.in); !near(got, tt.want, 1e-12) {
			t.Errorf("GeoMean(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	if !math.IsNaN(GeoMean([]float64{1, 0})) {
		t.Error("GeoMean with a zero is not NaN")
	}
}

// The exact p-values are P(U ≤ u) from the published tables of the
// Mann-Whitney distribution (Mann & Whitney 1947), which equal the number of
// rank arrangements with U ≤ u over C(n1+n2, n1).
func TestMannWhitneyExact(t *testing.T) {
	tests := []struct {
		name     string
		x, y     []float64
		u        float64
		pLess    float64
		twoSided float64
		exact    bool
	}{
		{"3v3 separated", []float64{1, 2, 3}, []float64{4, 5, 6}, 0, 1.0 / 20, 2.0 / 20, true},
		{"5v5 U=2", []float64{1, 2, 3, 4, 7}, []float64{5, 6, 8, 9, 10}, 2, 4.0 / 252, 8.0 / 252, true},
		{"5v5 U=4", []float64{1, 2, 3, 6, 7}, []float64{4, 5, 8, 9, 10}, 4, 12.0 / 252, 24.0 / 252, true},
		{"4v6 U=3", []float64{1, 2, 3, 7}, []float64{4, 5, 6, 8, 9, 10}, 3, 7.0 / 210, 14.0 / 210, true},
		{"6v8 U=10", []float64{1, 2, 3, 4, 9, 12}, []float64{5, 6, 7, 8, 10, 11, 13, 14}, 10, 122.0 / 3003, 244.0 / 3003, true},
		{"7v7 U=8", []float64{1, 2, 3, 4, 5, 10, 11}, []float64{6, 7, 8, 9, 12, 13, 14}, 8, 65.0 / 3432, 130.0 / 3432, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := MannWhitneyU(tt.x, tt.y)
			if r.U != tt.u || r.Exact != tt.exact || !near(r.PLess, tt.pLess, 1e-12) || !near(r.P, tt.twoSided, 1e-12) {
				t.Errorf("got U=%v exact=%v pLess=%v p=%v; want U=%v pLess=%v p=%v", r.U, r.Exact, r.PLess, r.P, tt.u, tt.pLess, tt.twoSided)
			}
			// Swapping the samples mirrors the test.
			s := MannWhitneyU(tt.y, tt.x)
			if !near(s.PGreater, r.PLess, 1e-12) || !near(s.P, r.P, 1e-12) {
				t.Errorf("swapped: pGreater=%v p=%v, want %v %v", s.PGreater, s.P, r.PLess, r.P)
			}
		})
	}
}

func TestMannWhitneyExactMatchesEnumeration(t *testing.T) {
	// Enumerate every assignment of ranks 1..n1+n2 to x for small sizes and
	// compare the whole distribution.
	for n1 := 1; n1 <= 6; n1++ {
		for n2 := 1; n2 <= 6; n2++ {
			counts := make([]float64, n1*n2+1)
			total := 0.0
			var walk func(start, left, sum int)
			walk = func(start, left, sum int) {
				if left == 0 {
					counts[sum-n1*(n1+1)/2]++
					total++
					return
				}
				for r := start; r <= n1+n2; r++ {
					walk(r+1, left-1, sum+r)
				}
			}
			walk(1, n1, 0)
			cdf := exactCDF(n1, n2)
			acc := 0.0
			for u, c := range counts {
				acc += c
				if !near(cdf[u], acc/total, 1e-12) {
					t.Fatalf("n1=%d n2=%d: P(U≤%d) = %v, enumeration %v", n1, n2, u, cdf[u], acc/total)
				}
			}
		}
	}
}

func TestMannWhitneyTies(t *testing.T) {
	// Small samples with ties: the exact permutation distribution of the
	// mid-rank sum. Enumerating the C(6,3) = 20 splits of
	// {1, 2, 2, 3, 3, 4} by hand: x = {1, 2, 2} has the smallest mid-rank sum
	// (1 + 2.5 + 2.5 = 6), shared by no other split, so P = 1/20.
	r := MannWhitneyU([]float64{1, 2, 2}, []float64{3, 3, 4})
	if !r.Exact || r.U != 0 || !near(r.PLess, 1.0/20, 1e-12) || !near(r.PGreater, 1, 1e-12) {
		t.Errorf("small with ties: %+v", r)
	}
	// x = {2, 3, 3} against {1, 2, 4}: mid-ranks 2.5, 4.5, 4.5 (sum 11.5);
	// 9 of the 20 splits have a mid-rank sum of at least 11.5.
	r = MannWhitneyU([]float64{2, 3, 3}, []float64{1, 2, 4})
	if !r.Exact || !near(r.PGreater, 9.0/20, 1e-12) {
		t.Errorf("PGreater = %v, want 9/20", r.PGreater)
	}
	// The normal approximation with tie and continuity correction, computed
	// by hand: U = 7.5, mu = 36, sigma = 10.8585 (tie term 90).
	x := []float64{1, 2, 2, 3, 3, 3, 4, 5}
	y := []float64{3, 4, 4, 5, 5, 6, 6, 7, 8}
	r = mannWhitneyNormal(x, y)
	if r.U != 7.5 || !near(r.PLess, 0.0031865669190429386, 1e-12) || !near(r.P, 0.006373133838085877, 1e-12) {
		t.Errorf("normal approximation: %+v", r)
	}
	// All equal: no evidence either way.
	same := MannWhitneyU([]float64{2, 2, 2}, []float64{2, 2, 2})
	if same.P != 1 {
		t.Errorf("identical samples: p = %v", same.P)
	}
}

func TestMannWhitneyLarge(t *testing.T) {
	// 60 against 60 from N(0,1) and N(1,1): the normal approximation must
	// find the shift; the same distribution must usually not.
	r := rand.New(rand.NewPCG(1, 2))
	var a, b, c []float64
	for range 60 {
		a = append(a, r.NormFloat64())
		b = append(b, r.NormFloat64()+1)
		c = append(c, r.NormFloat64())
	}
	if got := MannWhitneyU(b, a); got.Exact || got.PGreater > 1e-4 {
		t.Errorf("shifted: %+v", got)
	}
	if got := MannWhitneyU(c, a); got.P < 0.01 {
		t.Errorf("same distribution: %+v", got)
	}
}

func TestBootstrapDeterministic(t *testing.T) {
	xs := []float64{10, 12, 11, 13, 9, 30, 11, 12, 10, 11}
	lo1, hi1 := MedianCI(xs, 0.95, 42)
	lo2, hi2 := MedianCI(xs, 0.95, 42)
	if lo1 != lo2 || hi1 != hi2 {
		t.Fatalf("same seed, different intervals: [%v %v] [%v %v]", lo1, hi1, lo2, hi2)
	}
	med := Median(xs)
	if !(lo1 <= med && med <= hi1) || lo1 < 9 || hi1 > 13 {
		t.Errorf("interval [%v, %v] for median %v", lo1, hi1, med)
	}
	// A different seed may move the interval, but not far.
	lo3, hi3 := MedianCI(xs, 0.95, 7)
	if math.Abs(lo3-lo1) > 1.5 || math.Abs(hi3-hi1) > 1.5 {
		t.Errorf("seed 7: [%v, %v] far from [%v, %v]", lo3, hi3, lo1, hi1)
	}
	// The ratio interval covers the true ratio of 2.
	a := []float64{20, 24, 22, 26, 18, 22, 20, 24, 22, 21}
	rlo, rhi := RatioCI(a, xs, 0.95, 42)
	if !(rlo <= 2 && 2 <= rhi) {
		t.Errorf("ratio interval [%v, %v] misses 2", rlo, rhi)
	}
	if l, h := RatioCI(a, xs, 0.95, 42); l != rlo || h != rhi {
		t.Error("ratio interval not deterministic")
	}
}
