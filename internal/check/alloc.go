package check

import (
	"go/constant"

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
