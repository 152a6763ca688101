package build

import "strings"

// DefaultCSP is the Content-Security-Policy every index.html carries. The
// generated code and the runtime need nothing more: no inline scripts or
// styles, no eval; styles set through the CSSOM are not affected by it.
const DefaultCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// indexPage renders index.html: only external scripts and stylesheets, so it
// works under the policy it declares. The body holds the element the
// generated entry mounts the app into, <div id="app">, with the root view's
// pre-rendered markup when the generator produced it.
func indexPage(b *bundled, gen *Generated, opts *Options) []byte {
	base := opts.base()
	csp := opts.CSP
	if csp == "" {
		csp = DefaultCSP
	}
	lang := gen.Lang
	if lang == "" {
		lang = "en"
	}
	title := gen.Title
	if title == "" {
		title = "Jepsh app"
	}
	var w strings.Builder
	w.WriteString("<!doctype html>\n<html lang=\"" + attr(lang) + "\">\n<head>\n")
	w.WriteString("<meta charset=\"utf-8\">\n")
	w.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	w.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"" + attr(csp) + "\">\n")
	w.WriteString("<title>" + attr(title) + "</title>\n")
	for _, p := range b.preloads {
		w.WriteString("<link rel=\"modulepreload\" href=\"" + attr(base+p) + "\">\n")
	}
	for _, s := range b.styles {
		w.WriteString("<link rel=\"stylesheet\" href=\"" + attr(base+s) + "\">\n")
	}
	w.WriteString("<script type=\"module\" src=\"" + attr(base+b.script) + "\"></script>\n")
	for _, s := range opts.ExtraScripts {
		w.WriteString("<script type=\"module\" src=\"" + attr(s) + "\"></script>\n")
	}
	w.WriteString("</head>\n<body>\n")
	if gen.Shell != "" {
		// The root view's first render, adopted by the script (see
		// web.Output.Shell): the page paints before any script runs.
		w.WriteString("<div id=\"app\" data-jepsh-shell=\"" + attr(gen.ShellID) + "\">" + gen.Shell + "</div>\n")
	} else {
		w.WriteString("<div id=\"app\"></div>\n")
	}
	w.WriteString("</body>\n</html>\n")
	return []byte(w.String())
}

// attr escapes text for a double-quoted attribute or element content. Single
// quotes stay as they are so the policy reads naturally.
var attr = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;").Replace
