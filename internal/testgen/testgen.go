// Package testgen generates synthetic JXL apps for benchmarks and stress
// tests of the front end (parser, checker, lowering).
//
// The generated code uses only constructs of docs/language.md and the
// built-in views, modifiers and library of the brief, with consistent types,
// so it is meant to parse and type-check without errors.
package testgen

import (
	"bytes"
	"fmt"
)

// App returns the files of an app with the given number of views: one file
// per view (views/viewNNNN.jxl, about 100 lines each), a models.jxl with the
// shared structs, enums, app-wide atoms and functions, and app.jxl with the
// app declaration and routes. Each view has props, atoms, computeds,
// handlers, lifecycle blocks and a render tree with modifiers, if/else, for
// loops, string interpolation, bindings and child views.
func App(views int) map[string][]byte {
	files := make(map[string][]byte, views+2)
	files["models.jxl"] = []byte(models)
	var b bytes.Buffer
	for i := 0; i < views; i++ {
		b.Reset()
		writeView(&b, i, views)
		files[fmt.Sprintf("views/view%04d.jxl", i)] = append([]byte(nil), b.Bytes()...)
	}
	b.Reset()
	fmt.Fprintf(&b, "// The benchmark app: %d views.\napp Bench {\n    root: %s(title: \"Home\")\n    title: \"Bench • %d views\"\n", views, viewName(0), views)
	for i := 0; i < views && i < 20; i++ {
		fmt.Fprintf(&b, "    route \"/v%d\" => %s(title: \"Route %d\")\n", i, viewName(i), i)
	}
	if views > 1 {
		fmt.Fprintf(&b, "    route \"/items/:limit\" => %s(title: \"Items\")\n", viewName(1))
	}
	b.WriteString("}\n")
	files["app.jxl"] = append([]byte(nil), b.Bytes()...)
	return files
}

// Lines counts the lines of all files.
func Lines(files map[string][]byte) int {
	n := 0
	for _, src := range files {
		n += bytes.Count(src, []byte("\n"))
	}
	return n
}

func viewName(i int) string { return fmt.Sprintf("View%04d", i) }

const models = `// Shared models of the benchmark app.

struct Item {
    let id: Int
    var title: String
    var done: Bool = false
    var score: Double = 0.0

    func label() -> String {
        return "#\(id) \(title)"
    }

    mutating func rename(_ name: String) {
        title = name.trimmed()
    }
}

enum Filter {
    case all, active, completed
}

enum Level: String {
    case low = "low"
    case high = "high"
}

atom items: [Item] = []
atom filter: Filter = .all
atom clicks: Int = 0

atom computed doneCount: Int {
    items.filter { $0.done }.count
}

atom computed activeItems: [Item] {
    items.filter { item in
        if filter == .active {
            return !item.done
        }
        return filter == .all || item.done
    }
}

func clamp(_ v: Int, low: Int, high: Int) -> Int {
    return max(low, min(high, v))
}

func percent(_ part: Int, of total: Int) -> String {
    if total == 0 {
        return "0%"
    }
    return "\(part * 100 / total)%"
}
`

var colors = []string{"blue", "red", "green", "orange", "purple", "gray"}
var fonts = []string{"headline", "title", "subheadline", "body", "callout", "caption"}

func writeView(b *bytes.Buffer, i, views int) {
	name := viewName(i)
	color := colors[i%len(colors)]
	font := fonts[i%len(fonts)]
	pad := 4 + i%5*4
	fmt.Fprintf(b, `// %[1]s lists items matching a query, with a click counter.
view %[1]s {
    let title: String
    let limit: Int = %[2]d
    atom count: Int = 0
    atom query: String = ""
    atom expanded: Bool = false
    atom ticks: Int = 0

    atom computed visible: [Item] {
        activeItems.filter { item in
            item.title.contains(query) && item.id %% %[3]d != 1
        }
    }

    atom computed total: Double {
        var sum = 0.0
        for item in visible {
            sum += item.score * %[4]d.5
        }
        return sum
    }

    atom computed summary: String {
        "\(title): \(visible.count) of \(items.count), \(percent(doneCount, of: items.count)) done"
    }

    func increment() {
        count += 1
        clicks += 1
        if count > limit {
            count = clamp(count, low: 0, high: limit)
        }
    }

    func reset() {
        count = 0
        query = ""
    }

    func toggle(_ id: Int) {
        for i in 0..<items.count {
            if items[i].id == id {
                items[i].done = !items[i].done
            }
        }
    }

    onMount {
        ticks = %[5]d
        print("mounted %[1]s")
    }

    onUnmount {
        ticks = 0
    }

    render {
        VStack(alignment: .leading, spacing: %[6]d) {
            HStack(spacing: 8) {
                Text(title)
                    .font(.%[7]s)
                    .foregroundColor(.%[8]s)
                Spacer()
                Text("\(count) / \(limit)")
                    .font(.caption)
                    .padding(%[6]d)
            }
            TextField("Search %[1]s", text: $query)
                .padding(8)
                .cornerRadius(6)
            if expanded {
                for item in visible {
                    HStack(spacing: 4) {
                        Text(item.label())
                            .opacity(item.done ? 0.5 : 1.0)
                        Spacer()
                        Button("Toggle") { toggle(item.id) }
                    }
                    .padding(.horizontal, 4)
                }
            } else {
                Text(summary)
                    .font(.body)
                    .opacity(0.8)
            }
            HStack(spacing: 8) {
                Button("+") { increment() }
                    .disabled(count >= limit)
                Button("Reset") { reset() }
                Button(expanded ? "Less" : "More") { expanded = !expanded }
            }
            Text("Total: \(total), ticks: \(ticks)")
                .font(.footnote)
`, name, 5+i%20, 2+i%7, i%9, i, pad, font, color)
	if i+1 < views && i%10 != 9 {
		fmt.Fprintf(b, "            if count > %d {\n                %s(title: \"child of %s\")\n            }\n", i%4, viewName(i+1), name)
	} else {
		b.WriteString("            Divider()\n")
	}
	fmt.Fprintf(b, `        }
        .padding(%d)
        .frame(maxWidth: 600)
    }
}
`, pad)
}
