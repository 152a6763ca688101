package web

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/jepsh/jepsh/internal/ir"
	"github.com/jepsh/jepsh/internal/types"
)

// fnCtx is the context of the JavaScript being printed: the module (for
// imports), how each render-local variable is read, and which mutable
// locals are owned (fresh, never aliased) so they can be mutated in place.
type fnCtx struct {
	m     *module
	reads map[*ir.Var]string // how a var is read (default: its JS name)
	owned map[*ir.Var]bool
	names map[*ir.Var]string
	// konst maps row variables of keyed lists to the name holding the row's
	// first item, so reads of the key path are constant per row.
	konst map[*ir.Var]keyConst
	tmp   *int

	// selected maps comparisons X == row.key inside a list row to the
	// selector built for X; selRead says how a row reads it, selDirect
	// marks comparisons bound straight to a class.
	selected  map[*ir.Binary]string
	selRead   map[string]string
	selDirect map[*ir.Binary]bool

	row *rowInfo // the list row being printed, if any

	// copySelf holds the reads of a mutating method's self that hand the
	// value on (the receiver of a non-mutating method, an argument): the
	// method changes self in place, so they get a copy.
	copySelf map[*ir.Ref]bool

	// shell is set while printing the root view's body when its first
	// render may come from index.html (see Output.Shell).
	shell bool

	// ownedAtoms maps atoms a function copies once at its first write to
	// the local holding the copy (see ownableAtoms).
	ownedAtoms map[*ir.Atom]string

	// rowSrc maps a list row's variable to the list's sequence when that is
	// a place (an atom or a field of one): writes through the row variable
	// ($item.done) replace the item in the sequence.
	rowSrc map[*ir.Var]ir.Expr
}

type keyConst struct {
	name string
	key  []string
}

func (m *module) newCtx() *fnCtx {
	return &fnCtx{m: m, reads: map[*ir.Var]string{}, owned: map[*ir.Var]bool{}, names: map[*ir.Var]string{}, konst: map[*ir.Var]keyConst{}, tmp: &m.tmp,
		selected: map[*ir.Binary]string{}, selRead: map[string]string{}, selDirect: map[*ir.Binary]bool{}, rowSrc: map[*ir.Var]ir.Expr{}}
}

// sub returns a context sharing the module and temporaries, with a copy of
// the variable tables (a nested scope).
func (c *fnCtx) sub() *fnCtx {
	n := &fnCtx{m: c.m, reads: map[*ir.Var]string{}, owned: map[*ir.Var]bool{}, names: c.names, konst: map[*ir.Var]keyConst{}, tmp: c.tmp,
		selected: c.selected, selRead: c.selRead, selDirect: c.selDirect, row: c.row, ownedAtoms: c.ownedAtoms, rowSrc: c.rowSrc,
		copySelf: c.copySelf}
	for k, v := range c.reads {
		n.reads[k] = v
	}
	for k, v := range c.owned {
		n.owned[k] = v
	}
	for k, v := range c.konst {
		n.konst[k] = v
	}
	return n
}

func (c *fnCtx) temp(prefix string) string {
	*c.tmp++
	return prefix + "$" + strconv.Itoa(*c.tmp)
}

// varName is the JS identifier of a local.
func (c *fnCtx) varName(v *ir.Var) string {
	if n, ok := c.names[v]; ok {
		return n
	}
	n := jsIdent(v.Name)
	c.names[v] = n
	return n
}

var jsReserved = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`break case catch class const continue debugger default delete do else
		enum export extends false finally for function if import in instanceof new null return super switch
		this throw true try typeof var void while with yield let static implements interface package private
		protected public await arguments eval undefined NaN Infinity props Object Array Math String Number
		JSON Map Set Symbol Date Error console document window location history Boolean`) {
		jsReserved[w] = true
	}
}

// jsIdent maps a JXL name to a JS identifier that cannot collide with
// generated names (which all contain '$') or JS reserved words.
func jsIdent(name string) string {
	if jsReserved[name] {
		return name + "_"
	}
	return name
}

// ---------------------------------------------------------------------------
// Expressions

