package syntax

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
)

// parseExpr parses an expression (everything but assignment).
func (p *parser) parseExpr() Expr {
	x := p.parseBinary(PrecDisjunction)
	if p.tok != QUESTION {
		return x
	}
	// Ternary: right associative, the lowest precedence.
	t := &TernaryExpr{Cond: x, Question: p.pos()}
	if !p.enter() {
		p.skipNested()
		p.leave()
		t.Then = &BadExpr{From: p.pos(), To: p.pos()}
		t.Else = t.Then
		return t
	}
	p.next()
	t.Then = p.parseExpr()
	p.expect(COLON, "':' in ternary expression")
	t.Else = p.parseExpr()
	p.leave()
	return t
}

// parseBinary parses a binary expression whose operators bind at least as
// tightly as prec (precedence climbing; left-associative loops, ?? folded to
// the right without recursion).
func (p *parser) parseBinary(prec int) Expr {
	x := p.parseUnary()
	for {
		op := p.tok
		oprec := op.Precedence()
		if oprec < prec || oprec == PrecLowest {
			return x
		}
		if op == SUB && p.newline() {
			// "-x" on a new line starts a new statement.
			return x
		}
		switch oprec {
		case PrecNilCoalescing:
			xs := []Expr{x}
			var ops []source.Pos
			for p.tok == NIL_COALESCE {
				ops = append(ops, p.pos())
				p.next()
				xs = append(xs, p.parseBinary(oprec+1))
			}
			y := xs[len(xs)-1]
			for i := len(xs) - 2; i >= 0; i-- {
				y = &BinaryExpr{X: xs[i], OpPos: ops[i], Op: NIL_COALESCE, Y: y}
			}
			x = y
		case PrecComparison, PrecRangeFormation:
			opPos := p.pos()
			p.next()
			y := p.parseBinary(oprec + 1)
			x = p.binary(x, opPos, op, y)
			if p.tok.Precedence() == oprec && !(p.tok == SUB && p.newline()) {
				p.errorTok(diag.ErrNonAssociative, "operator '"+p.tok.String()+"' is non-associative with '"+op.String()+"'; add parentheses")
			}
		default:
			opPos := p.pos()
			p.next()
			y := p.parseBinary(oprec + 1)
			x = p.binary(x, opPos, op, y)
		}
	}
}

func (p *parser) binary(x Expr, opPos source.Pos, op Token, y Expr) *BinaryExpr {
	b := p.sh.binaries.new()
	b.X, b.OpPos, b.Op, b.Y = x, opPos, op, y
	return b
}

func (p *parser) parseUnary() Expr {
	if p.tok == SUB || p.tok == NOT {
		u := &UnaryExpr{OpPos: p.pos(), Op: p.tok}
		if !p.enter() {
			p.skipNested()
			p.leave()
			u.X = &BadExpr{From: p.pos(), To: p.pos()}
			return u
		}
		p.next()
		u.X = p.parseUnary()
		p.leave()
		return u
	}
	return p.parsePostfix(p.parseOperand())
}

func (p *parser) parseOperand() Expr {
	pos := p.pos()
	switch p.tok {
	case IDENT:
		x := p.sh.idents.new()
		x.NamePos, x.Name = pos, p.name()
		p.next()
		return x
	case INT, FLOAT:
		kind := IntLit
		if p.tok == FLOAT {
			kind = FloatLit
		}
		x := p.sh.lits.new()
		x.ValuePos, x.Kind, x.Raw = pos, kind, p.name()
		x.Value = x.Raw
		p.next()
		return x
	case STRING:
		x := p.parseString()
		p.next()
		return x
	case TRUE, FALSE:
		x := &BasicLit{ValuePos: pos, Kind: BoolLit, Raw: p.tok.String()}
		x.Value = x.Raw
		p.next()
		return x
	case NIL:
		x := &BasicLit{ValuePos: pos, Kind: NilLit, Raw: "nil", Value: "nil"}
		p.next()
		return x
	case LPAREN:
		return p.parseParen()
	case LBRACK:
		return p.parseArrayOrDict()
	case LBRACE:
		return p.parseClosure()
	case PERIOD:
		p.next()
		x := p.sh.implicit.new()
		x.Dot, x.Name = pos, p.parseMemberName()
		return x
	case DOLLAR:
		return p.parseBinding()
	case BACKSLASH:
		return p.parseKeyPath()
	}
	p.errorExpected("expression")
	switch p.tok {
	case RPAREN, RBRACK, RBRACE, COMMA, SEMICOLON, COLON, EOF:
		return &BadExpr{From: pos, To: pos}
	}
	if p.newline() {
		return &BadExpr{From: pos, To: pos}
	}
	p.next()
	return &BadExpr{From: pos, To: p.file.Pos(p.s.Start)}
}

// parseMemberName parses the name after '.', '?.' or '\.': an identifier or a keyword.
func (p *parser) parseMemberName() *Ident {
	if p.tok == IDENT || p.tok.IsKeyword() {
		return p.parseLabelIdent()
	}
	p.errorExpected("member name after '.'")
	return &Ident{NamePos: p.pos(), Name: "_"}
}

func (p *parser) parseParen() Expr {
	x := &ParenExpr{Lparen: p.pos()}
	oldNL, oldNT := p.nlSig, p.noTrailing
	p.nlSig, p.noTrailing = false, false
	if !p.enter() {
		p.next()
		p.skipNested()
		x.X = &BadExpr{From: p.pos(), To: p.pos()}
	} else {
		p.next()
		x.X = p.parseExpr()
	}
	p.leave()
	x.Rparen = p.pos()
	if p.tok == RPAREN {
		p.next()
	} else {
		p.errorExpected("')'")
		p.skipNested()
		x.Rparen = p.pos()
		p.got(RPAREN)
	}
	p.nlSig, p.noTrailing = oldNL, oldNT
	return x
}

func (p *parser) parseArrayOrDict() Expr {
	lbrack := p.pos()
	oldNL, oldNT := p.nlSig, p.noTrailing
	p.nlSig, p.noTrailing = false, false
	defer func() { p.nlSig, p.noTrailing = oldNL, oldNT }()
	if !p.enter() {
		p.next()
		p.skipNested()
		p.leave()
		rb := p.pos()
		p.got(RBRACK)
		return &ArrayLit{Lbrack: lbrack, Rbrack: rb}
	}
	defer p.leave()
	p.next()
	if p.tok == COLON {
		// [:]
		p.next()
		return &DictLit{Lbrack: lbrack, Rbrack: p.closeBrack()}
	}
	if p.tok == RBRACK {
		return &ArrayLit{Lbrack: lbrack, Rbrack: p.closeBrack()}
	}
	first := p.parseExpr()
	if p.tok == COLON {
		d := &DictLit{Lbrack: lbrack}
		p.next()
		d.Keys = append(d.Keys, first)
		d.Values = append(d.Values, p.parseExpr())
		for p.got(COMMA) && p.tok != RBRACK && p.tok != EOF {
			d.Keys = append(d.Keys, p.parseExpr())
			p.expect(COLON, "':' in dictionary literal")
			d.Values = append(d.Values, p.parseExpr())
		}
		d.Rbrack = p.closeBrack()
		return d
	}
	a := &ArrayLit{Lbrack: lbrack, Elems: []Expr{first}}
	for p.got(COMMA) && p.tok != RBRACK && p.tok != EOF {
		a.Elems = append(a.Elems, p.parseExpr())
	}
	a.Rbrack = p.closeBrack()
	return a
}

// closeBrack expects ']' (skipping junk before it) and returns its position.
func (p *parser) closeBrack() source.Pos {
	if p.tok != RBRACK {
		p.errorExpected("',' or ']'")
		p.skipNested()
	}
	pos := p.pos()
	p.got(RBRACK)
	return pos
}

func (p *parser) parseBinding() Expr {
	b := &BindingExpr{Dollar: p.pos()}
	p.next()
	if p.tok != IDENT || p.s.Space {
		p.errorExpected("name after '$'")
		b.X = &BadExpr{From: p.pos(), To: p.pos()}
		return b
	}
	var x Expr = p.parseIdent()
	for {
		switch {
		case p.tok == PERIOD:
			p.next()
			x = &SelectorExpr{X: x, Sel: p.parseMemberName()}
			continue
		case p.tok == LBRACK && !p.newline():
			// $items[i].done: a binding to an element (or a field of one)
			x = p.parseSubscript(x)
			continue
		}
		break
	}
	b.X = x
	return b
}

func (p *parser) parseKeyPath() Expr {
	k := &KeyPathExpr{Backslash: p.pos()}
	p.next()
	if p.tok == IDENT && !p.s.Space {
		k.Root = p.parseIdent()
	}
	for p.tok == PERIOD {
		p.next()
		k.Path = append(k.Path, p.parseMemberName())
	}
	if k.Root == nil && len(k.Path) == 0 {
		p.errorExpected("key path like \\.name")
	}
	return k
}

// parsePostfix parses member access, calls, subscripts, force unwraps and
// trailing closures after x.
func (p *parser) parsePostfix(x Expr) Expr {
	for {
		switch p.tok {
		case PERIOD, OPT_DOT:
			opt := p.tok == OPT_DOT
			p.next()
			sel := p.sh.sels.new()
			sel.X, sel.Optional, sel.Sel = x, opt, p.parseMemberName()
			x = sel
		case LPAREN:
			if p.newline() {
				return x
			}
			x = p.parseCall(x)
		case LBRACK:
			if p.newline() {
				return x
			}
			x = p.parseSubscript(x)
		case NOT:
			if p.newline() || p.s.Space {
				return x
			}
			x = &ForceUnwrapExpr{X: x, Bang: p.pos()}
			p.next()
		case LBRACE:
			if p.newline() || p.noTrailing || !acceptsTrailing(x) {
				return x
			}
			call, ok := x.(*CallExpr)
			if !ok {
				call = &CallExpr{Fun: x}
			}
			p.parseTrailing(call)
			x = call
		default:
			return x
		}
	}
}

// acceptsTrailing reports whether a trailing closure may follow x.
func acceptsTrailing(x Expr) bool {
	switch x := x.(type) {
	case *Ident, *SelectorExpr, *ImplicitMemberExpr:
		return true
	case *CallExpr:
		return len(x.Trailing) == 0
	}
	return false
}

func (p *parser) parseCall(fun Expr) *CallExpr {
	c := p.sh.calls.new()
	c.Fun, c.Lparen = fun, p.pos()
	oldNL, oldNT := p.nlSig, p.noTrailing
	p.nlSig, p.noTrailing = false, false
	if !p.enter() {
		p.next()
		p.skipNested()
	} else {
		p.next()
		for p.tok != RPAREN && p.tok != EOF {
			start := p.s.Start
			c.Args = append(c.Args, p.parseArg())
			if !p.got(COMMA) || p.s.Start == start {
				break
			}
		}
	}
	p.leave()
	c.Rparen = p.pos()
	if p.tok == RPAREN {
		p.next()
	} else {
		p.errorExpected("',' or ')' in argument list")
		p.skipNested()
		c.Rparen = p.pos()
		p.got(RPAREN)
	}
	p.nlSig, p.noTrailing = oldNL, oldNT
	return c
}

// parseArg parses [label:] value. A label is an identifier or keyword
// followed by ':'.
func (p *parser) parseArg() *Arg {
	a := p.sh.args.new()
	if (p.tok == IDENT || p.tok.IsKeyword()) && p.peek() == COLON {
		a.Label = p.parseLabelIdent()
		p.next() // :
	}
	a.Value = p.parseExpr()
	return a
}

func (p *parser) parseSubscript(x Expr) *SubscriptExpr {
	s := &SubscriptExpr{X: x, Lbrack: p.pos()}
	oldNL, oldNT := p.nlSig, p.noTrailing
	p.nlSig, p.noTrailing = false, false
	if !p.enter() {
		p.next()
		p.skipNested()
		s.Index = &BadExpr{From: p.pos(), To: p.pos()}
	} else {
		p.next()
		s.Index = p.parseExpr()
	}
	p.leave()
	s.Rbrack = p.pos()
	if p.tok == RBRACK {
		p.next()
	} else {
		p.errorExpected("']'")
		p.skipNested()
		s.Rbrack = p.pos()
		p.got(RBRACK)
	}
	p.nlSig, p.noTrailing = oldNL, oldNT
	return s
}

// parseTrailing parses the trailing closure at '{' and any labeled trailing
// closures that follow on the same line: Button { } label: { }.
func (p *parser) parseTrailing(c *CallExpr) {
	c.Trailing = append(c.Trailing, &Arg{Value: p.parseClosure()})
	for (p.tok == IDENT || p.tok.IsKeyword()) && !p.newline() && p.peekLabeledClosure() {
		a := &Arg{Label: p.parseLabelIdent()}
		p.next() // :
		a.Value = p.parseClosure()
		c.Trailing = append(c.Trailing, a)
	}
}

