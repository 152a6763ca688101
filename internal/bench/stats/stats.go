// Package stats has the statistics jepsh bench uses: summaries of samples,
// bootstrap confidence intervals and the Mann-Whitney U test.
package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// Summary describes one set of samples.
type Summary struct {
	N      int
	Mean   float64
	Median float64
	P95    float64
	P99    float64
	StdDev float64 // sample standard deviation (n-1)
	Min    float64
	Max    float64
}

// Summarize computes the summary of xs (the zero Summary for no samples).
func Summarize(xs []float64) Summary {
	if len(xs) == 0 {
		return Summary{}
	}
	s := sorted(xs)
	return Summary{
		N:      len(s),
		Mean:   Mean(s),
		Median: medianSorted(s),
		P95:    percentileSorted(s, 0.95),
		P99:    percentileSorted(s, 0.99),
		StdDev: StdDev(s),
		Min:    s[0],
		Max:    s[len(s)-1],
	}
}

func sorted(xs []float64) []float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s
}

// Mean is the arithmetic mean (NaN for no samples).
func Mean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// Median is the middle sample, or the mean of the two middle ones.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	return medianSorted(sorted(xs))
}

func medianSorted(s []float64) float64 {
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// Percentile returns the p-quantile (0 < p ≤ 1) by linear interpolation
// between closest ranks (the definition of numpy's default and of R's type 7).
func Percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	return percentileSorted(sorted(xs), p)
}

func percentileSorted(s []float64, p float64) float64 {
	h := p * float64(len(s)-1)
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (h-lo)*(s[i+1]-s[i])
}

// StdDev is the sample standard deviation (0 for fewer than two samples).
func StdDev(xs []float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	m := Mean(xs)
	ss := 0.0
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	return math.Sqrt(ss / float64(len(xs)-1))
}

// GeoMean is the geometric mean of positive values (NaN if any is not).
func GeoMean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, x := range xs {
		if !(x > 0) {
			return math.NaN()
		}
		sum += math.Log(x)
	}
	return math.Exp(sum / float64(len(xs)))
}

// BootstrapIters is the number of resamples the bootstrap functions draw.
const BootstrapIters = 2000

// MedianCI returns a percentile bootstrap confidence interval of the median
// of xs at the given level (e.g. 0.95). The same seed gives the same
// interval.
func MedianCI(xs []float64, level float64, seed uint64) (lo, hi float64) {
	if len(xs) == 0 {
		return math.NaN(), math.NaN()
	}
	r := rand.New(rand.NewPCG(seed, 0x6a65707368))
	meds := make([]float64, BootstrapIters)
	buf := make([]float64, len(xs))
	for i := range meds {
		meds[i] = resampleMedian(xs, buf, r)
	}
	return interval(meds, level)
}

// RatioCI returns a percentile bootstrap confidence interval of
// median(a)/median(b), resampling a and b independently.
func RatioCI(a, b []float64, level float64, seed uint64) (lo, hi float64) {
	if len(a) == 0 || len(b) == 0 {
		return math.NaN(), math.NaN()
	}
	r := rand.New(rand.NewPCG(seed, 0x6a65707368))
	ratios := make([]float64, BootstrapIters)
	ba, bb := make([]float64, len(a)), make([]float64, len(b))
	for i := range ratios {
		ratios[i] = resampleMedian(a, ba, r) / resampleMedian(b, bb, r)
	}
	return interval(ratios, level)
}

func resampleMedian(xs, buf []float64, r *rand.Rand) float64 {
	for j := range buf {
		buf[j] = xs[r.IntN(len(xs))]
	}
	slices.Sort(buf)
	return medianSorted(buf)
}

func interval(vs []float64, level float64) (lo, hi float64) {
	slices.Sort(vs)
	a := (1 - level) / 2
	return percentileSorted(vs, a), percentileSorted(vs, 1-a)
}

// MannWhitney is the result of a Mann-Whitney U (Wilcoxon rank-sum) test of
// x against y.
type MannWhitney struct {
	U        float64 // U of x: the number of pairs (xi, yj) with xi > yj, ties counting ½
	PLess    float64 // one-sided p-value for "x tends to be smaller than y"
	PGreater float64 // one-sided p-value for "x tends to be larger than y"
	P        float64 // two-sided p-value
	Exact    bool    // p-values from the exact distribution (no ties, small samples)
}

// exactLimit is the largest sample size for which the exact null
// distribution of U is computed.
const exactLimit = 50

// MannWhitneyU tests whether x and y come from the same distribution. The
// p-values are exact for small samples: from the distribution of U without
// ties when both samples have at most 50 values, and from the permutation
// distribution of the mid-rank sum (conditional on the ties) when there are
// ties and at most 60 values in all. Otherwise they use the normal
// approximation with the tie correction and a continuity correction.
func MannWhitneyU(x, y []float64) MannWhitney {
	n1, n2 := len(x), len(y)
	if n1 == 0 || n2 == 0 {
		return MannWhitney{U: math.NaN(), PLess: 1, PGreater: 1, P: 1}
	}
	ranks, ties := rank(x, y)
	r1 := 0.0
	for i := 0; i < n1; i++ {
		r1 += ranks[i]
	}
	u := r1 - float64(n1*(n1+1))/2
	res := MannWhitney{U: u}
	if !ties && n1 <= exactLimit && n2 <= exactLimit {
		cdf := exactCDF(n1, n2)
		ui := int(math.Round(u))
		res.PLess = cdf[ui]
		if ui > 0 {
			res.PGreater = 1 - cdf[ui-1]
		} else {
			res.PGreater = 1
		}
		res.Exact = true
	} else if ties && n1+n2 <= exactTiesLimit {
		res.PLess, res.PGreater = exactTies(ranks, n1, r1)
		res.Exact = true
	} else {
		return mannWhitneyNormal(x, y)
	}
	res.P = math.Min(1, 2*math.Min(res.PLess, res.PGreater))
	return res
}

