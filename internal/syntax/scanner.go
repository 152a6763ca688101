package syntax

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/source"
)

// A Scanner splits JXL source into tokens.
//
// Line breaks are not tokens: the scanner sets NL on the first token after a
// line break (a block comment spanning lines counts as one) and the parser
// decides, following Swift, whether the break ends a statement. The scanner
// never allocates per token: a token is its kind and its byte range; the
// parser slices the source when it needs the text.
//
// A string literal is one STRING token covering the quotes and any
// interpolations "a \(b + "c") d"; Interp says whether it has any, and the
// parser scans the interpolated expressions with a sub-scanner limited to
// their range.
//
// A Scanner is a plain value: copying it saves its state (the parser uses
// that for bounded lookahead with Quiet set).
type Scanner struct {
	src   []byte
	base  int // Pos of src[0]
	off   int // next byte to read
	limit int // scanning stops here (len(src), or the end of an interpolation)

	// The current token, set by Next.
	Tok    Token
	Start  int  // offset of the token's first byte
	End    int  // offset after its last byte
	NL     bool // a line break precedes the token (always true for the first token of a file)
	Space  bool // whitespace or a comment precedes the token
	Interp bool // STRING: contains \( ... ) interpolations
	Escape bool // STRING: contains \ escapes (including interpolations)
	Open   bool // STRING: not terminated (the error was reported)

	started   bool
	errOnLine bool // an error was reported since the last line break

	// Quiet suppresses error reports and comment collection (lookahead).
	Quiet bool

	// Comments collects the comments scanned so far, in source order.
	Comments []*Comment

	errh func(off int, code diag.Code, msg string)
	str  string // optional: src as a string, for allocation-free comment texts
}

// Init prepares s to scan src[from:to] of a file whose first byte is at base.
// errh receives errors (it may be nil).
func (s *Scanner) Init(src []byte, base source.Pos, from, to int, errh func(off int, code diag.Code, msg string)) {
	*s = Scanner{src: src, base: int(base), off: from, limit: to, errh: errh}
	if from == 0 && to >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		s.off = 3 // byte order mark
	}
}

// Pos returns the source position of offset off.
func (s *Scanner) Pos(off int) source.Pos { return source.Pos(s.base + off) }

// Text returns the bytes of the current token.
func (s *Scanner) Text() []byte { return s.src[s.Start:s.End] }

func (s *Scanner) error(off int, code diag.Code, msg string) {
	if s.Quiet || s.errh == nil || s.errOnLine {
		return // a second error on a line would be dropped anyway
	}
	s.errOnLine = true
	s.errh(off, code, msg)
}