// expr prints e as a JS expression, parenthesized where it is not primary.
func (c *fnCtx) expr(e ir.Expr) string {
	switch e := e.(type) {
	case *ir.Const:
		return c.constant(e.Value, e.T)
	case *ir.Ref:
		return c.ref(e)
	case *ir.Unary:
		return "(" + e.Op + c.expr(e.Y) + ")"
	case *ir.Binary:
		return c.binary(e)
	case *ir.Range:
		// A range used as a value: [lo, hi) as an object the library reads.
		hi := c.expr(e.Hi)
		if e.Closed {
			hi = "(" + hi + " + 1)"
		}
		return "{lo: " + c.expr(e.Lo) + ", hi: " + hi + "}"
	case *ir.Cond:
		return "(" + c.expr(e.Cond) + " ? " + c.expr(e.Then) + " : " + c.expr(e.Else) + ")"
	case *ir.Interp:
		return c.interp(e)
	case *ir.Field:
		for v, kc := range c.konst {
			if len(kc.key) > 0 && isKeyPath(e, v, kc.key) {
				return kc.name + "." + strings.Join(kc.key, ".")
			}
		}
		op := "."
		if e.Optional {
			op = "?."
		}
		return c.expr(e.Y) + op + jsField(e.Name)
	case *ir.Index:
		if _, ok := e.Y.Type().(*types.Dictionary); ok {
			return "(" + c.expr(e.Y) + ".get(" + c.expr(e.Index) + ") ?? null)"
		}
		return c.expr(e.Y) + "[" + c.expr(e.Index) + "]"
	case *ir.Unwrap:
		return c.expr(e.Y)
	case *ir.Call:
		return c.call(e)
	case *ir.CallValue:
		return c.expr(e.Fn) + "(" + c.list(e.Args) + ")"
	case *ir.Lib:
		return c.lib(e)
	case *ir.ArrayLit:
		return "[" + c.list(e.Elems) + "]"
	case *ir.DictLit:
		if len(e.Keys) == 0 {
			return "new Map()"
		}
		var ps []string
		for i := range e.Keys {
			ps = append(ps, "["+c.expr(e.Keys[i])+", "+c.expr(e.Values[i])+"]")
		}
		return "new Map([" + strings.Join(ps, ", ") + "])"
	case *ir.StructLit:
		var ps []string
		for i, f := range e.Fields {
			ps = append(ps, jsField(e.Struct.Fields[i].Name)+": "+c.expr(f))
		}
		return "{" + strings.Join(ps, ", ") + "}"
	case *ir.Closure:
		return c.closure(e)
	case *ir.KeyPath:
		return "((x) => x." + strings.Join(e.Path, ".") + ")"
	case *ir.Bind:
		// A binding passed as a value: { get, set }.
		return "{get: () => " + c.expr(e.Place) + ", set: (v$) => { " + c.writeInline(e.Place, "v$") + " }}"
	}
	panic(fmt.Sprintf("web: unexpected expression %T", e))
}

func jsField(name string) string { return name }

func (c *fnCtx) list(es []ir.Expr) string {
	var ss []string
	for _, e := range es {
		ss = append(ss, c.expr(e))
	}
	return strings.Join(ss, ", ")
}

func (c *fnCtx) constant(v any, t types.Type) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return jsString(v)
	case int64:
		if v < 0 {
			return "(" + strconv.FormatInt(v, 10) + ")"
		}
		return strconv.FormatInt(v, 10)
	case float64:
		switch {
		case math.IsInf(v, 1):
			return "Infinity"
		case math.IsInf(v, -1):
			return "(-Infinity)"
		case math.IsNaN(v):
			return "NaN"
		}
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if v < 0 {
			return "(" + s + ")"
		}
		return s
	case bool:
		return strconv.FormatBool(v)
	case ir.Color:
		return jsString(cssColor(v))
	case *ir.EnumCase:
		return c.constant(enumValue(v), nil)
	case ir.Font:
		return jsString(fontShorthand(v))
	case ir.EdgeSet:
		return strconv.Itoa(int(v))
	case ir.Alignment:
		return jsString(strings.TrimPrefix(v.String(), "."))
	case ir.Axis:
		return strconv.Itoa(int(v))
	}
	panic(fmt.Sprintf("web: unexpected constant %T", v))
}

// enumValue is the JS value of an enum case: its raw value or its name.
func enumValue(c *ir.EnumCase) any {
	switch r := c.Raw.(type) {
	case nil:
		return c.Name
	case int:
		return int64(r)
	default:
		return r
	}
}

// jsString quotes s as a JS string literal (no raw line terminators).
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\u2028', '\u2029':
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\x%02X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func (c *fnCtx) ref(e *ir.Ref) string {
	switch s := e.Sym.(type) {
	case *ir.Atom:
		if c.m.g.constAtom(s) || c.m.g.plainAtom(s) {
			return c.m.atomName(s)
		}
		return c.m.atomName(s) + ".get()"
	case *ir.Prop:
		return "props." + jsField(s.Name)
	case *ir.Var:
		if c.copySelf[e] {
			return c.m.helper("copy") + "(" + c.varName(s) + ")"
		}
		if kc, ok := c.konst[s]; ok && len(kc.key) == 0 {
			return kc.name
		}
		if r, ok := c.reads[s]; ok {
			return r
		}
		return c.varName(s)
	case *ir.Func:
		return c.m.funcName(s)
	}
	panic(fmt.Sprintf("web: unexpected reference %T", e.Sym))
}

// isPrimitive reports whether values of t compare correctly with ===.
func isPrimitive(t types.Type) bool {
	switch t := t.(type) {
	case *types.Basic, *types.Enum:
		return true
	case *types.Named:
		return t == types.ColorType || t == types.AlignmentType || t == types.EdgeSetType || t == types.FontWeightType
	}
	return false
}

func (c *fnCtx) binary(e *ir.Binary) string {
	if sel, ok := c.selected[e]; ok {
		if r, ok := c.selRead[sel]; ok {
			return r
		}
		return sel + ".is(" + c.expr(otherSide(e, c)) + ")"
	}
	l, r := c.expr(e.L), c.expr(e.R)
	isInt := types.IsBasic(e.T, types.Int)
	switch e.Op {
	case "/":
		if isInt {
			return c.m.std("lib", "idiv") + "(" + l + ", " + r + ")"
		}
	case "%":
		if isInt {
			return c.m.std("lib", "imod") + "(" + l + ", " + r + ")"
		}
	case "==", "!=":
		lt, rt := e.L.Type(), e.R.Type()
		_, lo := lt.(*types.Optional)
		_, ro := rt.(*types.Optional)
		if lt == types.NilType || rt == types.NilType || lo || ro {
			le, _ := types.Unwrap(lt)
			re, _ := types.Unwrap(rt)
			if (lt == types.NilType || isPrimitive(le)) && (rt == types.NilType || isPrimitive(re)) {
				return "(" + l + " " + e.Op + " " + r + ")"
			}
		} else if isPrimitive(lt) && isPrimitive(rt) {
			return "(" + l + " " + e.Op + "= " + r + ")"
		}
		eq := c.m.helper("eq") + "(" + l + ", " + r + ")"
		if e.Op == "!=" {
			return "!" + eq
		}
		return eq
	}
	return "(" + l + " " + e.Op + " " + r + ")"
}

