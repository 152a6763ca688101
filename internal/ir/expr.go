package ir

import (
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/types"
)

// Reactivity classifies a node or expression.
type Reactivity uint8

const (
	// Static: a constant; targets bake it into templates and stylesheets.
	Static Reactivity = iota
	// Props: depends on props (or render locals derived from them) but on
	// no atom; it is fixed per instance unless one of its props is Dynamic.
	Props
	// Reactive: depends on atoms or computeds; targets bind it to an effect.
	Reactive
)

func (r Reactivity) String() string {
	switch r {
	case Props:
		return "props"
	case Reactive:
		return "reactive"
	}
	return "static"
}

// Dyn is an expression's reactivity and what it depends on.
type Dyn struct {
	Kind  Reactivity
	Atoms []*Atom // atoms and computeds read (Reactive)
	Props []*Prop // props read
}

// IsStatic reports whether the value is a compile-time constant.
func (d Dyn) IsStatic() bool { return d.Kind == Static }

// Changes reports whether the value can change after an instance is
// created: it reads an atom, or a prop that opt.Props marked Dynamic.
func (d Dyn) Changes() bool {
	if d.Kind == Reactive {
		return true
	}
	for _, p := range d.Props {
		if p.Dynamic {
			return true
		}
	}
	return false
}

// Join merges two dependency sets.
func (d Dyn) Join(e Dyn) Dyn {
	if e.Kind > d.Kind {
		d.Kind = e.Kind
	}
	for _, a := range e.Atoms {
		d.Atoms = addUnique(d.Atoms, a)
	}
	for _, p := range e.Props {
		d.Props = addUnique(d.Props, p)
	}
	return d
}

func addUnique[T comparable](s []T, x T) []T {
	for _, y := range s {
		if y == x {
			return s
		}
	}
	return append(s, x)
}

// Expr is a typed expression.
type Expr interface {
	Pos() source.Pos
	Type() types.Type
	Dyn() Dyn
	exprNode()
}

// X holds what every expression has. Lowering fills it in.
type X struct {
	P source.Pos
	T types.Type
	D Dyn
}

func (x *X) Pos() source.Pos  { return x.P }
func (x *X) Type() types.Type { return x.T }
func (x *X) Dyn() Dyn         { return x.D }

// SetDyn replaces the expression's reactivity (used by lowering and passes).
func (x *X) SetDyn(d Dyn) { x.D = d }

// Const is a folded constant. Value is int64, float64, string, bool, nil
// (the nil literal), Color, Font, EdgeSet, Alignment, or *EnumCase.
type Const struct {
	X
	Value any
}

// Ref reads a symbol: *Atom, *Prop, *Var or *Func (a function value).
type Ref struct {
	X
	Sym any
}

// Unary is -X or !X.
type Unary struct {
	X
	Op string // "-", "!"
	Y  Expr
}

// Binary is L op R. Op is one of + - * / % == != < <= > >= && || ??.
// Arithmetic on Int truncates (targets must print Int division and
// remainder with truncation toward zero); + on String concatenates.
type Binary struct {
	X
	Op   string
	L, R Expr
}

// Range is Lo..<Hi (Closed false) or Lo...Hi (Closed true).
type Range struct {
	X
	Lo, Hi Expr
	Closed bool
}

// Cond is Cond ? Then : Else.
type Cond struct {
	X
	Cond, Then, Else Expr
}

// Interp is a string interpolation: the concatenation of Parts, each a
// String Const or an expression converted with String(describing:).
// Constant parts are already folded together.
type Interp struct {
	X
	Parts []Expr
}

// Field reads a struct field: Y.Name (Y?.Name when Optional).
type Field struct {
	X
	Y        Expr
	Name     string
	Optional bool
}

// Index is Y[Index] on an array (trapping when out of range) or a
// dictionary (an optional result).
type Index struct {
	X
	Y, Index Expr
}

// Unwrap is Y! (traps on nil).
type Unwrap struct {
	X
	Y Expr
}

// Call calls a user func or method. Args has one entry per parameter
// (defaults are filled in by lowering). Recv is the receiver of a method
// call (a place when Func.Mutating).
type Call struct {
	X
	Func     *Func
	Recv     Expr
	Args     []Expr
	Optional bool // recv?.method()
}

// CallValue calls a function-typed value (a closure in a local or prop).
type CallValue struct {
	X
	Fn   Expr
	Args []Expr
}

