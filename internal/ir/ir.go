// Package ir is the target-neutral view IR of Jepsh.
//
// Lowering (package lower) turns a checked program into one *Program; the
// whole-program passes (package opt) rewrite it in place; each target (web
// now, Jetpack Compose and SwiftUI later) prints it. The IR has no DOM
// concepts except the web escape hatch (Html elements and the className, id,
// attr, style and on modifiers), which are marked web-only (see WebOnly) so
// the other targets can reject them with a diagnostic naming the construct.
//
// Shape of the IR:
//
//   - declarations (views, structs, enums, funcs, app-wide atoms) are
//     pointers that reference each other directly; a reference in an
//     expression is a *Ref to the declaration's symbol;
//   - a view's render content is a tree of Nodes: built-in view Elements
//     (kind + named arguments + ordered Modifiers), Instances of user views,
//     conditionals (If), keyed lists (For), and local constants (Let);
//   - expressions and statements are a small typed form (types from package
//     types, which is target-neutral); every expression carries its type,
//     its source position and its reactivity (Dyn): Static, Props or
//     Reactive, with the atoms and props it depends on;
//   - constants are already folded (design tokens inlined) by the checker,
//     so a Const may be a number, a string, a Color or a Font.
//
// Positions are source.Pos values of the checked program's FileSet
// (Program.Fset), used for source maps and target diagnostics.
package ir

import (
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/types"
)

// Program is a whole app.
type Program struct {
	Fset  *source.FileSet
	Name  string // the app's name ("" if there is no app declaration)
	Title string
	Root  *View // the root view (nil if none)
	// RootArgs are the constant props given in `root: View(args)`.
	RootArgs []*PropArg
	Routes   []*Route
	Views    []*View   // every view, in declaration order (opt.Reachability drops unused ones)
	Structs  []*Struct // user structs
	Enums    []*Enum
	Funcs    []*Func // top-level funcs
	Atoms    []*Atom // app-wide atoms and computeds, in dependency-safe order

	// Analyzed is set by opt.Run: the Read/Written/Used/Dynamic facts are
	// valid (targets must not rely on them otherwise).
	Analyzed bool
}

// Route is one `route "/path/:param" => View(args)` of the app.
type Route struct {
	P        source.Pos
	Path     string     // as written: "/users/:id"
	Segments []Segment  // the path split at '/', without the leading empty one
	View     *View      // the target view
	Args     []*PropArg // constant props given in the route (filter: .active)
	Params   []*RouteParam
}

// Segment is one path segment: a literal or a :param.
type Segment struct {
	Literal string
	Param   *RouteParam // non-nil for ":name"
}

// RouteParam is a typed path parameter; it feeds the target view's prop of
// the same name, converted from the URL text to the prop's type.
type RouteParam struct {
	Name string
	Prop *Prop
	Type types.Type // Int, Double, String, Bool or an enum with String raw values
}

// PropArg is one prop value given at an instance or route: Prop = Value.
type PropArg struct {
	Prop  *Prop
	Value Expr
}

// View is a user view declaration.
type View struct {
	P         source.Pos
	Name      string
	Props     []*Prop
	Atoms     []*Atom // view state and view computeds, in declaration order
	Funcs     []*Func // handler funcs
	OnMount   *Block  // nil if none
	OnUnmount *Block  // nil if none
	Body      []Node  // render content (more than one node is a fragment)
	Obj       *types.Object

	// WebOnly is the first web-only construct in the view (nil if none),
	// for the other targets' "not available on this target" diagnostic.
	WebOnly *WebOnlyUse
}

// WebOnlyUse names a web-only construct and where it is used.
type WebOnlyUse struct {
	P    source.Pos
	What string // "Html.div", "modifier className"...
}

// Prop is a view's `let name: Type = default`.
type Prop struct {
	P       source.Pos
	Name    string
	Type    types.Type
	Default Expr // nil: required
	Owner   *View
	Obj     *types.Object

	// Dynamic is set by opt.Props when some instance of the view passes a
	// value that can change after creation (or the prop is a route param
	// of a reused route view); otherwise reads of the prop are constant per
	// instance and targets may read them once.
	Dynamic bool
}

// Atom is a piece of state: `atom x = v` or `atom computed x { }`, either a
// view's (Owner != nil) or app-wide.
type Atom struct {
	P        source.Pos
	Name     string
	Type     types.Type
	Computed bool
	Init     Expr   // plain atom: initial value
	Body     *Block // computed: body (a single expression is a Return)
	Owner    *View  // nil for app-wide
	Obj      *types.Object
	Deps     []*Atom // computed: atoms and computeds it reads (from the checker)

	// Written is set by opt.DeadStores when some statement writes the atom;
	// an atom that is never written is a constant and may be printed as one.
	Written bool
	// Read is set by opt.DeadStores when something reads the atom; unread
	// atoms (and computeds) are removed.
	Read bool
	// Tracked is set by opt.Tracked when a render expression, a computed or
	// a func they call reads the atom: only then does it need change
	// propagation.
	Tracked bool
}

// Struct is a user struct with value semantics.
type Struct struct {
	P       source.Pos
	Name    string
	Fields  []*StructField
	Methods []*Func
	Type    *types.Struct
	Obj     *types.Object
}

// StructField is a struct field.
type StructField struct {
	Name    string
	Type    types.Type
	Var     bool
	Default Expr // nil if required in the memberwise initializer
}

// Enum is a user enum. Values of an enum are represented by targets as they
// like; CaseValue gives the natural value (the raw value, or the case name).
type Enum struct {
	P       source.Pos
	Name    string
	Cases   []*EnumCase
	Raw     types.Type // nil, String or Int
	Methods []*Func
	Type    *types.Enum
	Obj     *types.Object
}

// EnumCase is one case; Raw is its raw value constant (string or int64),
// or the case name for enums without raw values.
type EnumCase struct {
	Name string
	Raw  any
	Enum *Enum
}

// Func is a top-level func, a view handler or a struct/enum method.
type Func struct {
	P        source.Pos
	Name     string
	Params   []*Var
	Defaults []Expr // per param, nil if required (calls are lowered with all args present)
	Result   types.Type
	Body     *Block
	View     *View   // handler of this view
	Struct   *Struct // method of this struct
	Enum     *Enum   // method of this enum
	Self     *Var    // the receiver of a method (nil otherwise)
	Mutating bool
	Obj      *types.Object
	// Used is set by opt.Reachability.
	Used bool
}

// Var is a local: let/var, a parameter, a for-in or if-let variable, a
// closure parameter. Targets choose names (Name is the source name, ID is
// unique within the Program).
type Var struct {
	Name    string
	Type    types.Type
	Mutable bool
	ID      int
}

// WebOnly reports whether the program uses web-only constructs, and the first one.
func (p *Program) WebOnly() *WebOnlyUse {
	for _, v := range p.Views {
		if v.WebOnly != nil {
			return v.WebOnly
		}
	}
	return nil
}

// CaseValue returns the enum case's natural value: its raw value, or its name.
func (c *EnumCase) CaseValue() any {
	if c.Raw != nil {
		return c.Raw
	}
	return c.Name
}
