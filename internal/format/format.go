// Package format prints a JXL syntax tree as canonical source: the
// implementation of jepsh fmt.
//
// The layout is decided from the tree and a few facts about the original
// source that the tree does not hold (where lines were broken, blank lines,
// comments), so that formatting is idempotent: Source(Source(x)) ==
// Source(x), and the output parses to the same tree.
//
// Rules (Swift-like):
//   - 4 spaces per indentation level; one statement or member per line
//     (statements joined by ';' are split); at most one blank line in a row,
//     kept where the source had one, never right after '{' or before '}'.
//   - A block stays on one line when it was on one line in the source and
//     holds at most one statement: func inc() { count += 1 }, { $0 * 2 }.
//     An empty block is {}. The blocks of an if-else chain are all on one
//     line or all multi-line.
//   - A view modifier chain (Text("a").font(.title).padding()) with more than
//     one modifier, or longer than MaxWidth, puts each modifier on its own
//     line, indented one level, or at the level of the view when the view
//     ends with a multi-line closure (VStack { ... } NEWLINE .padding(20)).
//   - Other line breaks inside expressions are kept where the source had
//     them: before a '.' member access, after a binary operator, around ?:,
//     and argument, array and dictionary lists that start on a new line are
//     printed one element per line.
//   - Empty parentheses before a trailing closure are dropped: VStack { }.
//   - Spacing: a space around binary operators except the ranges 0..<n and
//     1...10, after ',' and ':', none
//     inside parentheses and brackets, spaces inside one-line braces.
//   - Comments stay where they were, relative to the tokens around them.
//     Line comments ending consecutive lines of code are aligned.
package format

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// MaxWidth is the line width beyond which a view modifier chain is split.
const MaxWidth = 100

// Source formats JXL source. It returns the syntax errors (a
// diag.ListError) and no output if src does not parse.
func Source(src []byte) ([]byte, error) {
	fset := source.NewFileSet()
	f, errs := syntax.ParseFile(fset, "input.jxl", src)
	if errs.HasErrors() {
		return nil, errs.Err()
	}
	return File(f), nil
}

// SourceFile parses and formats one file, registering it in fset so that the
// diagnostics it returns can be printed with diag.Format.
func SourceFile(fset *source.FileSet, filename string, src []byte) ([]byte, diag.List) {
	f, errs := syntax.ParseFile(fset, filename, src)
	if errs.HasErrors() {
		return nil, errs
	}
	return File(f), errs
}

// File formats a parsed file. The file's source (f.Source.Src) supplies the
// comments' surroundings, blank lines and line breaks. Bad nodes are printed
// as their original text.
func File(f *syntax.File) []byte {
	p := &printer{
		src:      f.Source.Src,
		file:     f.Source,
		comments: f.Comments,
		out:      make([]byte, 0, len(f.Source.Src)+len(f.Source.Src)/8),
		oneLine:  map[*syntax.BlockStmt]bool{},
	}
	p.atLineStart = true
	for i, d := range f.Decls {
		if i > 0 || len(p.out) > 0 {
			p.linebreak(d.Pos(), i > 0)
		}
		p.stmtIndent = p.indent
		p.decl(d)
	}
	if len(f.Decls) > 0 {
		p.trailing(f.EOF)
	}
	if p.ci < len(p.comments) {
		if len(p.out) > 0 && !p.atLineStart {
			p.newline()
		}
		p.flush(f.EOF + 1)
	}
	out := bytes.TrimRight(p.out, " \n")
	if len(out) == 0 {
		return []byte{}
	}
	return append(alignComments(out, p.lineComments), '\n')
}

type printer struct {
	src      []byte
	file     *source.File
	comments []*syntax.Comment
	ci       int // next comment to print

	out          []byte
	indent       int   // current indentation level
	stmtIndent   int   // indentation of the statement being printed (continuation lines get +1)
	atLineStart  bool  // nothing written on the current line yet
	needNL       bool  // a line comment was written: the next token goes on a new line
	lineComments []int // offsets in out of the space before each trailing line comment
	lastEnd      int   // source offset after the last printed token or comment

	oneLine map[*syntax.BlockStmt]bool // cache of oneLineBlock
	measure bool                       // printing into a scratch buffer to measure width
	flat    bool                       // printing a one-line block
	// forceMulti makes the next block multi-line (the blocks of an if-else
	// chain that spans lines).
	forceMulti bool
}

func (p *printer) off(pos source.Pos) int { return p.file.Offset(pos) }

func (p *printer) newline() {
	p.out = append(p.out, '\n')
	p.atLineStart = true
}

func (p *printer) write(s string) {
	if p.needNL {
		p.needNL = false
		p.newline()
		p.writeIndent(p.stmtIndent + 1)
	}
	if p.atLineStart {
		p.writeIndent(p.indent)
	}
	p.out = append(p.out, s...)
}

