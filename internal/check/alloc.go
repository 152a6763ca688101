package check

import (
	"go/constant"
	"strconv"

	"github.com/jepsh/jepsh/internal/design"
	"github.com/jepsh/jepsh/internal/types"

	"github.com/jepsh/jepsh/internal/syntax"
)

// Slabs: the checker makes one Call per call expression and one argument
// binding per overload it tries. Carving them out of larger blocks keeps
// the number of heap objects (and the collector's work per object) down on
// large apps.

const slabSize = 512

// argSlice returns a zeroed slice of n arguments (never nil).
func (c *checker) argSlice(n int) []*syntax.Arg {
	if n > slabSize/4 {
		return make([]*syntax.Arg, n)
	}
	if len(c.argSlab)+n > cap(c.argSlab) {
		c.argSlab = make([]*syntax.Arg, 0, slabSize)
	}
	i := len(c.argSlab)
	c.argSlab = c.argSlab[:i+n]
	return c.argSlab[i : i+n : i+n]
}

// newCall returns a heap copy of call.
func (c *checker) newCall(call Call) *Call {
	if len(c.callSlab) == cap(c.callSlab) {
		c.callSlab = make([]Call, 0, slabSize/4)
	}
	c.callSlab = append(c.callSlab, call)
	return &c.callSlab[len(c.callSlab)-1]
}

// newSet returns a new empty DepSet.
func (c *checker) newSet() *DepSet {
	if len(c.setSlab) == cap(c.setSlab) {
		c.setSlab = make([]DepSet, 0, slabSize/8)
	}
	c.setSlab = c.setSlab[:len(c.setSlab)+1]
	return &c.setSlab[len(c.setSlab)-1]
}

// newFunc returns a new zero signature.
func (c *checker) newFunc() *types.Func {
	if len(c.funcSlab) == cap(c.funcSlab) {
		c.funcSlab = make([]types.Func, 0, slabSize/8)
	}
	c.funcSlab = c.funcSlab[:len(c.funcSlab)+1]
	return &c.funcSlab[len(c.funcSlab)-1]
}

// objSlice returns an empty slice with room for n objects (nil for 0):
// appending up to n stays in the slab.
func (c *checker) objSlice(n int) []*types.Object {
	if n == 0 {
		return nil
	}
	if n > slabSize/4 {
		return make([]*types.Object, 0, n)
	}
	if len(c.objsSlab)+n > cap(c.objsSlab) {
		c.objsSlab = make([]*types.Object, 0, slabSize)
	}
	i := len(c.objsSlab)
	c.objsSlab = c.objsSlab[:i+n]
	return c.objsSlab[i : i : i+n]
}

// dollarName returns "$i".
func dollarName(i int) string {
	if i < len(dollarNames) {
		return dollarNames[i]
	}
	return "$" + strconv.Itoa(i)
}

var dollarNames = [...]string{"$0", "$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8", "$9"}

// Constants: the same literals and names recur all over an app; constant
// values are immutable, so equal ones are shared.

type constKey struct {
	kind syntax.LitKind
	s    string
}

// litConst returns the constant of a literal or name of the given kind
// (StringLit: a string constant of s), made by mk on first use.
func (c *checker) litConst(kind syntax.LitKind, s string, mk func(string) constant.Value) constant.Value {
	k := constKey{kind, s}
	if v, ok := c.consts[k]; ok {
		return v
	}
	v := mk(s)
	c.consts[k] = v
	return v
}

// str returns the string constant s.
func (c *checker) str(s string) constant.Value {
	return c.litConst(syntax.StringLit, s, constant.MakeString)
}

// double converts a numeric constant to Double (shared for Ints).
func (c *checker) double(v constant.Value) constant.Value {
	if v.Kind() != constant.Int {
		return constant.ToFloat(v)
	}
	i, ok := constant.Int64Val(v)
	if !ok {
		return constant.ToFloat(v)
	}
	if d, ok := c.doubles[i]; ok {
		return d
	}
	d := constant.ToFloat(v)
	c.doubles[i] = d
	return d
}

// memberConst is memberConst(m), shared.
func (c *checker) memberConst(m *types.Member) constant.Value {
	if v, ok := c.memberConsts[m]; ok {
		return v
	}
	v := memberConst(m)
	c.memberConsts[m] = v
	return v
}

// tokenConst is tokenConst(t), shared.
func (c *checker) tokenConst(t *design.Token) constant.Value {
	if v, ok := c.tokenConsts[t]; ok {
		return v
	}
	v := tokenConst(t)
	c.tokenConsts[t] = v
	return v
}
