// Package types holds the type representations of JXL and the universe: the
// built-in types, the built-in views, the modifiers and the library.
//
// Types are compared with Identical, never with ==, except for the Basic and
// Named singletons which are unique. The universe is table-driven: every
// built-in view, modifier and library member has a stable numeric identifier
// (ViewID, ModifierID, MemberID) that code generators switch on; the tables
// in universe.go and library.go describe their signatures in a small
// Swift-like notation (see sig.go).
package types

import (
	"strings"
)

// Type is a JXL type.
type Type interface {
	String() string
	typ()
}

// BasicKind identifies a basic type.
type BasicKind uint8

const (
	Invalid BasicKind = iota // a type error happened; never reported twice
	Bool
	Int
	Double
	String
	Void
	UntypedNil // the type of the nil literal before it meets an Optional
	AnyKind    // Any: accepted by print, JSON.encode and String(_:)
)

// Basic is a basic type. The values in Typ are the only instances.
type Basic struct {
	Kind BasicKind
	Name string
}

// Typ holds the basic types, indexed by kind.
var Typ = [...]*Basic{
	Invalid:    {Invalid, "invalid type"},
	Bool:       {Bool, "Bool"},
	Int:        {Int, "Int"},
	Double:     {Double, "Double"},
	String:     {String, "String"},
	Void:       {Void, "Void"},
	UntypedNil: {UntypedNil, "nil"},
	AnyKind:    {AnyKind, "Any"},
}

// Shorthands for the basic types.
var (
	InvalidType = Typ[Invalid]
	BoolType    = Typ[Bool]
	IntType     = Typ[Int]
	DoubleType  = Typ[Double]
	StringType  = Typ[String]
	VoidType    = Typ[Void]
	NilType     = Typ[UntypedNil]
	AnyType     = Typ[AnyKind]
)

// Array is [Elem].
type Array struct{ Elem Type }

// Dictionary is [Key: Value].
type Dictionary struct{ Key, Value Type }

// Optional is Elem?.
type Optional struct{ Elem Type }

// Range is the type of a..<b and a...b (Elem is Int or Double).
type Range struct{ Elem Type }

// Binding is the type of $x: a two-way reference to an atom (or a field of one).
type Binding struct{ Elem Type }

// KeyPath is the type of \.path: from Root to Value.
type KeyPath struct{ Root, Value Type }

// FuncKind says how a function-typed parameter's closure is used.
type FuncKind uint8

const (
	PlainFunc   FuncKind = iota // a computation (map, filter...): inherits the caller's context
	ActionFunc                  // an event handler (Button action, Timer, Http, on(...)): may write atoms
	BuilderFunc                 // view builder content: its statements are views, no writes
)

// Param is a parameter of a function type or a signature.
type Param struct {
	Label    string // argument label; "" for an unlabeled (_) parameter
	Name     string // internal name (documentation and generators)
	Type     Type
	Default  string // source text of the default value; "" if required
	Optional bool   // the argument may be omitted (it has a default)
	Variadic bool   // accepts any number of arguments (print)
}

// Func is a function type: (Params) -> Result.
type Func struct {
	Params []*Param
	Result Type
	Kind   FuncKind // not part of type identity
}

// Struct is a user-declared struct.
type Struct struct {
	Obj     *Object   // the StructObj
	Fields  []*Object // FieldObj, in declaration order
	Methods []*Object // FuncObj with Method set
}

// Enum is a user-declared enum.
type Enum struct {
	Obj     *Object
	Raw     Type      // raw value type (String or Int), or nil
	Cases   []*Object // CaseObj in declaration order
	Methods []*Object
}

// ViewDecl is the type of a user view's name: what a call of it needs.
type ViewDecl struct {
	Obj   *Object
	Props []*Object // PropObj in declaration order
}

// Named is a built-in library type such as Color, Font or Timer. The
// instances in this package are unique, so == compares them.
type Named struct {
	ID   NamedID
	Name string
}

// TokenRef is the parameter type of Color.token, Font.token, Spacing.token
// and Radius.token: an implicit member naming a design token of Section.
type TokenRef struct{ Section string }