func (c *fnCtx) interp(e *ir.Interp) string {
	var b strings.Builder
	b.WriteByte('`')
	for _, p := range e.Parts {
		if k, ok := p.(*ir.Const); ok {
			if s, ok := k.Value.(string); ok {
				b.WriteString(templateEscape(s))
				continue
			}
		}
		b.WriteString("${")
		b.WriteString(c.describe(p))
		b.WriteByte('}')
	}
	b.WriteByte('`')
	return b.String()
}

// describe prints String(describing: e).
func (c *fnCtx) describe(e ir.Expr) string {
	switch t := e.Type().(type) {
	case *types.Basic:
		if t.Kind == types.Double {
			return c.m.std("lib", "fmtDouble") + "(" + c.expr(e) + ")"
		}
		return c.expr(e)
	case *types.Enum, *types.Named:
		return c.expr(e)
	}
	return c.m.helper("describe") + "(" + c.expr(e) + ")"
}

func templateEscape(s string) string {
	r := strings.NewReplacer("\x00", "\\x00", "\\", "\\\\", "`", "\\`", "${", "\\${", "\r", "\\r", "\u2028", "\\u2028", "\u2029", "\\u2029", "</", "<\\/")
	return r.Replace(s)
}

func (c *fnCtx) call(e *ir.Call) string {
	name := c.m.funcName(e.Func)
	args := c.list(e.Args)
	if e.Recv == nil {
		return name + "(" + args + ")"
	}
	recv := c.expr(e.Recv)
	if args != "" {
		args = ", " + args
	}
	if e.Optional {
		t := c.temp("r")
		c.m.hoistVar(t)
		return "((" + t + " = " + recv + ") == null ? null : " + name + "(" + t + args + "))"
	}
	return name + "(" + recv + args + ")"
}

func (c *fnCtx) closure(e *ir.Closure) string {
	var ps []string
	sub := c.sub()
	for _, p := range e.Params {
		if p == nil || p.Name == "_" {
			ps = append(ps, sub.temp("_"))
			continue
		}
		ps = append(ps, sub.varName(p))
	}
	return "(" + "(" + strings.Join(ps, ", ") + ") => " + sub.closureBody(e) + ")"
}

// closureBody prints the body of an arrow function for a closure.
func (sub *fnCtx) closureBody(e *ir.Closure) string {
	if len(e.Body.Stmts) == 1 {
		if r, ok := e.Body.Stmts[0].(*ir.Return); ok && r.Value != nil {
			body := sub.expr(r.Value)
			if strings.HasPrefix(body, "{") {
				body = "(" + body + ")"
			}
			return body
		}
	}
	hint := sub.m.indentHint
	var w writer
	sub.block(&w, e.Body)
	sub.m.indentHint = hint
	body := strings.TrimRight(string(w.buf), "\n")
	if body == "" {
		return "{}"
	}
	return "{\n" + indentText(body, hint+1) + "\n" + strings.Repeat("\t", hint) + "}"
}

func indentText(s string, n int) string {
	pre := strings.Repeat("\t", n)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pre + l
		}
	}
	return strings.Join(lines, "\n")
}

// lib prints a library member use.
func (c *fnCtx) lib(e *ir.Lib) string {
	recv := ""
	if e.Recv != nil {
		recv = c.expr(e.Recv)
	}
	dot := "."
	if e.Optional && e.Recv != nil {
		// recv?.member: evaluate recv once; nil short-circuits.
		t := c.temp("o")
		c.m.hoistVar(t)
		inner := *e
		inner.Optional = false
		inner.Recv = &ir.Ref{X: ir.X{T: e.Recv.Type()}, Sym: &ir.Var{Name: t, ID: -1}}
		sub := c.sub()
		sub.names[inner.Recv.(*ir.Ref).Sym.(*ir.Var)] = t
		return "((" + t + " = " + recv + ") == null ? null : " + sub.lib(&inner) + ")"
	}
	arg := func(i int) string {
		if i < len(e.Args) {
			return c.expr(e.Args[i])
		}
		return "undefined"
	}
	label := func(i int) string {
		if i < len(e.Labels) {
			return e.Labels[i]
		}
		return ""
	}
	if e.Mutating {
		// A mutating member used as a value: apply it to a copy and return
		// what Swift returns; the write happens in stmt (ExprStmt).
		panic("web: mutating library call outside a statement")
	}
	switch e.ID {
	case types.FnSqrt, types.FnFloor, types.FnCeil, types.FnPow, types.FnMin, types.FnMax, types.FnAbs:
		return "Math." + strings.TrimPrefix(e.Name, "") + "(" + c.list(e.Args) + ")"
	case types.FnRound:
		return "(Math.sign(" + arg(0) + ") * Math.round(Math.abs(" + arg(0) + ")))"
	case types.FnPrint:
		return "console.log(" + c.list(e.Args) + ")"
	case types.IntInit:
		if len(e.Args) == 1 {
			switch {
			case types.IsBasic(e.Args[0].Type(), types.String):
				return c.m.std("lib", "parseInt") + "(" + arg(0) + ")"
			case types.IsBasic(e.Args[0].Type(), types.Double):
				return "Math.trunc(" + arg(0) + ")"
			}
		}
		return arg(0)
	case types.DoubleInit:
		if len(e.Args) == 1 && types.IsBasic(e.Args[0].Type(), types.String) {
			return c.m.std("lib", "parseDouble") + "(" + arg(0) + ")"
		}
		return arg(0)
	case types.StringInit:
		return "String(" + c.describe(e.Args[0]) + ")"
	case types.IntDescription:
		return "String(" + recv + ")"
	case types.DoubleDescription:
		return c.m.std("lib", "fmtDouble") + "(" + recv + ")"
	case types.IntRandom, types.DoubleRandom:
		fn := "randomInt"
		if e.ID == types.DoubleRandom {
			fn = "randomDouble"
		}
		if r, ok := e.Args[0].(*ir.Range); ok {
			hi := c.expr(r.Hi)
			if !r.Closed && e.ID == types.IntRandom {
				hi = "(" + hi + " - 1)"
			}
			return c.m.std("lib", fn) + "(" + c.expr(r.Lo) + ", " + hi + ")"
		}
		t := c.temp("r")
		c.m.hoistVar(t)
		return "(" + t + " = " + arg(0) + ", " + c.m.std("lib", fn) + "(" + t + ".lo, " + t + ".hi - 1))"
	case types.DoubleInfinity:
		return "Infinity"
	case types.DoublePi:
		return "Math.PI"
	case types.StringCount:
		return "[..." + recv + "].length"
	case types.StringIsEmpty, types.ArrayIsEmpty:
		return "(" + recv + dot + "length === 0)"
	case types.StringUppercased:
		return recv + dot + "toUpperCase()"
	case types.StringLowercased:
		return recv + dot + "toLowerCase()"
	case types.StringTrimmed:
		return recv + dot + "trim()"
	case types.StringContains:
		return recv + dot + "includes(" + arg(0) + ")"
	case types.StringHasPrefix:
		return recv + dot + "startsWith(" + arg(0) + ")"
	case types.StringHasSuffix:
		return recv + dot + "endsWith(" + arg(0) + ")"
	case types.StringSplit:
		return c.m.std("lib", "split") + "(" + recv + ", " + arg(0) + ")"
	case types.ArrayCount:
		return recv + dot + "length"
	case types.ArrayFirst:
		return c.m.std("lib", "first") + "(" + recv + ")"
	case types.ArrayLast:
		return c.m.std("lib", "last") + "(" + recv + ")"
	case types.ArrayIndices:
		return "{lo: 0, hi: " + recv + ".length}"
	case types.ArrayFilter:
		return recv + dot + "filter(" + arg(0) + ")"
	case types.ArrayMap:
		return recv + dot + "map(" + arg(0) + ")"
	case types.ArrayCompactMap:
		return recv + dot + "map(" + arg(0) + ").filter((x$) => x$ != null)"
	case types.ArrayReduce:
		return recv + dot + "reduce(" + arg(1) + ", " + arg(0) + ")"
	case types.ArrayContains:
		if label(0) == "where" {
			return recv + dot + "some(" + arg(0) + ")"
		}
		if len(e.Args) == 1 && !isPrimitive(e.Args[0].Type()) {
			t := c.temp("v")
			return recv + dot + "some((" + t + ") => " + c.m.helper("eq") + "(" + t + ", " + arg(0) + "))"
		}
		return recv + dot + "includes(" + arg(0) + ")"
	case types.ArrayAllSatisfy:
		return recv + dot + "every(" + arg(0) + ")"
	case types.ArrayFirstIndexWhere:
		return c.m.std("lib", "firstIndex") + "(" + recv + ", " + arg(0) + ")"
	case types.ArrayFirstWhere:
		return "(" + recv + dot + "find(" + arg(0) + ") ?? null)"
	case types.ArraySortedBy:
		f := arg(0)
		return recv + dot + "slice().sort((a$, b$) => " + f + "(a$, b$) ? -1 : " + f + "(b$, a$) ? 1 : 0)"
	case types.ArraySorted:
		return recv + dot + "slice().sort((a$, b$) => a$ < b$ ? -1 : a$ > b$ ? 1 : 0)"
	case types.ArrayReversed:
		return recv + dot + "slice().reverse()"
	case types.ArrayPrefix:
		return recv + dot + "slice(0, " + arg(0) + ")"
	case types.ArrayJoined:
		sep := `""`
		if len(e.Args) > 0 {
			sep = arg(0)
		}
		return recv + dot + "join(" + sep + ")"
	case types.DictCount:
		return recv + dot + "size"
	case types.DictIsEmpty:
		return "(" + recv + dot + "size === 0)"
	case types.DictKeys:
		return "[..." + recv + ".keys()]"
	case types.DictValues:
		return "[..." + recv + ".values()]"
	case types.RangeCount:
		t := c.temp("r")
		c.m.hoistVar(t)
		return "((" + t + " = " + recv + ").hi - " + t + ".lo)"
	case types.ColorHex:
		if len(e.Args) == 1 {
			return arg(0)
		}
		op := "1"
		if len(e.Args) > 3 {
			op = arg(3)
		}
		return "`rgb(${" + arg(0) + " * 255} ${" + arg(1) + " * 255} ${" + arg(2) + " * 255} / ${" + op + "})`"
	case types.FontSystem:
		size, weight := "undefined", "400"
		for i, a := range e.Args {
			switch label(i) {
			case "size":
				size = c.expr(a)
			case "weight":
				weight = c.expr(a)
			}
		}
		return "`${" + weight + "} ${" + size + "}px system-ui,sans-serif`"
	case types.TimerScheduled:
		return c.m.std("timer", "scheduledTimer") + "(" + arg(0) + ", " + arg(1) + ", " + arg(2) + ")"
	case types.TimerAfter:
		return c.m.std("timer", "after") + "(" + arg(0) + ", " + arg(1) + ")"
	case types.TimerInvalidate:
		return recv + dot + "invalidate()"
	case types.HttpGet:
		return c.m.std("http", "get") + "(" + arg(0) + ", " + arg(1) + ")"
	case types.HttpPost:
		return c.m.std("http", "get") + "(" + arg(0) + ", " + arg(2) + ", {method: \"POST\", body: " + arg(1) + "})"
	case types.HttpRequestCancel:
		return recv + dot + "cancel()"
	case types.HttpResponseOK:
		return recv + dot + "ok"
	case types.HttpResponseStatus:
		return recv + dot + "status"
	case types.HttpResponseText:
		return recv + dot + "text"
	case types.StorageGet:
		return c.m.std("storage", "get") + "(" + arg(0) + ")"
	case types.StorageSet:
		return c.m.std("storage", "set") + "(" + arg(0) + ", " + arg(1) + ")"
	case types.StorageRemove:
		return c.m.std("storage", "remove") + "(" + arg(0) + ")"
	case types.JSONEncode:
		return "JSON.stringify(" + arg(0) + ")"
	case types.EventKey:
		return recv + dot + "key"
	case types.EventValue:
		return recv + dot + "target.value"
	case types.EventChecked:
		return recv + dot + "target.checked"
	case types.EventPreventDefault:
		return recv + dot + "preventDefault()"
	}
	if e.Name == "rawValue" {
		return recv // enum values are their raw values
	}
	if strings.HasSuffix(e.Name, ".init(rawValue:)") {
		// Kind(rawValue: x) -> Kind?: x when it is a case's raw value.
		t := c.temp("r")
		c.m.hoistVar(t)
		vs := c.enumRaws(e.T)
		return "([" + strings.Join(vs, ", ") + "].includes(" + t + " = " + arg(0) + ") ? " + t + " : null)"
	}
	if e.Name == "JSON.decode" {
		return c.m.std("lib", "decodeJSON") + "(" + arg(len(e.Args)-1) + ")"
	}
	panic(fmt.Sprintf("web: library member %s is not supported by the web target", e.Name))
}

