package check

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	gotypes "go/types"
	"testing"
	"time"
)

// genGo generates a Go program shaped like genApp's JXL app (a struct, a
// few methods and a builder-style render per view, ~100 lines each). It
// calibrates BenchmarkParseCheck on a busy machine: go/parser + go/types on
// the same amount of similar code, run in the same process.
func genGo(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`package app

type Row struct {
	id   int
	name string
	done bool
}

type Node struct{ kids []*Node; text string; pad float64; color string; opacity float64; disabled bool; id string }

func (n *Node) Padding(p float64) *Node      { n.pad = p; return n }
func (n *Node) Font(f string) *Node          { n.text += f; return n }
func (n *Node) Color(c string) *Node         { n.color = c; return n }
func (n *Node) Opacity(o float64) *Node      { n.opacity = o; return n }
func (n *Node) Disabled(d bool) *Node        { n.disabled = d; return n }
func (n *Node) TestID(id string) *Node       { n.id = id; return n }

type B struct{ stack []*Node }

func (b *B) VStack(spacing float64, f func()) *Node { n := &Node{}; b.stack = append(b.stack, n); f(); return n }
func (b *B) HStack(spacing float64, f func()) *Node { n := &Node{}; b.stack = append(b.stack, n); f(); return n }
func (b *B) Text(s string) *Node                    { return &Node{text: s} }
func (b *B) Button(s string, f func()) *Node        { return &Node{text: s} }
func (b *B) TextField(s string, v *string) *Node    { return &Node{text: s + *v} }
func (b *B) Toggle(s string, v *bool) *Node         { return &Node{text: s} }
func (b *B) Spacer() *Node                          { return &Node{} }
func (b *B) Divider() *Node                         { return &Node{} }

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for i > 0 {
		s = string(rune('0'+i%10)) + s
		i /= 10
	}
	return s
}

func describe(r Row) string {
	if r.done {
		return r.name + " (done)"
	}
	return r.name
}

`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `var shared%[1]d int

func sharedDoubled%[1]d() int { return shared%[1]d * 2 }

type View%[1]d struct {
	title   string
	count   int
	value   int
	text    string
	items   []Row
	enabled bool
	ratio   float64
}

func (v *View%[1]d) total() int {
	n := 0
	for _, r := range v.items {
		if r.done {
			n++
		}
	}
	return n + v.value*v.count
}

func (v *View%[1]d) label() string {
	return v.title + ": " + itoa(v.total()) + " of " + itoa(len(v.items))
}

func (v *View%[1]d) scaled() float64 {
	base := float64(v.total()) * v.ratio
	return base + 2*v.ratio
}

func (v *View%[1]d) increment() {
	v.value += 1
	shared%[1]d += 1
}

func (v *View%[1]d) add(name string) {
	if name == "" {
		return
	}
	v.items = append(v.items, Row{id: len(v.items), name: name})
	v.text = ""
}

func (v *View%[1]d) toggle(id int) {
	for i := range v.items {
		if v.items[i].id == id {
			v.items[i].done = !v.items[i].done
		}
	}
}

func (v *View%[1]d) render(b *B) *Node {
	return b.VStack(8, func() {
		b.Text(v.label()).Font("headline").Color("#3B82F6")
		b.Text("Shared: " + itoa(sharedDoubled%[1]d())).Font("caption")
		b.HStack(4, func() {
			b.Button("+", func() { v.increment() }).TestID("inc-%[1]d")
			b.Button("Reset", func() { v.value = 0 }).Disabled(v.value == 0)
			b.Button("Clear", func() { v.items = nil })
		})
		b.TextField("New item", &v.text).Padding(8)
		b.Toggle("Enabled", &v.enabled)
		b.Button("Add", func() { v.add(v.text) }).Disabled(!v.enabled || v.text == "")
		for _, row := range v.items {
			row := row
			b.HStack(2, func() {
				b.Text(describe(row)).Opacity(0.5)
				b.Spacer()
				b.Button("x", func() { v.toggle(row.id) })
			})
		}
		if v.value > 10 {
			b.Text("Big: " + itoa(v.value*2)).Color("red")
		} else if v.value > 5 {
			b.Text("Medium")
		} else {
			b.Text("Small")
		}
		b.Divider()
	}).Padding(24)
}

`, i)
	}
	return b.Bytes()
}

// BenchmarkGoTypes parses and type-checks genGo(1000) with go/parser and
// go/types (reference for BenchmarkParseCheck on the same machine).
func BenchmarkGoTypes(b *testing.B) {
	src := genGo(1000)
	lines := bytes.Count(src, []byte{'\n'})
	b.ReportAllocs()
	start, cpu0 := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "app.go", src, 0)
		if err != nil {
			b.Fatal(err)
		}
		conf := gotypes.Config{}
		info := &gotypes.Info{
			Types: map[ast.Expr]gotypes.TypeAndValue{},
			Defs:  map[*ast.Ident]gotypes.Object{},
			Uses:  map[*ast.Ident]gotypes.Object{},
		}
		if _, err := conf.Check("app", fset, []*ast.File{f}, info); err != nil {
			b.Fatal(err)
		}
	}
	report(b, lines, start, cpu0)
}
