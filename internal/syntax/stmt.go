package syntax

import (
	"github.com/jepsh/jepsh/internal/diag"
)

// parseBlock parses { stmts }. The current token must be '{'.
func (p *parser) parseBlock() *BlockStmt {
	b := p.sh.blocks.new()
	b.Lbrace = p.pos()
	if p.tok != LBRACE {
		p.errorExpected("'{'")
		b.Rbrace = p.pos()
		return b
	}
	oldNL, oldNT := p.nlSig, p.noTrailing
	p.nlSig, p.noTrailing = true, false
	if !p.enter() {
		p.next()
		p.skipNested()
	} else {
		p.next()
		b.Stmts = p.parseStmtList()
	}
	p.leave()
	p.nlSig, p.noTrailing = oldNL, oldNT
	b.Rbrace = p.closeBrace()
	return b
}

// parseStmtList parses statements up to '}' or EOF.
func (p *parser) parseStmtList() []Stmt {
	var list []Stmt
	for p.tok != RBRACE && p.tok != EOF {
		if p.tok == VIEW || p.tok == STRUCT || p.tok == ENUM || p.tok == FUNC {
			// A declaration cannot start a statement: a '}' is missing.
			// The enclosing blocks report it (once: same line) and the
			// declaration is parsed at its level.
			break
		}
		start := p.s.Start
		if p.got(SEMICOLON) {
			continue
		}
		s := p.parseStmt()
		list = append(list, s)
		if _, bad := s.(*BadStmt); !bad {
			p.expectStmtEnd()
		}
		if p.s.Start == start {
			p.next()
		}
	}
	return list
}

func (p *parser) parseStmt() Stmt {
	switch p.tok {
	case LET, VAR:
		s := &DeclStmt{Keyword: p.pos(), Var: p.tok == VAR}
		p.next()
		s.Name = p.parseIdent()
		if p.got(COLON) {
			s.Type = p.parseType()
		}
		if p.got(ASSIGN) {
			s.Value = p.parseExpr()
		} else if s.Type == nil {
			p.errorExpected("':' and a type, or '=' and a value")
		}
		return s
	case IF:
		return p.parseIf()
	case FOR:
		s := &ForStmt{For: p.pos()}
		p.next()
		s.Var = p.parseIdent()
		p.expect(IN, "'in'")
		s.Seq = p.parseHeaderExpr()
		s.Body = p.parseBody("for")
		return s
	case WHILE:
		s := &WhileStmt{While: p.pos()}
		p.next()
		s.Cond = p.parseHeaderExpr()
		s.Body = p.parseBody("while")
		return s
	case RETURN:
		s := &ReturnStmt{Return: p.pos()}
		p.next()
		if !p.endOfStmt() {
			s.Value = p.parseExpr()
		}
		return s
	case BREAK, CONTINUE:
		s := &BranchStmt{TokPos: p.pos(), Tok: p.tok}
		p.next()
		return s
	case RBRACE, RPAREN, RBRACK, COMMA, COLON, ELSE, IN, CASE, FAT_ARROW, ARROW, EOF:
		from := p.pos()
		p.errorExpected("statement")
		p.skipLine()
		if p.s.Start == p.file.Offset(from) && p.tok != RBRACE && p.tok != EOF {
			p.next()
		}
		return &BadStmt{From: from, To: p.pos()}
	}
	x := p.parseExpr()
	if p.tok.IsAssignOp() {
		if !isAssignable(x) {
			p.errorAt(x.Pos(), diag.ErrInvalidAssignTarget, "cannot assign to this expression")
		}
		s := &AssignStmt{Lhs: x, OpPos: p.pos(), Op: p.tok}
		p.next()
		s.Rhs = p.parseExpr()
		return s
	}
	if bad, ok := x.(*BadExpr); ok && bad.From == bad.To {
		// Nothing was consumed: skip the rest of the line.
		p.skipLine()
		return &BadStmt{From: bad.From, To: p.pos()}
	}
	s := p.sh.stmts.new()
	s.X = x
	return s
}

func isAssignable(x Expr) bool {
	switch x := x.(type) {
	case *Ident, *SelectorExpr, *SubscriptExpr, *ForceUnwrapExpr, *BadExpr:
		return true
	case *ParenExpr:
		return isAssignable(x.X)
	}
	return false
}

// parseHeaderExpr parses the condition of if/while or the sequence of for,
// where '{' starts the body and is never a trailing closure.
func (p *parser) parseHeaderExpr() Expr {
	old := p.noTrailing
	p.noTrailing = true
	x := p.parseExpr()
	p.noTrailing = old
	if p.tok == ASSIGN {
		p.errorTok(diag.ErrAssignInExpr, "assignment is a statement, not an expression (use '==' to compare)")
		p.next()
		p.noTrailing = true
		p.parseExpr()
		p.noTrailing = old
	}
	return x
}

// parseBody parses the block of if/for/while. A second block right after
// it on the same line means the header ended with a trailing closure, which
// headers do not allow (as in Swift): that is reported, and the second block
// is the body.
func (p *parser) parseBody(what string) *BlockStmt {
	if p.tok != LBRACE {
		p.errorExpected("'{' to start the " + what + " body")
		pos := p.pos()
		p.skipLine()
		return &BlockStmt{Lbrace: pos, Rbrace: pos}
	}
	b := p.parseBlock()
	if p.tok == LBRACE && !p.newline() && what != "else" {
		p.errorAt(b.Lbrace, diag.ErrTrailingClosureInHeader, "trailing closure not allowed in the "+what+" header: '{' starts the body (wrap the call's closure in parentheses: f({ ... }))")
		b = p.parseBlock()
	}
	return b
}

func (p *parser) parseIf() *IfStmt {
	s := &IfStmt{If: p.pos()}
	p.next()
	if p.tok == LET {
		b := &OptionalBinding{Let: p.pos()}
		p.next()
		b.Name = p.parseIdent()
		if p.got(ASSIGN) {
			b.Value = p.parseHeaderExpr()
		}
		s.Cond = b
	} else {
		s.Cond = p.parseHeaderExpr()
	}
	s.Then = p.parseBody("if")
	if p.tok == ELSE {
		p.next()
		if p.tok == IF {
			if !p.enter() {
				p.skipNested()
				p.leave()
				return s
			}
			s.Else = p.parseIf()
			p.leave()
		} else {
			s.Else = p.parseBody("else")
		}
	}
	return s
}