// ---------------------------------------------------------------------------
// Statements

func (c *fnCtx) block(w *writer, b *ir.Block) {
	if b == nil {
		return
	}
	for _, s := range b.Stmts {
		c.stmt(w, s)
	}
}

func (c *fnCtx) stmt(w *writer, s ir.Stmt) {
	w.mark(s.Pos())
	c.m.indentHint = w.indent
	switch s := s.(type) {
	case *ir.Block:
		w.open("{")
		c.sub().block(w, s)
		w.close("}")
	case *ir.Local:
		kw := "const "
		if s.Var.Mutable {
			kw = "let "
		}
		if s.Value == nil {
			w.ln("let ", c.varName(s.Var), ";")
			return
		}
		if l, ok := s.Value.(*ir.Lib); ok && l.Mutating {
			// let x = a.remove(at: i): read the element, then mutate.
			w.ln(kw, c.varName(s.Var), " = ", c.removed(l), ";")
			c.mutate(w, l)
			return
		}
		val := c.expr(s.Value)
		w.ln(kw, c.varName(s.Var), " = ", val, ";")
	case *ir.Assign:
		c.assign(w, s)
	case *ir.ExprStmt:
		if l, ok := s.X.(*ir.Lib); ok && l.Mutating {
			c.mutate(w, l)
			return
		}
		if call, ok := s.X.(*ir.Call); ok && call.Func.Mutating && call.Recv != nil {
			c.mutatingCall(w, call)
			return
		}
		w.ln(stripParens(c.expr(s.X)), ";")
	case *ir.IfStmt:
		c.ifStmt(w, s)
	case *ir.ForStmt:
		c.forStmt(w, s)
	case *ir.While:
		w.open("while (", stripParens(c.expr(s.Cond)), ") {")
		c.sub().block(w, s.Body)
		w.close("}")
	case *ir.Return:
		if s.Value == nil {
			w.ln("return;")
		} else {
			w.ln("return ", stripParens(c.expr(s.Value)), ";")
		}
	case *ir.Branch:
		if s.Continue {
			w.ln("continue;")
		} else {
			w.ln("break;")
		}
	default:
		panic(fmt.Sprintf("web: unexpected statement %T", s))
	}
}

// stripParens removes one pair of redundant outer parentheses.
func stripParens(s string) string {
	if len(s) < 2 || s[0] != '(' || s[len(s)-1] != ')' {
		return s
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 && i != len(s)-1 {
				return s
			}
		case '"':
			// Skip a string literal.
			for i++; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case '`', '\'':
			return s
		}
	}
	return s[1 : len(s)-1]
}

func (c *fnCtx) ifStmt(w *writer, s *ir.IfStmt) {
	sub := c.sub()
	if s.Bind != nil {
		// if let x = e { } else { }: a block holding x around the if.
		w.open("{")
		w.ln("const ", sub.varName(s.Bind), " = ", stripParens(c.expr(s.Cond)), ";")
		w.open("if (", sub.varName(s.Bind), " != null) {")
		sub.block(w, s.Then)
		c.elseBranch(w, s.Else)
		w.close("}")
		return
	}
	w.open("if (", stripParens(c.expr(s.Cond)), ") {")
	sub.block(w, s.Then)
	c.elseBranch(w, s.Else)
}

