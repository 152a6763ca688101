package types

import (
	"fmt"
	"strings"
)

// MemberID identifies a library member (property, method, initializer or
// global function). Code generators switch on it. Append only: never reorder.
type MemberID uint16

const (
	_ MemberID = iota
	// global functions
	FnSqrt
	FnAbs
	FnMin
	FnMax
	FnFloor
	FnCeil
	FnRound
	FnPow
	FnPrint
	// conversions: Int(x), Double(x), String(x)
	IntInit
	DoubleInit
	StringInit
	IntRandom
	DoubleRandom
	DoubleInfinity
	DoublePi
	// String
	StringCount
	StringIsEmpty
	StringUppercased
	StringLowercased
	StringTrimmed
	StringContains
	StringHasPrefix
	StringHasSuffix
	StringSplit
	// Array
	ArrayCount
	ArrayIsEmpty
	ArrayFirst
	ArrayLast
	ArrayAppend
	ArrayAppendContents // unused: append(contentsOf:) is overload 1 of ArrayAppend
	ArrayInsert
	ArrayRemoveAt
	ArrayRemoveAll
	ArrayRemoveAllWhere
	ArrayFilter
	ArrayMap
	ArrayCompactMap
	ArrayReduce
	ArrayContains
	ArrayContainsWhere
	ArrayAllSatisfy
	ArrayFirstIndexWhere
	ArrayFirstWhere
	ArraySortedBy
	ArrayReversed
	ArrayIndices
	ArrayJoined
	// Dictionary
	DictCount
	DictIsEmpty
	DictKeys
	DictValues
	DictRemoveValue
	// Color
	ColorToken
	ColorHex
	ColorRGB
	ColorNamed // Color.red etc.: the member's Value is the hex color
	// Font
	FontToken
	FontSystem
	FontStyle // .largeTitle .title .headline ...: sized by the font tokens of that name
	FontWeightValue
	// Spacing, Radius
	SpacingToken
	RadiusToken
	// Timer
	TimerScheduled
	TimerAfter
	TimerInvalidate
	// Http
	HttpGet
	HttpPost
	HttpRequestCancel
	HttpResponseOK
	HttpResponseStatus
	HttpResponseText
	// Storage, JSON
	StorageGet
	StorageSet
	StorageRemove
	JSONEncode
	// Event
	EventKey
	EventValue
	EventChecked
	EventPreventDefault
	// EdgeSet, Alignment, Axis values
	EdgeSetValue
	AlignmentValue
	AxisValue
	// Range
	RangeCount
	// Optional-free string conversion helper
	IntDescription
	DoubleDescription
	// Array, continued
	ArraySorted // unused: sorted() is overload 1 of ArraySortedBy
	ArrayRemoveFirst
	ArrayRemoveLast
	ArrayPrefix
	JSONDecode
)

// MemberKind is the kind of a library member.
type MemberKind uint8

const (
	Property MemberKind = iota + 1
	Method
	Init // T(...) initializer / conversion
)

// Member is a library member. Recv names the receiver type ("" for a
// global function; "Array", "Dictionary", "String", "Color" ...; see RecvKey).
// Signatures may mention T (array element, dictionary key K and value V) and
// U (inferred from a closure or argument).
type Member struct {
	ID       MemberID
	Recv     string
	Name     string
	Kind     MemberKind
	Static   bool
	Mutating bool
	Type     Type    // Property: its type
	Sigs     []*Func // Method, Init: overloads in order
	Value    string  // static constant properties: Color hex "#RRGGBB[AA]", enum-like names
	Decl     string  // the declaration text, for documentation
}

// Members is the library table. The declaration notation is
//
//	[static] [mutating] func name(params) -> T
//	[static] var name: T [= value]
//	init(params) -> T
//
// with the parameter notation of ParseSig.
var Members []*Member