func (p *printer) writeIndent(n int) {
	if !p.atLineStart {
		return
	}
	for i := 0; i < n; i++ {
		p.out = append(p.out, "    "...)
	}
	p.atLineStart = false
}

// tok writes a token found at pos in the source (NoPos for a token the tree
// has no position for), after the comments that precede it.
func (p *printer) tok(pos source.Pos, s string) {
	if pos.IsValid() {
		p.flush(pos)
	}
	p.write(s)
	if pos.IsValid() {
		if e := p.off(pos) + len(s); e > p.lastEnd && e <= len(p.src) {
			p.lastEnd = e
		}
	}
}

// ---------------------------------------------------------------------------
// Comments and line breaks

func hasNL(b []byte) bool { return bytes.IndexByte(b, '\n') >= 0 }

func (p *printer) span(from, to int) []byte {
	if from < 0 {
		from = 0
	}
	if to > len(p.src) {
		to = len(p.src)
	}
	if from >= to {
		return nil
	}
	return p.src[from:to]
}

// blankBetween reports whether the source has an empty line between the
// offsets from and to.
func (p *printer) blankBetween(from, to int) bool {
	b := p.span(from, to)
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return false
	}
	for _, c := range b[i+1:] {
		switch c {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			// A non-blank line; look for the next line break.
			j := bytes.IndexByte(b[i+1:], '\n')
			if j < 0 {
				return false
			}
			return p.blankBetween(from+i+1+j, to)
		}
	}
	return false
}

// afterOpen reports whether the last thing written is an opening bracket.
func (p *printer) afterOpen() bool {
	b := bytes.TrimRight(p.out, " \n")
	if len(b) == 0 {
		return true
	}
	switch b[len(b)-1] {
	case '{', '(', '[':
		return true
	}
	return false
}

func (p *printer) endsWithBlank() bool {
	return bytes.HasSuffix(p.out, []byte("\n\n"))
}

// flush writes the comments that start before pos.
func (p *printer) flush(pos source.Pos) {
	if p.measure {
		return
	}
	wroteOwn := false
	for p.ci < len(p.comments) && p.comments[p.ci].Slash < pos {
		c := p.comments[p.ci]
		p.ci++
		start := p.off(c.Slash)
		own := len(p.out) == 0 || p.atLineStart || hasNL(p.span(p.lastEnd, start))
		if own {
			p.needNL = false
			if !p.atLineStart {
				p.newline()
			}
			if len(p.out) > 0 && p.blankBetween(p.lastEnd, start) && !p.afterOpen() && !p.endsWithBlank() {
				p.newline()
			}
			p.write(c.Text)
			p.newline()
			wroteOwn = true
		} else {
			if p.atLineStart {
				p.write(c.Text)
			} else {
				p.out = bytes.TrimRight(p.out, " ")
				p.writeTrailing(c.Text)
			}
			if strings.HasPrefix(c.Text, "//") {
				p.needNL = true
			} else {
				p.write(" ")
			}
		}
		p.lastEnd = start + len(c.Text)
	}
	if wroteOwn && p.blankBetween(p.lastEnd, p.off(pos)) && !p.endsWithBlank() {
		p.newline()
	}
}

// trailing writes the comments that follow the last token on its source
// line and start before next.
func (p *printer) trailing(next source.Pos) {
	if p.measure {
		return
	}
	for p.ci < len(p.comments) && p.comments[p.ci].Slash < next {
		c := p.comments[p.ci]
		start := p.off(c.Slash)
		if hasNL(p.span(p.lastEnd, start)) {
			return
		}
		p.ci++
		p.out = bytes.TrimRight(p.out, " ")
		p.writeTrailing(c.Text)
		p.lastEnd = start + len(c.Text)
	}
}

// writeTrailing writes a comment after code on the current line, noting
// where line comments start for alignComments.
func (p *printer) writeTrailing(text string) {
	p.write(" ")
	if strings.HasPrefix(text, "//") {
		p.lineComments = append(p.lineComments, len(p.out)-1)
	}
	p.out = append(p.out, text...)
}

