package syntax

import (
	"bytes"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
)

// MaxDepth is the deepest nesting of brackets, braces, closures, string
// interpolations and prefix operators the parser accepts. Deeper input gets
// one ErrNestingTooDeep diagnostic and the excess is skipped without
// recursion, so no input can exhaust the stack.
const MaxDepth = 1000

// maxErrors caps the diagnostics of one file; the rest are dropped.
const maxErrors = 100

// ParseFile parses one .jxl file, registering it in fset. It always returns a
// complete *File: parts that fail to parse become Bad* nodes. The diagnostics
// are sorted by position; at most one error is reported per line.
func ParseFile(fset *source.FileSet, filename string, src []byte) (*File, diag.List) {
	f := fset.AddFile(filename, src)
	var p parser
	p.init(f, src)
	file := p.parseFile()
	return file, p.sortedErrors(fset)
}

// sortedErrors sorts the diagnostics and keeps the first of each line (the
// parser already drops most; errors found out of order are caught here).
func (p *parser) sortedErrors(fset *source.FileSet) diag.List {
	errs := p.sh.errors
	if len(errs) == 0 {
		return nil
	}
	errs.Sort(fset)
	out := errs[:0]
	lastLine := 0
	for _, d := range errs {
		line := p.file.Position(d.Pos).Line
		if line == lastLine {
			continue
		}
		lastLine = line
		out = append(out, d)
	}
	return out
}

// ParseExpr parses src as a single expression (a helper for tests and tools).
func ParseExpr(fset *source.FileSet, filename string, src []byte) (Expr, diag.List) {
	f := fset.AddFile(filename, src)
	var p parser
	p.init(f, src)
	x := p.parseExpr()
	if p.tok != EOF {
		p.errorExpected("end of expression")
	}
	return x, p.sortedErrors(fset)
}

// shared is the state shared by a parser and the sub-parsers of its string
// interpolations.
type shared struct {
	errors    diag.List
	lastErr   int // offset of the last reported error, -1 if none
	noNLUntil int // no line break in src[lastErr:noNLUntil]
	depthErr  bool
	str       string // the source as a string: names and literals are substrings of it

	// Slabs for the most frequent nodes: one allocation per chunk of nodes.
	idents slab[Ident]
	lits   slab[BasicLit]
	sels   slab[SelectorExpr]
	calls  slab[CallExpr]
	args   slab[Arg]
	stmts  slab[ExprStmt]

	blocks   slab[BlockStmt]
	closures slab[ClosureExpr]
	binaries slab[BinaryExpr]
	implicit slab[ImplicitMemberExpr]
}

// slab hands out pointers into chunks of preallocated values.
type slab[T any] struct {
	buf  []T
	next int // size of the next chunk: 8, 16, ... 256
}

func (s *slab[T]) new() *T {
	if len(s.buf) == 0 {
		if s.next < 8 {
			s.next = 8
		}
		s.buf = make([]T, s.next)
		if s.next < 256 {
			s.next *= 2
		}
	}
	x := &s.buf[0]
	s.buf = s.buf[1:]
	return x
}

type parser struct {
	file *source.File
	src  []byte
	s    Scanner
	tok  Token // == s.Tok

	sh *shared

	depth      int  // current nesting depth (see MaxDepth)
	nlSig      bool // line breaks are significant (false inside ( ) and [ ])
	noTrailing bool // a '{' is not a trailing closure (if/while/for headers)
}

func (p *parser) init(f *source.File, src []byte) {
	p.file = f
	p.src = src
	p.sh = &shared{lastErr: -1, str: string(src)}
	p.s.Init(src, f.Base(), 0, len(src), p.scanError)
	p.s.str = p.sh.str
	p.nlSig = true
	p.next()
}

func (p *parser) scanError(off int, code diag.Code, msg string) {
	p.report(off, off+1, code, msg)
}

// report records a diagnostic unless one was already reported on the same
// line, or the file has too many.
func (p *parser) report(off, end int, code diag.Code, msg string) {
	sh := p.sh
	if sh.lastErr >= 0 {
		lo, hi := sh.lastErr, off
		if hi < lo {
			lo, hi = hi, lo
		} else if sh.noNLUntil > lo && sh.noNLUntil <= hi {
			lo = sh.noNLUntil
		}
		if bytes.IndexByte(p.src[lo:hi], '\n') < 0 {
			if off > sh.lastErr && off > sh.noNLUntil {
				sh.noNLUntil = off
			}
			return
		}
	}
	sh.lastErr = off
	sh.noNLUntil = off
	if len(sh.errors) >= maxErrors {
		return
	}
	if end < off {
		end = off
	}
	sh.errors = append(sh.errors, &diag.Diagnostic{Pos: p.file.Pos(off), End: p.file.Pos(end), Code: code, Msg: msg})
}

func (p *parser) errorAt(pos source.Pos, code diag.Code, msg string) {
	off := p.file.Offset(pos)
	p.report(off, off, code, msg)
}

// errorTok reports an error at the current token.
func (p *parser) errorTok(code diag.Code, msg string) {
	p.report(p.s.Start, p.s.End, code, msg)
}

// errorExpected reports "expected what, found <current token>".
func (p *parser) errorExpected(what string) {
	p.errorTok(diag.ErrUnexpected, "expected "+what+", found "+p.tokDesc())
}

// tokDesc describes the current token for messages.
func (p *parser) tokDesc() string {
	switch p.tok {
	case IDENT, INT, FLOAT:
		t := p.s.Text()
		if len(t) > 24 {
			return "'" + string(t[:20]) + "...'"
		}
		return "'" + string(t) + "'"
	case STRING:
		return "string literal"
	case EOF:
		return "end of file"
	}
	return "'" + p.tok.String() + "'"
}

func (p *parser) next() {
	p.s.Next()
	p.tok = p.s.Tok
}

// pos returns the position of the current token.
func (p *parser) pos() source.Pos { return p.file.Pos(p.s.Start) }

// newline reports whether a significant line break precedes the current token.
func (p *parser) newline() bool { return p.s.NL && p.nlSig }

// expect consumes tok or reports an error; it returns the token's position.
func (p *parser) expect(tok Token, what string) source.Pos {
	pos := p.pos()
	if p.tok != tok {
		if what == "" {
			what = "'" + tok.String() + "'"
		}
		p.errorExpected(what)
		return pos
	}
	p.next()
	return pos
}

// got consumes tok if it is the current token.
func (p *parser) got(tok Token) bool {
	if p.tok == tok {
		p.next()
		return true
	}
	return false
}

// peek returns the token after the current one without consuming anything.
func (p *parser) peek() Token {
	save := p.s
	p.s.Quiet = true
	p.s.Next()
	t := p.s.Tok
	p.s = save
	return t
}

// name returns the current token's text (a substring of the source, so no
// allocation).
func (p *parser) name() string {
	return p.sh.str[p.s.Start:p.s.End]
}

// isWord reports whether the current token is the identifier word.
func (p *parser) isWord(word string) bool {
	return p.tok == IDENT && string(p.s.src[p.s.Start:p.s.End]) == word
}

// parseIdent parses an identifier; on error it returns an Ident named "_"
// at the current position without consuming.
func (p *parser) parseIdent() *Ident {
	pos := p.pos()
	if p.tok == IDENT {
		id := p.sh.idents.new()
		id.NamePos, id.Name = pos, p.name()
		p.next()
		return id
	}
	p.errorExpected("name")
	return &Ident{NamePos: pos, Name: "_"}
}

// parseLabelIdent parses a member name, argument label or parameter name:
// an identifier or any keyword.
func (p *parser) parseLabelIdent() *Ident {
	if p.tok.IsKeyword() {
		id := &Ident{NamePos: p.pos(), Name: p.tok.String()}
		p.next()
		return id
	}
	return p.parseIdent()
}

// enter increments the nesting depth; it reports false (after reporting the
// error once per file) when the limit is exceeded.
func (p *parser) enter() bool {
	p.depth++
	if p.depth > MaxDepth {
		if !p.sh.depthErr {
			p.sh.depthErr = true
			p.errorTok(diag.ErrNestingTooDeep, "nesting too deep: more than "+itoa(MaxDepth)+" levels of brackets, blocks or operators")
		}
		return false
	}
	return true
}

func (p *parser) leave() { p.depth-- }

// skipNested skips tokens up to (not including) the closer of the group the
// parser is in, without recursion. It is the recovery for too-deep nesting.
func (p *parser) skipNested() {
	depth := 0
	for p.tok != EOF {
		switch p.tok {
		case LPAREN, LBRACK, LBRACE:
			depth++
		case RPAREN, RBRACK, RBRACE:
			if depth == 0 {
				return
			}
			depth--
		}
		p.next()
	}
}

// endOfStmt reports whether the current token ends a statement.
func (p *parser) endOfStmt() bool {
	return p.tok == EOF || p.tok == RBRACE || p.tok == SEMICOLON || p.newline()
}

// expectStmtEnd reports two statements (or members, or declarations) on one line.
func (p *parser) expectStmtEnd() {
	if p.endOfStmt() {
		return
	}
	p.errorTok(diag.ErrMissingSeparator, "consecutive statements on a line must be separated by ';' (found "+p.tokDesc()+")")
	p.skipLine()
}

// skipLine skips to the end of the current statement: a significant line
// break, ';' or '}' outside any brackets opened while skipping.
func (p *parser) skipLine() {
	depth := 0
	start := p.s.Start
	for p.tok != EOF {
		if depth == 0 && (p.tok == SEMICOLON || p.tok == RBRACE || p.s.NL && p.s.Start != start) {
			return
		}
		switch p.tok {
		case LPAREN, LBRACK, LBRACE:
			depth++
		case RPAREN, RBRACK, RBRACE:
			if depth > 0 {
				depth-- // (a stray ')' or ']' at depth 0 is skipped)
			}
		}
		p.next()
	}
}

// skipTo skips to the next token, at the start of a line and outside
// brackets opened while skipping, for which stop reports true, or to an
// unmatched '}'. It always consumes at least one token.
func (p *parser) skipTo(stop func() bool) {
	depth := 0
	first := true
	for p.tok != EOF {
		if !first && depth == 0 && (p.tok == RBRACE || p.s.NL && stop()) {
			return
		}
		first = false
		switch p.tok {
		case LPAREN, LBRACK, LBRACE:
			depth++
		case RPAREN, RBRACK, RBRACE:
			if depth > 0 {
				depth--
			}
		}
		p.next()
	}
}

// ---------------------------------------------------------------------------
// Files and declarations

func (p *parser) parseFile() *File {
	f := &File{Source: p.file}
	for p.tok != EOF {
		start := p.s.Start
		if p.got(SEMICOLON) {
			continue
		}
		d := p.parseDecl()
		if d != nil {
			f.Decls = append(f.Decls, d)
		}
		if p.tok == SEMICOLON {
			p.next()
		} else if p.tok != EOF && !p.s.NL {
			p.errorTok(diag.ErrMissingSeparator, "consecutive declarations on a line must be separated by ';' (found "+p.tokDesc()+")")
		}
		if p.s.Start == start && p.tok != EOF {
			p.next()
		}
	}
	f.EOF = p.file.Pos(len(p.src))
	f.Comments = p.s.Comments
	return f
}

func isDeclStart(p *parser) bool {
	switch p.tok {
	case VIEW, STRUCT, ENUM, FUNC, ATOM:
		return true
	case IDENT:
		return p.isWord("app")
	}
	return false
}

func (p *parser) parseDecl() Decl {
	switch p.tok {
	case VIEW:
		return p.parseViewDecl()
	case STRUCT:
		return p.parseStructDecl()
	case ENUM:
		return p.parseEnumDecl()
	case FUNC:
		return p.parseFuncDecl(source.NoPos)
	case ATOM:
		return p.parseAtomDecl()
	case IDENT:
		if p.isWord("app") && p.peek() == IDENT {
			return p.parseAppDecl()
		}
		if p.isWord("mutating") && p.peek() == FUNC {
			pos := p.pos()
			p.next()
			return p.parseFuncDecl(pos)
		}
	}
	from := p.pos()
	p.errorTok(diag.ErrExpectedDecl, "expected declaration (view, struct, enum, func, atom or app), found "+p.tokDesc())
	p.skipTo(func() bool { return isDeclStart(p) })
	if p.tok == RBRACE && !isDeclStart(p) {
		p.next() // a stray '}' at the top level
	}
	return &BadDecl{From: from, To: p.pos()}
}

func (p *parser) parseViewDecl() *ViewDecl {
	d := &ViewDecl{View: p.pos()}
	p.next()
	d.Name = p.parseIdent()
	d.Members, d.Rbrace = p.parseMembers("view")
	return d
}

func (p *parser) parseStructDecl() *StructDecl {
	d := &StructDecl{Struct: p.pos()}
	p.next()
	d.Name = p.parseIdent()
	d.Members, d.Rbrace = p.parseMembers("struct")
	return d
}

func isMemberStart(p *parser) bool {
	switch p.tok {
	case LET, VAR, ATOM, FUNC, CASE:
		return true
	case IDENT:
		return p.isWord("render") || p.isWord("onMount") || p.isWord("onUnmount") || p.isWord("mutating") || p.isWord("route")
	}
	return false
}

// parseMembers parses { members } of a view or struct.
func (p *parser) parseMembers(kind string) ([]Member, source.Pos) {
	if p.tok != LBRACE {
		p.errorExpected("'{' to start the " + kind + " body")
		return nil, p.pos()
	}
	if !p.enter() {
		p.next()
		p.skipNested()
		p.leave()
		return nil, p.closeBrace()
	}
	p.next()
	var members []Member
	for p.tok != RBRACE && p.tok != EOF {
		if p.tok == VIEW || p.tok == STRUCT || p.tok == ENUM || p.isWord("app") && p.peek() == IDENT {
			break // a missing '}': see parseStmtList
		}
		start := p.s.Start
		if p.got(SEMICOLON) {
			continue
		}
		m := p.parseMember(kind)
		members = append(members, m)
		if _, bad := m.(*BadMember); !bad {
			p.expectStmtEnd()
		}
		if p.s.Start == start {
			p.next()
		}
	}
	p.leave()
	return members, p.closeBrace()
}

// closeBrace expects '}' and returns its position.
func (p *parser) closeBrace() source.Pos {
	pos := p.pos()
	if p.tok != RBRACE {
		p.errorExpected("'}'")
		return pos
	}
	p.next()
	return pos
}

func (p *parser) parseMember(kind string) Member {
	switch p.tok {
	case LET, VAR:
		return p.parsePropDecl()
	case ATOM:
		return p.parseAtomDecl()
	case FUNC:
		return p.parseFuncDecl(source.NoPos)
	case IDENT:
		switch {
		case p.isWord("mutating") && p.peek() == FUNC:
			pos := p.pos()
			p.next()
			return p.parseFuncDecl(pos)
		case p.isWord("render") && p.peek() == LBRACE:
			d := &RenderDecl{Render: p.pos()}
			p.next()
			d.Body = p.parseBlock()
			return d
		case (p.isWord("onMount") || p.isWord("onUnmount")) && p.peek() == LBRACE:
			d := &LifecycleDecl{KeywordPos: p.pos(), Unmount: p.isWord("onUnmount")}
			p.next()
			d.Body = p.parseBlock()
			return d
		}
	}
	from := p.pos()
	what := "let, var, atom, func, render, onMount or onUnmount"
	if kind == "struct" {
		what = "let, var or func"
	}
	p.errorTok(diag.ErrExpectedMember, "expected "+kind+" member ("+what+"), found "+p.tokDesc())
	p.skipTo(func() bool { return isMemberStart(p) })
	return &BadMember{From: from, To: p.pos()}
}

func (p *parser) parsePropDecl() *PropDecl {
	d := &PropDecl{Keyword: p.pos(), Var: p.tok == VAR}
	p.next()
	d.Name = p.parseIdent()
	if p.got(COLON) {
		d.Type = p.parseType()
	}
	if p.got(ASSIGN) {
		d.Default = p.parseExpr()
	} else if d.Type == nil {
		p.errorExpected("':' and a type, or '=' and a value")
	}
	return d
}

func (p *parser) parseAtomDecl() *AtomDecl {
	d := &AtomDecl{Atom: p.pos()}
	p.next()
	if p.isWord("computed") && p.peek() == IDENT {
		d.Computed = true
		p.next()
	}
	d.Name = p.parseIdent()
	if p.got(COLON) {
		d.Type = p.parseType()
	}
	if d.Computed {
		if p.tok == LBRACE && !p.newline() {
			d.Body = p.parseBlock()
		} else {
			p.errorExpected("'{' to start the computed body")
			d.Body = &BlockStmt{Lbrace: p.pos(), Rbrace: p.pos()}
		}
		return d
	}
	if p.got(ASSIGN) {
		d.Value = p.parseExpr()
	} else if d.Type == nil {
		p.errorExpected("':' and a type, or '=' and an initial value")
	}
	return d
}

func (p *parser) parseFuncDecl(mutating source.Pos) *FuncDecl {
	d := &FuncDecl{Func: p.pos(), Mutating: mutating}
	p.next()
	d.Name = p.parseIdent()
	d.Lparen = p.pos()
	if p.tok == LPAREN {
		d.Params, d.Rparen = p.parseParams()
	} else {
		p.errorExpected("'(' to start the parameter list")
		d.Rparen = p.pos()
	}
	if p.got(ARROW) {
		d.Result = p.parseType()
	}
	if p.tok == LBRACE {
		d.Body = p.parseBlock()
	} else {
		p.errorExpected("'{' to start the function body")
		d.Body = &BlockStmt{Lbrace: p.pos(), Rbrace: p.pos()}
	}
	return d
}

// parseParams parses a function's (label name: Type = default, ...).
func (p *parser) parseParams() ([]*Param, source.Pos) {
	oldNL := p.nlSig
	p.nlSig = false
	p.next() // (
	var params []*Param
	for p.tok != RPAREN && p.tok != EOF {
		start := p.s.Start
		if p.tok != IDENT && !p.tok.IsKeyword() {
			p.errorExpected("parameter name")
			break
		}
		par := &Param{}
		first := p.parseLabelIdent()
		if p.tok == IDENT || p.tok.IsKeyword() {
			par.Label = first
			par.Name = p.parseLabelIdent()
		} else {
			par.Name = first
		}
		if p.got(COLON) {
			par.Type = p.parseType()
		} else {
			p.errorExpected("':' and the parameter type")
		}
		if p.got(ASSIGN) {
			par.Default = p.parseExpr()
		}
		params = append(params, par)
		if !p.got(COMMA) {
			break
		}
		if p.s.Start == start {
			break
		}
	}
	rparen := p.pos()
	if p.tok == RPAREN {
		p.next()
	} else {
		p.errorExpected("',' or ')' in parameter list")
		p.skipNested()
		rparen = p.pos()
		p.got(RPAREN)
	}
	p.nlSig = oldNL
	return params, rparen
}

func (p *parser) parseEnumDecl() *EnumDecl {
	d := &EnumDecl{Enum: p.pos()}
	p.next()
	d.Name = p.parseIdent()
	if p.got(COLON) {
		d.RawType = p.parseType()
	}
	if p.tok != LBRACE {
		p.errorExpected("'{' to start the enum body")
		d.Rbrace = p.pos()
		return d
	}
	if !p.enter() {
		p.next()
		p.skipNested()
		p.leave()
		d.Rbrace = p.closeBrace()
		return d
	}
	p.next()
	for p.tok != RBRACE && p.tok != EOF {
		start := p.s.Start
		if p.got(SEMICOLON) {
			continue
		}
		switch {
		case p.tok == CASE:
			casePos := p.pos()
			p.next()
			for {
				c := &EnumCase{Case: casePos, Name: p.parseIdent()}
				if p.got(ASSIGN) {
					c.Value = p.parseExpr()
				}
				d.Cases = append(d.Cases, c)
				if p.tok != COMMA {
					break
				}
				p.next()
			}
			p.expectStmtEnd()
		case p.tok == FUNC:
			d.Methods = append(d.Methods, p.parseFuncDecl(source.NoPos))
			p.expectStmtEnd()
		case p.isWord("mutating") && p.peek() == FUNC:
			pos := p.pos()
			p.next()
			d.Methods = append(d.Methods, p.parseFuncDecl(pos))
			p.expectStmtEnd()
		default:
			p.errorTok(diag.ErrExpectedMember, "expected enum member (case or func), found "+p.tokDesc())
			p.skipTo(func() bool { return isMemberStart(p) })
		}
		if p.s.Start == start {
			p.next()
		}
	}
	p.leave()
	d.Rbrace = p.closeBrace()
	return d
}

func (p *parser) parseAppDecl() *AppDecl {
	d := &AppDecl{App: p.pos()}
	p.next()
	d.Name = p.parseIdent()
	if p.tok != LBRACE {
		p.errorExpected("'{' to start the app body")
		d.Rbrace = p.pos()
		return d
	}
	p.next()
	for p.tok != RBRACE && p.tok != EOF {
		start := p.s.Start
		if p.got(SEMICOLON) {
			continue
		}
		var m AppMember
		switch {
		case p.isWord("route") && p.peek() != COLON:
			r := &RouteDecl{Route: p.pos()}
			p.next()
			r.Path = p.parseRoutePath()
			p.expect(FAT_ARROW, "'=>' after the route path")
			r.Target = p.parseExpr()
			m = r
		case p.tok == IDENT:
			f := &AppField{Name: p.parseIdent()}
			p.expect(COLON, "':' after the app field name")
			f.Value = p.parseExpr()
			m = f
		default:
			from := p.pos()
			p.errorTok(diag.ErrExpectedMember, "expected app member (name: value or route \"/path\" => View), found "+p.tokDesc())
			p.skipTo(func() bool { return p.tok == IDENT })
			m = &BadMember{From: from, To: p.pos()}
		}
		d.Members = append(d.Members, m)
		if _, bad := m.(*BadMember); !bad {
			p.expectStmtEnd()
		}
		if p.s.Start == start {
			p.next()
		}
	}
	d.Rbrace = p.closeBrace()
	return d
}

func (p *parser) parseRoutePath() *BasicLit {
	pos := p.pos()
	if p.tok != STRING {
		p.errorExpected("route path string")
		return &BasicLit{ValuePos: pos, Kind: StringLit, Raw: "", Value: ""}
	}
	if p.s.Interp {
		p.errorTok(diag.ErrInvalidRoutePath, "route path must be a plain string literal without interpolation")
	}
	x := p.parseString()
	p.next()
	if lit, ok := x.(*BasicLit); ok {
		return lit
	}
	raw := string(p.src[p.file.Offset(x.Pos()):p.file.Offset(x.End())])
	return &BasicLit{ValuePos: pos, Kind: StringLit, Raw: raw, Value: ""}
}
