package types

import "testing"

func TestParseSig(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"(_ x: Double) -> Double", "(Double) -> Double"},
		{"(alignment: Alignment = .center, spacing: Double? = nil, content: @builder () -> View)", "(Alignment, Double?, () -> View) -> Void"},
		{"(_ data: [T], id: KeyPath<T, U>? = nil, content: @builder (T) -> View) -> View", "([T], KeyPath<T, U>?, (T) -> View) -> View"},
		{"(_ items: Any...)", "(Any...) -> Void"},
		{"(forKey: K) -> V?", "(K) -> V?"},
		{"(_ t: Meta<T>, from: String) -> T?", "(T.Type, String) -> T?"},
	} {
		if got := ParseSig(tc.in).String(); got != tc.want {
			t.Errorf("ParseSig(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	f := ParseSig(`(_ src: String, alt: String = "", action: @action () -> Void)`)
	if p := f.Params[1]; p.Label != "alt" || !p.Optional || p.Default != `""` {
		t.Errorf("alt param = %+v", p)
	}
	if p := f.Params[0]; p.Label != "" || p.Name != "src" || p.Optional {
		t.Errorf("src param = %+v", p)
	}
	if k := f.Params[2].Type.(*Func).Kind; k != ActionFunc {
		t.Errorf("action kind = %v", k)
	}
}

func TestParseSigPanics(t *testing.T) {
	for _, bad := range []string{"(x Int)", "(x: Nope)", "(x: Int", "(x: @action Int)"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("ParseSig(%q) did not panic", bad)
				}
			}()
			ParseSig(bad)
		}()
	}
}

func TestAssignable(t *testing.T) {
	intOpt := &Optional{Elem: IntType}
	for _, tc := range []struct {
		v, t Type
		want bool
	}{
		{IntType, IntType, true},
		{IntType, DoubleType, false},
		{IntType, intOpt, true},
		{NilType, intOpt, true},
		{intOpt, IntType, false},
		{&Array{Elem: IntType}, &Array{Elem: IntType}, true},
		{&Array{Elem: IntType}, &Array{Elem: DoubleType}, false},
		{StringType, AttrValueType, true},
		{ColorType, AttrValueType, false},
		{StringType, AnyType, true},
		{VoidType, AnyType, false},
		{ParseType("(Int) -> Bool"), ParseType("(Int) -> Bool"), true},
		{ParseType("(Int) -> Bool"), ParseType("(Int) -> Void"), true},
		{ParseType("(Int) -> Bool"), ParseType("(Double) -> Bool"), false},
	} {
		if got := Assignable(tc.v, tc.t); got != tc.want {
			t.Errorf("Assignable(%s, %s) = %v, want %v", tc.v, tc.t, got, tc.want)
		}
	}
}

func TestUnify(t *testing.T) {
	m := map[*TypeParam]Type{}
	pat := ParseType("([T], (T) -> U) -> [U]").(*Func)
	if !Unify(pat.Params[0].Type, &Array{Elem: StringType}, m) {
		t.Fatal("unify [T] with [String] failed")
	}
	if !Unify(pat.Params[1].Type, ParseType("(String) -> Int"), m) {
		t.Fatal("unify (T) -> U failed")
	}
	if got := Subst(pat.Result, m).String(); got != "[Int]" {
		t.Errorf("result = %s, want [Int]", got)
	}
	if Unify(TypeVar("T"), IntType, m) {
		t.Error("T bound to String unified with Int")
	}
}

func TestUniverse(t *testing.T) {
	seenV := map[ViewID]bool{}
	for _, v := range Views {
		if v.ID == 0 || seenV[v.ID] || LookupView(v.Name) != v || len(v.Sigs) == 0 {
			t.Errorf("bad view entry %s", v.Name)
		}
		seenV[v.ID] = true
		if Universe[v.Name] == nil || Universe[v.Name].Builtin.View != v {
			t.Errorf("view %s not in the universe", v.Name)
		}
	}
	seenM := map[ModifierID]bool{}
	for _, m := range Modifiers {
		if m.ID == 0 || seenM[m.ID] || LookupModifier(m.Name) != m || len(m.Sigs) == 0 {
			t.Errorf("bad modifier entry %s", m.Name)
		}
		seenM[m.ID] = true
	}
	for _, name := range []string{"sqrt", "print", "min", "Color", "Int", "Html", "Timer"} {
		if Universe[name] == nil {
			t.Errorf("%s missing from the universe", name)
		}
	}
	if m := LookupMember("Array", "first", false); m == nil || m.Kind != Property {
		t.Errorf("Array.first = %+v", m)
	}
	if m := LookupMethod("Array", "first", false); m == nil || m.ID != ArrayFirstWhere {
		t.Errorf("Array.first(where:) = %+v", m)
	}
	for _, tag := range []string{"div", "h1", "input"} {
		if !IsHtmlTag(tag) {
			t.Errorf("IsHtmlTag(%q) = false", tag)
		}
	}
	for _, tag := range []string{"Div", "", "1a", "a-b"} {
		if IsHtmlTag(tag) {
			t.Errorf("IsHtmlTag(%q) = true", tag)
		}
	}
}