// Next scans the next token.
func (s *Scanner) Next() {
	nl := !s.started // the first token starts a line
	s.started = true
	space := false
	s.Interp, s.Escape, s.Open = false, false, false
redo:
	// Skip whitespace.
	for s.off < s.limit {
		c := s.src[s.off]
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			s.off++
			space = true
			continue
		}
		if c == '\n' {
			s.off++
			nl = true
			space = true
			s.errOnLine = false
			continue
		}
		break
	}
	s.NL, s.Space = nl, space
	s.Start = s.off
	if s.off >= s.limit {
		s.Tok = EOF
		s.End = s.off
		return
	}
	c := s.src[s.off]
	switch {
	case c < utf8.RuneSelf && isLetter[c]:
		s.scanIdent()
		return
	case '0' <= c && c <= '9':
		s.scanNumber()
		return
	case c >= utf8.RuneSelf:
		if r, _ := utf8.DecodeRune(s.src[s.off:s.limit]); unicode.IsLetter(r) {
			s.scanIdent()
			return
		}
		s.invalidChar()
		goto redo
	}
	s.off++
	tok := ILLEGAL
	switch c {
	case '"':
		s.scanString()
		return
	case '/':
		if s.peek(0) == '/' {
			s.lineComment()
			space = true
			goto redo
		}
		if s.peek(0) == '*' {
			if s.blockComment() {
				nl = true
				s.errOnLine = false
			}
			space = true
			goto redo
		}
		tok = s.opAssign(QUO, QUO_ASSIGN)
	case '(':
		tok = LPAREN
	case ')':
		tok = RPAREN
	case '[':
		tok = LBRACK
	case ']':
		tok = RBRACK
	case '{':
		tok = LBRACE
	case '}':
		tok = RBRACE
	case ',':
		tok = COMMA
	case ';':
		tok = SEMICOLON
	case ':':
		tok = COLON
	case '.':
		tok = PERIOD
		if s.peek(0) == '.' {
			switch s.peek(1) {
			case '<':
				s.off += 2
				tok = HALF_OPEN
			case '.':
				s.off += 2
				tok = CLOSED_RANGE
			}
		}
	case '+':
		tok = s.opAssign(ADD, ADD_ASSIGN)
	case '-':
		if s.peek(0) == '>' {
			s.off++
			tok = ARROW
		} else {
			tok = s.opAssign(SUB, SUB_ASSIGN)
		}
	case '*':
		tok = s.opAssign(MUL, MUL_ASSIGN)
	case '%':
		tok = s.opAssign(REM, REM_ASSIGN)
	case '=':
		switch s.peek(0) {
		case '=':
			s.off++
			tok = EQL
		case '>':
			s.off++
			tok = FAT_ARROW
		default:
			tok = ASSIGN
		}
	case '!':
		tok = s.opAssign(NOT, NEQ)
	case '<':
		tok = s.opAssign(LSS, LEQ)
	case '>':
		tok = s.opAssign(GTR, GEQ)
	case '&':
		if s.peek(0) == '&' {
			s.off++
			tok = LAND
		} else {
			s.error(s.off-1, diag.ErrInvalidChar, "invalid character '&' (did you mean '&&'?)")
			goto redo
		}
	case '|':
		if s.peek(0) == '|' {
			s.off++
			tok = LOR
		} else {
			s.error(s.off-1, diag.ErrInvalidChar, "invalid character '|' (did you mean '||'?)")
			goto redo
		}
	case '?':
		switch s.peek(0) {
		case '?':
			s.off++
			tok = NIL_COALESCE
		case '.':
			s.off++
			tok = OPT_DOT
		default:
			tok = QUESTION
		}
	case '\\':
		tok = BACKSLASH
	case '$':
		if d := s.peek(0); '0' <= d && d <= '9' {
			for s.off < s.limit && '0' <= s.src[s.off] && s.src[s.off] <= '9' {
				s.off++
			}
			tok = IDENT
		} else {
			tok = DOLLAR
		}
	default:
		s.off--
		s.invalidChar()
		goto redo
	}
	s.Tok = tok
	s.End = s.off
}

// invalidChar reports the character at s.off (a non-token byte or rune) and
// skips it. A non-ASCII letter starts an identifier instead.
func (s *Scanner) invalidChar() {
	c := s.src[s.off]
	if c < utf8.RuneSelf {
		if c == 0 {
			s.error(s.off, diag.ErrInvalidChar, "invalid NUL character")
		} else if c < ' ' || c == 0x7f {
			s.error(s.off, diag.ErrInvalidChar, "invalid control character U+"+hex4(rune(c)))
		} else {
			s.error(s.off, diag.ErrInvalidChar, "invalid character '"+string(rune(c))+"'")
		}
		s.off++
		return
	}
	r, n := utf8.DecodeRune(s.src[s.off:s.limit])
	if r == utf8.RuneError && n <= 1 {
		s.error(s.off, diag.ErrInvalidUTF8, "invalid UTF-8 encoding")
		s.off++
		return
	}
	s.error(s.off, diag.ErrInvalidChar, "invalid character U+"+hex4(r)+" '"+string(r)+"'")
	s.off += n
}

func hex4(r rune) string {
	const digits = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < 4 || r > 0; i++ {
		b = append(b, digits[r&15])
		r >>= 4
	}
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func (s *Scanner) peek(i int) byte {
	if s.off+i < s.limit {
		return s.src[s.off+i]
	}
	return 0
}

func (s *Scanner) opAssign(op, opAssign Token) Token {
	if s.peek(0) == '=' {
		s.off++
		return opAssign
	}
	return op
}

var isLetter, isIdentByte [utf8.RuneSelf]bool

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		l := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
		isLetter[c] = l
		isIdentByte[c] = l || '0' <= c && c <= '9'
	}
}

func (s *Scanner) scanIdent() {
	off := s.off
	if s.src[off] < utf8.RuneSelf {
		off++
	}
	for off < s.limit {
		c := s.src[off]
		if c < utf8.RuneSelf {
			if !isIdentByte[c] {
				break
			}
			off++
			continue
		}
		r, n := utf8.DecodeRune(s.src[off:s.limit])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		off += n
	}
	s.off = off
	s.End = off
	s.Tok = IDENT
	if n := off - s.Start; n >= 2 && n <= 8 {
		s.Tok = lookupBytes(s.src[s.Start:off])
	}
}