// peekLabeledClosure reports whether the tokens after the current one are ": {".
func (p *parser) peekLabeledClosure() bool {
	save := p.s
	p.s.Quiet = true
	p.s.Next()
	ok := p.s.Tok == COLON
	if ok {
		p.s.Next()
		ok = p.s.Tok == LBRACE
	}
	p.s = save
	return ok
}

// parseClosure parses { [params in] stmts }.
func (p *parser) parseClosure() Expr {
	c := p.sh.closures.new()
	c.Lbrace = p.pos()
	oldNL, oldNT := p.nlSig, p.noTrailing
	p.nlSig, p.noTrailing = true, false
	body := p.sh.blocks.new()
	body.Lbrace = c.Lbrace
	c.Body = body
	if !p.enter() {
		p.next()
		p.skipNested()
	} else {
		p.next()
		if p.hasClosureParams() {
			p.parseClosureParams(c)
		}
		body.Stmts = p.parseStmtList()
	}
	p.leave()
	p.nlSig, p.noTrailing = oldNL, oldNT
	body.Rbrace = p.closeBrace()
	return c
}

// hasClosureParams looks ahead for "a, b in" or "(...) [-> T] in".
func (p *parser) hasClosureParams() bool {
	save := p.s
	p.s.Quiet = true
	defer func() { p.s = save }()
	switch p.s.Tok {
	case IDENT:
		for {
			p.s.Next()
			switch p.s.Tok {
			case IN:
				return true
			case COMMA:
				p.s.Next()
				if p.s.Tok != IDENT {
					return false
				}
			default:
				return false
			}
		}
	case LPAREN:
		depth := 0
		for n := 0; n < 10000; n++ {
			switch p.s.Tok {
			case LPAREN, LBRACK:
				depth++
			case RPAREN, RBRACK:
				depth--
			case EOF, LBRACE, RBRACE:
				return false
			}
			p.s.Next()
			if depth == 0 {
				return p.s.Tok == IN || p.s.Tok == ARROW
			}
		}
	}
	return false
}

func (p *parser) parseClosureParams(c *ClosureExpr) {
	if p.tok == LPAREN {
		c.Parens = true
		p.nlSig = false
		p.next()
		for p.tok == IDENT {
			start := p.s.Start
			par := &Param{Name: p.parseIdent()}
			if p.got(COLON) {
				par.Type = p.parseType()
			}
			c.Params = append(c.Params, par)
			if !p.got(COMMA) || p.s.Start == start {
				break
			}
		}
		if p.tok != RPAREN {
			p.errorTok(diag.ErrInvalidClosureParams, "expected closure parameter 'name' or 'name: Type', found "+p.tokDesc())
			p.skipNested()
		}
		p.got(RPAREN)
		p.nlSig = true
		if p.got(ARROW) {
			c.Result = p.parseType()
		}
	} else {
		for {
			c.Params = append(c.Params, &Param{Name: p.parseIdent()})
			if !p.got(COMMA) {
				break
			}
		}
	}
	c.In = p.pos()
	p.expect(IN, "'in' after closure parameters")
	if c.Params == nil {
		c.Params = []*Param{}
	}
}

// ---------------------------------------------------------------------------
// Strings

// parseString builds the node for the current STRING token (without
// consuming it): a *BasicLit, or a *StringExpr when it has interpolations.
func (p *parser) parseString() Expr {
	start, end := p.s.Start, p.s.End
	pos := p.file.Pos(start)
	closed := !p.s.Open
	raw := p.sh.str[start:end]
	bodyEnd := end
	if closed {
		bodyEnd = end - 1
	}
	if !p.s.Escape {
		x := p.sh.lits.new()
		x.ValuePos, x.Kind, x.Raw, x.Value = pos, StringLit, raw, raw[1:bodyEnd-start]
		return x
	}
	if !p.s.Interp {
		return &BasicLit{ValuePos: pos, Kind: StringLit, Raw: raw, Value: p.unescape(start+1, bodyEnd)}
	}
	x := &StringExpr{Quote: pos, Close: p.file.Pos(end - 1)}
	seg := start + 1
	i := seg
	for i < bodyEnd {
		c := p.src[i]
		if c != '\\' {
			i++
			continue
		}
		if i+1 < bodyEnd && p.src[i+1] == '(' {
			if i > seg {
				x.Parts = append(x.Parts, p.stringPart(seg, i))
			}
			close := interpEnd(p.src, i+2, bodyEnd)
			if close < 0 {
				close = bodyEnd
			}
			x.Parts = append(x.Parts, p.parseInterpolation(i+2, close))
			i = close + 1
			seg = i
			continue
		}
		i += 2
	}
	if bodyEnd > seg {
		x.Parts = append(x.Parts, p.stringPart(seg, bodyEnd))
	}
	return x
}