// elseBranch closes the then-block of an if, printing its else part.
func (c *fnCtx) elseBranch(w *writer, e ir.Stmt) {
	switch e := e.(type) {
	case *ir.Block:
		w.indent--
		w.open("} else {")
		c.sub().block(w, e)
	case *ir.IfStmt:
		w.indent--
		w.open("} else {")
		c.ifStmt(w, e)
	}
	w.close("}")
}

func (c *fnCtx) forStmt(w *writer, s *ir.ForStmt) {
	sub := c.sub()
	name := ""
	if s.Var == nil || s.Var.Name == "_" {
		name = c.temp("i")
	} else {
		name = sub.varName(s.Var)
	}
	seq := s.Seq
	if l, ok := seq.(*ir.Lib); ok && l.ID == types.ArrayIndices {
		end := c.temp("n")
		w.open("for (let ", name, " = 0, ", end, " = ", c.expr(l.Recv), ".length; ", name, " < ", end, "; ", name, "++) {")
		sub.block(w, s.Body)
		w.close("}")
		return
	}
	if r, ok := seq.(*ir.Range); ok {
		end := c.temp("n")
		cmp := " < "
		if r.Closed {
			cmp = " <= "
		}
		w.open("for (let ", name, " = ", stripParens(c.expr(r.Lo)), ", ", end, " = ", stripParens(c.expr(r.Hi)), "; ", name, cmp, end, "; ", name, "++) {")
		sub.block(w, s.Body)
		w.close("}")
		return
	}
	if _, ok := seq.Type().(*types.Range); ok {
		r := c.temp("r")
		w.open("for (let ", r, " = ", c.expr(seq), ", ", name, " = ", r, ".lo; ", name, " < ", r, ".hi; ", name, "++) {")
		sub.block(w, s.Body)
		w.close("}")
		return
	}
	w.open("for (const ", name, " of ", stripParens(c.expr(seq)), ") {")
	sub.block(w, s.Body)
	w.close("}")
}

// ---------------------------------------------------------------------------
// Writes with value semantics

// step is one selection in a place: a field name or an index expression.
type step struct {
	field string
	index string // JS expression, evaluated once
	dict  bool
}

// place decomposes a place expression into its root and steps. Index
// expressions are hoisted into temporaries by the caller when needed.
func (c *fnCtx) place(e ir.Expr) (root *ir.Ref, steps []step) {
	switch e := e.(type) {
	case *ir.Ref:
		return e, nil
	case *ir.Field:
		r, s := c.place(e.Y)
		return r, append(s, step{field: e.Name})
	case *ir.Index:
		r, s := c.place(e.Y)
		_, dict := e.Y.Type().(*types.Dictionary)
		return r, append(s, step{index: c.expr(e.Index), dict: dict})
	case *ir.Unwrap:
		return c.place(e.Y)
	}
	panic(fmt.Sprintf("web: %T is not an assignable place", e))
}

// rootRead and rootWrite read and replace the root of a place.
func (c *fnCtx) rootRead(r *ir.Ref) string {
	switch s := r.Sym.(type) {
	case *ir.Atom:
		if c.m.g.plainAtom(s) {
			return c.m.atomName(s)
		}
		return c.m.atomName(s) + ".get()"
	case *ir.Var:
		return c.varName(s)
	}
	return c.expr(r)
}

func (c *fnCtx) rootWrite(r *ir.Ref, v string) string {
	switch s := r.Sym.(type) {
	case *ir.Atom:
		if c.m.g.plainAtom(s) {
			return c.m.atomName(s) + " = " + v + ";"
		}
		return c.m.atomName(s) + ".set(" + v + ");"
	case *ir.Var:
		if rd, ok := c.reads[s]; ok && strings.HasSuffix(rd, ".get()") {
			return strings.TrimSuffix(rd, ".get()") + ".set(" + v + ");"
		}
		return c.varName(s) + " = " + v + ";"
	}
	panic(fmt.Sprintf("web: cannot write %T", r.Sym))
}

// ownedAtom returns the local holding a function's copy of an atom.
func (c *fnCtx) ownedAtom(r *ir.Ref) string {
	if a, ok := r.Sym.(*ir.Atom); ok && c.ownedAtoms != nil {
		return c.ownedAtoms[a]
	}
	return ""
}

func (c *fnCtx) isOwned(r *ir.Ref) bool {
	v, ok := r.Sym.(*ir.Var)
	return ok && c.owned[v]
}

// writeInline returns the statements replacing the place's value with the
// JS expression v (used by two-way bindings).
func (c *fnCtx) writeInline(place ir.Expr, v string) string {
	var w writer
	c.writePlace(&w, place, func(string) string { return v })
	return strings.TrimSpace(strings.ReplaceAll(string(w.buf), "\n", " "))
}

