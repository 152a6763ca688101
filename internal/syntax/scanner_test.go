package syntax_test

import (
	"testing"

	"github.com/jepsh/jepsh/internal/diag"
	"github.com/jepsh/jepsh/internal/syntax"
)

type scanned struct {
	tok  syntax.Token
	text string
	nl   bool
}

func scanAll(src string) ([]scanned, int) {
	var s syntax.Scanner
	errs := 0
	s.Init([]byte(src), 1, 0, len(src), func(int, diag.Code, string) { errs++ })
	var out []scanned
	for {
		s.Next()
		if s.Tok == syntax.EOF {
			return out, errs
		}
		out = append(out, scanned{s.Tok, string(s.Text()), s.NL})
	}
}

func TestScanTokens(t *testing.T) {
	src := "view x_1 $0 $name \\.id 1_000 0xFF 0b10 0o7 3.5 1e-3 2.5E+10 0..<n 1...2 \"a\\(b)\" + - * / % && || ! == != < > <= >= = += -= *= /= %= ?? ? ?. -> => ( ) [ ] { } , . : ; // c\n/* a /* nested */ b */ let"
	want := []scanned{
		{syntax.VIEW, "view", true}, {syntax.IDENT, "x_1", false}, {syntax.IDENT, "$0", false},
		{syntax.DOLLAR, "$", false}, {syntax.IDENT, "name", false}, {syntax.BACKSLASH, "\\", false},
		{syntax.PERIOD, ".", false}, {syntax.IDENT, "id", false}, {syntax.INT, "1_000", false},
		{syntax.INT, "0xFF", false}, {syntax.INT, "0b10", false}, {syntax.INT, "0o7", false},
		{syntax.FLOAT, "3.5", false}, {syntax.FLOAT, "1e-3", false}, {syntax.FLOAT, "2.5E+10", false},
		{syntax.INT, "0", false}, {syntax.HALF_OPEN, "..<", false}, {syntax.IDENT, "n", false},
		{syntax.INT, "1", false}, {syntax.CLOSED_RANGE, "...", false}, {syntax.INT, "2", false},
		{syntax.STRING, "\"a\\(b)\"", false},
		{syntax.ADD, "+", false}, {syntax.SUB, "-", false}, {syntax.MUL, "*", false}, {syntax.QUO, "/", false},
		{syntax.REM, "%", false}, {syntax.LAND, "&&", false}, {syntax.LOR, "||", false}, {syntax.NOT, "!", false},
		{syntax.EQL, "==", false}, {syntax.NEQ, "!=", false}, {syntax.LSS, "<", false}, {syntax.GTR, ">", false},
		{syntax.LEQ, "<=", false}, {syntax.GEQ, ">=", false}, {syntax.ASSIGN, "=", false},
		{syntax.ADD_ASSIGN, "+=", false}, {syntax.SUB_ASSIGN, "-=", false}, {syntax.MUL_ASSIGN, "*=", false},
		{syntax.QUO_ASSIGN, "/=", false}, {syntax.REM_ASSIGN, "%=", false}, {syntax.NIL_COALESCE, "??", false},
		{syntax.QUESTION, "?", false}, {syntax.OPT_DOT, "?.", false}, {syntax.ARROW, "->", false},
		{syntax.FAT_ARROW, "=>", false}, {syntax.LPAREN, "(", false}, {syntax.RPAREN, ")", false},
		{syntax.LBRACK, "[", false}, {syntax.RBRACK, "]", false}, {syntax.LBRACE, "{", false},
		{syntax.RBRACE, "}", false}, {syntax.COMMA, ",", false}, {syntax.PERIOD, ".", false},
		{syntax.COLON, ":", false}, {syntax.SEMICOLON, ";", false}, {syntax.LET, "let", true},
	}
	got, errs := scanAll(src)
	if errs != 0 {
		t.Errorf("%d scan errors", errs)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d tokens, want %d: %v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d: got %v, want %v", i, got[i], want[i])
		}
	}
}

// TestKeywords checks that every reserved word scans as its token and the
// contextual keywords scan as identifiers.
func TestKeywords(t *testing.T) {
	for tok := syntax.ILLEGAL; tok <= syntax.NIL+1; tok++ {
		if !tok.IsKeyword() {
			continue
		}
		got, _ := scanAll(tok.String())
		want := syntax.IDENT
		if tok.IsReserved() {
			want = tok
		}
		if len(got) != 1 || got[0].tok != want {
			t.Errorf("%q scans as %v, want %v", tok.String(), got, want)
		}
		if syntax.Lookup(tok.String()) != want {
			t.Errorf("Lookup(%q) = %v, want %v", tok.String(), syntax.Lookup(tok.String()), want)
		}
	}
	for _, word := range []string{"views", "vie", "iff", "i", "forx", "nill", "computed", "render", "app"} {
		if got, _ := scanAll(word); len(got) != 1 || got[0].tok != syntax.IDENT {
			t.Errorf("%q scans as %v, want IDENT", word, got)
		}
	}
}