// mannWhitneyNormal is the test with the normal approximation.
func mannWhitneyNormal(x, y []float64) MannWhitney {
	n1, n2 := len(x), len(y)
	ranks, _ := rank(x, y)
	r1 := 0.0
	for i := 0; i < n1; i++ {
		r1 += ranks[i]
	}
	u := r1 - float64(n1*(n1+1))/2
	N := float64(n1 + n2)
	mu := float64(n1*n2) / 2
	sigma := math.Sqrt(float64(n1*n2) / 12 * ((N + 1) - tieTerm(x, y)/(N*(N-1))))
	if sigma == 0 {
		return MannWhitney{U: u, PLess: 1, PGreater: 1, P: 1}
	}
	res := MannWhitney{U: u, PLess: normCDF((u - mu + 0.5) / sigma), PGreater: 1 - normCDF((u-mu-0.5)/sigma)}
	res.P = math.Min(1, 2*math.Min(res.PLess, res.PGreater))
	return res
}

// rank returns the mid-ranks (1-based) of x followed by y, and whether any
// value occurs more than once.
func rank(x, y []float64) ([]float64, bool) {
	type item struct {
		v float64
		i int
	}
	all := make([]item, 0, len(x)+len(y))
	for i, v := range x {
		all = append(all, item{v, i})
	}
	for i, v := range y {
		all = append(all, item{v, len(x) + i})
	}
	sort.SliceStable(all, func(a, b int) bool { return all[a].v < all[b].v })
	ranks := make([]float64, len(all))
	ties := false
	for i := 0; i < len(all); {
		j := i
		for j+1 < len(all) && all[j+1].v == all[i].v {
			j++
		}
		if j > i {
			ties = true
		}
		r := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			ranks[all[k].i] = r
		}
		i = j + 1
	}
	return ranks, ties
}

// tieTerm is Σ(t³ - t) over groups of tied values.
func tieTerm(x, y []float64) float64 {
	s := append(slices.Clone(x), y...)
	slices.Sort(s)
	sum := 0.0
	for i := 0; i < len(s); {
		j := i
		for j+1 < len(s) && s[j+1] == s[i] {
			j++
		}
		t := float64(j - i + 1)
		sum += t*t*t - t
		i = j + 1
	}
	return sum
}

// exactTiesLimit is the largest total sample size for which tied samples
// get the exact permutation distribution.
const exactTiesLimit = 60

// exactTies returns P(R ≤ r1) and P(R ≥ r1) where R is the sum of the
// mid-ranks of a random subset of n1 of the values: the exact permutation
// distribution given the ties. Ranks are doubled to integers (mid-ranks are
// multiples of ½) and subsets counted by sum with a knapsack recurrence.
func exactTies(ranks []float64, n1 int, r1 float64) (pLess, pGreater float64) {
	total := 0
	r2 := make([]int, len(ranks))
	for i, r := range ranks {
		r2[i] = int(math.Round(2 * r))
		total += r2[i]
	}
	// f[k][s]: number of subsets of k of the values seen so far with sum s.
	f := make([][]float64, n1+1)
	for k := range f {
		f[k] = make([]float64, total+1)
	}
	f[0][0] = 1
	for _, v := range r2 {
		for k := n1; k >= 1; k-- {
			for s := total; s >= v; s-- {
				f[k][s] += f[k-1][s-v]
			}
		}
	}
	target := int(math.Round(2 * r1))
	all, le, ge := 0.0, 0.0, 0.0
	for s, c := range f[n1] {
		all += c
		if s <= target {
			le += c
		}
		if s >= target {
			ge += c
		}
	}
	return le / all, ge / all
}

// exactCDF returns P(U ≤ u) for u = 0..n1*n2 under the null hypothesis,
// counting arrangements with the recurrence
// f(m, n, u) = f(m-1, n, u-n) + f(m, n-1, u).
func exactCDF(n1, n2 int) []float64 {
	// f[m][n] is a slice over u; build row by row in m, keeping all n.
	prev := make([][]float64, n2+1) // m-1
	for n := 0; n <= n2; n++ {
		prev[n] = []float64{1} // m = 0: one arrangement, U = 0
	}
	for m := 1; m <= n1; m++ {
		cur := make([][]float64, n2+1)
		cur[0] = []float64{1}
		for n := 1; n <= n2; n++ {
			f := make([]float64, m*n+1)
			for u := range f {
				if u-n >= 0 && u-n < len(prev[n]) {
					f[u] += prev[n][u-n]
				}
				if u < len(cur[n-1]) {
					f[u] += cur[n-1][u]
				}
			}
			cur[n] = f
		}
		prev = cur
	}
	counts := prev[n2]
	total := 0.0
	for _, c := range counts {
		total += c
	}
	cdf := make([]float64, len(counts))
	acc := 0.0
	for u, c := range counts {
		acc += c
		cdf[u] = acc / total
	}
	return cdf
}

func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }
