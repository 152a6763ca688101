package check_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/jepsh/jepsh/internal/build"
	"github.com/jepsh/jepsh/internal/source"
)

// TestBindingsLower compiles bindings the checker accepts through lowering
// and the web generator: a binding through a subscript must not stop at a
// later stage (it once failed there with "unresolved member").
func TestBindingsLower(t *testing.T) {
	const app = `struct Item {
    var id: Int
    var done: Bool
}

view Main {
    atom items: [Item] = [Item(id: 1, done: false)]
    atom flags: [Bool] = [true]

    render {
        VStack {
            Toggle(isOn: $items[0].done)
            Toggle(isOn: $flags[0])
            for i in 0..<items.count {
                Toggle(isOn: $items[i].done)
            }
            for item in items {
                Toggle(isOn: $item.done)
            }
        }
    }
}

app Demo {
    root: Main
}
`
	src := &build.Source{Files: []build.SourceFile{{Name: "app.jxl", Data: []byte(app)}}}
	fset := source.NewFileSet()
	gen, diags := build.Compile(context.Background(), fset, src)
	for _, d := range diags {
		p := fset.Position(d.Pos)
		t.Errorf("%s:%d:%d: %s[%s]: %s", p.Filename, p.Line, p.Column, d.Severity, d.Code, d.Msg)
	}
	if gen == nil {
		t.Fatal("no output")
	}
	var js strings.Builder
	for name, data := range gen.Files {
		if strings.HasSuffix(name, ".js") {
			js.Write(data)
		}
	}
	// Each toggle reads its place and writes it back, copying the
	// containers on the path.
	for _, want := range []string{
		`"checked", \(\) => items\.get\(\)\[0\]\.done\)`,
		`(\w+\$\d+)\[0\] = \w+\$\d+; items\.set\((\w+\$\d+)\);`,
		`"checked", \(\) => flags\.get\(\)\[0\]\)`,
		`\w+\$\d+\[0\] = e\$\.target\.checked; flags\.set\(\w+\$\d+\);`,
		`"checked", \(\) => items\.get\(\)\[(\w+\$\d+)\]\.done\)`,
	} {
		if !regexp.MustCompile(want).MatchString(js.String()) {
			t.Errorf("the generated code does not match %s\n%s", want, js.String())
		}
	}
}
