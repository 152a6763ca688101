package diag

// Syntax diagnostics (scanner and parser), E1xxx. Never renumber or reuse a code.
const (
	// E1001: a character that cannot start any token (also NUL bytes and stray control characters).
	ErrInvalidChar Code = "E1001"
	// E1002: the source is not valid UTF-8 at this byte.
	ErrInvalidUTF8 Code = "E1002"
	// E1003: a string literal is not closed before the end of the line or file.
	ErrUnterminatedString Code = "E1003"
	// E1004: a /* block comment */ is not closed before the end of the file.
	ErrUnterminatedComment Code = "E1004"
	// E1005: an unknown or malformed escape sequence in a string literal.
	ErrInvalidEscape Code = "E1005"
	// E1006: a malformed number literal (bad digit, missing digits, bad exponent).
	ErrInvalidNumber Code = "E1006"
	// E1007: a token that does not fit the grammar here; the message says what was expected.
	ErrUnexpected Code = "E1007"
	// E1008: brackets, blocks, closures or operators nested deeper than the parser's limit.
	ErrNestingTooDeep Code = "E1008"
	// E1009: two statements on one line without a ';' between them.
	ErrMissingSeparator Code = "E1009"
	// E1010: a chain of non-associative operators (a < b < c, a..<b..<c) without parentheses.
	ErrNonAssociative Code = "E1010"
	// E1011: something other than a declaration (view, struct, enum, func, atom, app) at the top level.
	ErrExpectedDecl Code = "E1011"
	// E1012: something other than a member where a view, struct, enum or app member is expected.
	ErrExpectedMember Code = "E1012"
	// E1013: '=' used inside an expression (for example in an if condition); assignment is a statement.
	ErrAssignInExpr Code = "E1013"
	// E1014: an empty string interpolation "\()".
	ErrEmptyInterpolation Code = "E1014"
	// E1015: a route path that is not a plain string literal (interpolation is not allowed).
	ErrInvalidRoutePath Code = "E1015"
	// E1016: a closure parameter list that is not a list of names or (name: Type) pairs.
	ErrInvalidClosureParams Code = "E1016"
	// E1017: the left-hand side of an assignment is not a name, member, subscript or force unwrap.
	ErrInvalidAssignTarget Code = "E1017"
	// E1018: a trailing closure in an if/while condition or a for sequence, where '{' starts the body.
	ErrTrailingClosureInHeader Code = "E1018"
	// E1019: a Swift multi-line string literal (""" ... """), which JXL does not have.
	ErrMultilineString Code = "E1019"
)