// alignComments aligns the line comments that end consecutive lines of code
// to one column, one space after the longest code, like gofmt:
//
//	Text("Title")        // y: 0
//	    .font(.headline) // size 18
//
// A blank line or a line without a trailing comment ends a run.
func alignComments(out []byte, at []int) []byte {
	if len(at) < 2 {
		return out
	}
	type cmt struct{ line, code, start int } // line number, code width, offset of the space
	var cs []cmt
	line, lineStart, k := 0, 0, 0
	for i := 0; i <= len(out) && k < len(at); i++ {
		if i == len(out) || out[i] == '\n' {
			for k < len(at) && at[k] < i {
				cs = append(cs, cmt{line, at[k] - lineStart, at[k]})
				k++
			}
			line++
			lineStart = i + 1
		}
	}
	pad := make(map[int]int) // offset of the space -> extra spaces
	for i := 0; i < len(cs); {
		j := i + 1
		for j < len(cs) && cs[j].line == cs[j-1].line+1 {
			j++
		}
		width := 0
		for _, c := range cs[i:j] {
			width = max(width, c.code)
		}
		for _, c := range cs[i:j] {
			if c.code < width {
				pad[c.start] = width - c.code
			}
		}
		i = j
	}
	if len(pad) == 0 {
		return out
	}
	res := make([]byte, 0, len(out)+len(pad)*8)
	prev := 0
	for _, c := range cs {
		if n := pad[c.start]; n > 0 {
			res = append(res, out[prev:c.start]...)
			for ; n > 0; n-- {
				res = append(res, ' ')
			}
			prev = c.start
		}
	}
	return append(res, out[prev:]...)
}

// linebreak ends the current line before the item at next, keeping a blank
// line that the source had there when blank is set.
func (p *printer) linebreak(next source.Pos, blank bool) {
	p.trailing(next)
	p.needNL = false
	p.out = bytes.TrimRight(p.out, " ")
	p.newline()
	if blank && next.IsValid() {
		target := p.off(next)
		if p.ci < len(p.comments) && p.comments[p.ci].Slash < next {
			target = p.off(p.comments[p.ci].Slash)
		}
		if p.blankBetween(p.lastEnd, target) {
			p.newline()
		}
	}
}

// contBreak breaks an expression onto a continuation line (one level deeper
// than its statement).
func (p *printer) contBreak(next source.Pos, level int) {
	p.trailing(next)
	p.needNL = false
	p.out = bytes.TrimRight(p.out, " ")
	p.newline()
	p.indent = level
}

// nlBetween reports whether the source has a line break between two positions.
func (p *printer) nlBetween(a, b source.Pos) bool {
	if !a.IsValid() || !b.IsValid() {
		return false
	}
	return hasNL(p.span(p.off(a), p.off(b)))
}

// hasComments reports whether a comment starts within [from, to).
func (p *printer) hasComments(from, to source.Pos) bool {
	for i := p.ci; i < len(p.comments); i++ {
		c := p.comments[i].Slash
		if c >= to {
			return false
		}
		if c >= from {
			return true
		}
	}
	return false
}

// raw writes the original text of a node (for Bad nodes).
func (p *printer) raw(n syntax.Node) {
	text := string(p.span(p.off(n.Pos()), p.off(n.End())))
	p.tok(n.Pos(), strings.TrimSpace(text))
}

// ---------------------------------------------------------------------------
// Declarations

func (p *printer) decl(d syntax.Decl) {
	switch d := d.(type) {
	case *syntax.ViewDecl:
		p.tok(d.View, "view")
		p.write(" ")
		p.ident(d.Name)
		p.members(d.Members, d.Rbrace)
	case *syntax.StructDecl:
		p.tok(d.Struct, "struct")
		p.write(" ")
		p.ident(d.Name)
		p.members(d.Members, d.Rbrace)
	case *syntax.EnumDecl:
		p.enumDecl(d)
	case *syntax.FuncDecl:
		p.funcDecl(d)
	case *syntax.AtomDecl:
		p.atomDecl(d)
	case *syntax.AppDecl:
		p.tok(d.App, "app")
		p.write(" ")
		p.ident(d.Name)
		p.write(" ")
		ms := make([]syntax.Node, len(d.Members))
		for i, m := range d.Members {
			ms[i] = m
		}
		p.body(ms, d.Rbrace, func(n syntax.Node) { p.appMember(n.(syntax.AppMember)) })
	case *syntax.BadDecl:
		p.raw(d)
	}
}

func (p *printer) members(members []syntax.Member, rbrace source.Pos) {
	p.write(" ")
	ms := make([]syntax.Node, len(members))
	for i, m := range members {
		ms[i] = m
	}
	p.body(ms, rbrace, func(n syntax.Node) { p.member(n.(syntax.Member)) })
}

// body prints { items } with one item per line. The '{' has no position of
// its own in declarations; it is written here.
func (p *printer) body(items []syntax.Node, rbrace source.Pos, item func(syntax.Node)) {
	p.write("{")
	if len(items) == 0 && !p.hasComments(p.lastPos(), rbrace) {
		p.tok(rbrace, "}")
		return
	}
	outer := p.indent
	p.indent++
	for i, n := range items {
		p.linebreak(n.Pos(), i > 0)
		p.indent = outer + 1
		p.stmtIndent = p.indent
		item(n)
	}
	p.indent = outer + 1
	p.linebreak(rbrace, false)
	p.flush(rbrace)
	p.indent = outer
	p.needNL = false
	if !p.atLineStart {
		p.newline()
	}
	p.tok(rbrace, "}")
}

func (p *printer) lastPos() source.Pos { return p.file.Pos(p.lastEnd) }

