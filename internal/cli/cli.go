// Package cli implements the jepsh command line. Each subcommand lives in its
// own file (cmd_*.go) and registers itself in init; Run dispatches.
package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Env is what a command runs with: testable without a process.
type Env struct {
	Ctx    context.Context
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Dir    string // working directory ("" means the process's)
}

// Command is one subcommand.
type Command struct {
	Name  string
	Short string // one line for the command list
	Usage string // full usage text, printed for -h
	Run   func(env *Env, args []string) int
}

var commands = map[string]*Command{}

// Register adds a subcommand; called from init functions.
func Register(c *Command) {
	if _, dup := commands[c.Name]; dup {
		panic("cli: duplicate command " + c.Name)
	}
	commands[c.Name] = c
}

// DefaultCommand runs when jepsh is called with no arguments.
const DefaultCommand = "dev"

// Run runs the jepsh command line with args (without the program name) and
// returns the process exit status.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Ctx: ctx, Stdin: stdin, Stdout: stdout, Stderr: stderr}
	if len(args) == 0 {
		args = []string{DefaultCommand}
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				fmt.Fprint(stdout, c.Usage)
				return 0
			}
		}
		usage(stdout)
		return 0
	case "version", "--version":
		fmt.Fprintln(stdout, "jepsh", Version)
		return 0
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "jepsh: unknown command %q\n", name)
		usage(stderr)
		return 2
	}
	return c.Run(env, args[1:])
}

// Version is the toolchain version.
var Version = "0.1.0-dev"

func usage(w io.Writer) {
	fmt.Fprintln(w, "Jepsh is a declarative UI toolchain.")
	fmt.Fprintln(w, "\nUsage:\n\n\tjepsh <command> [arguments]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "\t%-8s %s\n", n, commands[n].Short)
	}
	fmt.Fprintln(w, "\nWith no command, jepsh serves the bundled example app (jepsh dev).")
	fmt.Fprintln(w, "Use \"jepsh help <command>\" for more about a command.")
}

// usageFor returns a flag usage printer for c.
func usageFor(c *Command) func() string {
	return func() string { return strings.TrimRight(c.Usage, "\n") }
}
