package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

func init() {
	c := &Command{
		Name:  "new",
		Short: "create a new app",
		Usage: `usage: jepsh new NAME

New creates the directory NAME with a small app: a view (app.jxl), design
tokens (tokens.yml), a README and a browser test (app.test.js, run with
jepsh test). It refuses to write into a directory that is not empty.
`,
	}
	c.Run = func(env *Env, args []string) int { return runNew(env, c, args) }
	Register(c)
}

func runNew(env *Env, c *Command, args []string) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(env.Stderr)
	fl.Usage = func() { fmt.Fprintln(env.Stderr, usageFor(c)()) }
	pos, err := parseFlagsAnywhere(fl, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 || pos[0] == "" {
		fl.Usage()
		return 2
	}
	dir := env.path(pos[0])
	ident := appIdent(filepath.Base(dir))
	if ident == "" {
		fmt.Fprintf(env.Stderr, "jepsh new: %q needs a letter or digit in its name\n", filepath.Base(dir))
		return 2
	}
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		fmt.Fprintf(env.Stderr, "jepsh new: %s exists and is not empty\n", dir)
		return 1
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(env.Stderr, "jepsh new: %v\n", err)
		return 1
	}
	name := filepath.Base(dir)
	files := scaffold(name, ident)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(env.Stderr, "jepsh new: %v\n", err)
		return 1
	}
	for _, f := range files {
		// O_EXCL: never overwrite, even if something appeared meanwhile.
		fh, err := os.OpenFile(filepath.Join(dir, f.name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = fh.WriteString(f.data)
			if cerr := fh.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "jepsh new: %v\n", err)
			return 1
		}
	}
	fmt.Fprintf(env.Stdout, "created %s\n\n  jepsh dev %s     serve it, rebuilding on change\n  jepsh test %s    run its browser tests\n  jepsh build %s   build it for production into %s\n",
		pos[0], pos[0], pos[0], pos[0], filepath.Join(pos[0], "dist"))
	return 0
}

// appIdent turns a directory name into a JXL type name: "my-app" → "MyApp".
func appIdent(name string) string {
	var b strings.Builder
	upper := true
	for _, r := range name {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if b.Len() == 0 && unicode.IsDigit(r) {
				b.WriteString("App")
			}
			if upper {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			upper = false
		default:
			upper = true
		}
	}
	return b.String()
}

type scaffoldFile struct{ name, data string }

func scaffold(name, ident string) []scaffoldFile {
	r := strings.NewReplacer("{{name}}", name, "{{Ident}}", ident)
	return []scaffoldFile{
		{"app.jxl", r.Replace(scaffoldView)},
		{"tokens.yml", scaffoldTokens},
		{"app.test.js", r.Replace(scaffoldTest)},
		{"README.md", r.Replace(scaffoldREADME)},
		{".gitignore", "dist/\n"},
	}
}

const scaffoldView = `// {{name}}: a Jepsh app. Edit this file while "jepsh dev" runs.
view {{Ident}} {
    atom count: Int = 0

    atom computed label: String {
        count == 1 ? "1 click" : "\(count) clicks"
    }

    render {
        VStack(spacing: Spacing.token(.medium)) {
            Text("{{name}}")
                .font(.title)
                .testID("title")
            Text(label)
                .testID("count")
            Button("Click me") { count += 1 }
                .foregroundColor(Color.token(.primary))
                .testID("button")
        }
        .padding(Spacing.token(.large))
    }
}

app {{Ident}}App {
    title: "{{name}}"
    root: {{Ident}}
}
`

const scaffoldTokens = `# Design tokens, inlined at compile time: Color.token(.primary) is #3B82F6.
color:
  primary: '#3B82F6'
  text: '#111827'
spacing:
  medium: 12
  large: 24
`

const scaffoldTest = `// Browser tests, run by "jepsh test": each test gets a fresh page.
import { test, expect, click, text } from "jepsh/test";

test("shows the title", async () => {
  expect(await text('[data-testid="title"]')).toBe("{{name}}");
});

test("counts clicks", async () => {
  expect(await text('[data-testid="count"]')).toBe("0 clicks");
  await click('[data-testid="button"]');
  expect(await text('[data-testid="count"]')).toBe("1 click");
  await click('[data-testid="button"]');
  expect(await text('[data-testid="count"]')).toBe("2 clicks");
});
`

const scaffoldREADME = "# {{name}}\n\nA [Jepsh](https://github.com/jepsh/jepsh) app.\n\n" +
	"```sh\njepsh dev {{name}}     # serve on http://127.0.0.1:5173, rebuilding on change\n" +
	"jepsh test {{name}}    # run the *.test.js files in headless Chromium\n" +
	"jepsh build {{name}}   # build for production into {{name}}/dist\n```\n\n" +
	"- `app.jxl`: the app's view and its `app` declaration.\n" +
	"- `tokens.yml`: design tokens (colors, spacing, fonts) inlined at compile time.\n" +
	"- `app.test.js`: browser tests. `test(name, fn)` declares one; `click`, `type` and\n" +
	"  `press` act like a user; `text` reads an element; `expect(value).toBe(...)` checks.\n" +
	"- Any `.css` file you add at the top of the folder is bundled after the generated\n" +
	"  styles; stylesheets in subfolders are partials those `@import`.\n"