func (p *printer) member(m syntax.Member) {
	switch m := m.(type) {
	case *syntax.PropDecl:
		kw := "let"
		if m.Var {
			kw = "var"
		}
		p.tok(m.Keyword, kw)
		p.write(" ")
		p.ident(m.Name)
		if m.Type != nil {
			p.write(": ")
			p.typ(m.Type)
		}
		if m.Default != nil {
			p.write(" = ")
			p.expr(m.Default)
		}
	case *syntax.AtomDecl:
		p.atomDecl(m)
	case *syntax.FuncDecl:
		p.funcDecl(m)
	case *syntax.RenderDecl:
		p.tok(m.Render, "render")
		p.write(" ")
		p.block(m.Body, nil)
	case *syntax.LifecycleDecl:
		if m.Unmount {
			p.tok(m.KeywordPos, "onUnmount")
		} else {
			p.tok(m.KeywordPos, "onMount")
		}
		p.write(" ")
		p.block(m.Body, nil)
	case *syntax.BadMember:
		p.raw(m)
	}
}

func (p *printer) appMember(m syntax.AppMember) {
	switch m := m.(type) {
	case *syntax.AppField:
		p.ident(m.Name)
		p.write(": ")
		p.expr(m.Value)
	case *syntax.RouteDecl:
		p.tok(m.Route, "route")
		p.write(" ")
		p.expr(m.Path)
		p.write(" => ")
		p.expr(m.Target)
	case *syntax.BadMember:
		p.raw(m)
	}
}

func (p *printer) atomDecl(d *syntax.AtomDecl) {
	p.tok(d.Atom, "atom")
	if d.Computed {
		p.write(" computed")
	}
	p.write(" ")
	p.ident(d.Name)
	if d.Type != nil {
		p.write(": ")
		p.typ(d.Type)
	}
	if d.Computed && d.Body != nil {
		p.write(" ")
		p.block(d.Body, nil)
		return
	}
	if d.Value != nil {
		p.write(" = ")
		p.expr(d.Value)
	}
}

func (p *printer) funcDecl(d *syntax.FuncDecl) {
	if d.Mutating.IsValid() {
		p.tok(d.Mutating, "mutating")
		p.write(" ")
		p.tok(d.Func, "func")
	} else {
		p.tok(d.Func, "func")
	}
	p.write(" ")
	p.ident(d.Name)
	p.tok(d.Lparen, "(")
	for i, par := range d.Params {
		if i > 0 {
			p.write(", ")
		}
		p.param(par)
	}
	p.tok(d.Rparen, ")")
	if d.Result != nil {
		p.write(" -> ")
		p.typ(d.Result)
	}
	p.write(" ")
	p.block(d.Body, nil)
}

func (p *printer) param(par *syntax.Param) {
	if par.Label != nil {
		p.ident(par.Label)
		p.write(" ")
	}
	p.ident(par.Name)
	if par.Type != nil {
		p.write(": ")
		p.typ(par.Type)
	}
	if par.Default != nil {
		p.write(" = ")
		p.expr(par.Default)
	}
}

func (p *printer) enumDecl(d *syntax.EnumDecl) {
	p.tok(d.Enum, "enum")
	p.write(" ")
	p.ident(d.Name)
	if d.RawType != nil {
		p.write(": ")
		p.typ(d.RawType)
	}
	p.write(" ")
	// Group cases by their "case" keyword; interleave with methods in source order.
	var items []syntax.Node
	i, j := 0, 0
	for i < len(d.Cases) || j < len(d.Methods) {
		if j >= len(d.Methods) || i < len(d.Cases) && d.Cases[i].Pos() < d.Methods[j].Pos() {
			k := i + 1
			for k < len(d.Cases) && d.Cases[k].Case == d.Cases[i].Case && d.Cases[i].Case.IsValid() {
				k++
			}
			items = append(items, &caseGroup{d.Cases[i:k]})
			i = k
		} else {
			items = append(items, d.Methods[j])
			j++
		}
	}
	p.body(items, d.Rbrace, func(n syntax.Node) {
		switch n := n.(type) {
		case *caseGroup:
			p.tok(n.cases[0].Case, "case")
			for k, c := range n.cases {
				if k > 0 {
					p.write(",")
				}
				p.write(" ")
				p.ident(c.Name)
				if c.Value != nil {
					p.write(" = ")
					p.expr(c.Value)
				}
			}
		case *syntax.FuncDecl:
			p.funcDecl(n)
		}
	})
}

// caseGroup is one "case a, b = 1" line of an enum.
type caseGroup struct{ cases []*syntax.EnumCase }

func (g *caseGroup) Pos() source.Pos {
	if g.cases[0].Case.IsValid() {
		return g.cases[0].Case
	}
	return g.cases[0].Pos()
}
func (g *caseGroup) End() source.Pos { return g.cases[len(g.cases)-1].End() }

