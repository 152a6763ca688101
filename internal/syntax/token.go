package syntax

// Token is a lexical token kind.
type Token uint8

const (
	ILLEGAL Token = iota
	EOF
	COMMENT
	NEWLINE // significant line break; the scanner reports it as Scanner.NL (a flag on the next token), see scanner.go

	IDENT  // main, $0
	INT    // 42, 0x2A, 1_000
	FLOAT  // 3.14, 1e9
	STRING // "text" (the scanner splits interpolations; see scanner.go)

	// Operators and punctuation.
	ADD    // +
	SUB    // -
	MUL    // *
	QUO    // /
	REM    // %
	LAND   // &&
	LOR    // ||
	NOT    // !
	EQL    // ==
	NEQ    // !=
	LSS    // <
	GTR    // >
	LEQ    // <=
	GEQ    // >=
	ASSIGN // =
	ADD_ASSIGN
	SUB_ASSIGN
	MUL_ASSIGN
	QUO_ASSIGN
	REM_ASSIGN
	NIL_COALESCE // ??
	QUESTION     // ?
	OPT_DOT      // ?.
	HALF_OPEN    // ..<
	CLOSED_RANGE // ...
	ARROW        // ->
	FAT_ARROW    // =>
	DOLLAR       // $ (binding prefix)
	BACKSLASH    // \ (key path)
	LPAREN
	RPAREN
	LBRACK
	RBRACK
	LBRACE
	RBRACE
	COMMA
	PERIOD
	COLON
	SEMICOLON

	// Keywords.
	keywordBeg
	VIEW
	STRUCT
	ENUM
	CASE
	FUNC
	ATOM
	COMPUTED // contextual: the scanner returns IDENT; the parser recognizes "computed" after "atom"
	LET
	VAR
	RENDER
	ON_MOUNT
	ON_UNMOUNT
	APP
	ROUTE
	IF
	ELSE
	FOR
	IN
	WHILE
	RETURN
	BREAK
	CONTINUE
	TRUE
	FALSE
	NIL
	keywordEnd
)

// The contextual keywords computed, render, onMount, onUnmount, app, route and
// mutating are scanned as IDENT: they are keywords only where a declaration or
// member may start, and stay usable as names elsewhere. RENDER, ON_MOUNT,
// ON_UNMOUNT, APP and ROUTE exist for String and for tools that classify words.

var tokenStrings = [...]string{
	ILLEGAL: "ILLEGAL",
	EOF:     "end of file",
	COMMENT: "comment",
	NEWLINE: "newline",

	IDENT:  "identifier",
	INT:    "integer literal",
	FLOAT:  "floating-point literal",
	STRING: "string literal",

	ADD:          "+",
	SUB:          "-",
	MUL:          "*",
	QUO:          "/",
	REM:          "%",
	LAND:         "&&",
	LOR:          "||",
	NOT:          "!",
	EQL:          "==",
	NEQ:          "!=",
	LSS:          "<",
	GTR:          ">",
	LEQ:          "<=",
	GEQ:          ">=",
	ASSIGN:       "=",
	ADD_ASSIGN:   "+=",
	SUB_ASSIGN:   "-=",
	MUL_ASSIGN:   "*=",
	QUO_ASSIGN:   "/=",
	REM_ASSIGN:   "%=",
	NIL_COALESCE: "??",
	QUESTION:     "?",
	OPT_DOT:      "?.",
	HALF_OPEN:    "..<",
	CLOSED_RANGE: "...",
	ARROW:        "->",
	FAT_ARROW:    "=>",
	DOLLAR:       "$",
	BACKSLASH:    "\\",
	LPAREN:       "(",
	RPAREN:       ")",
	LBRACK:       "[",
	RBRACK:       "]",
	LBRACE:       "{",
	RBRACE:       "}",
	COMMA:        ",",
	PERIOD:       ".",
	COLON:        ":",
	SEMICOLON:    ";",

	VIEW:       "view",
	STRUCT:     "struct",
	ENUM:       "enum",
	CASE:       "case",
	FUNC:       "func",
	ATOM:       "atom",
	COMPUTED:   "computed",
	LET:        "let",
	VAR:        "var",
	RENDER:     "render",
	ON_MOUNT:   "onMount",
	ON_UNMOUNT: "onUnmount",
	APP:        "app",
	ROUTE:      "route",
	IF:         "if",
	ELSE:       "else",
	FOR:        "for",
	IN:         "in",
	WHILE:      "while",
	RETURN:     "return",
	BREAK:      "break",
	CONTINUE:   "continue",
	TRUE:       "true",
	FALSE:      "false",
	NIL:        "nil",
}

// String returns the token's spelling (operators, keywords) or a description.
func (t Token) String() string {
	if int(t) < len(tokenStrings) && tokenStrings[t] != "" {
		return tokenStrings[t]
	}
	return "token(" + itoa(int(t)) + ")"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// IsKeyword reports whether t is a keyword token.
func (t Token) IsKeyword() bool { return keywordBeg < t && t < keywordEnd }

// IsReserved reports whether t is a reserved word that the scanner returns
// instead of IDENT (the contextual keywords are not reserved).
func (t Token) IsReserved() bool {
	switch t {
	case COMPUTED, RENDER, ON_MOUNT, ON_UNMOUNT, APP, ROUTE:
		return false
	}
	return t.IsKeyword()
}

// Lookup returns the reserved-word token for name, or IDENT.
func Lookup(name string) Token {
	if t, ok := keywords[name]; ok {
		return t
	}
	return IDENT
}

var keywords = func() map[string]Token {
	m := make(map[string]Token)
	for t := keywordBeg + 1; t < keywordEnd; t++ {
		if t.IsReserved() {
			m[tokenStrings[t]] = t
		}
	}
	return m
}()

// Precedence levels of binary operators, Swift's order (higher binds tighter).
const (
	PrecLowest         = 0
	PrecTernary        = 1 // ?: (right associative; handled by the parser)
	PrecDisjunction    = 2 // ||
	PrecConjunction    = 3 // &&
	PrecComparison     = 4 // == != < > <= >= (non-associative)
	PrecNilCoalescing  = 5 // ?? (right associative)
	PrecRangeFormation = 6 // ..< ... (non-associative)
	PrecAddition       = 7 // + -
	PrecMultiplication = 8 // * / %
)

// Precedence returns the binary precedence of t, or PrecLowest if t is not a
// binary operator.
func (t Token) Precedence() int {
	switch t {
	case LOR:
		return PrecDisjunction
	case LAND:
		return PrecConjunction
	case EQL, NEQ, LSS, GTR, LEQ, GEQ:
		return PrecComparison
	case NIL_COALESCE:
		return PrecNilCoalescing
	case HALF_OPEN, CLOSED_RANGE:
		return PrecRangeFormation
	case ADD, SUB:
		return PrecAddition
	case MUL, QUO, REM:
		return PrecMultiplication
	}
	return PrecLowest
}

// IsAssignOp reports whether t is = or a compound assignment operator.
func (t Token) IsAssignOp() bool { return ASSIGN <= t && t <= REM_ASSIGN }
