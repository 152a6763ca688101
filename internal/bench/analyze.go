// Package bench is the engine of jepsh bench: it runs the benchmark suites,
// summarises their samples, keeps baselines, calls regressions only when
// they are statistically significant and large enough, and renders reports.
package bench

import (
	"hash/fnv"
	"math"
	"slices"

	"github.com/jepsh/jepsh/internal/bench/result"
	"github.com/jepsh/jepsh/internal/bench/stats"
)

// Seed makes every bootstrap interval of a key reproducible.
func seedFor(key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()
}

// Analyze fills doc.Stats: the summary of every result, with its ratio to
// the reference implementation where the suite has one.
func Analyze(doc *result.Doc) {
	doc.Stats = map[string]result.Stats{}
	for i := range doc.Results {
		r := &doc.Results[i]
		s := stats.Summarize(r.Samples)
		lo, hi := stats.MedianCI(r.Samples, 0.95, seedFor(r.Key()))
		st := result.Stats{N: s.N, Mean: s.Mean, Median: s.Median, P95: s.P95, P99: s.P99, StdDev: s.StdDev, CILow: lo, CIHigh: hi}
		if rt, ok := Ratio(doc, r); ok {
			st.Ratio = rt
		}
		doc.Stats[r.Key()] = st
	}
}

// Ratio is median(r)/median(reference) for the same benchmark and metric,
// inverted for higher-is-better units, so that above 1 always means worse.
func Ratio(doc *result.Doc, r *result.Result) (float64, bool) {
	if doc.Reference == "" {
		return 0, false
	}
	ref := doc.Find(r.Benchmark, r.MetricOf(), doc.Reference)
	if ref == nil || len(ref.Samples) == 0 || len(r.Samples) == 0 {
		return 0, false
	}
	a, b := stats.Median(r.Samples), stats.Median(ref.Samples)
	if r.HigherIsBetter {
		a, b = b, a
	}
	if !(b > 0) || !(a > 0) {
		return 0, false
	}
	return a / b, true
}

// Metrics returns the metrics of doc in order of first appearance.
func Metrics(doc *result.Doc) []string {
	var ms []string
	for i := range doc.Results {
		if m := doc.Results[i].MetricOf(); !slices.Contains(ms, m) {
			ms = append(ms, m)
		}
	}
	return ms
}

// Impls returns the implementations of doc: the reference first, then in
// order of first appearance.
func Impls(doc *result.Doc) []string {
	var is []string
	if doc.Reference != "" {
		for i := range doc.Results {
			if doc.Results[i].Impl == doc.Reference {
				is = append(is, doc.Reference)
				break
			}
		}
	}
	for i := range doc.Results {
		if im := doc.Results[i].Impl; !slices.Contains(is, im) {
			is = append(is, im)
		}
	}
	return is
}

// Benchmarks returns the benchmarks of one metric in order of appearance.
func Benchmarks(doc *result.Doc, metric string) []string {
	var bs []string
	for i := range doc.Results {
		r := &doc.Results[i]
		if r.MetricOf() == metric && !slices.Contains(bs, r.Benchmark) {
			bs = append(bs, r.Benchmark)
		}
	}
	return bs
}

// GeoMeanRatio is the geometric mean, over the benchmarks of a metric, of
// impl's ratios to the reference; ok is false without a reference or ratios.
func GeoMeanRatio(doc *result.Doc, metric, impl string) (g float64, n int, ok bool) {
	var rs []float64
	for _, b := range Benchmarks(doc, metric) {
		r := doc.Find(b, metric, impl)
		if r == nil {
			continue
		}
		if rt, ok := Ratio(doc, r); ok {
			rs = append(rs, rt)
		}
	}
	if len(rs) == 0 {
		return 0, 0, false
	}
	g = stats.GeoMean(rs)
	return g, len(rs), !math.IsNaN(g)
}