// TypeParam is a type variable in a library signature: T (element of the
// receiver or first argument), U (inferred from a closure), K, V (dictionary).
type TypeParam struct{ Name string }

// Tuple is the type of a function's parameter list when reported as a whole;
// it is not a first-class JXL type.
type Tuple struct{ Types []Type }

// Meta is the type of a name that denotes a type (Color, Todo, Int) where the
// name is used as an expression, e.g. the receiver of Color.red or Int.random.
type Meta struct{ Of Type }

func (*Basic) typ()      {}
func (*Array) typ()      {}
func (*Dictionary) typ() {}
func (*Optional) typ()   {}
func (*Range) typ()      {}
func (*Binding) typ()    {}
func (*KeyPath) typ()    {}
func (*Func) typ()       {}
func (*Struct) typ()     {}
func (*Enum) typ()       {}
func (*ViewDecl) typ()   {}
func (*Named) typ()      {}
func (*TokenRef) typ()   {}
func (*TypeParam) typ()  {}
func (*Tuple) typ()      {}
func (*Meta) typ()       {}

func (t *Basic) String() string      { return t.Name }
func (t *Array) String() string      { return "[" + t.Elem.String() + "]" }
func (t *Dictionary) String() string { return "[" + t.Key.String() + ": " + t.Value.String() + "]" }
func (t *Optional) String() string {
	if _, ok := t.Elem.(*Func); ok {
		return "(" + t.Elem.String() + ")?"
	}
	return t.Elem.String() + "?"
}
func (t *Range) String() string   { return "Range<" + t.Elem.String() + ">" }
func (t *Binding) String() string { return "Binding<" + t.Elem.String() + ">" }
func (t *KeyPath) String() string {
	return "KeyPath<" + t.Root.String() + ", " + t.Value.String() + ">"
}
func (t *Struct) String() string    { return t.Obj.Name }
func (t *Enum) String() string      { return t.Obj.Name }
func (t *ViewDecl) String() string  { return t.Obj.Name }
func (t *Named) String() string     { return t.Name }
func (t *TokenRef) String() string  { return t.Section + " token" }
func (t *TypeParam) String() string { return t.Name }
func (t *Meta) String() string      { return t.Of.String() + ".Type" }
func (t *Tuple) String() string {
	var b strings.Builder
	b.WriteByte('(')
	for i, e := range t.Types {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(e.String())
	}
	b.WriteByte(')')
	return b.String()
}

func (t *Func) String() string {
	var b strings.Builder
	b.WriteByte('(')
	for i, p := range t.Params {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(p.Type.String())
		if p.Variadic {
			b.WriteString("...")
		}
	}
	b.WriteString(") -> ")
	if t.Result == nil {
		b.WriteString("Void")
	} else {
		b.WriteString(t.Result.String())
	}
	return b.String()
}

// Identical reports whether x and y are the same type. Func kinds and
// parameter labels do not matter.
func Identical(x, y Type) bool {
	if x == y {
		return true
	}
	switch x := x.(type) {
	case *Array:
		y, ok := y.(*Array)
		return ok && Identical(x.Elem, y.Elem)
	case *Dictionary:
		y, ok := y.(*Dictionary)
		return ok && Identical(x.Key, y.Key) && Identical(x.Value, y.Value)
	case *Optional:
		y, ok := y.(*Optional)
		return ok && Identical(x.Elem, y.Elem)
	case *Range:
		y, ok := y.(*Range)
		return ok && Identical(x.Elem, y.Elem)
	case *Binding:
		y, ok := y.(*Binding)
		return ok && Identical(x.Elem, y.Elem)
	case *KeyPath:
		y, ok := y.(*KeyPath)
		return ok && Identical(x.Root, y.Root) && Identical(x.Value, y.Value)
	case *TokenRef:
		y, ok := y.(*TokenRef)
		return ok && x.Section == y.Section
	case *Meta:
		y, ok := y.(*Meta)
		return ok && Identical(x.Of, y.Of)
	case *Func:
		y, ok := y.(*Func)
		if !ok || len(x.Params) != len(y.Params) {
			return false
		}
		for i := range x.Params {
			if !Identical(x.Params[i].Type, y.Params[i].Type) {
				return false
			}
		}
		return Identical(result(x), result(y))
	}
	return false
}

