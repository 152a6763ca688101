package check

import (
	"go/constant"
	"strings"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/source"
	"github.com/jepsh/jepsh/internal/syntax"
	"github.com/jepsh/jepsh/internal/types"
)

// Info holds everything the checker learned about an app. The AST is never
// modified: all facts live in these side tables, keyed by node pointers.
// Lowering to the target-neutral IR reads Info and the AST together.
//
// # Reading guide for lowering
//
//   - Every expression has an entry in Types (identifiers that declare
//     something, argument labels and type names excepted), also in a
//     program with errors, where what the check rejected or did not reach
//     has the invalid type: its type and,
//     when it is a compile-time constant, its value (see TypeAndValue).
//     The callee of a method, modifier or static call (x.f in x.f(...)) has
//     the chosen signature as its type; T.self and type names used as
//     values have a *types.Meta type. Constants include
//     literals, folded arithmetic and comparisons, string interpolations
//     whose parts are all constant, let locals bound to constants, named
//     colors and enum-like library values, and resolved design tokens
//     (Color.token(.x) is the color's "#RRGGBB[AA]" string, Spacing.token
//     and Radius.token are Double). Only the outermost node of a constant
//     expression is guaranteed to carry the converted value when an integer
//     literal was used as a Double (2 * d records the literal 2 as Double).
//     Interpolating a constant Double formats it as FormatDouble does.
//   - Defs maps each declaring identifier to its Object; Uses maps each
//     referring identifier (including the Sel of x.field and the names of
//     implicit $0/$1 parameters) to the Object it denotes. In an enum
//     method, a bare rawValue is a FieldObj named "rawValue" owned by the
//     enum.
//   - Calls says what each call expression is: a built-in view (ViewID), an
//     Html element, a modifier (ModifierID), a user view, a struct
//     initializer, a library member (MemberID), a user func, or a call of a
//     closure value; with the chosen signature and the argument bound to each
//     parameter (trailing closures included, nil for defaulted parameters).
//   - Selections says what x.name, .name and .a.b (token paths) resolve to
//     when it is not a plain Uses entry: a library property, an enum case,
//     a design token.
//   - Deps holds, for every node inside a render body (view calls, their
//     arguments, modifier receivers and arguments, if conditions, for
//     sequences, let values, and their sub-expressions), the set of atoms,
//     computeds and props it reads, transitively through the funcs it calls.
//     Nodes without an entry read nothing (Static). Reactive(n) gives the
//     node's ReactiveKind. Closures passed as event handlers are Static: they
//     run on events, not during render. For a view call (built-in, Html,
//     user view) and a modifier call the entry covers the call's own
//     arguments only: the receiver of a modifier and the builder closure
//     with the children have entries of their own. For other calls it
//     covers the receiver, the arguments and what the called funcs read.
//     The sets hold atoms, computeds and props only.
//   - Bindings gives, for each $x, the atom it writes (for $row.done in
//     "for row in rows" or a ForEach over rows: the atom rows).
//   - Locals gives render-time locals (let values, for variables, ForEach
//     and List row parameters) what their values read.
//   - Computeds gives each computed's read set (atoms, computeds, props;
//     transitively through called funcs); Funcs each func's transitive read
//     and write sets.
//   - Views lists the views in source order with their members, the views
//     they render (the call graph for tree shaking) and their web-only
//     constructs. App describes the app declaration and its routes.
//
// Read the node facts with the accessor methods (TypeAndValueOf, TypeOf,
// HasType, ObjectOf, DefOf, UseOf, CallOf, SelectionOf, DepsOf, Reactive,
// EachCall, EachDeps): by default they live in position-indexed tables and
// the maps Types, Defs, Uses, Calls, Selections and Deps are nil; only
// Config.Maps fills the maps (instead of the tables). The accessors work in
// both modes.
type Info struct {
	Types      map[syntax.Expr]TypeAndValue
	Defs       map[*syntax.Ident]*types.Object
	Uses       map[*syntax.Ident]*types.Object
	Calls      map[*syntax.CallExpr]*Call
	Selections map[syntax.Expr]*Selection
	Deps       map[syntax.Node]*DepSet
	Bindings   map[*syntax.BindingExpr]*types.Object // $x → the atom it writes ($todo.done in "for todo in todos": todos)

	Computeds map[*types.Object]*DepSet    // computed → what it reads
	Funcs     map[*types.Object]*FuncFacts // func → transitive reads and writes
	Locals    map[*types.Object]*DepSet    // render-time locals (let, for, closure params of ForEach/List) → what their value reads

	Objects []*types.Object // every declared object except locals and parameters, in creation order (by increasing ID)
	Views   []*ViewInfo     // in source order
	Structs []*types.Object // in source order
	Enums   []*types.Object // in source order
	Globals []*types.Object // app-wide atoms, computeds and top-level funcs, in source order
	App     *AppInfo        // nil when the app has no app declaration

	Tokens *design.Tokens // the design tokens the check resolved against

	dense *nodeTable // the node tables (nil with Config.Maps, which fills the maps above)
}