func lib(id MemberID, recv, decl string) {
	m := &Member{ID: id, Recv: recv, Decl: decl}
	s := decl
	for {
		if r, ok := strings.CutPrefix(s, "static "); ok {
			m.Static, s = true, r
			continue
		}
		if r, ok := strings.CutPrefix(s, "mutating "); ok {
			m.Mutating, s = true, r
			continue
		}
		break
	}
	switch {
	case strings.HasPrefix(s, "func "):
		s = s[5:]
		i := strings.IndexByte(s, '(')
		m.Kind, m.Name = Method, s[:i]
		for _, o := range strings.Split(s[i:], " | ") {
			m.Sigs = append(m.Sigs, ParseSig(o))
		}
	case strings.HasPrefix(s, "init"):
		m.Kind, m.Name, m.Static = Init, "init", true
		for _, o := range strings.Split(s[4:], " | ") {
			m.Sigs = append(m.Sigs, ParseSig(o))
		}
	case strings.HasPrefix(s, "var "):
		s = s[4:]
		name, rest, _ := strings.Cut(s, ":")
		typ, val, _ := strings.Cut(rest, "=")
		m.Kind, m.Name = Property, strings.TrimSpace(name)
		m.Type = ParseType(strings.TrimSpace(typ))
		m.Value = strings.TrimSpace(val)
	default:
		panic(fmt.Sprintf("types: bad library declaration %q", decl))
	}
	Members = append(Members, m)
}

