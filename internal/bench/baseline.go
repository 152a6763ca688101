package bench

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"time"

	"github.com/jepsh/jepsh/internal/bench/result"
	"github.com/jepsh/jepsh/internal/bench/stats"
)

// DefaultBaselineFile is where jepsh bench keeps baselines, relative to the
// repository root.
const DefaultBaselineFile = "bench/baselines.json"

// maxHistory bounds the trend kept in the baseline file.
const maxHistory = 200

// Baselines is the baseline file: the last saved run of each suite, with
// every sample and the machine it ran on, and a short history of medians for
// the trend charts.
type Baselines struct {
	Version int                    `json:"version"`
	Suites  map[string]*result.Doc `json:"suites"`
	History []HistoryEntry         `json:"history,omitempty"`
}

// HistoryEntry is one saved run of a suite, reduced to medians.
type HistoryEntry struct {
	Time     time.Time          `json:"time"`
	Suite    string             `json:"suite"`
	Commit   string             `json:"commit,omitempty"`
	Quick    bool               `json:"quick,omitempty"`
	CPU      string             `json:"cpu,omitempty"`
	Load     []float64          `json:"load,omitempty"`
	Medians  map[string]float64 `json:"medians"`            // result key → median
	GeoMeans map[string]float64 `json:"geomeans,omitempty"` // "metric/impl" → geometric mean of ratios
}

// LoadBaselines reads a baseline file; a missing file is an empty set.
func LoadBaselines(path string) (*Baselines, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Baselines{Version: 1, Suites: map[string]*result.Doc{}}, nil
	}
	if err != nil {
		return nil, err
	}
	var bl Baselines
	if err := json.Unmarshal(b, &bl); err != nil {
		return nil, err
	}
	if bl.Suites == nil {
		bl.Suites = map[string]*result.Doc{}
	}
	return &bl, nil
}

// Save writes the file, indented, with a trailing newline.
func (bl *Baselines) Save(path string) error {
	b, err := json.MarshalIndent(bl, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// BaselineKey is where a run's baseline is kept: its suite, with "/quick"
// for a quick run and "/cpu4x" for a run with the CPU throttled 4 times.
// Runs of different modes are never compared with each other: a quick run
// takes fewer warm-ups and some suites shrink their workloads; throttling
// changes what dominates an operation's time.
func BaselineKey(doc *result.Doc) string {
	k := doc.Suite
	if doc.Quick {
		k += "/quick"
	}
	if t, ok := doc.Extra["cpu_throttling"].(string); ok && t != "" && t != "none" {
		k += "/cpu" + t
	}
	return k
}

// Record makes doc the baseline of its suite and mode, and adds it to the
// history.
func (bl *Baselines) Record(doc *result.Doc, commit string) {
	d := *doc
	d.Stats = nil
	bl.Suites[BaselineKey(doc)] = &d
	bl.History = append(bl.History, Entry(doc, commit))
	if len(bl.History) > maxHistory {
		bl.History = bl.History[len(bl.History)-maxHistory:]
	}
}

// Entry reduces a run to a history entry.
func Entry(doc *result.Doc, commit string) HistoryEntry {
	e := HistoryEntry{Time: doc.Time, Suite: doc.Suite, Commit: commit, Quick: doc.Quick, CPU: doc.Machine.CPU,
		Load: doc.Load.Before, Medians: map[string]float64{}}
	for i := range doc.Results {
		r := &doc.Results[i]
		e.Medians[r.Key()] = stats.Median(r.Samples)
	}
	for _, m := range Metrics(doc) {
		for _, im := range Impls(doc) {
			if g, _, ok := GeoMeanRatio(doc, m, im); ok {
				if e.GeoMeans == nil {
					e.GeoMeans = map[string]float64{}
				}
				e.GeoMeans[m+"/"+im] = g
			}
		}
	}
	return e
}

// Trend returns the history of one suite in one mode, oldest first.
func (bl *Baselines) Trend(suite string, quick bool) []HistoryEntry {
	var out []HistoryEntry
	for _, e := range bl.History {
		if e.Suite == suite && e.Quick == quick {
			out = append(out, e)
		}
	}
	return out
}
