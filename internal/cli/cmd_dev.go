package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"os"
	"strconv"

	"github.com/jepsh/jepsh/examples"
	"github.com/jepsh/jepsh/internal/devserver"
)

func init() {
	c := &Command{
		Name:  "dev",
		Short: "serve an app with rebuild on change",
		Usage: `usage: jepsh dev [dir | --example name] [--addr host:port] [--host]

Dev builds the app in dir and serves it from memory, rebuilding when a
source changes and reloading the open pages. Compile errors show in the
page and in the terminal. With no dir it serves the bundled example app.

It listens on 127.0.0.1 only; serving on another interface exposes your
sources to the network and needs --host.

Flags:
  --addr host:port   the address to listen on (default 127.0.0.1:5173, or
                     one of the next ten ports when 5173 is taken)
  --host             allow an address other than loopback
  --example name     serve another bundled example (counter, todomvc, bench, cards)
`,
	}
	c.Run = func(env *Env, args []string) int { return runDev(env, c, args) }
	Register(c)
}

func runDev(env *Env, c *Command, args []string) int {
	fl := flag.NewFlagSet("dev", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	fl.Usage = func() { fmt.Fprintln(env.Stderr, usageFor(c)()) }
	addr := fl.String("addr", devserver.DefaultAddr, "address to listen on")
	host := fl.Bool("host", false, "allow a non-loopback address")
	example := fl.String("example", "", "bundled example to serve")
	pos, err := parseFlagsAnywhere(fl, args)
	if err != nil {
		return 2
	}
	if len(pos) > 1 || len(pos) == 1 && *example != "" {
		fmt.Fprintln(env.Stderr, "jepsh dev: give one app directory or --example, not both")
		return 2
	}
	cfg := devserver.Config{Addr: *addr, AllowRemote: *host, Log: env.Stderr}
	what := ""
	if len(pos) == 1 {
		dir := env.path(pos[0])
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			fmt.Fprintf(env.Stderr, "jepsh dev: %s is not a directory\n", dir)
			return 1
		}
		cfg.Sources, cfg.Dir = os.DirFS(dir), dir
		what = dir
	} else {
		name := *example
		if name == "" {
			name = examples.Default
		}
		var app fs.FS
		if app, err = examples.App(name); err != nil {
			fmt.Fprintln(env.Stderr, "jepsh dev:", err)
			return 1
		}
		cfg.Sources = app
		what = "the bundled example app " + name + " (pass a directory to serve your own)"
	}
	if loop, err := devserver.IsLoopback(cfg.Addr); err == nil && !loop && *host {
		fmt.Fprintf(env.Stderr, "jepsh dev: warning: serving on %s; anyone who can reach it can read the app's sources\n", cfg.Addr)
	}
	srv, err := devserver.New(cfg)
	if errors.Is(err, devserver.ErrNotLoopback) {
		fmt.Fprintf(env.Stderr, "jepsh dev: %v\n    pass --host to serve on %s anyway\n", err, cfg.Addr)
		return 1
	}
	if err != nil {
		fmt.Fprintln(env.Stderr, "jepsh dev:", err)
		return 1
	}
	addrSet := false
	fl.Visit(func(f *flag.Flag) { addrSet = addrSet || f.Name == "addr" })
	ln, err := listenDev(cfg.Addr, !addrSet)
	if err != nil {
		fmt.Fprintln(env.Stderr, "jepsh dev:", err)
		return 1
	}
	err = srv.Run(env.Ctx, ln, func(url string) {
		fmt.Fprintf(env.Stdout, "serving %s\n  %s\n", what, url)
	})
	if err != nil {
		fmt.Fprintln(env.Stderr, "jepsh dev:", err)
		return 1
	}
	return 0
}

// listenDev listens on addr; when the address is the default and its port
// is taken (another jepsh dev), it tries the next ten ports.
func listenDev(addr string, tryNext bool) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err == nil || !tryNext {
		return ln, err
	}
	host, port, perr := net.SplitHostPort(addr)
	p, aerr := strconv.Atoi(port)
	if perr != nil || aerr != nil {
		return nil, err
	}
	for i := 1; i <= 10; i++ {
		if ln, err2 := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(p+i))); err2 == nil {
			return ln, nil
		}
	}
	return nil, err
}