func result(f *Func) Type {
	if f.Result == nil {
		return VoidType
	}
	return f.Result
}

// IsInvalid reports whether t is missing or the invalid type (an error was
// already reported for it).
func IsInvalid(t Type) bool { return t == nil || t == InvalidType }

// IsBasic reports whether t is the basic type of kind k.
func IsBasic(t Type, k BasicKind) bool {
	b, ok := t.(*Basic)
	return ok && b.Kind == k
}

// IsNumeric reports whether t is Int or Double.
func IsNumeric(t Type) bool { return t == IntType || t == DoubleType }

// IsView reports whether t is the type of view expressions.
func IsView(t Type) bool { return t == ViewType }

// Unwrap returns the element of an Optional and true, or t and false.
func Unwrap(t Type) (Type, bool) {
	if o, ok := t.(*Optional); ok {
		return o.Elem, true
	}
	return t, false
}

// NewOptional returns t? (t itself when t is already optional).
func NewOptional(t Type) Type {
	if _, ok := t.(*Optional); ok || IsInvalid(t) {
		return t
	}
	return &Optional{Elem: t}
}

// Assignable reports whether a value of type v can be used where t is
// expected: identical types, nil or T for T?, any view for View, anything
// for Any, and String/Int/Double/Bool for an attribute value. Integer
// literals that become Double are the checker's business (they are
// constants, not types).
func Assignable(v, t Type) bool {
	if IsInvalid(v) || IsInvalid(t) {
		return true // an error was already reported
	}
	if Identical(v, t) {
		return true
	}
	if t == AnyType && v != VoidType {
		return true
	}
	if t == AttrValueType {
		return v == StringType || v == IntType || v == DoubleType || v == BoolType
	}
	if o, ok := t.(*Optional); ok {
		if v == NilType {
			return true
		}
		return Assignable(v, o.Elem)
	}
	if tf, ok := t.(*Func); ok {
		vf, ok := v.(*Func)
		if !ok || len(vf.Params) != len(tf.Params) {
			return false
		}
		for i := range vf.Params {
			if !Identical(vf.Params[i].Type, tf.Params[i].Type) {
				return false
			}
		}
		tr := result(tf)
		return tr == VoidType || Assignable(result(vf), tr)
	}
	return false
}

// Comparable reports whether == and != apply to values of t.
func Comparable(t Type) bool {
	switch t := t.(type) {
	case *Basic:
		return t.Kind != Void && t.Kind != Invalid
	case *Optional:
		return Comparable(t.Elem)
	case *Array:
		return Comparable(t.Elem)
	case *Dictionary:
		return Comparable(t.Value)
	case *Enum:
		return true
	case *Struct:
		for _, f := range t.Fields {
			if !Comparable(f.Type) {
				return false
			}
		}
		return true
	case *Named:
		return t == ColorType || t == FontType || t == EdgeSetType || t == AlignmentType || t == FontWeightType
	}
	return false
}

// Ordered reports whether < <= > >= apply to values of t.
func Ordered(t Type) bool {
	return t == IntType || t == DoubleType || t == StringType
}

// Hashable reports whether t can be a dictionary key or a list id.
func Hashable(t Type) bool {
	switch t := t.(type) {
	case *Basic:
		return t.Kind == Int || t.Kind == String || t.Kind == Bool || t.Kind == Double
	case *Enum:
		return true
	}
	return false
}

// Elem returns the element type of a sequence usable in for-in: arrays and
// ranges (nil for other types). Dictionaries are not iterable.
func Elem(t Type) Type {
	switch t := t.(type) {
	case *Array:
		return t.Elem
	case *Range:
		return t.Elem
	}
	return nil
}

// NewOptionalOrNil returns t? for a non-nil t, and nil for nil (an absent
// expected type stays absent).
func NewOptionalOrNil(t Type) Type {
	if t == nil {
		return nil
	}
	return NewOptional(t)
}