// writePlace writes newVal(old) to place, copying every container on the
// path (copy-on-write), so values held elsewhere never change and identity
// comparison is a valid change test.
func (c *fnCtx) writePlace(w *writer, place ir.Expr, newVal func(old string) string) {
	root, steps := c.place(place)
	// Hoist index expressions so each is evaluated once.
	for i := range steps {
		if steps[i].index != "" && !isSimple(steps[i].index) {
			t := c.temp("k")
			w.ln("const ", t, " = ", stripParens(steps[i].index), ";")
			steps[i].index = t
		}
	}
	if v, ok := root.Sym.(*ir.Var); ok && c.rowSrc[v] != nil {
		c.writeRowItem(w, v, steps, newVal)
		return
	}
	if len(steps) == 0 {
		w.ln(c.rootWrite(root, newVal(c.rootRead(root))))
		if n := c.ownedAtom(root); n != "" {
			w.ln(n, " = null;")
		}
		return
	}
	owned := c.isOwned(root)
	// Copy the chain: c0 = copy(root); c1 = copy(c0[s0]); ...; c_{n-1}[s_{n-1}] = v
	cur := c.rootRead(root)
	if n := c.ownedAtom(root); n != "" {
		w.ln("if (", n, " === null) ", c.rootWrite(root, "("+n+" = "+c.m.helper("copy")+"("+cur+"))"))
		cur, owned = n, true
	}
	var names []string
	for i, s := range steps {
		var name string
		if i == 0 && owned {
			name = cur
		} else {
			name = c.temp("c")
			w.ln("const ", name, " = ", c.m.helper("copy"), "(", cur, ");")
		}
		names = append(names, name)
		if i < len(steps)-1 {
			cur = getStep(name, s)
		}
	}
	last := steps[len(steps)-1]
	lastName := names[len(names)-1]
	w.ln(setStep(lastName, last, newVal(getStep(lastName, last))))
	for i := len(steps) - 2; i >= 0; i-- {
		w.ln(setStep(names[i], steps[i], names[i+1]))
	}
	if !owned {
		w.ln(c.rootWrite(root, names[0]))
	}
}

// writeRowItem writes through a list row's variable: the item is copied
// along the path and replaced, by identity, in the list's sequence.
func (c *fnCtx) writeRowItem(w *writer, v *ir.Var, steps []step, newVal func(old string) string) {
	old := c.temp("o")
	w.ln("const ", old, " = ", c.ref(&ir.Ref{Sym: v}), ";")
	item := newVal(old)
	if len(steps) > 0 {
		names := make([]string, len(steps))
		cur := old
		for i, s := range steps {
			names[i] = c.temp("c")
			w.ln("const ", names[i], " = ", c.m.helper("copy"), "(", cur, ");")
			cur = getStep(names[i], s)
		}
		last := len(steps) - 1
		w.ln(setStep(names[last], steps[last], newVal(getStep(names[last], steps[last]))))
		for i := last - 1; i >= 0; i-- {
			w.ln(setStep(names[i], steps[i], names[i+1]))
		}
		item = names[0]
	}
	c.writePlace(w, c.rowSrc[v], func(seq string) string {
		return seq + ".map((x$) => x$ === " + old + " ? " + item + " : x$)"
	})
}

func isSimple(s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if !(ch == '_' || ch == '$' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9') {
			return false
		}
	}
	return true
}

func getStep(obj string, s step) string {
	switch {
	case s.field != "":
		return obj + "." + s.field
	case s.dict:
		return obj + ".get(" + s.index + ")"
	}
	return obj + "[" + s.index + "]"
}

func setStep(obj string, s step, v string) string {
	switch {
	case s.field != "":
		return obj + "." + s.field + " = " + v + ";"
	case s.dict:
		return obj + ".set(" + s.index + ", " + v + ");"
	}
	return obj + "[" + s.index + "] = " + v + ";"
}

var compoundOps = map[string]string{"+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%"}

func (c *fnCtx) assign(w *writer, s *ir.Assign) {
	val := c.expr(s.Value)
	op := compoundOps[s.Op]
	isInt := types.IsBasic(s.Value.Type(), types.Int)
	if op != "" && (s.Op == "/=" || s.Op == "%=") && isInt {
		t := c.temp("v")
		w.ln("const ", t, " = ", stripParens(val), ";")
		val = t
	}
	c.writePlace(w, s.Place, func(old string) string {
		switch {
		case op == "":
			return stripParens(val)
		case op == "/" && isInt:
			return c.m.std("lib", "idiv") + "(" + old + ", " + val + ")"
		case op == "%" && isInt:
			return c.m.std("lib", "imod") + "(" + old + ", " + val + ")"
		case op == "+" && types.IsBasic(s.Value.Type(), types.String):
			return old + " + " + val
		}
		return old + " " + op + " " + val
	})
}

// removed prints the value a removing member returns, read before the
// removal (remove(at:), removeFirst(), removeLast(), removeValue(forKey:)).
func (c *fnCtx) removed(l *ir.Lib) string {
	recv := c.expr(l.Recv)
	switch l.ID {
	case types.ArrayRemoveAt:
		return recv + "[" + c.expr(l.Args[0]) + "]"
	case types.ArrayRemoveFirst:
		return recv + "[0]"
	case types.ArrayRemoveLast:
		return recv + "[" + recv + ".length - 1]"
	case types.DictRemoveValue:
		return "(" + recv + ".get(" + c.expr(l.Args[0]) + ") ?? null)"
	}
	panic(fmt.Sprintf("web: %s returns no value", l.Name))
}