// lookupBytes returns the reserved word token for b, or IDENT, without
// allocating or hashing.
func lookupBytes(b []byte) Token {
	switch b[0] {
	case 'a':
		if string(b) == "atom" {
			return ATOM
		}
	case 'b':
		if string(b) == "break" {
			return BREAK
		}
	case 'c':
		switch string(b) {
		case "case":
			return CASE
		case "continue":
			return CONTINUE
		}
	case 'e':
		switch string(b) {
		case "else":
			return ELSE
		case "enum":
			return ENUM
		}
	case 'f':
		switch string(b) {
		case "for":
			return FOR
		case "func":
			return FUNC
		case "false":
			return FALSE
		}
	case 'i':
		switch string(b) {
		case "if":
			return IF
		case "in":
			return IN
		}
	case 'l':
		if string(b) == "let" {
			return LET
		}
	case 'n':
		if string(b) == "nil" {
			return NIL
		}
	case 'r':
		if string(b) == "return" {
			return RETURN
		}
	case 's':
		if string(b) == "struct" {
			return STRUCT
		}
	case 't':
		if string(b) == "true" {
			return TRUE
		}
	case 'v':
		switch string(b) {
		case "var":
			return VAR
		case "view":
			return VIEW
		}
	case 'w':
		if string(b) == "while" {
			return WHILE
		}
	}
	return IDENT
}

func isDigit(c byte, base int) bool {
	switch base {
	case 16:
		return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
	case 8:
		return '0' <= c && c <= '7'
	case 2:
		return c == '0' || c == '1'
	}
	return '0' <= c && c <= '9'
}

// digits consumes digits of base and underscores; it returns the number of digits.
func (s *Scanner) digits(base int) int {
	n := 0
	for s.off < s.limit {
		c := s.src[s.off]
		if c == '_' {
			s.off++
			continue
		}
		if !isDigit(c, base) {
			break
		}
		n++
		s.off++
	}
	return n
}

func (s *Scanner) scanNumber() {
	s.Tok = INT
	bad := false
	if s.src[s.off] == '0' && s.off+1 < s.limit {
		base := 0
		switch s.src[s.off+1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			s.off += 2
			if s.digits(base) == 0 {
				s.error(s.Start, diag.ErrInvalidNumber, "invalid number: no digits after "+string(s.src[s.Start:s.Start+2]))
				bad = true
			}
			s.numberSuffix(bad)
			return
		}
	}
	s.digits(10)
	if s.off+1 < s.limit && s.src[s.off] == '.' && '0' <= s.src[s.off+1] && s.src[s.off+1] <= '9' {
		s.off++
		s.digits(10)
		s.Tok = FLOAT
	}
	if s.off < s.limit && (s.src[s.off] == 'e' || s.src[s.off] == 'E') {
		save := s.off
		s.off++
		sign := s.off < s.limit && (s.src[s.off] == '+' || s.src[s.off] == '-')
		if sign {
			s.off++
		}
		switch {
		case s.off < s.limit && '0' <= s.src[s.off] && s.src[s.off] <= '9':
			s.digits(10)
			s.Tok = FLOAT
		case !sign && s.off < s.limit && s.src[s.off] < utf8.RuneSelf && isIdentByte[s.src[s.off]]:
			// A letter run such as "12em": reported as a suffix below.
			s.off = save
		default:
			s.error(s.Start, diag.ErrInvalidNumber, "invalid number: exponent has no digits")
			bad = true
		}
	}
	s.numberSuffix(bad)
}

// numberSuffix reports letters or digits glued to a number (12px, 0x1G, 0b102).
func (s *Scanner) numberSuffix(bad bool) {
	start := s.off
	for s.off < s.limit {
		c := s.src[s.off]
		if c < utf8.RuneSelf {
			if !isIdentByte[c] {
				break
			}
			s.off++
			continue
		}
		r, n := utf8.DecodeRune(s.src[s.off:s.limit])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		s.off += n
	}
	if s.off > start && !bad {
		s.error(s.Start, diag.ErrInvalidNumber, "invalid number: unexpected '"+string(s.src[start:s.off])+"' after the digits")
	}
	s.End = s.off
}

func (s *Scanner) lineComment() {
	start := s.off - 1
	for s.off < s.limit && s.src[s.off] != '\n' {
		s.off++
	}
	end := s.off
	if end > start && s.src[end-1] == '\r' {
		end--
	}
	s.addComment(start, end)
}