// ---------------------------------------------------------------------------
// Types

func (p *printer) typ(t syntax.TypeExpr) {
	switch t := t.(type) {
	case *syntax.NamedType:
		p.ident(t.Name)
		if t.Args != nil {
			p.write("<")
			for i, a := range t.Args {
				if i > 0 {
					p.write(", ")
				}
				p.typ(a)
			}
			p.tok(t.Rangle, ">")
		}
	case *syntax.ArrayType:
		p.tok(t.Lbrack, "[")
		p.typ(t.Elem)
		p.tok(t.Rbrack, "]")
	case *syntax.DictType:
		p.tok(t.Lbrack, "[")
		p.typ(t.Key)
		p.write(": ")
		p.typ(t.Value)
		p.tok(t.Rbrack, "]")
	case *syntax.OptionalType:
		p.typ(t.Elem)
		p.write("?")
	case *syntax.FuncType:
		p.tok(t.Lparen, "(")
		for i, a := range t.Params {
			if i > 0 {
				p.write(", ")
			}
			p.typ(a)
		}
		p.write(") -> ")
		p.typ(t.Result)
	case *syntax.BadType:
		p.raw(t)
	}
}

// ---------------------------------------------------------------------------
// Statements

// oneLineBlock reports whether a block is printed on one line: it was on one
// line in the source, has at most one statement and no comments, and nothing
// in it must be broken.
func (p *printer) oneLineBlock(b *syntax.BlockStmt) bool {
	if v, ok := p.oneLine[b]; ok {
		return v
	}
	v := len(b.Stmts) <= 1 && !p.nlBetween(b.Lbrace, b.Rbrace) && !p.hasComments(b.Lbrace, b.Rbrace)
	if v && len(b.Stmts) == 1 {
		syntax.Inspect(b.Stmts[0], func(n syntax.Node) bool {
			if !v {
				return false
			}
			switch n := n.(type) {
			case *syntax.BlockStmt:
				if !p.oneLineBlock(n) {
					v = false
				}
				return false
			case *syntax.ExprStmt:
				if p.forcedChain(n.X) {
					v = false
				}
			}
			return true
		})
	}
	p.oneLine[b] = v
	return v
}

// block prints { stmts }. params, if not nil, prints a closure's parameter
// clause after the '{'.
func (p *printer) block(b *syntax.BlockStmt, params func()) {
	multi := p.forceMulti
	p.forceMulti = false
	p.tok(b.Lbrace, "{")
	if params != nil {
		params()
	}
	if !multi && p.oneLineBlock(b) {
		if len(b.Stmts) == 0 {
			if params != nil {
				p.write(" ")
			}
			p.tok(b.Rbrace, "}")
			return
		}
		p.write(" ")
		saved, savedStmt, savedFlat := p.indent, p.stmtIndent, p.flat
		p.stmtIndent = p.indent
		p.flat = true
		p.stmt(b.Stmts[0])
		p.indent, p.stmtIndent, p.flat = saved, savedStmt, savedFlat
		p.write(" ")
		p.tok(b.Rbrace, "}")
		return
	}
	outer, outerStmt := p.indent, p.stmtIndent
	for i, s := range b.Stmts {
		p.linebreak(s.Pos(), i > 0)
		p.indent = outer + 1
		p.stmtIndent = p.indent
		p.stmt(s)
	}
	p.indent = outer + 1
	p.linebreak(b.Rbrace, false)
	p.flush(b.Rbrace)
	p.indent, p.stmtIndent = outer, outerStmt
	p.needNL = false
	if !p.atLineStart {
		p.newline()
	}
	p.tok(b.Rbrace, "}")
}

func (p *printer) stmt(s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.DeclStmt:
		kw := "let"
		if s.Var {
			kw = "var"
		}
		p.tok(s.Keyword, kw)
		p.write(" ")
		p.ident(s.Name)
		if s.Type != nil {
			p.write(": ")
			p.typ(s.Type)
		}
		if s.Value != nil {
			p.write(" = ")
			p.expr(s.Value)
		}
	case *syntax.AssignStmt:
		p.expr(s.Lhs)
		p.write(" ")
		p.tok(s.OpPos, s.Op.String())
		p.write(" ")
		p.expr(s.Rhs)
	case *syntax.ExprStmt:
		p.exprStmt(s.X)
	case *syntax.IfStmt:
		p.ifStmt(s, false)
	case *syntax.ForStmt:
		p.tok(s.For, "for")
		p.write(" ")
		p.ident(s.Var)
		p.write(" in ")
		p.expr(s.Seq)
		p.write(" ")
		p.block(s.Body, nil)
	case *syntax.WhileStmt:
		p.tok(s.While, "while")
		p.write(" ")
		p.expr(s.Cond)
		p.write(" ")
		p.block(s.Body, nil)
	case *syntax.ReturnStmt:
		p.tok(s.Return, "return")
		if s.Value != nil {
			p.write(" ")
			p.expr(s.Value)
		}
	case *syntax.BranchStmt:
		p.tok(s.TokPos, s.Tok.String())
	case *syntax.BlockStmt:
		p.block(s, nil)
	case *syntax.BadStmt:
		p.raw(s)
	}
}