func init() {
	// Global functions. Overloads are separated by " | ".
	lib(FnSqrt, "", "func sqrt(_ x: Double) -> Double")
	lib(FnAbs, "", "func abs(_ x: Int) -> Int | (_ x: Double) -> Double")
	lib(FnMin, "", "func min(_ a: Int, _ b: Int) -> Int | (_ a: Double, _ b: Double) -> Double")
	lib(FnMax, "", "func max(_ a: Int, _ b: Int) -> Int | (_ a: Double, _ b: Double) -> Double")
	lib(FnFloor, "", "func floor(_ x: Double) -> Double")
	lib(FnCeil, "", "func ceil(_ x: Double) -> Double")
	lib(FnRound, "", "func round(_ x: Double) -> Double")
	lib(FnPow, "", "func pow(_ x: Double, _ y: Double) -> Double")
	lib(FnPrint, "", "func print(_ items: Any...)")

	// Conversions. Int(String) and Double(String) may fail: they return optionals.
	lib(IntInit, "Int", "init(_ v: Int) -> Int | (_ v: Double) -> Int | (_ v: String) -> Int?")
	lib(DoubleInit, "Double", "init(_ v: Double) -> Double | (_ v: Int) -> Double | (_ v: String) -> Double?")
	lib(StringInit, "String", "init(_ v: Any) -> String")
	lib(IntRandom, "Int", "static func random(in range: Range<Int>) -> Int")
	lib(DoubleRandom, "Double", "static func random(in range: Range<Double>) -> Double")
	lib(DoubleInfinity, "Double", "static var infinity: Double")
	lib(DoublePi, "Double", "static var pi: Double = 3.141592653589793")
	lib(IntDescription, "Int", "var description: String")
	lib(DoubleDescription, "Double", "var description: String")

	lib(StringCount, "String", "var count: Int")
	lib(StringIsEmpty, "String", "var isEmpty: Bool")
	lib(StringUppercased, "String", "func uppercased() -> String")
	lib(StringLowercased, "String", "func lowercased() -> String")
	lib(StringTrimmed, "String", "func trimmed() -> String")
	lib(StringContains, "String", "func contains(_ s: String) -> Bool")
	lib(StringHasPrefix, "String", "func hasPrefix(_ s: String) -> Bool")
	lib(StringHasSuffix, "String", "func hasSuffix(_ s: String) -> Bool")
	lib(StringSplit, "String", "func split(separator: String) -> [String]")

	lib(ArrayCount, "Array", "var count: Int")
	lib(ArrayIsEmpty, "Array", "var isEmpty: Bool")
	lib(ArrayFirst, "Array", "var first: T?")
	lib(ArrayLast, "Array", "var last: T?")
	lib(ArrayIndices, "Array", "var indices: Range<Int>")
	lib(ArrayAppend, "Array", "mutating func append(_ e: T) | (contentsOf: [T])")
	lib(ArrayInsert, "Array", "mutating func insert(_ e: T, at: Int)")
	lib(ArrayRemoveAt, "Array", "mutating func remove(at: Int) -> T")
	lib(ArrayRemoveAll, "Array", "mutating func removeAll() | (where: (T) -> Bool)")
	lib(ArrayRemoveFirst, "Array", "mutating func removeFirst() -> T")
	lib(ArrayRemoveLast, "Array", "mutating func removeLast() -> T")
	lib(ArrayFilter, "Array", "func filter(_ isIncluded: (T) -> Bool) -> [T]")
	lib(ArrayMap, "Array", "func map(_ transform: (T) -> U) -> [U]")
	lib(ArrayCompactMap, "Array", "func compactMap(_ transform: (T) -> U?) -> [U]")
	lib(ArrayReduce, "Array", "func reduce(_ initial: U, _ combine: (U, T) -> U) -> U")
	lib(ArrayContains, "Array", "func contains(_ e: T) -> Bool | (where: (T) -> Bool) -> Bool")
	lib(ArrayAllSatisfy, "Array", "func allSatisfy(_ p: (T) -> Bool) -> Bool")
	lib(ArrayFirstIndexWhere, "Array", "func firstIndex(where: (T) -> Bool) -> Int?")
	lib(ArrayFirstWhere, "Array", "func first(where: (T) -> Bool) -> T?")
	lib(ArraySortedBy, "Array", "func sorted(by: (T, T) -> Bool) -> [T] | () -> [T]") // overload 1: sorted() of Int, Double or String
	lib(ArrayReversed, "Array", "func reversed() -> [T]")
	lib(ArrayPrefix, "Array", "func prefix(_ n: Int) -> [T]")
	lib(ArrayJoined, "Array", "func joined(separator: String = \"\") -> String") // [String] only

	lib(DictCount, "Dictionary", "var count: Int")
	lib(DictIsEmpty, "Dictionary", "var isEmpty: Bool")
	lib(DictKeys, "Dictionary", "var keys: [K]")
	lib(DictValues, "Dictionary", "var values: [V]")
	lib(DictRemoveValue, "Dictionary", "mutating func removeValue(forKey: K) -> V?")

	lib(RangeCount, "Range", "var count: Int")

	lib(ColorToken, "Color", "static func token(_ name: ColorToken) -> Color")
	lib(ColorHex, "Color", "init(hex: String) -> Color | (red: Double, green: Double, blue: Double, opacity: Double = 1) -> Color")
	for _, c := range NamedColors {
		lib(ColorNamed, "Color", "static var "+c.Name+": Color = "+c.Hex)
	}
	lib(FontToken, "Font", "static func token(_ name: FontToken) -> Font")
	lib(FontSystem, "Font", "static func system(size: Double, weight: FontWeight = .regular) -> Font")
	for _, s := range FontStyles {
		lib(FontStyle, "Font", "static var "+s+": Font = "+s)
	}
	for _, w := range FontWeights {
		lib(FontWeightValue, "Font.Weight", "static var "+w.Name+": FontWeight = "+fmt.Sprint(w.Weight))
	}
	lib(SpacingToken, "Spacing", "static func token(_ name: SpacingToken) -> Double")
	lib(RadiusToken, "Radius", "static func token(_ name: RadiusToken) -> Double")

	lib(TimerScheduled, "Timer", "static func scheduledTimer(withTimeInterval: Double, repeats: Bool, block: @action (Timer) -> Void) -> Timer")
	lib(TimerAfter, "Timer", "static func after(_ seconds: Double, action: @action () -> Void) -> Timer")
	lib(TimerInvalidate, "Timer", "func invalidate()")

	lib(HttpGet, "Http", "static func get(_ url: String, completion: @action (HttpResponse) -> Void) -> HttpRequest")
	lib(HttpPost, "Http", "static func post(_ url: String, body: String, completion: @action (HttpResponse) -> Void) -> HttpRequest")
	lib(HttpRequestCancel, "HttpRequest", "func cancel()")
	lib(HttpResponseOK, "HttpResponse", "var ok: Bool")
	lib(HttpResponseStatus, "HttpResponse", "var status: Int")
	lib(HttpResponseText, "HttpResponse", "var text: String")

	lib(StorageGet, "Storage", "static func get(_ key: String) -> String?")
	lib(StorageSet, "Storage", "static func set(_ key: String, value: String)")
	lib(StorageRemove, "Storage", "static func remove(_ key: String)")
	lib(JSONEncode, "JSON", "static func encode(_ value: Any) -> String")
	lib(JSONDecode, "JSON", "static func decode(_ type: Meta<T>, from: String) -> T?") // JSON.decode([Todo].self, from: s)

	lib(EventKey, "Event", "var key: String")
	lib(EventValue, "Event", "var value: String")
	lib(EventChecked, "Event", "var checked: Bool")
	lib(EventPreventDefault, "Event", "func preventDefault()")

	for _, e := range []string{"all", "horizontal", "vertical", "top", "bottom", "leading", "trailing"} {
		lib(EdgeSetValue, "EdgeSet", "static var "+e+": EdgeSet = "+e)
	}
	for _, a := range []string{"leading", "center", "trailing", "top", "bottom"} {
		lib(AlignmentValue, "Alignment", "static var "+a+": Alignment = "+a)
	}
	for _, a := range []string{"vertical", "horizontal"} {
		lib(AxisValue, "Axis", "static var "+a+": Axis = "+a)
	}

	for _, m := range Members {
		k := memberKey{m.Recv, m.Name, m.Static, m.Kind != Property}
		if _, dup := memberIndex[k]; dup {
			panic("types: duplicate library member " + m.Recv + "." + m.Name)
		}
		memberIndex[k] = m
	}
	buildUniverse()
}

