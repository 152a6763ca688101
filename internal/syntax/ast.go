package syntax

import (
	"strings"

	"github.com/jepsh/jepsh/internal/source"
)

// The AST of JXL. Nodes are immutable once the parser returns them: later
// phases record their facts in side tables keyed by node (see package check).
//
// Every node reports Pos (its first byte) and End (one past its last byte).
// A syntax error leaves a Bad* node in place so the tree is always complete.

// Node is any AST node.
type Node interface {
	Pos() source.Pos
	End() source.Pos
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Decl is a top-level declaration.
type Decl interface {
	Node
	declNode()
}

// Member is a member of a view or struct body.
type Member interface {
	Node
	memberNode()
}

// TypeExpr is a type written in source.
type TypeExpr interface {
	Node
	typeNode()
}

// ---------------------------------------------------------------------------
// Comments

// Comment is a // line or /* block */ comment.
type Comment struct {
	Slash source.Pos
	Text  string // including the comment markers, without a trailing newline
}

func (c *Comment) Pos() source.Pos { return c.Slash }
func (c *Comment) End() source.Pos { return c.Slash + source.Pos(len(c.Text)) }

// ---------------------------------------------------------------------------
// File

// File is one parsed .jxl file.
type File struct {
	Source   *source.File
	Decls    []Decl
	Comments []*Comment // all comments, in source order (the formatter places them)
	EOF      source.Pos
}

func (f *File) Pos() source.Pos { return f.Source.Base() }
func (f *File) End() source.Pos { return f.EOF }

// Ident is a name. Shorthand closure parameters ($0, $1) are Idents named "$0", "$1".
type Ident struct {
	NamePos source.Pos
	Name    string
}

func (x *Ident) Pos() source.Pos { return x.NamePos }
func (x *Ident) End() source.Pos { return x.NamePos + source.Pos(len(x.Name)) }

// ---------------------------------------------------------------------------
// Declarations

// ViewDecl: view Name { members }
type ViewDecl struct {
	View    source.Pos // position of "view"
	Name    *Ident
	Members []Member
	Rbrace  source.Pos
}

// StructDecl: struct Name { fields and methods }
// Fields are *PropDecl (let/var), methods are *FuncDecl.
type StructDecl struct {
	Struct  source.Pos
	Name    *Ident
	Members []Member
	Rbrace  source.Pos
}

// EnumDecl: enum Name { case a, b; case c }  (optionally enum Name: String with raw values)
type EnumDecl struct {
	Enum    source.Pos
	Name    *Ident
	RawType TypeExpr // nil if none
	Cases   []*EnumCase
	Methods []*FuncDecl
	Rbrace  source.Pos
}

// EnumCase is one case name with an optional raw value (case active = "active").
type EnumCase struct {
	Name  *Ident
	Value Expr // nil if none

	// Case is the position of the "case" keyword that introduced this case;
	// the cases of one "case a, b, c" line share it.
	Case source.Pos
}

func (c *EnumCase) Pos() source.Pos { return c.Name.Pos() }
func (c *EnumCase) End() source.Pos {
	if c.Value != nil {
		return c.Value.End()
	}
	return c.Name.End()
}

// FuncDecl: func name(label param: Type = default, ...) -> Result { body }
// It is a top-level declaration, a view member (a handler) or a struct/enum method.
type FuncDecl struct {
	Func   source.Pos
	Name   *Ident
	Params []*Param
	Result TypeExpr // nil if none (Void)
	Body   *BlockStmt

	// Added by the parser for the formatter and tools.
	Mutating source.Pos // position of "mutating" (struct/enum methods), or NoPos
	Lparen   source.Pos // "(" of the parameter list
	Rparen   source.Pos // ")" of the parameter list
}

// Param is a function or closure parameter.
// Label is the external argument label: nil means the label equals Name;
// an Ident named "_" means no label. For closures Label is always nil and
// Type may be nil (inferred).
type Param struct {
	Label   *Ident
	Name    *Ident
	Type    TypeExpr
	Default Expr
}

func (p *Param) Pos() source.Pos {
	if p.Label != nil {
		return p.Label.Pos()
	}
	return p.Name.Pos()
}
func (p *Param) End() source.Pos {
	switch {
	case p.Default != nil:
		return p.Default.End()
	case p.Type != nil:
		return p.Type.End()
	}
	return p.Name.End()
}

// AtomDecl: atom name: Type = value   or   atom computed name: Type { body }
// At top level it is app-wide state; inside a view it is the view's state.
// For a computed, Value is nil and Body holds the statements (a single
// expression body is an ExprStmt, as in Swift's implicit return).
type AtomDecl struct {
	Atom     source.Pos
	Computed bool
	Name     *Ident
	Type     TypeExpr // may be nil for plain atoms with a value (inferred)
	Value    Expr     // plain atom initial value
	Body     *BlockStmt
}

// PropDecl: let name: Type = default   (a view prop or a struct field; Var for struct var fields)
type PropDecl struct {
	Keyword source.Pos // "let" or "var"
	Var     bool
	Name    *Ident
	Type    TypeExpr // may be nil when Default is present
	Default Expr     // nil: required at the call site
}

// RenderDecl: render { builder content }
type RenderDecl struct {
	Render source.Pos
	Body   *BlockStmt
}

// LifecycleDecl: onMount { ... } / onUnmount { ... }
type LifecycleDecl struct {
	KeywordPos source.Pos
	Unmount    bool // false: onMount, true: onUnmount
	Body       *BlockStmt
}

// AppDecl: app Name { root: View  title: "..."  route "/path/:id" => Target }
type AppDecl struct {
	App     source.Pos
	Name    *Ident
	Members []AppMember
	Rbrace  source.Pos
}

// AppMember is an *AppField or a *RouteDecl.
type AppMember interface {
	Node
	appMemberNode()
}

// AppField: name: expr   (root: Counter, title: "Todos", notFound: NotFound)
type AppField struct {
	Name  *Ident
	Value Expr
}

// RouteDecl: route "/users/:id" => UserPage   or   route "/active" => TodoApp(filter: .active)
// Path parameters (":id") are passed to the target view's prop of that name,
// converted to the prop's type.
type RouteDecl struct {
	Route  source.Pos
	Path   *BasicLit // a plain string literal
	Target Expr      // an *Ident naming a view, or a *CallExpr of one
}

// BadDecl stands for a declaration that failed to parse.
type BadDecl struct{ From, To source.Pos }

// BadMember stands for a member that failed to parse.
type BadMember struct{ From, To source.Pos }

func (d *ViewDecl) Pos() source.Pos      { return d.View }
func (d *ViewDecl) End() source.Pos      { return d.Rbrace + 1 }
func (d *StructDecl) Pos() source.Pos    { return d.Struct }
func (d *StructDecl) End() source.Pos    { return d.Rbrace + 1 }
func (d *EnumDecl) Pos() source.Pos      { return d.Enum }
func (d *EnumDecl) End() source.Pos      { return d.Rbrace + 1 }
func (d *FuncDecl) Pos() source.Pos      { return d.Func }
func (d *FuncDecl) End() source.Pos      { return d.Body.End() }
func (d *AtomDecl) Pos() source.Pos      { return d.Atom }
func (d *AppDecl) Pos() source.Pos       { return d.App }
func (d *AppDecl) End() source.Pos       { return d.Rbrace + 1 }
func (d *PropDecl) Pos() source.Pos      { return d.Keyword }
func (d *RenderDecl) Pos() source.Pos    { return d.Render }
func (d *RenderDecl) End() source.Pos    { return d.Body.End() }
func (d *LifecycleDecl) Pos() source.Pos { return d.KeywordPos }
func (d *LifecycleDecl) End() source.Pos { return d.Body.End() }
func (d *AppField) Pos() source.Pos      { return d.Name.Pos() }
func (d *AppField) End() source.Pos      { return d.Value.End() }
func (d *RouteDecl) Pos() source.Pos     { return d.Route }
func (d *RouteDecl) End() source.Pos     { return d.Target.End() }
func (d *BadDecl) Pos() source.Pos       { return d.From }
func (d *BadDecl) End() source.Pos       { return d.To }
func (d *BadMember) Pos() source.Pos     { return d.From }
func (d *BadMember) End() source.Pos     { return d.To }

func (d *AtomDecl) End() source.Pos {
	switch {
	case d.Body != nil:
		return d.Body.End()
	case d.Value != nil:
		return d.Value.End()
	case d.Type != nil:
		return d.Type.End()
	}
	return d.Name.End()
}

func (d *PropDecl) End() source.Pos {
	switch {
	case d.Default != nil:
		return d.Default.End()
	case d.Type != nil:
		return d.Type.End()
	}
	return d.Name.End()
}

func (*ViewDecl) declNode()   {}
func (*StructDecl) declNode() {}
func (*EnumDecl) declNode()   {}
func (*FuncDecl) declNode()   {}
func (*AtomDecl) declNode()   {}
func (*AppDecl) declNode()    {}
func (*BadDecl) declNode()    {}

func (*PropDecl) memberNode()      {}
func (*AtomDecl) memberNode()      {}
func (*FuncDecl) memberNode()      {}
func (*RenderDecl) memberNode()    {}
func (*LifecycleDecl) memberNode() {}
func (*BadMember) memberNode()     {}

func (*AppField) appMemberNode()  {}
func (*RouteDecl) appMemberNode() {}
func (*BadMember) appMemberNode() {}

// ---------------------------------------------------------------------------
// Types

// NamedType: Int, Item, Array<Item>, Dictionary<String, Int>
type NamedType struct {
	Name   *Ident
	Args   []TypeExpr // generic arguments, nil if none
	Rangle source.Pos // position of ">" when Args != nil
}

// ArrayType: [Elem]
type ArrayType struct {
	Lbrack source.Pos
	Elem   TypeExpr
	Rbrack source.Pos
}

// DictType: [Key: Value]
type DictType struct {
	Lbrack source.Pos
	Key    TypeExpr
	Value  TypeExpr
	Rbrack source.Pos
}

// OptionalType: Elem?
type OptionalType struct {
	Elem     TypeExpr
	Question source.Pos
}

// FuncType: (A, B) -> R
type FuncType struct {
	Lparen source.Pos
	Params []TypeExpr
	Result TypeExpr // Void is spelled as NamedType "Void" or "()" → NamedType "Void"
}

// BadType stands for a type that failed to parse.
type BadType struct{ From, To source.Pos }

func (t *NamedType) Pos() source.Pos { return t.Name.Pos() }
func (t *NamedType) End() source.Pos {
	if t.Args != nil {
		return t.Rangle + 1
	}
	return t.Name.End()
}
func (t *ArrayType) Pos() source.Pos    { return t.Lbrack }
func (t *ArrayType) End() source.Pos    { return t.Rbrack + 1 }
func (t *DictType) Pos() source.Pos     { return t.Lbrack }
func (t *DictType) End() source.Pos     { return t.Rbrack + 1 }
func (t *OptionalType) Pos() source.Pos { return t.Elem.Pos() }
func (t *OptionalType) End() source.Pos { return t.Question + 1 }
func (t *FuncType) Pos() source.Pos     { return t.Lparen }
func (t *FuncType) End() source.Pos     { return t.Result.End() }
func (t *BadType) Pos() source.Pos      { return t.From }
func (t *BadType) End() source.Pos      { return t.To }

func (*NamedType) typeNode()    {}
func (*ArrayType) typeNode()    {}
func (*DictType) typeNode()     {}
func (*OptionalType) typeNode() {}
func (*FuncType) typeNode()     {}
func (*BadType) typeNode()      {}

// ---------------------------------------------------------------------------
// Statements

// BlockStmt: { stmts }. Render bodies and builder closures are blocks whose
// ExprStmts are views and whose IfStmt/ForStmt are conditional and list content.
type BlockStmt struct {
	Lbrace source.Pos
	Stmts  []Stmt
	Rbrace source.Pos
}

// DeclStmt: let x: T = v  /  var x = v  (a local)
type DeclStmt struct {
	Keyword source.Pos
	Var     bool
	Name    *Ident
	Type    TypeExpr // nil if inferred
	Value   Expr     // nil if none (var x: Int)
}

// AssignStmt: lhs = rhs, lhs += rhs, -=, *=, /=, %=
type AssignStmt struct {
	Lhs   Expr
	OpPos source.Pos
	Op    Token // ASSIGN, ADD_ASSIGN, SUB_ASSIGN, MUL_ASSIGN, QUO_ASSIGN, REM_ASSIGN
	Rhs   Expr
}

// ExprStmt: an expression used as a statement (a call, or a view in a builder).
type ExprStmt struct {
	X Expr
}

// IfStmt: if cond { } else if ... { } else { }
// Cond is an Expr, or an *OptionalBinding for `if let x = expr` (or `if let x`).
type IfStmt struct {
	If   source.Pos
	Cond Node
	Then *BlockStmt
	Else Stmt // nil, *IfStmt or *BlockStmt
}

// OptionalBinding: let name = value  (value nil for the shorthand `if let name`)
type OptionalBinding struct {
	Let   source.Pos
	Name  *Ident
	Value Expr
}

// ForStmt: for x in seq { }  (Var named "_" to ignore)
type ForStmt struct {
	For  source.Pos
	Var  *Ident
	Seq  Expr
	Body *BlockStmt
}

// WhileStmt: while cond { }
type WhileStmt struct {
	While source.Pos
	Cond  Expr
	Body  *BlockStmt
}

// ReturnStmt: return [value]
type ReturnStmt struct {
	Return source.Pos
	Value  Expr
}

// BranchStmt: break / continue
type BranchStmt struct {
	TokPos source.Pos
	Tok    Token // BREAK or CONTINUE
}

// BadStmt stands for a statement that failed to parse.
type BadStmt struct{ From, To source.Pos }

func (s *BlockStmt) Pos() source.Pos { return s.Lbrace }
func (s *BlockStmt) End() source.Pos { return s.Rbrace + 1 }
func (s *DeclStmt) Pos() source.Pos  { return s.Keyword }
func (s *DeclStmt) End() source.Pos {
	switch {
	case s.Value != nil:
		return s.Value.End()
	case s.Type != nil:
		return s.Type.End()
	}
	return s.Name.End()
}
func (s *AssignStmt) Pos() source.Pos      { return s.Lhs.Pos() }
func (s *AssignStmt) End() source.Pos      { return s.Rhs.End() }
func (s *ExprStmt) Pos() source.Pos        { return s.X.Pos() }
func (s *ExprStmt) End() source.Pos        { return s.X.End() }
func (s *IfStmt) Pos() source.Pos          { return s.If }
func (s *OptionalBinding) Pos() source.Pos { return s.Let }
func (s *OptionalBinding) End() source.Pos {
	if s.Value != nil {
		return s.Value.End()
	}
	return s.Name.End()
}
func (s *IfStmt) End() source.Pos {
	if s.Else != nil {
		return s.Else.End()
	}
	return s.Then.End()
}
func (s *ForStmt) Pos() source.Pos    { return s.For }
func (s *ForStmt) End() source.Pos    { return s.Body.End() }
func (s *WhileStmt) Pos() source.Pos  { return s.While }
func (s *WhileStmt) End() source.Pos  { return s.Body.End() }
func (s *ReturnStmt) Pos() source.Pos { return s.Return }
func (s *ReturnStmt) End() source.Pos {
	if s.Value != nil {
		return s.Value.End()
	}
	return s.Return + 6
}
func (s *BranchStmt) Pos() source.Pos { return s.TokPos }
func (s *BranchStmt) End() source.Pos {
	if s.Tok == CONTINUE {
		return s.TokPos + 8
	}
	return s.TokPos + 5
}
func (s *BadStmt) Pos() source.Pos { return s.From }
func (s *BadStmt) End() source.Pos { return s.To }

func (*BlockStmt) stmtNode()  {}
func (*DeclStmt) stmtNode()   {}
func (*AssignStmt) stmtNode() {}
func (*ExprStmt) stmtNode()   {}
func (*IfStmt) stmtNode()     {}
func (*ForStmt) stmtNode()    {}
func (*WhileStmt) stmtNode()  {}
func (*ReturnStmt) stmtNode() {}
func (*BranchStmt) stmtNode() {}
func (*BadStmt) stmtNode()    {}

// ---------------------------------------------------------------------------
// Expressions

// LitKind is the kind of a BasicLit.
type LitKind uint8

const (
	IntLit LitKind = iota
	FloatLit
	StringLit // a string without interpolation; Value is the decoded text
	BoolLit
	NilLit
)

// BasicLit: 42, 3.5, "text", true, false, nil.
// Raw is the source text; Value the decoded string value for StringLit.
type BasicLit struct {
	ValuePos source.Pos
	Kind     LitKind
	Raw      string
	Value    string
}

// StringExpr is a string literal with interpolations: "a \(x) b".
// Parts are, in source order, the literal text segments (*BasicLit of kind
// StringLit: Raw is the segment's source text, Value the decoded text) and the
// interpolated expressions. Empty text segments are left out, so two
// expressions may be adjacent ("\(a)\(b)" has two parts). An interpolated
// expression may itself be a string literal ("\("x")"); IsText tells the two
// kinds of part apart.
type StringExpr struct {
	Quote source.Pos
	Parts []Expr
	Close source.Pos // position of the closing quote
}

// ArrayLit: [a, b, c]
type ArrayLit struct {
	Lbrack source.Pos
	Elems  []Expr
	Rbrack source.Pos
}

// DictLit: [k: v, ...] and [:] for the empty dictionary.
type DictLit struct {
	Lbrack source.Pos
	Keys   []Expr
	Values []Expr
	Rbrack source.Pos
}

// ParenExpr: (x)
type ParenExpr struct {
	Lparen source.Pos
	X      Expr
	Rparen source.Pos
}

// UnaryExpr: -x, !x
type UnaryExpr struct {
	OpPos source.Pos
	Op    Token // SUB, NOT
	X     Expr
}

// BinaryExpr: x op y, including ranges (..<, ...), ?? and comparisons.
type BinaryExpr struct {
	X     Expr
	OpPos source.Pos
	Op    Token
	Y     Expr
}

// TernaryExpr: cond ? a : b
type TernaryExpr struct {
	Cond     Expr
	Question source.Pos
	Then     Expr
	Else     Expr
}

// SelectorExpr: x.sel, or x?.sel when Optional.
type SelectorExpr struct {
	X        Expr
	Optional bool
	Sel      *Ident
}

// ImplicitMemberExpr: .headline (resolved against the expected type).
type ImplicitMemberExpr struct {
	Dot  source.Pos
	Name *Ident
}

// Arg is one call argument; Label is nil for an unlabeled argument.
type Arg struct {
	Label *Ident
	Value Expr
}

func (a *Arg) Pos() source.Pos {
	if a.Label != nil {
		return a.Label.Pos()
	}
	return a.Value.Pos()
}
func (a *Arg) End() source.Pos { return a.Value.End() }

// CallExpr: fun(label: x, y) { trailing closure } [label2: { second trailing }]
// A call without parentheses but with a trailing closure has Lparen == NoPos.
// Modifiers are calls on a SelectorExpr: Text("a").padding(20).
type CallExpr struct {
	Fun      Expr
	Lparen   source.Pos
	Args     []*Arg
	Rparen   source.Pos
	Trailing []*Arg // trailing closures; the first has a nil Label
}

// SubscriptExpr: x[index]
type SubscriptExpr struct {
	X      Expr
	Lbrack source.Pos
	Index  Expr
	Rbrack source.Pos
}

// ForceUnwrapExpr: x!
type ForceUnwrapExpr struct {
	X    Expr
	Bang source.Pos
}

// ClosureExpr: { a, b in stmts } / { _ in stmts } / { stmts using $0 }
// A builder closure (VStack { ... }) is a ClosureExpr without params.
type ClosureExpr struct {
	Lbrace source.Pos
	Params []*Param   // nil when the closure has no "in" clause
	In     source.Pos // position of "in", or NoPos
	Body   *BlockStmt // Lbrace/Rbrace are the closure's braces

	// Result is the declared result type of { (a: Int) -> Int in ... }, or nil.
	Result TypeExpr
	// Parens reports that the parameters were written in parentheses: { (a, b) in }.
	Parens bool
}

// BindingExpr: $name, a two-way binding to an atom (or $item.done to a field
// of one, $items[i].done to a field of an element).
type BindingExpr struct {
	Dollar source.Pos
	X      Expr // *Ident, *SelectorExpr or *SubscriptExpr rooted at an *Ident
}

// KeyPathExpr: \.id, \.user.name, \Item.id
type KeyPathExpr struct {
	Backslash source.Pos
	Root      *Ident // nil for \.path
	Path      []*Ident
}

// BadExpr stands for an expression that failed to parse.
type BadExpr struct{ From, To source.Pos }

func (x *BasicLit) Pos() source.Pos   { return x.ValuePos }
func (x *BasicLit) End() source.Pos   { return x.ValuePos + source.Pos(len(x.Raw)) }
func (x *StringExpr) Pos() source.Pos { return x.Quote }

// IsText reports whether part is a literal text segment of a StringExpr
// rather than an interpolated expression: a segment's Raw is the text between
// the quotes, which never starts with an unescaped quote, while an
// interpolated string literal's Raw keeps its quotes.
func IsText(part Expr) bool {
	lit, ok := part.(*BasicLit)
	return ok && lit.Kind == StringLit && !strings.HasPrefix(lit.Raw, "\"")
}
func (x *StringExpr) End() source.Pos { return x.Close + 1 }
func (x *ArrayLit) Pos() source.Pos   { return x.Lbrack }
func (x *ArrayLit) End() source.Pos   { return x.Rbrack + 1 }
func (x *DictLit) Pos() source.Pos    { return x.Lbrack }
func (x *DictLit) End() source.Pos    { return x.Rbrack + 1 }
func (x *ParenExpr) Pos() source.Pos  { return x.Lparen }
func (x *ParenExpr) End() source.Pos  { return x.Rparen + 1 }
func (x *UnaryExpr) Pos() source.Pos  { return x.OpPos }
func (x *UnaryExpr) End() source.Pos  { return rightmost(x.X) }
func (x *BinaryExpr) Pos() source.Pos {
	return leftmost(x.X)
}
func (x *BinaryExpr) End() source.Pos         { return rightmost(x.Y) }
func (x *TernaryExpr) Pos() source.Pos        { return leftmost(x.Cond) }
func (x *TernaryExpr) End() source.Pos        { return rightmost(x.Else) }
func (x *SelectorExpr) Pos() source.Pos       { return leftmost(x.X) }
func (x *SelectorExpr) End() source.Pos       { return x.Sel.End() }
func (x *ImplicitMemberExpr) Pos() source.Pos { return x.Dot }
func (x *ImplicitMemberExpr) End() source.Pos { return x.Name.End() }
func (x *SubscriptExpr) Pos() source.Pos      { return leftmost(x.X) }
func (x *SubscriptExpr) End() source.Pos      { return x.Rbrack + 1 }
func (x *ForceUnwrapExpr) Pos() source.Pos    { return leftmost(x.X) }
func (x *ForceUnwrapExpr) End() source.Pos    { return x.Bang + 1 }
func (x *ClosureExpr) Pos() source.Pos        { return x.Lbrace }
func (x *ClosureExpr) End() source.Pos        { return x.Body.End() }
func (x *BindingExpr) Pos() source.Pos        { return x.Dollar }
func (x *BindingExpr) End() source.Pos        { return rightmost(x.X) }
func (x *BadExpr) Pos() source.Pos            { return x.From }
func (x *BadExpr) End() source.Pos            { return x.To }
func (x *KeyPathExpr) Pos() source.Pos        { return x.Backslash }
func (x *KeyPathExpr) End() source.Pos {
	if n := len(x.Path); n > 0 {
		return x.Path[n-1].End()
	}
	if x.Root != nil {
		return x.Root.End()
	}
	return x.Backslash + 1
}
func (x *CallExpr) Pos() source.Pos { return leftmost(x.Fun) }

// leftmost returns the position of e by a loop down its left spine, so that
// long operator and member chains cost no deep recursion.
func leftmost(e Expr) source.Pos {
	for {
		switch x := e.(type) {
		case *BinaryExpr:
			e = x.X
		case *TernaryExpr:
			e = x.Cond
		case *SelectorExpr:
			e = x.X
		case *SubscriptExpr:
			e = x.X
		case *ForceUnwrapExpr:
			e = x.X
		case *CallExpr:
			e = x.Fun
		default:
			return e.Pos()
		}
	}
}

// rightmost returns the end of e by a loop down its right spine.
func rightmost(e Expr) source.Pos {
	for {
		switch x := e.(type) {
		case *BinaryExpr:
			e = x.Y
		case *TernaryExpr:
			e = x.Else
		case *UnaryExpr:
			e = x.X
		case *BindingExpr:
			e = x.X
		default:
			return e.End()
		}
	}
}
func (x *CallExpr) End() source.Pos {
	if n := len(x.Trailing); n > 0 {
		return x.Trailing[n-1].End()
	}
	if x.Rparen.IsValid() {
		return x.Rparen + 1
	}
	return x.Fun.End()
}

func (*Ident) exprNode()              {}
func (*BasicLit) exprNode()           {}
func (*StringExpr) exprNode()         {}
func (*ArrayLit) exprNode()           {}
func (*DictLit) exprNode()            {}
func (*ParenExpr) exprNode()          {}
func (*UnaryExpr) exprNode()          {}
func (*BinaryExpr) exprNode()         {}
func (*TernaryExpr) exprNode()        {}
func (*SelectorExpr) exprNode()       {}
func (*ImplicitMemberExpr) exprNode() {}
func (*CallExpr) exprNode()           {}
func (*SubscriptExpr) exprNode()      {}
func (*ForceUnwrapExpr) exprNode()    {}
func (*ClosureExpr) exprNode()        {}
func (*BindingExpr) exprNode()        {}
func (*KeyPathExpr) exprNode()        {}
func (*BadExpr) exprNode()            {}