func (p *printer) ifStmt(s *syntax.IfStmt, multi bool) {
	// An if-else chain is on one line only if it was entirely on one line.
	// Otherwise all its blocks are multi-line, so that no block of the chain
	// shares a line with a multi-line one.
	multi = multi || s.Else != nil && (p.nlBetween(s.Pos(), s.End()) || !p.chainOneLine(s))
	p.tok(s.If, "if")
	p.write(" ")
	switch c := s.Cond.(type) {
	case *syntax.OptionalBinding:
		p.tok(c.Let, "let")
		p.write(" ")
		p.ident(c.Name)
		if c.Value != nil {
			p.write(" = ")
			p.expr(c.Value)
		}
	case syntax.Expr:
		p.expr(c)
	}
	p.write(" ")
	p.forceMulti = multi
	p.block(s.Then, nil)
	switch e := s.Else.(type) {
	case *syntax.IfStmt:
		p.write(" else ")
		p.ifStmt(e, multi)
	case *syntax.BlockStmt:
		p.write(" else ")
		p.forceMulti = multi
		p.block(e, nil)
	}
}

// chainOneLine reports whether every block of an if-else chain fits on one line.
func (p *printer) chainOneLine(s *syntax.IfStmt) bool {
	for {
		if !p.oneLineBlock(s.Then) {
			return false
		}
		switch e := s.Else.(type) {
		case *syntax.IfStmt:
			s = e
		case *syntax.BlockStmt:
			return p.oneLineBlock(e)
		default:
			return true
		}
	}
}

// ---------------------------------------------------------------------------
// Expressions

func (p *printer) ident(id *syntax.Ident) { p.tok(id.NamePos, id.Name) }

// viewChain splits x into the view call at its base and the modifier calls
// applied to it: Text("a").font(.title).padding() has base Text("a") and two
// modifiers. ok is false if x is not a view modifier chain.
func viewChain(x syntax.Expr) (base syntax.Expr, mods []*syntax.CallExpr, ok bool) {
	for {
		c, isCall := x.(*syntax.CallExpr)
		if !isCall {
			return nil, nil, false
		}
		sel, isSel := c.Fun.(*syntax.SelectorExpr)
		if !isSel || sel.Optional {
			// The view itself: Text("a"), VStack { }.
			if id, isID := c.Fun.(*syntax.Ident); isID && isUpper(id.Name) && len(mods) > 0 {
				return c, reverse(mods), true
			}
			return nil, nil, false
		}
		if _, onCall := sel.X.(*syntax.CallExpr); !onCall {
			// Html.div(...), Color.token(...): a view if the receiver is a type name.
			if id, isID := sel.X.(*syntax.Ident); isID && isUpper(id.Name) && len(mods) > 0 {
				return c, reverse(mods), true
			}
			return nil, nil, false
		}
		mods = append(mods, c)
		x = sel.X
	}
}

func reverse(m []*syntax.CallExpr) []*syntax.CallExpr {
	for i, j := 0, len(m)-1; i < j; i, j = i+1, j-1 {
		m[i], m[j] = m[j], m[i]
	}
	return m
}

func isUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// forcedChain reports whether the statement expression x is a view chain
// whose modifiers must go one per line (more than one modifier).
func (p *printer) forcedChain(x syntax.Expr) bool {
	_, mods, ok := viewChain(x)
	return ok && len(mods) > 1
}

// exprStmt prints an expression statement, splitting view modifier chains.
func (p *printer) exprStmt(x syntax.Expr) {
	base, mods, ok := viewChain(x)
	if !ok {
		p.expr(x)
		return
	}
	p.expr(base)
	split := len(mods) > 1 || !p.flat && p.modsTooLong(mods)
	// Modifiers go one level deeper than the view, or at the view's level
	// when it ends with a multi-line closure or argument list.
	level := p.stmtIndent + 1
	if p.endsWithCloser() {
		level = p.stmtIndent
	}
	for _, m := range mods {
		sel := m.Fun.(*syntax.SelectorExpr)
		if split || p.nlBetween(sel.X.End(), sel.Sel.Pos()) {
			p.contBreak(sel.Sel.Pos(), level)
		}
		p.write(".")
		p.ident(sel.Sel)
		p.callRest(m)
	}
}

// endsWithCloser reports whether the current output line is a closing
// bracket line ("}" or ")" of a multi-line view).
func (p *printer) endsWithCloser() bool {
	line := p.out
	if i := bytes.LastIndexByte(line, '\n'); i >= 0 {
		line = line[i+1:]
	}
	line = bytes.TrimSpace(line)
	return len(line) > 0 && (line[0] == '}' || line[0] == ')')
}

