package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jepsh/jepsh/internal/check"
	"github.com/jepsh/jepsh/internal/gen/web"
	"github.com/jepsh/jepsh/internal/lower"
	"github.com/jepsh/jepsh/internal/opt"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// bigApp returns an app of n views (about 40 lines each) chained so that
// every view is reachable.
func bigApp(n int) string {
	var b strings.Builder
	b.WriteString("struct Row {\n    let id: Int\n    var name: String\n    var done: Bool = false\n}\n\n")
	for i := 0; i < n; i++ {
		child := ""
		if i+1 < n {
			child = fmt.Sprintf("            V%d(title: title)\n", i+1)
		}
		fmt.Fprintf(&b, `view V%d {
    let title: String
    atom count: Int = 0
    atom rows: [Row] = []
    atom selected: Int = 0
    atom computed open: Int { rows.filter { !$0.done }.count }

    func add() {
        rows.append(Row(id: rows.count + 1, name: "row \(rows.count)"))
    }

    render {
        VStack(spacing: 8) {
            Text("\(title) %d").font(.headline)
            Text("\(open) open, \(count) clicks")
            HStack {
                Button("+") { count += 1 }
                Button("add") { add() }
                Spacer()
            }
            .padding(.horizontal, 12)
            for row in rows {
                Text(row.name)
                    .foregroundColor(row.done ? .gray : .black)
                    .onTapGesture { selected = row.id }
            }
            if count > 3 {
                Text("many").testID("many")
            }
%s        }
        .padding(16)
    }
}

`, i, i, child)
	}
	b.WriteString("app Big {\n    root: V0(title: \"big\")\n}\n")
	return b.String()
}

// BenchmarkLowerOptGenerate measures lowering, the passes and the web
// generator (not parsing and checking) on a 200-view app.
func BenchmarkLowerOptGenerate(b *testing.B) {
	for _, maps := range []bool{false, true} {
		b.Run(fmt.Sprintf("maps=%v", maps), func(b *testing.B) { benchGenerate(b, maps) })
	}
}

func benchGenerate(b *testing.B, maps bool) {
	src := bigApp(200)
	fset := source.NewFileSet()
	f, d := syntax.ParseFile(fset, "big.jxl", []byte(src))
	if d.HasErrors() {
		b.Fatal(d[0].Msg)
	}
	info, d := check.Check(fset, []*syntax.File{f}, nil, nil)
	if d.HasErrors() {
		b.Fatalf("%s: %s", fset.Position(d[0].Pos), d[0].Msg)
	}
	lines := strings.Count(src, "\n")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		prog, d := lower.Lower(fset, info)
		if d.HasErrors() {
			b.Fatal(d[0].Msg)
		}
		opt.Run(prog)
		out, err := web.Generate(prog, web.Options{SourceMaps: maps})
		if err != nil {
			b.Fatal(err)
		}
		if len(out.Files) < 200 {
			b.Fatalf("%d files", len(out.Files))
		}
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}
