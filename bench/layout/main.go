// Command layout is the layout benchmark: Jepsh's flexbox engine (Go) and
// yoga-layout (npm, run by Node) lay out the same trees of 10,000 nodes,
// interleaved in one run, and the result is written in the shared benchmark
// format (suite "layout", reference "yoga").
//
//	cd bench/layout && npm ci && go run . --json layout.json
//
// Both engines first lay out each tree once and their boxes are compared, so
// the figures are for the same work.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/jepsh/jepsh/internal/layout"
)

type result struct {
	Benchmark      string    `json:"benchmark"`
	Impl           string    `json:"impl"`
	Unit           string    `json:"unit"`
	HigherIsBetter bool      `json:"higher_is_better"`
	Samples        []float64 `json:"samples"`
	Metric         string    `json:"metric,omitempty"`
}

type report struct {
	Suite     string                `json:"suite"`
	Time      string                `json:"time"`
	Machine   map[string]any        `json:"machine"`
	Load      map[string][3]float64 `json:"load"`
	Reference string                `json:"reference"`
	Results   []*result             `json:"results"`
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("layout", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonOut := fs.String("json", "", "write the result document to `file` (default: stdout)")
	rounds := fs.Int("rounds", 7, "interleaved rounds")
	iters := fs.Int("iters", 5, "layouts per implementation and round")
	nodes := fs.Int("nodes", 10000, "nodes per tree")
	nodeBin := fs.String("node", "node", "Node.js executable")
	cards := fs.Bool("cards", false, "run the Chromium page benchmark of 1,000 static cards instead (see cards.go)")
	relayouts := fs.Int("relayouts", 20, "with --cards: relayouts measured per page load")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *cards {
		if err := benchCards(*jsonOut, *rounds, *relayouts, stdout, stderr); err != nil {
			fmt.Fprintln(stderr, "cards bench:", err)
			return 1
		}
		return 0
	}
	if err := bench(*jsonOut, *rounds, *iters, *nodes, *nodeBin, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "layout bench:", err)
		return 1
	}
	return 0
}

type shape struct {
	name string
	tree *layout.Tree
	root layout.NodeID
	vp   layout.Size
}