func (p *parser) stringPart(from, to int) *BasicLit {
	raw := p.sh.str[from:to]
	return &BasicLit{ValuePos: p.file.Pos(from), Kind: StringLit, Raw: raw, Value: p.unescape(from, to)}
}

// parseInterpolation parses the expression in src[from:to]: the parser's
// scanner is pointed at that range and restored afterwards, so diagnostics,
// depth and comments are shared with the enclosing file.
func (p *parser) parseInterpolation(from, to int) Expr {
	if !p.enter() {
		p.leave()
		return &BadExpr{From: p.file.Pos(from), To: p.file.Pos(to)}
	}
	defer p.leave()
	saved, savedTok, savedNL, savedNT := p.s, p.tok, p.nlSig, p.noTrailing
	p.s.Init(p.src, p.file.Base(), from, to, saved.errh)
	p.s.str = p.sh.str
	p.s.started = true
	p.nlSig, p.noTrailing = false, false
	p.next()
	var x Expr
	if p.tok == EOF {
		p.report(from-2, to+1, diag.ErrEmptyInterpolation, "empty string interpolation")
		x = &BadExpr{From: p.file.Pos(from), To: p.file.Pos(to)}
	} else {
		x = p.parseExpr()
		if p.tok != EOF {
			p.errorExpected("')' to end the interpolation")
		}
	}
	inner := p.s.Comments
	p.s, p.tok, p.nlSig, p.noTrailing = saved, savedTok, savedNL, savedNT
	if len(inner) > 0 {
		p.s.Comments = append(p.s.Comments, inner...)
	}
	return x
}

// unescape decodes the string text src[from:to] (no interpolations),
// reporting invalid escapes.
func (p *parser) unescape(from, to int) string {
	b := p.src[from:to]
	if bytes.IndexByte(b, '\\') < 0 {
		return p.sh.str[from:to]
	}
	var sb strings.Builder
	sb.Grow(len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c != '\\' {
			sb.WriteByte(c)
			i++
			continue
		}
		if i+1 >= len(b) {
			p.report(from+i, from+i+1, diag.ErrInvalidEscape, "invalid escape sequence at end of string")
			break
		}
		e := b[i+1]
		switch e {
		case 'n':
			sb.WriteByte('\n')
		case 't':
			sb.WriteByte('\t')
		case 'r':
			sb.WriteByte('\r')
		case '0':
			sb.WriteByte(0)
		case '\\', '"', '\'':
			sb.WriteByte(e)
		case 'u':
			j := i + 2
			if j >= len(b) || b[j] != '{' {
				p.report(from+i, from+i+2, diag.ErrInvalidEscape, "invalid unicode escape: expected \\u{hex digits}")
				i += 2
				continue
			}
			k := j + 1
			for k < len(b) && k-j <= 9 && isDigit(b[k], 16) {
				k++
			}
			if k >= len(b) || b[k] != '}' || k == j+1 || k-j-1 > 8 {
				p.report(from+i, from+k, diag.ErrInvalidEscape, "invalid unicode escape: expected 1 to 8 hex digits in \\u{...}")
				i = k
				continue
			}
			v, _ := strconv.ParseUint(string(b[j+1:k]), 16, 32)
			if v > utf8.MaxRune || v >= 0xD800 && v < 0xE000 {
				p.report(from+i, from+k+1, diag.ErrInvalidEscape, "invalid unicode scalar value in \\u{...}")
			} else {
				sb.WriteRune(rune(v))
			}
			i = k + 1
			continue
		default:
			n := 1
			if e >= utf8.RuneSelf {
				_, n = utf8.DecodeRune(b[i+1:])
			}
			p.report(from+i, from+i+1+n, diag.ErrInvalidEscape, "invalid escape sequence '\\"+string(b[i+1:i+1+n])+"'")
			i += 1 + n
			continue
		}
		i += 2
	}
	return sb.String()
}
