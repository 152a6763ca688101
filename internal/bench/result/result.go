// Package result defines the benchmark result document shared by every suite
// under bench/ and by jepsh bench (see bench/README.md for the format).
package result

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Doc is one suite's run: what ran, where, and every sample.
type Doc struct {
	Suite     string           `json:"suite"`
	Time      time.Time        `json:"time"`
	Machine   Machine          `json:"machine"`
	Load      Load             `json:"load"`
	Reference string           `json:"reference,omitempty"`
	Quick     bool             `json:"quick,omitempty"`
	Impls     map[string]Impl  `json:"impls,omitempty"`
	Skipped   []Skip           `json:"skipped,omitempty"`
	Notes     []string         `json:"notes,omitempty"`
	Results   []Result         `json:"results"`
	Extra     map[string]any   `json:"extra,omitempty"`
	Stats     map[string]Stats `json:"stats,omitempty"` // filled by jepsh bench: Key() → stats
}

// Result is one benchmark of one implementation.
type Result struct {
	Benchmark      string    `json:"benchmark"`
	Impl           string    `json:"impl"`
	Unit           string    `json:"unit"`
	HigherIsBetter bool      `json:"higher_is_better,omitempty"`
	Samples        []float64 `json:"samples"`
	Metric         string    `json:"metric,omitempty"`
	Group          string    `json:"group,omitempty"`
}

// Stats are the summary statistics jepsh bench adds to a result.
type Stats struct {
	N      int     `json:"n"`
	Mean   float64 `json:"mean"`
	Median float64 `json:"median"`
	P95    float64 `json:"p95"`
	P99    float64 `json:"p99"`
	StdDev float64 `json:"stddev"`
	CILow  float64 `json:"ci_low"`  // 95% bootstrap interval of the median
	CIHigh float64 `json:"ci_high"` //
	Ratio  float64 `json:"ratio,omitempty"`
}

// Impl describes an implementation that took part in a run.
type Impl struct {
	Label   string `json:"label"`
	Source  string `json:"source,omitempty"`
	Version string `json:"version,omitempty"`
	Note    string `json:"note,omitempty"`
}

// Skip records a part of a suite that did not run, and why.
type Skip struct {
	What   string `json:"what"`
	Reason string `json:"reason"`
}

// Machine describes where a run happened.
type Machine struct {
	OS       string `json:"os"`
	Arch     string `json:"arch"`
	CPUs     int    `json:"cpus"`
	CPU      string `json:"cpu,omitempty"`
	Node     string `json:"node,omitempty"`
	Go       string `json:"go,omitempty"`
	Chromium string `json:"chromium,omitempty"`
}

// Load is /proc/loadavg (1, 5 and 15 minutes) before and after a run.
type Load struct {
	Before []float64 `json:"before,omitempty"`
	After  []float64 `json:"after,omitempty"`
}

// MetricOf returns r's metric, "duration" when unset.
func (r *Result) MetricOf() string {
	if r.Metric == "" {
		return "duration"
	}
	return r.Metric
}

// Key names a result within its suite: benchmark, metric (when not the
// default) and implementation.
func (r *Result) Key() string { return Key(r.Benchmark, r.MetricOf(), r.Impl) }

// Key joins benchmark, metric and implementation into a result key.
func Key(benchmark, metric, impl string) string {
	if metric == "" || metric == "duration" {
		return benchmark + "/" + impl
	}
	return benchmark + ":" + metric + "/" + impl
}

// Find returns the result for benchmark/metric/impl, or nil.
func (d *Doc) Find(benchmark, metric, impl string) *Result {
	for i := range d.Results {
		r := &d.Results[i]
		if r.Benchmark == benchmark && r.MetricOf() == metric && r.Impl == impl {
			return r
		}
	}
	return nil
}

// Add appends a sample to the result for benchmark/metric/impl, creating it.
func (d *Doc) Add(benchmark, metric, impl, unit string, v float64) {
	if r := d.Find(benchmark, metric, impl); r != nil {
		r.Samples = append(r.Samples, v)
		return
	}
	if metric == "duration" {
		metric = ""
	}
	d.Results = append(d.Results, Result{Benchmark: benchmark, Impl: impl, Unit: unit, Metric: metric,
		HigherIsBetter: HigherIsBetterUnit(unit), Samples: []float64{v}})
}

// HigherIsBetterUnit reports whether a unit is a throughput: something per
// second ("MB/s", "lines/s", "lines/cpu-s", "ops/sec").
func HigherIsBetterUnit(unit string) bool {
	i := strings.LastIndexByte(unit, '/')
	if i < 0 {
		return false
	}
	switch unit[i+1:] {
	case "s", "sec", "second", "cpu-s", "cpu-sec":
		return true
	}
	return false
}

// Read loads a result document from a file. A file may hold one document or
// a JSON array of documents (one per suite), as jepsh bench --json writes.
func Read(path string) ([]*Doc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(b)
}

// Parse decodes one document, an array of documents, jepsh bench's output
// ({"runs": [...]}) or a baseline file ({"suites": {"ui": ..., ...}}).
func Parse(b []byte) ([]*Doc, error) {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var docs []*Doc
		if err := json.Unmarshal(b, &docs); err != nil {
			return nil, err
		}
		return docs, nil
	}
	var probe struct {
		Runs   []*Doc          `json:"runs"`
		Suites map[string]*Doc `json:"suites"`
	}
	if err := json.Unmarshal(b, &probe); err == nil && probe.Runs != nil {
		return probe.Runs, nil
	} else if err == nil && probe.Suites != nil {
		var docs []*Doc
		for _, name := range slices.Sorted(maps.Keys(probe.Suites)) {
			docs = append(docs, probe.Suites[name])
		}
		return docs, nil
	}
	var d Doc
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, err
	}
	if d.Suite == "" {
		return nil, fmt.Errorf("not a benchmark result: no \"suite\"")
	}
	return []*Doc{&d}, nil
}

// LoadAvg reads /proc/loadavg; nil where it does not exist.
func LoadAvg() []float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return nil
	}
	f := strings.Fields(string(b))
	var out []float64
	for i := 0; i < 3 && i < len(f); i++ {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// ThisMachine describes the machine the process runs on. chromium is the
// browser's path ("" to leave its version out); node is looked up on PATH.
func ThisMachine(chromium string) Machine {
	m := Machine{OS: runtime.GOOS, Arch: runtime.GOARCH, CPUs: runtime.NumCPU(), Go: runtime.Version(), CPU: cpuModel()}
	if out, err := exec.Command("node", "--version").Output(); err == nil {
		m.Node = strings.TrimSpace(string(out))
	}
	if chromium != "" {
		if out, err := exec.Command(chromium, "--version").Output(); err == nil {
			m.Chromium = strings.TrimSpace(string(out))
		}
	}
	return m
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// SameHardware reports whether two machines can be compared in absolute
// terms: same CPU model and count, OS and architecture.
func SameHardware(a, b Machine) bool {
	return a.OS == b.OS && a.Arch == b.Arch && a.CPUs == b.CPUs && a.CPU == b.CPU
}
