package check

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"testing"
	"time"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// genApp generates an app of n views (about 100 lines each) split into
// files of 50 views: props, view atoms, computeds, handlers, a struct,
// app-wide state, and render bodies with stacks, modifiers, tokens, a keyed
// loop, conditionals and child views.
func genApp(n int) map[string][]byte {
	files := map[string][]byte{}
	var b bytes.Buffer
	flush := func() {
		files[fmt.Sprintf("views%03d.jxl", len(files))] = append([]byte(nil), b.Bytes()...)
		b.Reset()
	}
	b.WriteString("struct Row {\n    let id: Int\n    var name: String\n    var done: Bool = false\n}\n\n")
	b.WriteString("enum Mode: String {\n    case list = \"list\", grid = \"grid\"\n}\n\n")
	b.WriteString("func describe(_ r: Row) -> String {\n    return r.done ? \"\\(r.name) (done)\" : r.name\n}\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `// View%[1]d is generated.
atom shared%[1]d: Int = 0

atom computed sharedDoubled%[1]d: Int {
    shared%[1]d * 2
}

view View%[1]d {
    let title: String
    let count: Int = %[1]d
    let mode: Mode = .list
    atom value: Int = 0
    atom text: String = ""
    atom items: [Row] = []
    atom enabled: Bool = true
    atom ratio: Double = 0.5

    atom computed total: Int {
        items.filter { $0.done }.count + value * count
    }

    atom computed label: String {
        "\(title): \(total) of \(items.count)"
    }

    atom computed scaled: Double {
        let base = Double(total) * ratio
        return base + 2 * ratio
    }

    func increment() {
        value += 1
        shared%[1]d += 1
    }

    func add(_ name: String) {
        let trimmed = name.trimmed()
        if trimmed.isEmpty {
            return
        }
        items.append(Row(id: items.count, name: trimmed))
        text = ""
    }

    func toggle(_ id: Int) {
        if let i = items.firstIndex(where: { $0.id == id }) {
            items[i].done = !items[i].done
        }
    }

    func clear() {
        items.removeAll(where: { $0.done })
        value = 0
    }

    render {
        VStack(alignment: .leading, spacing: 8) {
            Text(label)
                .font(.headline)
                .foregroundColor(Color.token(.primary))
            Text("Shared: \(sharedDoubled%[1]d) scaled \(scaled)")
                .font(.caption)
            HStack(spacing: 4) {
                Button("+") { increment() }
                    .testID("inc-%[1]d")
                Button("Reset") { value = 0 }
                    .disabled(value == 0)
                Button("Clear") { clear() }
                    .opacity(items.isEmpty ? 0.5 : 1)
            }
            TextField("New item", text: $text)
                .padding(.horizontal, 8)
            Toggle("Enabled", isOn: $enabled)
            Button("Add") { add(text) }
                .disabled(!enabled || text.isEmpty)
            for row in items {
                HStack(spacing: 2) {
                    Text(describe(row))
                        .opacity(row.done ? 0.5 : 1)
                    Spacer()
                    Button("x") { toggle(row.id) }
                        .cornerRadius(Radius.token(.md))
                }
            }
            if value > 10 {
                Text("Big: \(value * 2)")
                    .foregroundColor(.red)
            } else if value > 5 {
                Text("Medium")
            } else {
                Text("Small")
            }
            if mode == .grid {
                Text("grid of \(count + 1)")
            }
`, i)
		if i+1 < n && i%10 != 9 {
			fmt.Fprintf(&b, "            View%d(title: \"child of %d\", count: %d)\n", i+1, i, i%7)
		} else {
			b.WriteString("            Divider()\n")
		}
		b.WriteString(`        }
        .padding(Spacing.token(.large))
        .frame(maxWidth: 640)
        .backgroundColor(Color(hex: "#F8FAFC"))
    }
}

`)
		if i%50 == 49 {
			flush()
		}
	}
	b.WriteString("app Generated {\n    title: \"Generated\"\n    root: View0(title: \"root\")\n}\n")
	flush()
	return files
}

// cpuTime returns the process's user+system CPU time: on a shared machine
// lines per CPU-second is steadier than lines per wall-clock second.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// report adds lines/s (wall clock) and lines/cpu-s (all threads' CPU time,
// garbage collection included) metrics.
func report(b *testing.B, lines int, start time.Time, cpu0 time.Duration) {
	n := float64(lines) * float64(b.N)
	b.ReportMetric(n/time.Since(start).Seconds(), "lines/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(n/cpu.Seconds(), "lines/cpu-s")
	}
}

func countLines(files map[string][]byte) int {
	n := 0
	for _, src := range files {
		n += bytes.Count(src, []byte{'\n'})
	}
	return n
}

func parseAll(b testing.TB, fset *source.FileSet, files map[string][]byte) []*syntax.File {
	var out []*syntax.File
	for i := 0; ; i++ {
		name := fmt.Sprintf("views%03d.jxl", i)
		src, ok := files[name]
		if !ok {
			break
		}
		f, d := syntax.ParseFile(fset, name, src)
		if len(d) > 0 {
			b.Fatalf("syntax errors: %v", d[0].Msg)
		}
		out = append(out, f)
	}
	return out
}

func TestGeneratedAppChecks(t *testing.T) {
	modes(t, testGeneratedApp)
}

func testGeneratedApp(t *testing.T, dense bool) {
	files := genApp(120)
	fset := source.NewFileSet()
	pf := parseAll(t, fset, files)
	if len(pf) != 3 {
		t.Fatalf("parsed %d files, want 3", len(pf))
	}
	info, diags := Check(fset, pf, design.Default(), &Config{Maps: !dense})
	if len(info.Views) != 120 || info.App == nil {
		t.Fatalf("checked %d views (app %v), want 120 and an app", len(info.Views), info.App != nil)
	}
	if len(diags) > 0 {
		t.Fatalf("generated app has diagnostics:\n%s", formatDiags(fset, diags))
	}
}

// BenchmarkParseCheck measures parse + check of a generated app of 1,000
// views (~100,000 lines) in the default mode (the one the build uses: the
// node facts in the dense tables) and reports lines/s and lines/cpu-s (the
// figure to compare with the front end's bar of 500,000 lines per second
// per core); BenchmarkCheck measures the checker alone. The Maps variants
// fill the exported Info maps instead (Config.Maps).
func BenchmarkParseCheck(b *testing.B)     { benchParseCheck(b, nil) }
func BenchmarkParseCheckMaps(b *testing.B) { benchParseCheck(b, &Config{Maps: true}) }
func BenchmarkCheck(b *testing.B)          { benchCheck(b, nil) }
func BenchmarkCheckMaps(b *testing.B)      { benchCheck(b, &Config{Maps: true}) }

// BenchmarkParseCheckCommandGC is BenchmarkParseCheck under the garbage
// collector target the jepsh command sets for itself (GOGC=200 unless the
// user sets GOGC; see cmd/jepsh): the front end's throughput as users get it.
func BenchmarkParseCheckCommandGC(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(200))
	benchParseCheck(b, nil)
}

func benchParseCheck(b *testing.B, conf *Config) {
	files := genApp(1000)
	lines := countLines(files)
	b.ReportAllocs()
	start, cpu0 := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		fset := source.NewFileSet()
		pf := parseAll(b, fset, files)
		_, diags := Check(fset, pf, design.Default(), conf)
		if len(diags) > 0 {
			b.Fatal(diags[0].Msg)
		}
	}
	report(b, lines, start, cpu0)
}

func benchCheck(b *testing.B, conf *Config) {
	files := genApp(1000)
	lines := countLines(files)
	fset := source.NewFileSet()
	pf := parseAll(b, fset, files)
	b.ReportAllocs()
	b.ResetTimer()
	start, cpu0 := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		_, diags := Check(fset, pf, design.Default(), conf)
		if len(diags) > 0 {
			b.Fatal(diags[0].Msg)
		}
	}
	report(b, lines, start, cpu0)
}

func BenchmarkParse(b *testing.B) {
	files := genApp(1000)
	lines := countLines(files)
	b.ReportAllocs()
	start, cpu0 := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		parseAll(b, source.NewFileSet(), files)
	}
	report(b, lines, start, cpu0)
}

// TestWriteGeneratedApp writes genApp(1000) to $JEPSH_GENAPP_DIR, to time
// "jepsh check" on it; without the variable it does nothing.
func TestWriteGeneratedApp(t *testing.T) {
	dir := os.Getenv("JEPSH_GENAPP_DIR")
	if dir == "" {
		t.Skip("set JEPSH_GENAPP_DIR to write the generated app")
	}
	for name, src := range genApp(1000) {
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
