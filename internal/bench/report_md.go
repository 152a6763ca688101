package bench

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/jepsh/jepsh/internal/bench/result"
	"github.com/jepsh/jepsh/internal/bench/stats"
)

// Report is what the renderers draw: the runs of this invocation, their
// comparisons with the baseline, and the stored history for trends.
type Report struct {
	Runs        []*result.Doc
	Skipped     []result.Skip // whole suites that did not run
	Comparisons []Comparison
	BaselineSrc string // where the baseline came from ("" if none)
	BaselineOf  map[string]*result.Doc
	History     *Baselines
	Policy      Policy
}

// Num formats a measurement with three or four significant digits.
func Num(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v):
		return "–"
	case a >= 1e6:
		return fmt.Sprintf("%.3g", v)
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 10:
		return fmt.Sprintf("%.1f", v)
	case a >= 1:
		return fmt.Sprintf("%.2f", v)
	case a == 0:
		return "0"
	default:
		return fmt.Sprintf("%.3g", v)
	}
}

func ratio(v float64) string { return fmt.Sprintf("%.2f×", v) }

// MachineLine describes a run's machine in one line.
func MachineLine(m result.Machine) string {
	parts := []string{m.OS + "/" + m.Arch}
	if m.CPU != "" {
		parts = append(parts, fmt.Sprintf("%d × %s", m.CPUs, m.CPU))
	} else {
		parts = append(parts, fmt.Sprintf("%d CPUs", m.CPUs))
	}
	for _, s := range []string{m.Go, m.Node, m.Chromium} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func loadLine(l result.Load) string {
	f := func(x []float64) string {
		if len(x) == 0 {
			return "?"
		}
		return fmt.Sprintf("%.2f", x[0])
	}
	return fmt.Sprintf("%s before, %s after (1-minute load average)", f(l.Before), f(l.After))
}

// unitOf returns the unit of a metric's results.
func unitOf(doc *result.Doc, metric string) string {
	for i := range doc.Results {
		if doc.Results[i].MetricOf() == metric {
			return doc.Results[i].Unit
		}
	}
	return ""
}

func samplesOf(doc *result.Doc, metric string) (lo, hi int) {
	lo = math.MaxInt
	for i := range doc.Results {
		if r := &doc.Results[i]; r.MetricOf() == metric {
			lo, hi = min(lo, len(r.Samples)), max(hi, len(r.Samples))
		}
	}
	return lo, hi
}

// metricTitles explain metrics in table headings, per suite ("" for any).
var metricTitles = map[string]string{
	"ui/duration": "duration: click to the end of the next frame",
	"ui/cpu":      "main-thread CPU time, click to the end of the next frame",
	"ui/startup":  "navigation to first contentful paint",
	"ui/script":   "script compile and evaluation during load",
	"ui/heap":     "JS heap after GC",
	"ui/size":     "transfer size of HTML+JS+CSS",
	"/duration":   "time per operation",
	"/cpu":        "CPU time",
	"/alloc":      "bytes allocated per operation",
	"/allocs":     "allocations per operation",
}

// MetricTitle describes a metric of a suite.
func MetricTitle(suite, metric string) string {
	if t, ok := metricTitles[suite+"/"+metric]; ok {
		return t
	}
	if t, ok := metricTitles["/"+metric]; ok {
		return t
	}
	return metric
}

// displayScale picks a readable unit for a metric's table: nanoseconds
// become µs or ms, bytes KB or MB, when the medians are large.
func displayScale(doc *result.Doc, metric string) (div float64, unit string) {
	unit = unitOf(doc, metric)
	maxMed := 0.0
	for i := range doc.Results {
		if r := &doc.Results[i]; r.MetricOf() == metric && len(r.Samples) > 0 {
			if r.Unit != unit {
				return 1, "" // mixed units: each cell shows its own
			}
			maxMed = math.Max(maxMed, stats.Median(r.Samples))
		}
	}
	steps := map[string][]struct {
		div  float64
		unit string
	}{
		"ns/op": {{1e6, "ms/op"}, {1e3, "µs/op"}},
		"B/op":  {{1 << 20, "MB/op"}, {1 << 10, "KB/op"}},
	}
	for _, s := range steps[unit] {
		if maxMed >= 100*s.div {
			return s.div, s.unit
		}
	}
	return 1, unit
}

// WriteMarkdown renders the report as Markdown.
func WriteMarkdown(w io.Writer, rep *Report) error {
	var b strings.Builder
	b.WriteString("# Jepsh benchmarks\n")
	for _, doc := range rep.Runs {
		writeSuiteMD(&b, doc)
	}
	if len(rep.Skipped) > 0 {
		b.WriteString("\n## Skipped suites\n\n")
		for _, s := range rep.Skipped {
			fmt.Fprintf(&b, "- **%s**: %s\n", s.What, oneLine(s.Reason))
		}
	}
	writeComparisonsMD(&b, rep)
	_, err := io.WriteString(w, b.String())
	return err
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func writeSuiteMD(b *strings.Builder, doc *result.Doc) {
	fmt.Fprintf(b, "\n## %s", doc.Suite)
	if doc.Reference != "" {
		fmt.Fprintf(b, " (ratios to %s)", doc.Reference)
	}
	b.WriteString("\n\n")
	mode := "full"
	if doc.Quick {
		mode = "quick"
	}
	fmt.Fprintf(b, "%s · %s run · %s  \n", doc.Time.UTC().Format("2006-01-02 15:04 UTC"), mode, MachineLine(doc.Machine))
	fmt.Fprintf(b, "Load: %s\n", loadLine(doc.Load))
	impls := Impls(doc)
	if len(doc.Impls) > 0 {
		b.WriteString("\n")
		for _, im := range impls {
			info, ok := doc.Impls[im]
			if !ok {
				continue
			}
			fmt.Fprintf(b, "- `%s`: %s", im, info.Label)
			if info.Version != "" {
				fmt.Fprintf(b, " (%s)", info.Version)
			}
			b.WriteString("\n")
		}
	}
	for _, m := range Metrics(doc) {
		div, unit := displayScale(doc, m)
		lo, hi := samplesOf(doc, m)
		n := fmt.Sprint(lo)
		if hi != lo {
			n = fmt.Sprintf("%d–%d", lo, hi)
		}
		if unit == "" {
			fmt.Fprintf(b, "\n### %s (median of %s)\n\n", MetricTitle(doc.Suite, m), n)
		} else {
			fmt.Fprintf(b, "\n### %s (%s, median of %s)\n\n", MetricTitle(doc.Suite, m), unit, n)
		}
		b.WriteString("| benchmark |")
		for _, im := range impls {
			fmt.Fprintf(b, " %s |", im)
		}
		b.WriteString("\n|---|")
		for range impls {
			b.WriteString("---:|")
		}
		b.WriteString("\n")
		for _, bm := range Benchmarks(doc, m) {
			fmt.Fprintf(b, "| %s |", bm)
			for _, im := range impls {
				r := doc.Find(bm, m, im)
				if r == nil || len(r.Samples) == 0 {
					b.WriteString(" – |")
					continue
				}
				cell := Num(stats.Median(r.Samples) / div)
				if unit == "" {
					cell += " " + r.Unit
				}
				if rt, ok := Ratio(doc, r); ok && im != doc.Reference {
					cell += " (" + ratio(rt) + ")"
				}
				fmt.Fprintf(b, " %s |", cell)
			}
			b.WriteString("\n")
		}
		if hasGeoMean(doc, m) {
			b.WriteString("| **geometric mean of ratios** |")
			for _, im := range impls {
				if g, _, ok := GeoMeanRatio(doc, m, im); ok {
					fmt.Fprintf(b, " **%s** |", ratio(g))
				} else {
					b.WriteString(" – |")
				}
			}
			b.WriteString("\n")
		}
	}
	if len(doc.Skipped) > 0 {
		b.WriteString("\nSkipped:\n\n")
		for _, s := range doc.Skipped {
			fmt.Fprintf(b, "- %s: %s\n", s.What, oneLine(s.Reason))
		}
	}
	if len(doc.Notes) > 0 {
		b.WriteString("\nNotes:\n\n")
		for _, n := range doc.Notes {
			fmt.Fprintf(b, "- %s\n", oneLine(n))
		}
	}
}

func writeComparisonsMD(b *strings.Builder, rep *Report) {
	if rep.BaselineSrc == "" {
		return
	}
	fmt.Fprintf(b, "\n## Against the baseline (%s)\n\n", rep.BaselineSrc)
	if len(rep.Comparisons) == 0 {
		b.WriteString("Nothing to compare: the baseline has none of these results.\n")
		return
	}
	count := map[string]int{}
	for _, c := range rep.Comparisons {
		count[c.Verdict]++
	}
	var parts []string
	for _, v := range []string{"regression", "improvement", "unchanged", "inconclusive"} {
		if n := count[v]; n > 0 {
			if n > 1 && (v == "regression" || v == "improvement") {
				v += "s"
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, v))
		}
	}
	fmt.Fprintf(b, "%s. A regression needs a factor ≥ %.2f, p < %g that it is worse by more than %.0f%% (Mann-Whitney U), and a 95%% interval above %.2f; ", strings.Join(parts, ", "), rep.Policy.MinEffect, rep.Policy.Alpha, (rep.Policy.Margin-1)*100, rep.Policy.MinCILow)
	fmt.Fprintf(b, "severity low ≥ %.2f, medium ≥ %.2f, high ≥ %.2f, critical ≥ %.2f. Only Jepsh's own implementations gate.\n", rep.Policy.MinEffect, rep.Policy.Medium, rep.Policy.High, rep.Policy.Critical)
	shown := slices.DeleteFunc(slices.Clone(rep.Comparisons), func(c Comparison) bool {
		return c.Verdict != "regression" && c.Verdict != "improvement"
	})
	if len(shown) == 0 {
		return
	}
	b.WriteString("\n| suite | benchmark | metric | impl | mode | baseline | current | factor | 95% CI | p | verdict |\n")
	b.WriteString("|---|---|---|---|---|---:|---:|---:|---|---:|---|\n")
	for _, c := range shown {
		v := c.Verdict
		if c.Severity != "" {
			v += " (" + c.Severity + ")"
		}
		if c.Gating {
			v = "**" + v + "**"
		}
		if c.Note != "" {
			v += "; " + c.Note
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s–%s | %.2g | %s |\n",
			c.Suite, c.Benchmark, c.Metric, c.Impl, c.Mode, Num(c.Baseline), Num(c.Current), ratio(c.Factor),
			fmt.Sprintf("%.2f", c.CILow), fmt.Sprintf("%.2f", c.CIHigh), c.P, v)
	}
}

// hasGeoMean reports whether a metric's table gets a geometric-mean row:
// the suite has a reference, the metric several benchmarks, and some other
// implementation has ratios.
func hasGeoMean(doc *result.Doc, metric string) bool {
	if doc.Reference == "" || len(Benchmarks(doc, metric)) < 2 {
		return false
	}
	for _, im := range Impls(doc) {
		if im == doc.Reference {
			continue
		}
		if _, _, ok := GeoMeanRatio(doc, metric, im); ok {
			return true
		}
	}
	return false
}
