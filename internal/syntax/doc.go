// Package syntax is the JXL front end's syntax half: tokens, the scanner,
// the recursive-descent parser, the AST, its walker and a tree printer.
//
//	file, diags := syntax.ParseFile(fset, "app.jxl", src)
//	syntax.Inspect(file, func(n syntax.Node) bool { ...; return true })
//
// ParseFile always returns a complete tree: a part that fails to parse
// becomes a Bad* node, the parser resynchronizes at the next statement,
// member or declaration, and the diagnostics (codes E1xxx, at most one per
// line) are returned sorted. Nesting is capped at MaxDepth, so no input can
// exhaust the stack.
//
// Line breaks follow Swift (see docs/language.md, "Line breaks"): the
// scanner flags the first token of each line and the parser decides whether
// the break ends a statement.
//
// Names and literal texts in the tree are substrings of one string copy of
// the source, and the most frequent nodes are allocated in chunks, so
// parsing costs few allocations; the tree is immutable once returned.
package syntax