func bench(jsonOut string, rounds, iters, n int, nodeBin string, stdout, stderr io.Writer) error {
	dir, err := benchDir()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "yoga-layout")); err != nil {
		return fmt.Errorf("yoga-layout is not installed: run `npm ci` in %s", dir)
	}
	tmp, err := os.MkdirTemp("", "jepsh-layout-bench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	var shapes []*shape
	for _, s := range []struct {
		name  string
		build func(int) (*layout.Tree, layout.NodeID)
		vp    layout.Size
	}{{"deep", layout.DeepTree, layout.Size{W: 1920, H: 1080}}, {"wide", layout.WideTree, layout.Size{W: 1920, H: layout.MaxContentSpace}}} {
		t, r := s.build(n)
		shapes = append(shapes, &shape{name: s.name, tree: t, root: r, vp: s.vp})
	}

	load := map[string][3]float64{"before": loadavg()}
	cmd := exec.Command(nodeBin, "yoga.mjs")
	cmd.Dir = dir
	cmd.Stderr = stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { in.Close(); cmd.Wait() }()
	out := bufio.NewReaderSize(outPipe, 1<<20)
	call := func(req map[string]any, resp any) error {
		b, _ := json.Marshal(req)
		if _, err := in.Write(append(b, '\n')); err != nil {
			return err
		}
		line, err := out.ReadBytes('\n')
		if err != nil {
			return fmt.Errorf("yoga.mjs: %v", err)
		}
		return json.Unmarshal(line, resp)
	}

	// Same input, same output: export each tree, let both engines lay it
	// out once, compare every box.
	for _, s := range shapes {
		file := filepath.Join(tmp, s.name+".json")
		if err := os.WriteFile(file, s.tree.AppendJSON(nil, s.root), 0o644); err != nil {
			return err
		}
		var resp struct {
			Nodes int          `json:"nodes"`
			Boxes [][4]float64 `json:"boxes"`
		}
		req := map[string]any{"cmd": "load", "name": s.name, "file": file}
		// An indefinite viewport dimension is left out (undefined in yoga).
		if !math.IsInf(float64(s.vp.W), 0) {
			req["width"] = s.vp.W
		}
		if !math.IsInf(float64(s.vp.H), 0) {
			req["height"] = s.vp.H
		}
		if err := call(req, &resp); err != nil {
			return err
		}
		s.tree.Layout(s.root, s.vp, false)
		var ours [][4]float64
		if err := json.Unmarshal(s.tree.AppendBoxesJSON(nil, s.root), &ours); err != nil {
			return err
		}
		if len(ours) != len(resp.Boxes) {
			return fmt.Errorf("%s: %d boxes from Go, %d from yoga", s.name, len(ours), len(resp.Boxes))
		}
		var worst float64
		shown := 0
		for i := range ours {
			for k := 0; k < 4; k++ {
				d := math.Abs(ours[i][k] - resp.Boxes[i][k])
				if d > 0.01 && shown < 5 {
					fmt.Fprintf(stderr, "%s: node %d: Go %v, yoga %v\n", s.name, i, ours[i], resp.Boxes[i])
					shown++
				}
				worst = math.Max(worst, d)
			}
		}
		fmt.Fprintf(stderr, "%s: %d nodes, largest difference between Go and yoga boxes: %.4g px\n", s.name, len(ours), worst)
		if worst > 0.01 {
			return fmt.Errorf("%s: Go and yoga disagree by %.4g px: the comparison would not be of the same work", s.name, worst)
		}
	}

	results := map[string]*result{}
	get := func(bench, impl string) *result {
		k := bench + "/" + impl
		if results[k] == nil {
			results[k] = &result{Benchmark: bench, Impl: impl, Unit: "ns", Metric: "duration"}
		}
		return results[k]
	}
	// Two modes: "fresh" (yoga lays out a newly built tree each time) and
	// "relayout" (yoga keeps its tree, the root width alternates, its cache
	// may help). The Go engine always lays out from scratch.
	modes := []struct{ mode, suffix string }{{"fresh", "-10k-per-node"}, {"relayout", "-10k-relayout-per-node"}}
	var order []*result
	for _, m := range modes {
		for _, s := range shapes {
			order = append(order, get(s.name+m.suffix, "jepsh"), get(s.name+m.suffix, "yoga"))
		}
	}
	toggle := 0
	for r := 0; r < rounds; r++ {
		for _, m := range modes {
			for _, s := range shapes {
				bname := s.name + m.suffix
				mode := m.mode
				perNode := float64(s.tree.Len())
				goRun := func() {
					for i := 0; i < iters; i++ {
						if mode == "relayout" {
							toggle++
							s.tree.Style(s.root).Width = layout.P(1920 - float32(toggle%2))
						}
						start := time.Now()
						s.tree.Layout(s.root, s.vp, false)
						get(bname, "jepsh").Samples = append(get(bname, "jepsh").Samples, float64(time.Since(start).Nanoseconds())/perNode)
					}
				}
				yogaRun := func() error {
					var resp struct {
						NS []float64 `json:"ns"`
					}
					if err := call(map[string]any{"cmd": "run", "name": s.name, "iters": iters, "mode": mode}, &resp); err != nil {
						return err
					}
					if len(resp.NS) != iters {
						return errors.New("yoga.mjs returned the wrong number of samples")
					}
					for _, ns := range resp.NS {
						get(bname, "yoga").Samples = append(get(bname, "yoga").Samples, ns/perNode)
					}
					return nil
				}
				// Alternate which implementation goes first.
				if r%2 == 0 {
					goRun()
					if err := yogaRun(); err != nil {
						return err
					}
				} else {
					if err := yogaRun(); err != nil {
						return err
					}
					goRun()
				}
				s.tree.Style(s.root).Width = layout.P(1920)
			}
		}
	}
	load["after"] = loadavg()

	for i := 0; i < len(order); i += 2 {
		j, y := median(order[i].Samples), median(order[i+1].Samples)
		fmt.Fprintf(stderr, "%-31s jepsh %8.1f ns/node   yoga %8.1f ns/node   jepsh/yoga %.2f\n", order[i].Benchmark, j, y, j/y)
	}
	rep := report{
		Suite: "layout", Time: time.Now().UTC().Format(time.RFC3339), Machine: machine(nodeBin),
		Load: load, Reference: "yoga", Results: order,
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if jsonOut == "" {
		_, err = stdout.Write(b)
		return err
	}
	return os.WriteFile(jsonOut, b, 0o644)
}

func median(s []float64) float64 {
	s = slices.Clone(s)
	slices.Sort(s)
	if len(s) == 0 {
		return math.NaN()
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// benchDir is the directory of this command's sources (holding yoga.mjs).
func benchDir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for _, d := range []string{wd, filepath.Join(wd, "bench", "layout")} {
		if _, err := os.Stat(filepath.Join(d, "yoga.mjs")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("run from the repository root or bench/layout (yoga.mjs not found)")
}

func loadavg() [3]float64 {
	var l [3]float64
	b, err := os.ReadFile("/proc/loadavg")
	if err == nil {
		fmt.Sscan(string(b), &l[0], &l[1], &l[2])
	}
	return l
}

func machine(nodeBin string) map[string]any {
	m := map[string]any{"os": runtime.GOOS, "arch": runtime.GOARCH, "cpus": runtime.NumCPU(), "go": runtime.Version()}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m["cpu"] = strings.TrimSpace(v)
				break
			}
		}
	}
	if out, err := exec.Command(nodeBin, "--version").Output(); err == nil {
		m["node"] = strings.TrimSpace(string(out))
	}
	return m
}
