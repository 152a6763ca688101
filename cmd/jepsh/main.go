// Command jepsh is the Jepsh toolchain: check, fmt, build, dev, bench.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/jepsh/jepsh/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