// TypeAndValue is the type of an expression and its constant value, if any.
// Constant kinds: Bool, Int (for Int), Float (for Double), String (for
// String, and for Color as "#RRGGBB[AA]", and for library enum-like values
// such as EdgeSet.top as the case name).
type TypeAndValue struct {
	Type  types.Type
	Value constant.Value // nil if not a compile-time constant
}

// IsConst reports whether the expression is a constant.
func (tv TypeAndValue) IsConst() bool { return tv.Value != nil }

// TypeOf returns the type of e, or nil.
func (info *Info) TypeOf(e syntax.Expr) types.Type { return info.TypeAndValueOf(e).Type }

// ObjectOf returns the object an identifier defines or uses, or nil.
func (info *Info) ObjectOf(id *syntax.Ident) *types.Object {
	if o := info.DefOf(id); o != nil {
		return o
	}
	return info.UseOf(id)
}

// ReactiveKind classifies what a render node depends on.
type ReactiveKind uint8

const (
	Static   ReactiveKind = iota // constant: computed once
	Props                        // depends on props (fixed per instance unless the parent re-renders) but no state
	Reactive                     // depends on atoms or computeds: updated when they change
)

func (k ReactiveKind) String() string {
	switch k {
	case Props:
		return "props"
	case Reactive:
		return "reactive"
	}
	return "static"
}

// Reactive returns the reactive kind of a node inside a render body.
func (info *Info) Reactive(n syntax.Node) ReactiveKind {
	return info.DepsOf(n).Kind()
}

// DepSet is an immutable, interned set of objects (atoms, computeds, props)
// sorted by object ID. Equal sets are the same pointer within one Info. The
// nil *DepSet is the empty set.
type DepSet struct {
	Objs    []*types.Object
	kind    ReactiveKind
	hasFunc bool             // holds a func (expanded after the bodies)
	id      uint32           // creation number within the check (for caches)
	inl     [3]*types.Object // storage of Objs for small sets
}

// Kind returns Reactive if the set holds an atom or computed, Props if it
// holds only props, Static if it is empty.
func (s *DepSet) Kind() ReactiveKind {
	if s == nil {
		return Static
	}
	return s.kind
}

// Has reports whether o is in the set.
func (s *DepSet) Has(o *types.Object) bool {
	if s == nil {
		return false
	}
	for _, x := range s.Objs {
		if x == o {
			return true
		}
	}
	return false
}

// State returns the atoms and computeds of the set (no props).
func (s *DepSet) State() []*types.Object {
	if s == nil {
		return nil
	}
	var out []*types.Object
	for _, o := range s.Objs {
		if o.IsState() {
			out = append(out, o)
		}
	}
	return out
}

func (s *DepSet) String() string {
	if s == nil || len(s.Objs) == 0 {
		return "{}"
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, o := range s.Objs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(o.QualifiedName())
	}
	b.WriteByte('}')
	return b.String()
}

// FuncFacts are the transitive effects of a func (handler, top-level func,
// method): the atoms and computeds it reads and the atoms it writes,
// including through the funcs it calls.
type FuncFacts struct {
	Reads  *DepSet
	Writes *DepSet
	Calls  []*types.Object // funcs called directly
}

// CallKind says what a call expression calls.
type CallKind uint8

