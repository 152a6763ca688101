// Command jepsh is the Jepsh toolchain: check, fmt, build, dev, test, bench.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/jepsh/jepsh/internal/cli"
)

func main() {
	// The compiler allocates many small, long-lived nodes (syntax trees and
	// checker tables) and then exits: like cmd/compile, trade some memory for
	// fewer collections unless the user set GOGC.
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(200)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