// modsTooLong reports whether the modifiers, appended to the current line,
// would make it longer than MaxWidth. Each modifier is measured up to its
// first line break (a multi-line closure argument counts up to its '{').
func (p *printer) modsTooLong(mods []*syntax.CallExpr) bool {
	if p.measure {
		return false
	}
	col := len(p.out) - bytes.LastIndexByte(p.out, '\n') - 1
	if p.atLineStart {
		col = p.indent * 4
	}
	m := &printer{src: p.src, file: p.file, oneLine: p.oneLine, measure: true, indent: p.indent, stmtIndent: p.stmtIndent}
	for _, mod := range mods {
		m.write(".")
		m.ident(mod.Fun.(*syntax.SelectorExpr).Sel)
		m.callRest(mod)
		if bytes.IndexByte(m.out, '\n') >= 0 {
			break
		}
	}
	width := m.out
	if i := bytes.IndexByte(width, '\n'); i >= 0 {
		width = width[:i]
	}
	return col+len(width) > MaxWidth
}

func (p *printer) expr(x syntax.Expr) {
	switch x := x.(type) {
	case *syntax.Ident:
		p.ident(x)
	case *syntax.BasicLit:
		p.tok(x.ValuePos, x.Raw)
	case *syntax.StringExpr:
		p.tok(x.Quote, "\"")
		for i, part := range x.Parts {
			if syntax.IsText(part) {
				p.write(part.(*syntax.BasicLit).Raw)
				continue
			}
			p.write("\\(")
			p.expr(part)
			// Block comments inside the interpolation stay inside it.
			end := x.Close
			if i+1 < len(x.Parts) {
				end = x.Parts[i+1].Pos()
			}
			p.flush(end)
			p.out = bytes.TrimRight(p.out, " ")
			p.write(")")
		}
		p.tok(x.Close, "\"")
	case *syntax.ArrayLit:
		p.list(x.Lbrack, len(x.Elems), x.Rbrack, "[", "]", func(i int) syntax.Node { return x.Elems[i] }, func(i int) { p.expr(x.Elems[i]) })
	case *syntax.DictLit:
		if len(x.Keys) == 0 {
			p.tok(x.Lbrack, "[")
			p.write(":")
			p.tok(x.Rbrack, "]")
			return
		}
		p.list(x.Lbrack, len(x.Keys), x.Rbrack, "[", "]", func(i int) syntax.Node { return x.Keys[i] }, func(i int) {
			p.expr(x.Keys[i])
			p.write(": ")
			if i < len(x.Values) {
				p.expr(x.Values[i])
			}
		})
	case *syntax.ParenExpr:
		p.tok(x.Lparen, "(")
		p.expr(x.X)
		p.tok(x.Rparen, ")")
	case *syntax.UnaryExpr:
		p.tok(x.OpPos, x.Op.String())
		p.expr(x.X)
	case *syntax.BinaryExpr:
		p.expr(x.X)
		rng := x.Op == syntax.HALF_OPEN || x.Op == syntax.CLOSED_RANGE
		if !rng {
			p.write(" ")
		}
		p.tok(x.OpPos, x.Op.String())
		if p.nlBetween(x.X.End(), x.Y.Pos()) {
			p.contBreak(x.Y.Pos(), p.stmtIndent+1)
		} else if !rng {
			p.write(" ")
		}
		p.expr(x.Y)
	case *syntax.TernaryExpr:
		p.expr(x.Cond)
		if p.nlBetween(x.Cond.End(), x.Question) {
			p.contBreak(x.Question, p.stmtIndent+1)
		} else {
			p.write(" ")
		}
		p.tok(x.Question, "?")
		p.write(" ")
		p.expr(x.Then)
		if p.nlBetween(x.Then.End(), x.Else.Pos()) && p.colonOnNewLine(x) {
			p.contBreak(x.Else.Pos(), p.stmtIndent+1)
		} else {
			p.write(" ")
		}
		p.write(": ")
		p.expr(x.Else)
	case *syntax.SelectorExpr:
		p.expr(x.X)
		if p.nlBetween(x.X.End(), x.Sel.Pos()) {
			level := p.stmtIndent + 1
			if p.endsWithCloser() {
				level = p.stmtIndent
			}
			p.contBreak(x.Sel.Pos(), level)
		}
		if x.Optional {
			p.write("?.")
		} else {
			p.write(".")
		}
		p.ident(x.Sel)
	case *syntax.ImplicitMemberExpr:
		p.tok(x.Dot, ".")
		p.ident(x.Name)
	case *syntax.CallExpr:
		p.expr(x.Fun)
		p.callRest(x)
	case *syntax.SubscriptExpr:
		p.expr(x.X)
		p.tok(x.Lbrack, "[")
		p.expr(x.Index)
		p.tok(x.Rbrack, "]")
	case *syntax.ForceUnwrapExpr:
		p.expr(x.X)
		p.tok(x.Bang, "!")
	case *syntax.ClosureExpr:
		p.closure(x)
	case *syntax.BindingExpr:
		p.tok(x.Dollar, "$")
		p.expr(x.X)
	case *syntax.KeyPathExpr:
		p.tok(x.Backslash, "\\")
		if x.Root != nil {
			p.ident(x.Root)
		}
		for _, id := range x.Path {
			p.write(".")
			p.ident(id)
		}
	case *syntax.BadExpr:
		p.raw(x)
	}
}

