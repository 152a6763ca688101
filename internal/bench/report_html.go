package bench

import (
	"fmt"
	"html"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/jepsh/jepsh/internal/bench/result"
	"github.com/jepsh/jepsh/internal/bench/stats"
)

var palette = []string{"#2563eb", "#6b7280", "#ea580c", "#16a34a", "#9333ea", "#db2777", "#0891b2", "#ca8a04"}

// colorOf gives each implementation a stable colour within a document.
func colorOf(impls []string, im string) string {
	i := slices.Index(impls, im)
	if i < 0 {
		i = len(palette) - 1
	}
	return palette[i%len(palette)]
}

const css = `body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:980px;color:#111;padding:0 1em}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd}h3{font-size:1.05em;margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0;font-size:13px}td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:right}
td:first-child,th:first-child{text-align:left}.meta{color:#555}.reg{color:#b91c1c;font-weight:600}.imp{color:#15803d}
svg text{font:11px system-ui,sans-serif;fill:#333}details{margin:.5em 0}`

// WriteHTML renders the report as one self-contained HTML page: tables,
// per-benchmark bars with the peers, and trends over the stored runs.
func WriteHTML(w io.Writer, rep *Report) error {
	var b strings.Builder
	b.WriteString("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Jepsh benchmarks</title>\n<style>" + css + "</style></head><body>\n<h1>Jepsh benchmarks</h1>\n")
	for _, doc := range rep.Runs {
		writeSuiteHTML(&b, doc, rep)
	}
	if len(rep.Skipped) > 0 {
		b.WriteString("<h2>Skipped suites</h2><ul>")
		for _, s := range rep.Skipped {
			fmt.Fprintf(&b, "<li><b>%s</b>: %s</li>", esc(s.What), esc(oneLine(s.Reason)))
		}
		b.WriteString("</ul>\n")
	}
	if rep.BaselineSrc != "" {
		fmt.Fprintf(&b, "<h2>Against the baseline</h2>\n<p class=\"meta\">%s</p>\n", esc(rep.BaselineSrc))
		writeComparisonsHTML(&b, rep)
	}
	b.WriteString("</body></html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func esc(s string) string { return html.EscapeString(s) }

func writeSuiteHTML(b *strings.Builder, doc *result.Doc, rep *Report) {
	impls := Impls(doc)
	fmt.Fprintf(b, "<h2>%s</h2>\n<p class=\"meta\">%s · %s · load %s", esc(doc.Suite), doc.Time.UTC().Format("2006-01-02 15:04 UTC"), esc(MachineLine(doc.Machine)), esc(loadLine(doc.Load)))
	if doc.Reference != "" {
		fmt.Fprintf(b, " · ratios to <b>%s</b> (above 1 is slower)", esc(doc.Reference))
	}
	if doc.Quick {
		b.WriteString(" · quick run")
	}
	b.WriteString("</p>\n")
	if len(doc.Impls) > 0 {
		b.WriteString("<ul>")
		for _, im := range impls {
			if info, ok := doc.Impls[im]; ok {
				fmt.Fprintf(b, "<li><span style=\"color:%s\">■</span> <code>%s</code>: %s", colorOf(impls, im), esc(im), esc(info.Label))
				if info.Version != "" {
					fmt.Fprintf(b, " (%s)", esc(info.Version))
				}
				b.WriteString("</li>")
			}
		}
		b.WriteString("</ul>\n")
	}
	for _, m := range Metrics(doc) {
		div, unit := displayScale(doc, m)
		if unit == "" {
			fmt.Fprintf(b, "<h3>%s</h3>\n", esc(MetricTitle(doc.Suite, m)))
		} else {
			fmt.Fprintf(b, "<h3>%s (%s)</h3>\n", esc(MetricTitle(doc.Suite, m)), esc(unit))
		}
		writeTableHTML(b, doc, m, impls, div, unit)
		writeBarsSVG(b, doc, m, impls, div, unit)
		if rep.History != nil {
			writeTrendSVG(b, doc, rep.History.Trend(doc.Suite, doc.Quick), m)
		}
	}
	if len(doc.Skipped)+len(doc.Notes) > 0 {
		b.WriteString("<ul class=\"meta\">")
		for _, s := range doc.Skipped {
			fmt.Fprintf(b, "<li>skipped %s: %s</li>", esc(s.What), esc(oneLine(s.Reason)))
		}
		for _, n := range doc.Notes {
			fmt.Fprintf(b, "<li>%s</li>", esc(oneLine(n)))
		}
		b.WriteString("</ul>\n")
	}
	writeStatsHTML(b, doc)
}

func writeTableHTML(b *strings.Builder, doc *result.Doc, m string, impls []string, div float64, unit string) {
	b.WriteString("<table><tr><th>benchmark</th>")
	for _, im := range impls {
		fmt.Fprintf(b, "<th>%s</th>", esc(im))
	}
	b.WriteString("</tr>\n")
	for _, bm := range Benchmarks(doc, m) {
		fmt.Fprintf(b, "<tr><td>%s</td>", esc(bm))
		for _, im := range impls {
			r := doc.Find(bm, m, im)
			if r == nil || len(r.Samples) == 0 {
				b.WriteString("<td>–</td>")
				continue
			}
			cell := Num(stats.Median(r.Samples) / div)
			if unit == "" {
				cell += " " + esc(r.Unit)
			}
			if rt, ok := Ratio(doc, r); ok && im != doc.Reference {
				cell += " <small>(" + ratio(rt) + ")</small>"
			}
			fmt.Fprintf(b, "<td>%s</td>", cell)
		}
		b.WriteString("</tr>\n")
	}
	if hasGeoMean(doc, m) {
		b.WriteString("<tr><td><b>geometric mean of ratios</b></td>")
		for _, im := range impls {
			if g, _, ok := GeoMeanRatio(doc, m, im); ok {
				fmt.Fprintf(b, "<td><b>%s</b></td>", ratio(g))
			} else {
				b.WriteString("<td>–</td>")
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
}

// writeBarsSVG draws, per benchmark, one bar per implementation scaled to
// the largest median of that benchmark, with the 95% interval as a whisker.
func writeBarsSVG(b *strings.Builder, doc *result.Doc, m string, impls []string, div float64, unit string) {
	bms := Benchmarks(doc, m)
	const labelW, barW, rowH, barH = 170.0, 560.0, 6.0, 13.0
	var present []string
	for _, im := range impls {
		for _, bm := range bms {
			if doc.Find(bm, m, im) != nil {
				present = append(present, im)
				break
			}
		}
	}
	groupH := float64(len(present))*barH + rowH*2
	h := groupH*float64(len(bms)) + 20
	fmt.Fprintf(b, "<svg width=\"%d\" height=\"%.0f\" viewBox=\"0 0 %d %.0f\" role=\"img\">\n", 840, h, 840, h)
	fmt.Fprintf(b, "<text x=\"%.0f\" y=\"%.0f\" fill=\"#777\">bars: median · line: 95%% interval of the median</text>\n", labelW, h-2)
	for i, bm := range bms {
		y0 := float64(i)*groupH + 5
		maxV := 0.0
		for _, im := range present {
			if r := doc.Find(bm, m, im); r != nil && len(r.Samples) > 0 {
				maxV = math.Max(maxV, stats.Median(r.Samples))
			}
		}
		maxV *= 1.25 // room for the whiskers and labels
		fmt.Fprintf(b, "<text x=\"0\" y=\"%.1f\">%s</text>\n", y0+barH, esc(bm))
		for j, im := range present {
			r := doc.Find(bm, m, im)
			y := y0 + float64(j)*barH
			if r == nil || len(r.Samples) == 0 || !(maxV > 0) {
				continue
			}
			med := stats.Median(r.Samples)
			wd := med / maxV * barW
			fmt.Fprintf(b, "<rect x=\"%.0f\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" fill=\"%s\"><title>%s %s: %s %s</title></rect>\n",
				labelW, y, wd, barH-3, colorOf(impls, im), esc(im), esc(bm), Num(med/div), esc(unit))
			if st, ok := doc.Stats[r.Key()]; ok && st.N > 1 && !math.IsNaN(st.CILow) {
				// The 95% interval of the median, clipped to the chart.
				fmt.Fprintf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#111\" stroke-opacity=\".6\"/>\n",
					labelW+math.Min(st.CILow/maxV, 1)*barW, labelW+math.Min(st.CIHigh/maxV, 1)*barW, y+(barH-3)/2, y+(barH-3)/2)
			}
			label := Num(med / div)
			if rt, ok := Ratio(doc, r); ok && im != doc.Reference {
				label += " · " + ratio(rt)
			}
			fmt.Fprintf(b, "<text x=\"%.1f\" y=\"%.1f\">%s %s</text>\n", labelW+wd+4, y+barH-4, esc(im), esc(label))
		}
	}
	b.WriteString("</svg>\n")
}

// writeTrendSVG draws one metric over the stored runs of the suite and this
// run: the geometric mean of ratios per implementation where the suite has a
// reference and the metric several benchmarks, otherwise each result's median
// relative to its first value.
func writeTrendSVG(b *strings.Builder, doc *result.Doc, hist []HistoryEntry, metric string) {
	entries := append(slices.Clone(hist), Entry(doc, "this run"))
	if len(entries) < 2 {
		return
	}
	type series struct {
		name string
		vals []float64 // NaN where missing
	}
	var ss []series
	useGeo := doc.Reference != "" && len(Benchmarks(doc, metric)) > 1
	keys := map[string]bool{}
	for _, e := range entries {
		src := e.Medians
		if useGeo {
			src = e.GeoMeans
		}
		for k := range src {
			if keyMetric(k, useGeo) == metric {
				keys[k] = true
			}
		}
	}
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range keys {
			if !yield(k) {
				return
			}
		}
	}) {
		s := series{name: k}
		first := math.NaN()
		for _, e := range entries {
			src := e.Medians
			if useGeo {
				src = e.GeoMeans
			}
			v, ok := src[k]
			if !ok {
				s.vals = append(s.vals, math.NaN())
				continue
			}
			if !useGeo {
				if math.IsNaN(first) {
					first = v
				}
				v /= first
			}
			s.vals = append(s.vals, v)
		}
		ss = append(ss, s)
		if len(ss) == len(palette) {
			break
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range ss {
		for _, v := range s.vals {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 0) {
		return
	}
	if hi-lo < 0.1 {
		lo, hi = lo-0.05, hi+0.05
	}
	what := "median relative to its first stored value"
	if useGeo {
		what = "geometric mean of ratios to " + doc.Reference
	}
	fmt.Fprintf(b, "<p class=\"meta\">Trend over stored runs: %s</p>\n", esc(what))
	const W, H, left, top, plotW, plotH = 840.0, 220.0, 50.0, 10.0, 560.0, 180.0
	fmt.Fprintf(b, "<svg width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\">\n", W, H, W, H)
	fmt.Fprintf(b, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#ccc\"/>\n", left, top, plotW, plotH)
	fmt.Fprintf(b, "<text x=\"0\" y=\"%.0f\">%.2f</text><text x=\"0\" y=\"%.0f\">%.2f</text>\n", top+8, hi, top+plotH, lo)
	xOf := func(i int) float64 { return left + float64(i)/float64(len(entries)-1)*plotW }
	yOf := func(v float64) float64 { return top + (hi-v)/(hi-lo)*plotH }
	for i, s := range ss {
		var pts []string
		for j, v := range s.vals {
			if !math.IsNaN(v) {
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", xOf(j), yOf(v)))
			}
		}
		c := palette[i%len(palette)]
		if useGeo {
			_, im, _ := strings.Cut(s.name, "/")
			c = colorOf(Impls(doc), im)
		}
		fmt.Fprintf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"><title>%s</title></polyline>\n", c, strings.Join(pts, " "), esc(s.name))
		fmt.Fprintf(b, "<text x=\"%.0f\" y=\"%.0f\" fill=\"%s\">%s</text>\n", left+plotW+10, top+12+float64(i)*14, c, esc(s.name))
	}
	fmt.Fprintf(b, "<text x=\"%.0f\" y=\"%.0f\">%s</text><text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">this run</text>\n",
		left, top+plotH+16, entries[0].Time.UTC().Format("2006-01-02"), left+plotW, top+plotH+16)
	b.WriteString("</svg>\n")
}

func writeStatsHTML(b *strings.Builder, doc *result.Doc) {
	b.WriteString("<details><summary>All statistics</summary><table><tr><th>result</th><th>unit</th><th>n</th><th>mean</th><th>median</th><th>95% CI of median</th><th>p95</th><th>p99</th><th>sd</th></tr>\n")
	for i := range doc.Results {
		r := &doc.Results[i]
		st := doc.Stats[r.Key()]
		fmt.Fprintf(b, "<tr><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td><td>%s–%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
			esc(r.Key()), esc(r.Unit), st.N, Num(st.Mean), Num(st.Median), Num(st.CILow), Num(st.CIHigh), Num(st.P95), Num(st.P99), Num(st.StdDev))
	}
	b.WriteString("</table></details>\n")
}

func writeComparisonsHTML(b *strings.Builder, rep *Report) {
	if len(rep.Comparisons) == 0 {
		b.WriteString("<p>Nothing to compare.</p>\n")
		return
	}
	b.WriteString("<table><tr><th>suite</th><th>benchmark</th><th>metric</th><th>impl</th><th>mode</th><th>baseline</th><th>current</th><th>factor</th><th>95% CI</th><th>p</th><th>verdict</th></tr>\n")
	for _, c := range rep.Comparisons {
		cls := ""
		switch c.Verdict {
		case "regression":
			cls = " class=\"reg\""
		case "improvement":
			cls = " class=\"imp\""
		}
		v := c.Verdict
		if c.Severity != "" {
			v += " (" + c.Severity + ")"
		}
		if c.Gating {
			v += ", gating"
		}
		fmt.Fprintf(b, "<tr%s><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%.2f–%.2f</td><td>%.2g</td><td>%s</td></tr>\n",
			cls, esc(c.Suite), esc(c.Benchmark), esc(c.Metric), esc(c.Impl), esc(c.Mode), Num(c.Baseline), Num(c.Current), ratio(c.Factor), c.CILow, c.CIHigh, c.P, esc(v))
	}
	b.WriteString("</table>\n")
}

// keyMetric returns the metric of a history key: "metric/impl" for
// geometric means, a result key ("bench:metric/impl", "bench/impl")
// otherwise.
func keyMetric(k string, geo bool) string {
	if geo {
		m, _, _ := strings.Cut(k, "/")
		return m
	}
	i := strings.LastIndexByte(k, '/')
	if i < 0 {
		return ""
	}
	name := k[:i]
	// The benchmark name may hold slashes; the metric follows the last colon
	// of the part before the implementation.
	if j := strings.LastIndexByte(name, ':'); j >= 0 {
		return name[j+1:]
	}
	return "duration"
}