// Lib calls a library member: Name is "Type.member" for members and static
// functions ("Array.filter", "String.uppercased", "Array.count",
// "Storage.get", "Timer.scheduledTimer", "Int.random", "Color.rgb",
// "Int.init", "Double.init", "String.init") or the function name for free
// functions ("print", "min", "max", "abs", "sqrt", ...). Recv is nil for
// static and free functions. Mutating members (append, remove(at:)...)
// have a place as Recv. Args follow the signature's parameter order, with
// Labels giving the argument labels used (for overloads such as
// append(_:) and append(contentsOf:)).
type Lib struct {
	X
	ID       types.MemberID // the library member (code generators switch on it)
	Name     string         // "Type.member" or the function name, for dumps and messages
	Recv     Expr
	Args     []Expr
	Labels   []string
	Mutating bool
	Optional bool // recv?.member
	Property bool // a property read (count, isEmpty), not a call
}

// ArrayLit is [Elems].
type ArrayLit struct {
	X
	Elems []Expr
}

// DictLit is [Keys[i]: Values[i]].
type DictLit struct {
	X
	Keys, Values []Expr
}

// StructLit is a memberwise initialization; Fields has one entry per
// struct field, defaults filled in.
type StructLit struct {
	X
	Struct *Struct
	Fields []Expr
}

// Closure is { params in body }. Action is set for event handlers (writes
// allowed, run untracked); single-expression closures have a Return body.
type Closure struct {
	X
	Params []*Var
	Body   *Block
	Action bool
}

// Bind is a two-way binding $place: Place is a Ref to an atom (or a
// mutable prop-less place) optionally followed by Field selections.
type Bind struct {
	X
	Place Expr
}

// KeyPath is \.a.b.
type KeyPath struct {
	X
	Path []string
}

func (*Const) exprNode()     {}
func (*Ref) exprNode()       {}
func (*Unary) exprNode()     {}
func (*Binary) exprNode()    {}
func (*Range) exprNode()     {}
func (*Cond) exprNode()      {}
func (*Interp) exprNode()    {}
func (*Field) exprNode()     {}
func (*Index) exprNode()     {}
func (*Unwrap) exprNode()    {}
func (*Call) exprNode()      {}
func (*CallValue) exprNode() {}
func (*Lib) exprNode()       {}
func (*ArrayLit) exprNode()  {}
func (*DictLit) exprNode()   {}
func (*StructLit) exprNode() {}
func (*Closure) exprNode()   {}
func (*Bind) exprNode()      {}
func (*KeyPath) exprNode()   {}

// Stmt is a statement of a func, handler, computed or lifecycle body.
type Stmt interface {
	Pos() source.Pos
	stmtNode()
}

// Block is a list of statements.
type Block struct {
	P     source.Pos
	Stmts []Stmt
}

// Local declares a let/var local.
type Local struct {
	P     source.Pos
	Var   *Var
	Value Expr // nil: uninitialized var
}

// Assign is Place op= Value, Op one of = += -= *= /= %=. Place is a Ref
// (atom, local, param, self) followed by Field and Index selections;
// targets implement value semantics (a write to todos[i].done replaces
// todos with a copy that has a new element i).
type Assign struct {
	P     source.Pos
	Place Expr
	Op    string
	Value Expr
}

// ExprStmt evaluates X for its effects.
type ExprStmt struct {
	P source.Pos
	X Expr
}

// IfStmt is if Cond { Then } else Else, Else nil, *Block or *IfStmt. With
// Bind set it is `if let Bind = Cond`.
type IfStmt struct {
	P    source.Pos
	Cond Expr
	Bind *Var
	Then *Block
	Else Stmt
}

// ForStmt is for Var in Seq { Body }; a Range Seq is a counted loop.
type ForStmt struct {
	P    source.Pos
	Var  *Var // nil for _
	Seq  Expr
	Body *Block
}

// While is while Cond { Body }.
type While struct {
	P    source.Pos
	Cond Expr
	Body *Block
}

// Return returns Value (nil for a bare return).
type Return struct {
	P     source.Pos
	Value Expr
}

// Branch is break or continue.
type Branch struct {
	P        source.Pos
	Continue bool
}

func (s *Block) Pos() source.Pos    { return s.P }
func (s *Local) Pos() source.Pos    { return s.P }
func (s *Assign) Pos() source.Pos   { return s.P }
func (s *ExprStmt) Pos() source.Pos { return s.P }
func (s *IfStmt) Pos() source.Pos   { return s.P }
func (s *ForStmt) Pos() source.Pos  { return s.P }
func (s *While) Pos() source.Pos    { return s.P }
func (s *Return) Pos() source.Pos   { return s.P }
func (s *Branch) Pos() source.Pos   { return s.P }

func (*Block) stmtNode()    {}
func (*Local) stmtNode()    {}
func (*Assign) stmtNode()   {}
func (*ExprStmt) stmtNode() {}
func (*IfStmt) stmtNode()   {}
func (*ForStmt) stmtNode()  {}
func (*While) stmtNode()    {}
func (*Return) stmtNode()   {}
func (*Branch) stmtNode()   {}
