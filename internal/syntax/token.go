package syntax

// Token is a lexical token kind.
type Token uint8

const (
	ILLEGAL Token = iota
	EOF
	COMMENT
	NEWLINE // significant line break (emitted by the scanner; see scanner.go)

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
	COMPUTED // contextual after "atom"; scanned as IDENT elsewhere
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