// colonOnNewLine reports whether the ':' of a ternary starts a new line in
// the source (rather than ending the line before the else branch).
func (p *printer) colonOnNewLine(x *syntax.TernaryExpr) bool {
	b := p.span(p.off(x.Then.End()), p.off(x.Else.Pos()))
	i := bytes.IndexByte(b, ':')
	return i >= 0 && hasNL(b[:i])
}

// namedCallee reports whether a call's callee is a name (f, a.b, .c).
func namedCallee(x syntax.Expr) bool {
	switch x.(type) {
	case *syntax.Ident, *syntax.SelectorExpr, *syntax.ImplicitMemberExpr:
		return true
	}
	return false
}

// callRest prints a call's arguments and trailing closures after its Fun.
func (p *printer) callRest(c *syntax.CallExpr) {
	// Empty parentheses before a trailing closure are dropped: VStack { }.
	// Only after a name: `{ 0 }() { }` or `f()() { }` would re-parse as
	// something else without them.
	drop := len(c.Args) == 0 && len(c.Trailing) > 0 && namedCallee(c.Fun) && !p.hasComments(c.Lparen, c.Rparen+1)
	if c.Lparen.IsValid() && !drop {
		p.list(c.Lparen, len(c.Args), c.Rparen, "(", ")", func(i int) syntax.Node { return c.Args[i] }, func(i int) { p.arg(c.Args[i]) })
	}
	for _, a := range c.Trailing {
		p.write(" ")
		if a.Label != nil {
			p.ident(a.Label)
			p.write(": ")
		}
		p.expr(a.Value)
	}
}

func (p *printer) arg(a *syntax.Arg) {
	if a.Label != nil {
		p.ident(a.Label)
		p.write(": ")
	}
	p.expr(a.Value)
}

// list prints a bracketed, comma-separated list, one element per line when
// the source put the first element on a new line.
func (p *printer) list(open source.Pos, n int, close source.Pos, lb, rb string, node func(int) syntax.Node, elem func(int)) {
	p.tok(open, lb)
	if n == 0 {
		p.tok(close, rb)
		return
	}
	multi := !p.measure && (p.nlBetween(open, node(0).Pos()) || p.hasLineComment(open, close) && p.nlBetween(open, close))
	if !multi {
		saved := p.stmtIndent
		for i := 0; i < n; i++ {
			if i > 0 {
				p.write(", ")
			}
			elem(i)
		}
		p.stmtIndent = saved
		p.tok(close, rb)
		return
	}
	outer, outerStmt := p.indent, p.stmtIndent
	for i := 0; i < n; i++ {
		if i > 0 {
			p.write(",")
		}
		p.linebreak(node(i).Pos(), i > 0)
		p.indent = outer + 1
		p.stmtIndent = p.indent
		elem(i)
	}
	p.indent = outer + 1
	p.linebreak(close, false)
	p.flush(close)
	p.indent, p.stmtIndent = outer, outerStmt
	p.needNL = false
	if !p.atLineStart {
		p.newline()
	}
	p.tok(close, rb)
}

func (p *printer) hasLineComment(from, to source.Pos) bool {
	for i := p.ci; i < len(p.comments); i++ {
		c := p.comments[i]
		if c.Slash >= to {
			return false
		}
		if c.Slash >= from && strings.HasPrefix(c.Text, "//") {
			return true
		}
	}
	return false
}

func (p *printer) closure(x *syntax.ClosureExpr) {
	var params func()
	if x.In.IsValid() {
		params = func() {
			p.write(" ")
			typed := x.Parens || x.Result != nil
			for _, par := range x.Params {
				if par.Type != nil {
					typed = true
				}
			}
			if typed {
				p.write("(")
			}
			for i, par := range x.Params {
				if i > 0 {
					p.write(", ")
				}
				p.ident(par.Name)
				if par.Type != nil {
					p.write(": ")
					p.typ(par.Type)
				}
			}
			if typed {
				p.write(")")
			}
			if x.Result != nil {
				p.write(" -> ")
				p.typ(x.Result)
			}
			p.write(" ")
			p.tok(x.In, "in")
		}
	}
	p.block(x.Body, params)
}