const (
	CallBuiltinView CallKind = iota + 1 // VStack(...), Text(...): Call.View
	CallHtml                            // Html.tag(attrs) { children }: Call.Tag, Call.Attrs
	CallModifier                        // view.padding(...): Call.Modifier, Call.Recv
	CallUserView                        // Card(title: ...): Call.Obj is the ViewObj; Args per prop
	CallStructInit                      // Todo(id: 1, title: "x"): Call.Obj is the StructObj; Args per field
	CallEnumInit                        // Filter(rawValue: "x") -> Filter?: Call.Obj is the EnumObj
	CallLibrary                         // sqrt(x), items.filter {...}, Color.token(.x): Call.Member (Recv for methods)
	CallFunc                            // a user func or handler or method: Call.Obj is the FuncObj (Recv for methods)
	CallValue                           // a call of a closure value: f(x)
)

// Call describes a resolved call.
type Call struct {
	Kind     CallKind
	View     *types.ViewSpec     // CallBuiltinView
	Modifier *types.ModifierSpec // CallModifier
	Member   *types.Member       // CallLibrary
	Obj      *types.Object       // CallUserView, CallStructInit, CallEnumInit, CallFunc
	Overload int                 // index of the chosen signature in View/Modifier/Member.Sigs
	Sig      *types.Func         // the signature with type variables substituted

	// Args holds, per parameter of Sig, the argument bound to it (trailing
	// closures included), or nil when the parameter took its default.
	// For user views the parameters are the props in declaration order.
	Args []*syntax.Arg

	Recv  syntax.Expr   // receiver of a modifier or method call (X of the selector), or nil
	Tag   string        // CallHtml: the element name
	Attrs []*syntax.Arg // CallHtml: attribute arguments in source order
	Token *design.Token // Color/Font/Spacing/Radius.token(...): the resolved token
}

// SelectionKind says what a member expression resolved to.
type SelectionKind uint8

const (
	SelField    SelectionKind = iota + 1 // struct field: Obj
	SelCase                              // enum case: Obj (x is Filter.all or .all)
	SelRawValue                          // enumValue.rawValue
	SelLibrary                           // library property or static value: Member (Color.red, s.count, .headline)
	SelToken                             // design token path inside .token(...): Token
	SelMethod                            // a method named in a call's Fun: Obj (user) or Member (library)
	SelModifier                          // a modifier named in a call's Fun
	SelHtmlTag                           // Html.tag in a call's Fun
)

// Selection describes a resolved member or implicit member expression.
type Selection struct {
	Kind     SelectionKind
	Obj      *types.Object
	Member   *types.Member
	Token    *design.Token
	Optional bool // reached through ?. (the result is optional)
}

// ViewInfo summarizes a view declaration.
type ViewInfo struct {
	Obj       *types.Object
	Decl      *syntax.ViewDecl
	Props     []*types.Object
	Atoms     []*types.Object
	Computeds []*types.Object
	Funcs     []*types.Object
	Renders   []*types.Object // user views called in render (and its builder closures), deduplicated, in first-use order
	WebOnly   []WebOnlyUse    // web-only constructs in the view, in source order
	AppState  []*types.Object // app-wide atoms and computeds the view reads anywhere (render, computeds, handlers)
}

// WebOnlyUse is a web-only construct (Html elements, className, id, attr,
// on, style): compiling the view for another target is an error at Pos.
type WebOnlyUse struct {
	Pos       source.Pos
	Construct string // "Html.div", ".className", ...
}

// AppInfo describes the app declaration.
type AppInfo struct {
	Obj      *types.Object
	Decl     *syntax.AppDecl
	Root     *types.Object // root view, or nil
	NotFound *types.Object // notFound view, or nil
	Title    string
	Routes   []*Route
}

// Route is one route of the app.
type Route struct {
	Decl   *syntax.RouteDecl
	Path   string
	Params []RouteParam
	View   *types.Object    // target view
	Call   *syntax.CallExpr // target call with fixed props, or nil
}

// RouteParam is a :name path parameter bound to the view's prop of that name.
type RouteParam struct {
	Name string
	Prop *types.Object
}