// NamedColors are the named colors (Color.red ...) with their sRGB values
// (the iOS light-mode system colors).
var NamedColors = []struct{ Name, Hex string }{
	{"black", "#000000"}, {"white", "#FFFFFF"}, {"gray", "#8E8E93"}, {"red", "#FF3B30"},
	{"orange", "#FF9500"}, {"yellow", "#FFCC00"}, {"green", "#34C759"}, {"mint", "#00C7BE"},
	{"teal", "#30B0C7"}, {"cyan", "#32ADE6"}, {"blue", "#007AFF"}, {"indigo", "#5856D6"},
	{"purple", "#AF52DE"}, {"pink", "#FF2D55"}, {"brown", "#A2845E"}, {"clear", "#00000000"},
	{"primary", "#000000"}, {"secondary", "#3C3C4399"},
}

// FontStyles are the text styles (Font.headline ...). Their metrics come from
// the design tokens' font section (package design supplies defaults).
var FontStyles = []string{"largeTitle", "title", "title2", "title3", "headline",
	"subheadline", "body", "callout", "caption", "caption2", "footnote"}

// FontWeights are the Font.Weight values with their CSS numeric weights.
var FontWeights = []struct {
	Name   string
	Weight int
}{
	{"ultraLight", 100}, {"thin", 200}, {"light", 300}, {"regular", 400}, {"medium", 500},
	{"semibold", 600}, {"bold", 700}, {"heavy", 800}, {"black", 900},
}

type memberKey struct {
	recv, name     string
	static, method bool
}

var memberIndex = map[memberKey]*Member{}

// LookupMember finds a library property (or, when there is none, a method
// or initializer) of the receiver kind (see RecvKey).
func LookupMember(recv, name string, static bool) *Member {
	if m := memberIndex[memberKey{recv, name, static, false}]; m != nil {
		return m
	}
	return memberIndex[memberKey{recv, name, static, true}]
}

// LookupMethod finds a library method or initializer (name "init").
func LookupMethod(recv, name string, static bool) *Member {
	return memberIndex[memberKey{recv, name, static, true}]
}

// RecvKey returns the library receiver key of a type ("" if it has no
// library members).
func RecvKey(t Type) string {
	switch t := t.(type) {
	case *Basic:
		switch t.Kind {
		case Int, Double, String, Bool:
			return t.Name
		}
	case *Array:
		return "Array"
	case *Dictionary:
		return "Dictionary"
	case *Range:
		return "Range"
	case *Named:
		return t.Name
	}
	return ""
}

// RecvBindings returns the type-variable bindings a receiver of type t
// gives its members: T for array and range elements, K and V for
// dictionaries.
func RecvBindings(t Type) map[*TypeParam]Type {
	switch t := t.(type) {
	case *Array:
		return map[*TypeParam]Type{typeParams["T"]: t.Elem}
	case *Range:
		return map[*TypeParam]Type{typeParams["T"]: t.Elem}
	case *Dictionary:
		return map[*TypeParam]Type{typeParams["K"]: t.Key, typeParams["V"]: t.Value}
	}
	return nil
}
