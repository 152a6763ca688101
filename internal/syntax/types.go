package syntax

// parseType parses a type: Name, Name<Args>, [T], [K: V], (A, B) -> R, T?.
func (p *parser) parseType() TypeExpr {
	var t TypeExpr
	pos := p.pos()
	switch p.tok {
	case IDENT:
		n := &NamedType{Name: p.parseIdent()}
		if p.tok == LSS && !p.s.Space {
			if !p.enter() {
				p.skipNested()
				p.leave()
				return &BadType{From: pos, To: p.pos()}
			}
			p.next()
			n.Args = []TypeExpr{}
			for {
				n.Args = append(n.Args, p.parseType())
				if !p.got(COMMA) {
					break
				}
			}
			p.leave()
			n.Rangle = p.pos()
			p.expect(GTR, "'>' to close the generic argument list")
		}
		t = n
	case LBRACK:
		if !p.enter() {
			p.next()
			p.skipNested()
			p.leave()
			rb := p.pos()
			p.got(RBRACK)
			return &BadType{From: pos, To: rb}
		}
		oldNL := p.nlSig
		p.nlSig = false
		p.next()
		elem := p.parseType()
		if p.got(COLON) {
			d := &DictType{Lbrack: pos, Key: elem, Value: p.parseType()}
			d.Rbrack = p.closeBrack()
			t = d
		} else {
			a := &ArrayType{Lbrack: pos, Elem: elem}
			a.Rbrack = p.closeBrack()
			t = a
		}
		p.nlSig = oldNL
		p.leave()
	case LPAREN:
		if !p.enter() {
			p.next()
			p.skipNested()
			p.leave()
			p.got(RPAREN)
			return &BadType{From: pos, To: p.pos()}
		}
		oldNL := p.nlSig
		p.nlSig = false
		p.next()
		f := &FuncType{Lparen: pos, Params: []TypeExpr{}}
		for p.tok != RPAREN && p.tok != EOF {
			f.Params = append(f.Params, p.parseType())
			if !p.got(COMMA) {
				break
			}
		}
		rparen := p.expect(RPAREN, "',' or ')' in function type")
		p.nlSig = oldNL
		p.leave()
		if p.tok != ARROW {
			if len(f.Params) == 1 {
				// (T) is T.
				return p.parseOptional(f.Params[0])
			}
			p.errorExpected("'->' after function parameter types (write Void for the empty tuple)")
			return &BadType{From: pos, To: rparen + 1}
		}
		p.next()
		f.Result = p.parseType()
		return f
	default:
		p.errorExpected("type")
		return &BadType{From: pos, To: pos}
	}
	return p.parseOptional(t)
}

// parseOptional parses trailing '?' (and '??' as two) after a type.
func (p *parser) parseOptional(t TypeExpr) TypeExpr {
	for !p.s.Space {
		switch p.tok {
		case QUESTION:
			t = &OptionalType{Elem: t, Question: p.pos()}
			p.next()
			continue
		case NIL_COALESCE:
			q := p.pos()
			t = &OptionalType{Elem: &OptionalType{Elem: t, Question: q}, Question: q + 1}
			p.next()
			continue
		}
		break
	}
	return t
}
