// Command ui runs the UI runtime suite alone and writes its result document:
//
//	go run ./bench/ui [--quick] [--runs N] [--cpu-throttle N] [--impls vanilla,solid] [--ops create-1000-rows] [--json FILE]
//
// jepsh bench --suite ui runs the same code in-process.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/jepsh/jepsh/internal/bench/uibench"
)

func main() {
	quick := flag.Bool("quick", false, "few samples and warm-ups")
	runs := flag.Int("runs", 0, "samples per operation and implementation")
	throttle := flag.Float64("cpu-throttle", 0, "slow the pages' main thread down `N` times (DevTools CPU throttling)")
	impls := flag.String("impls", "", "comma-separated implementations (default: all available)")
	ops := flag.String("ops", "", "comma-separated operations, or startup (default: all operations, then startup)")
	out := flag.String("json", "", "write the result document to `FILE` (default: stdout)")
	flag.Parse()
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "ui:", err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	doc, err := uibench.Run(ctx, uibench.Options{
		Root: root, Quick: *quick, Runs: *runs, Impls: split(*impls), Ops: split(*ops), CPUThrottle: *throttle,
		Progress: func(msg string) {
			fmt.Fprintf(os.Stderr, "[%6.1fs] %s\n", time.Since(start).Seconds(), msg)
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "ui:", err)
		os.Exit(1)
	}
	b, _ := json.MarshalIndent(doc, "", "  ")
	b = append(b, '\n')
	if *out == "" {
		os.Stdout.Write(b)
		return
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "ui:", err)
		os.Exit(1)
	}
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
