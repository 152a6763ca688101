package diag

// Checker diagnostics: E2xxx names and types, E3xxx reactivity. Never renumber.
const (
	UndefinedName      Code = "E2001" // a name is not declared in any enclosing scope
	DuplicateDecl      Code = "E2002" // a name is declared twice in the same scope (or reuses a built-in name)
	UnknownView        Code = "E2003" // a capitalized call names no view, struct or library type
	UnknownModifier    Code = "E2004" // a method call on a view names no modifier
	MissingArgument    Code = "E2005" // a required prop or parameter has no argument
	UnknownLabel       Code = "E2006" // an argument label matches no prop or parameter (or is out of order)
	TypeMismatch       Code = "E2007" // a value's type does not match the expected type
	ExtraArgument      Code = "E2008" // more arguments (or trailing closures) than parameters
	OptionalMisuse     Code = "E2009" // an optional value is used where a non-optional one is expected
	NonBoolCondition   Code = "E2010" // an if/while/ternary condition is not Bool
	BadReturn          Code = "E2011" // a return value does not match the result type, or a return is missing
	UnknownToken       Code = "E2012" // Color/Font/Spacing/Radius.token names no design token
	UnknownCase        Code = "E2013" // an implicit member or Enum.x names no case or static member of the expected type
	UnknownMember      Code = "E2014" // a value or type has no such property or method
	NotCallable        Code = "E2015" // a call of something that is not a function, view or type
	BadOperands        Code = "E2016" // an operator does not apply to its operand types (e.g. Int + Double)
	CannotInfer        Code = "E2017" // a type cannot be inferred from context ([] without a type, .x without an expected type)
	AssignToLet        Code = "E2018" // assignment to (or mutation of) a let constant, let field or parameter
	AssignToProp       Code = "E2019" // assignment to (or mutation of) a view prop
	NotAssignable      Code = "E2020" // assignment to something that is not a variable (a call, a computed, a func)
	MutatingOnValue    Code = "E2021" // a mutating method on a value that is not a variable, or in a non-mutating method
	NotAView           Code = "E2022" // a statement in view builder content is not a view (or not allowed there)
	UnknownType        Code = "E2023" // a type name is not declared
	BadBinding         Code = "E2024" // $x does not name an atom (or a field of one), or is used outside a Binding argument
	BadApp             Code = "E2025" // an app declaration field or route is invalid
	BranchOutsideLoop  Code = "E2026" // break or continue outside a loop
	BadKeyPath         Code = "E2027" // a key path names no field
	BadLiteral         Code = "E2028" // a literal's value is invalid for its type (e.g. Color(hex:) with a bad color)
	MethodValue        Code = "E2029" // a method or view used as a value without calling it
	InvalidDeclaration Code = "E2030" // a declaration is not allowed where it appears (e.g. an atom in a struct)
	UnusedResult       Code = "E2031" // an expression statement that has no effect (not a call)

	WriteInComputed Code = "E3001" // a computed writes an atom (directly, through a mutating method or a $binding)
	WriteInRender   Code = "E3002" // render content writes state outside an event handler closure
	ComputedCycle   Code = "E3003" // computeds depend on each other in a cycle
	CallWritesState Code = "E3004" // a computed or render calls a function that writes atoms (transitively)
)