// blockComment scans a nestable /* */ comment; it reports whether the
// comment contains a line break.
func (s *Scanner) blockComment() bool {
	start := s.off - 1
	s.off++ // '*'
	depth := 1
	nl := false
	for s.off < s.limit {
		c := s.src[s.off]
		s.off++
		switch c {
		case '\n':
			nl = true
		case '*':
			if s.off < s.limit && s.src[s.off] == '/' {
				s.off++
				depth--
				if depth == 0 {
					s.addComment(start, s.off)
					return nl
				}
			}
		case '/':
			if s.off < s.limit && s.src[s.off] == '*' {
				s.off++
				depth++
			}
		}
	}
	s.error(start, diag.ErrUnterminatedComment, "comment not terminated")
	s.addComment(start, s.off)
	return nl
}

func (s *Scanner) addComment(start, end int) {
	if s.Quiet {
		return
	}
	text := ""
	if len(s.str) == len(s.src) {
		text = s.str[start:end]
	} else {
		text = string(s.src[start:end])
	}
	s.Comments = append(s.Comments, &Comment{Slash: s.Pos(start), Text: text})
}

// scanString scans a string literal whose opening quote was consumed. An
// interpolation \( ... ) may contain parentheses and nested strings; the
// nesting is tracked with an explicit stack, so deep nesting cannot overflow
// the Go stack.
func (s *Scanner) scanString() {
	s.Tok = STRING
	if s.peek(0) == '"' && s.peek(1) == '"' {
		// A Swift multi-line string: not part of JXL. Skip to its end so
		// that its contents cause no further errors.
		s.error(s.Start, diag.ErrMultilineString, "multi-line string literals (\"\"\") are not supported; use \"\\n\" or + to join lines")
		end := bytes.Index(s.src[s.off+2:s.limit], []byte(`"""`))
		if end < 0 {
			s.off = s.limit
		} else {
			s.off += 2 + end + 3
		}
		s.End = s.off
		s.Open = true
		return
	}
	end, ok, interp, esc := scanStringBody(s.src, s.off, s.limit)
	s.Interp, s.Escape, s.Open = interp, esc, !ok
	s.off = end
	s.End = end
	if !ok {
		s.error(s.Start, diag.ErrUnterminatedString, "string literal not terminated")
	}
}

// scanStringBody scans from off (just after an opening quote) to the end of
// the string. It returns the offset after the closing quote (or where the
// string was cut off by a line break or the limit), whether it was closed, and
// whether it had interpolations or escapes.
func scanStringBody(src []byte, off, limit int) (end int, ok, interp, esc bool) {
	// Frames: -1 is a string; n >= 0 is an interpolation with n open parens.
	var stackBuf [8]int
	stack := append(stackBuf[:0], -1)
	for off < limit {
		c := src[off]
		top := stack[len(stack)-1]
		if top < 0 { // inside string text
			switch c {
			case '"':
				off++
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					return off, true, interp, esc
				}
				continue
			case '\\':
				esc = true
				if off+1 < limit && src[off+1] == '(' {
					interp = true
					stack = append(stack, 0)
					off += 2
					continue
				}
				if off+1 < limit && src[off+1] != '\n' {
					off += 2
					continue
				}
			case '\n':
				return off, false, interp, esc
			}
			off++
			continue
		}
		// Inside an interpolation.
		switch c {
		case '(':
			stack[len(stack)-1]++
		case ')':
			if top == 0 {
				stack = stack[:len(stack)-1]
			} else {
				stack[len(stack)-1]--
			}
		case '"':
			stack = append(stack, -1)
		case '\n':
			return off, false, interp, esc
		}
		off++
	}
	return off, false, interp, esc
}

// interpEnd returns the offset of the ')' closing the interpolation whose
// contents start at off, or -1.
func interpEnd(src []byte, off, limit int) int {
	var stackBuf [8]int
	stack := append(stackBuf[:0], 0)
	for off < limit {
		c := src[off]
		top := stack[len(stack)-1]
		if top < 0 {
			switch c {
			case '"':
				stack = stack[:len(stack)-1]
			case '\\':
				if off+1 < limit && src[off+1] == '(' {
					stack = append(stack, 0)
					off += 2
					continue
				}
				off += 2
				continue
			case '\n':
				return -1
			}
			off++
			continue
		}
		switch c {
		case '(':
			stack[len(stack)-1]++
		case ')':
			if top == 0 {
				stack = stack[:len(stack)-1]
				if len(stack) == 0 {
					return off
				}
			} else {
				stack[len(stack)-1]--
			}
		case '"':
			stack = append(stack, -1)
		case '\n':
			return -1
		}
		off++
	}
	return -1
}
