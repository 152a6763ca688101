package types

import (
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
)

// ObjKind is the kind of a named entity.
type ObjKind uint8

const (
	BadObj      ObjKind = iota
	AtomObj             // atom x = v: app-wide (Owner nil) or view state (Owner the view)
	ComputedObj         // atom computed x { } : app-wide or view
	PropObj             // a view's let prop
	LocalObj            // let/var local, for-in variable, if-let binding
	ParamObj            // a func or closure parameter (incl. $0, $1)
	FuncObj             // top-level func, view handler func, struct/enum method
	ViewObj             // view declaration
	StructObj           // struct declaration
	EnumObj             // enum declaration
	FieldObj            // struct field (let/var)
	CaseObj             // enum case
	AppObj              // app declaration
	BuiltinObj          // a universe entity: a built-in view, library type or function
	SelfObj             // self in a struct or enum method (Owner: the type; Mutable in a mutating method)
)

var objKindNames = [...]string{
	BadObj: "bad", AtomObj: "atom", ComputedObj: "computed", PropObj: "prop",
	LocalObj: "local", ParamObj: "parameter", FuncObj: "func", ViewObj: "view",
	StructObj: "struct", EnumObj: "enum", FieldObj: "field", CaseObj: "enum case",
	AppObj: "app", BuiltinObj: "builtin", SelfObj: "self",
}

func (k ObjKind) String() string { return objKindNames[k] }

// Object is a named entity: a declaration of the app or of the universe.
// Objects are unique: compare them with ==. IDs are dense and deterministic
// (declaration order per check run), usable as slice indexes.
type Object struct {
	Kind ObjKind
	Name string
	Pos  source.Pos // position of the declaring name (NoPos for builtins)
	Type Type       // the object's type (for ViewObj a *ViewDecl, StructObj *Struct ...)

	// Decl is the declaring node: *syntax.ViewDecl, *syntax.StructDecl,
	// *syntax.EnumDecl, *syntax.EnumCase, *syntax.FuncDecl, *syntax.AtomDecl,
	// *syntax.PropDecl, *syntax.DeclStmt, *syntax.Param, *syntax.ForStmt,
	// *syntax.OptionalBinding, *syntax.AppDecl; nil for builtins and for
	// implicit closure parameters ($0).
	Decl syntax.Node

	// Owner is the view, struct or enum declaring a member (prop, view atom,
	// view computed, handler, field, method, case); nil for app-wide
	// declarations, locals and builtins.
	Owner *Object

	Mutable  bool // var local, var field, atom (assignable places)
	Mutating bool // mutating struct method
	Method   bool // func declared in a struct or enum
	ID       int

	// Builtin is set for BuiltinObj: what the universe entity is.
	Builtin *Builtin
}

// IsGlobal reports whether the object is an app-wide declaration.
func (o *Object) IsGlobal() bool { return o.Owner == nil && o.Kind != LocalObj && o.Kind != ParamObj }

// IsState reports whether o is an atom or a computed (a reactive source).
func (o *Object) IsState() bool { return o.Kind == AtomObj || o.Kind == ComputedObj }

// QualifiedName is Owner.Name for members and Name otherwise.
func (o *Object) QualifiedName() string {
	if o.Owner != nil && (o.Kind != LocalObj && o.Kind != ParamObj) {
		return o.Owner.Name + "." + o.Name
	}
	return o.Name
}

func (o *Object) String() string { return o.Kind.String() + " " + o.QualifiedName() }