// mutate prints a mutating library call on a place.
func (c *fnCtx) mutate(w *writer, l *ir.Lib) {
	args := make([]string, len(l.Args))
	for i, a := range l.Args {
		args[i] = c.expr(a)
		if !isSimple(args[i]) {
			t := c.temp("a")
			w.ln("const ", t, " = ", stripParens(args[i]), ";")
			args[i] = t
		}
	}
	root, steps := c.place(l.Recv)
	if n := c.ownedAtom(root); n != "" && len(steps) == 0 && (mutID(l) == types.ArrayAppend || mutID(l) == types.ArrayAppendContents || mutID(l) == types.ArrayRemoveLast) {
		w.ln("if (", n, " === null) ", c.rootWrite(root, "("+n+" = "+c.m.helper("copy")+"("+c.rootRead(root)+"))"))
		switch mutID(l) {
		case types.ArrayAppend:
			w.ln(n, ".push(", args[0], ");")
		case types.ArrayAppendContents:
			w.ln("for (const e$ of ", args[0], ") ", n, ".push(e$);")
		default:
			w.ln(n, ".pop();")
		}
		return
	}
	if len(steps) == 0 && c.isOwned(root) {
		// An owned local array: mutate in place.
		x := c.rootRead(root)
		switch mutID(l) {
		case types.ArrayAppend:
			w.ln(x, ".push(", args[0], ");")
			return
		case types.ArrayAppendContents:
			w.ln("for (const e$ of ", args[0], ") ", x, ".push(e$);")
			return
		case types.ArrayRemoveLast:
			w.ln(x, ".pop();")
			return
		}
	}
	c.writePlace(w, l.Recv, func(old string) string {
		switch mutID(l) {
		case types.ArrayAppend:
			return c.m.helper("append") + "(" + old + ", " + args[0] + ")"
		case types.ArrayAppendContents:
			return old + ".concat(" + args[0] + ")"
		case types.ArrayInsert:
			return c.m.std("lib", "insertAt") + "(" + old + ", " + args[0] + ", " + args[1] + ")"
		case types.ArrayRemoveAt:
			return c.m.std("lib", "removeAt") + "(" + old + ", " + args[0] + ")[0]"
		case types.ArrayRemoveAll, types.ArrayRemoveAllWhere:
			if len(args) == 1 {
				t := c.temp("x")
				return old + ".filter((" + t + ") => !" + args[0] + "(" + t + "))"
			}
			return "[]"
		case types.ArrayRemoveFirst:
			return old + ".slice(1)"
		case types.ArrayRemoveLast:
			return old + ".slice(0, -1)"
		case types.DictRemoveValue:
			return c.m.helper("mapDelete") + "(" + old + ", " + args[0] + ")"
		}
		panic(fmt.Sprintf("web: mutating member %s is not supported", l.Name))
	})
}

// mutatingCall prints recv.method(args) for a user mutating method: the
// method mutates a fresh copy of the receiver, which is written back.
func (c *fnCtx) mutatingCall(w *writer, call *ir.Call) {
	args := c.list(call.Args)
	if args != "" {
		args = ", " + args
	}
	if r, ok := call.Recv.(*ir.Ref); ok && c.isOwned(r) {
		// A value only this function holds (a mutating method's self, a
		// fresh local) changes in place; a copy assigned back to a
		// parameter would not reach the caller.
		w.ln(c.m.funcName(call.Func), "(", c.rootRead(r), args, ");")
		return
	}
	c.writePlace(w, call.Recv, func(old string) string {
		t := c.temp("s")
		c.m.hoistVar(t)
		return "(" + t + " = " + c.m.helper("copy") + "(" + old + "), " + c.m.funcName(call.Func) + "(" + t + args + "), " + t + ")"
	})
}

// otherSide returns the key side of a selected comparison.
func otherSide(e *ir.Binary, c *fnCtx) ir.Expr {
	for v, kc := range c.konst {
		if isKeyPath(e.L, v, kc.key) {
			return e.L
		}
		if isKeyPath(e.R, v, kc.key) {
			return e.R
		}
	}
	return e.R
}

// mutID distinguishes overloads of mutating members by their labels.
func mutID(l *ir.Lib) types.MemberID {
	if l.ID == types.ArrayAppend && len(l.Labels) > 0 && l.Labels[0] == "contentsOf" {
		return types.ArrayAppendContents
	}
	return l.ID
}

// changes reports whether the value of e can change after the code that
// creates its binding runs: it reads an atom that is written somewhere, a
// Dynamic prop, a reactive render local or a list row's item (except the
// row's key fields, which are fixed per row). Values that cannot change are
// written once, with no effect.
func (c *fnCtx) changes(e ir.Expr) bool {
	if e == nil || e.Dyn().Kind == ir.Static {
		return false
	}
	found := false
	ir.InspectExpr(e, func(x ir.Expr) bool {
		if found {
			return false
		}
		switch x := x.(type) {
		case *ir.Field:
			for v, kc := range c.konst {
				if len(kc.key) > 0 && isKeyPath(x, v, kc.key) {
					return false
				}
			}
		case *ir.Ref:
			switch s := x.Sym.(type) {
			case *ir.Atom:
				found = !c.m.g.constAtom(s) && !c.m.g.plainAtom(s)
			case *ir.Prop:
				found = s.Dynamic
			case *ir.Var:
				if kc, ok := c.konst[s]; ok && len(kc.key) == 0 {
					return false
				}
				found = strings.HasSuffix(c.reads[s], ".get()") || strings.Contains(c.reads[s], "()")
			}
		case *ir.Call:
			for _, a := range x.Dyn().Atoms {
				if !c.m.g.constAtom(a) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// enumRaws lists the JS values of an (optional) enum type's cases.
func (c *fnCtx) enumRaws(t types.Type) []string {
	t, _ = types.Unwrap(t)
	e, ok := t.(*types.Enum)
	if !ok {
		return nil
	}
	var out []string
	for _, ir := range c.m.g.prog.Enums {
		if ir.Type == e {
			for _, cs := range ir.Cases {
				out = append(out, c.constant(enumValue(cs), nil))
			}
		}
	}
	return out
}
