package syntax

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/jepsh/jepsh/internal/source"
)

// Fprint writes a readable dump of the tree rooted at node to w, one node per
// line with its span as line:col-line:col (positions resolved through fset;
// with a nil fset, raw offsets). It is meant for tests and debugging: the
// format is stable enough for golden files but not a contract.
func Fprint(w io.Writer, fset *source.FileSet, node Node) error {
	pr := &dumper{w: w, fset: fset}
	pr.node("", node, 0)
	return pr.err
}

type dumper struct {
	w    io.Writer
	fset *source.FileSet
	err  error
	buf  []byte
}

var (
	posType     = reflect.TypeOf(source.Pos(0))
	nodeType    = reflect.TypeOf((*Node)(nil)).Elem()
	fileSrcType = reflect.TypeOf((*source.File)(nil))
)

func (d *dumper) pos(p source.Pos) string {
	if d.fset == nil {
		return strconv.Itoa(int(p))
	}
	pp := d.fset.Position(p)
	if !pp.IsValid() {
		return "-"
	}
	return strconv.Itoa(pp.Line) + ":" + strconv.Itoa(pp.Column)
}

func (d *dumper) line(depth int, s string) {
	if d.err != nil {
		return
	}
	d.buf = d.buf[:0]
	for i := 0; i < depth; i++ {
		d.buf = append(d.buf, ". "...)
	}
	d.buf = append(d.buf, s...)
	d.buf = append(d.buf, '\n')
	_, d.err = d.w.Write(d.buf)
}

func (d *dumper) node(label string, n Node, depth int) {
	v := reflect.ValueOf(n)
	if n == nil || v.Kind() == reflect.Pointer && v.IsNil() {
		d.line(depth, label+"nil")
		return
	}
	e := v.Elem()
	t := e.Type()
	var sb strings.Builder
	sb.WriteString(label)
	sb.WriteString(t.Name())
	sb.WriteString(" ")
	sb.WriteString(d.pos(n.Pos()))
	sb.WriteString("-")
	sb.WriteString(d.pos(n.End()))
	// Scalar fields inline.
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv := e.Field(i)
		if f.Type == posType || f.Type == fileSrcType {
			continue
		}
		switch fv.Kind() {
		case reflect.String:
			sb.WriteString(" " + f.Name + "=" + strconv.Quote(fv.String()))
		case reflect.Bool:
			if fv.Bool() {
				sb.WriteString(" " + f.Name)
			}
		case reflect.Uint8:
			if tok, ok := fv.Interface().(Token); ok {
				sb.WriteString(" " + f.Name + "=" + tok.String())
			} else if k, ok := fv.Interface().(LitKind); ok {
				sb.WriteString(" " + f.Name + "=" + [...]string{"Int", "Float", "String", "Bool", "Nil"}[k])
			}
		}
	}
	if id, ok := n.(*Ident); ok {
		// Idents are leaves; keep them on one line.
		_ = id
	}
	d.line(depth, sb.String())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv := e.Field(i)
		switch fv.Kind() {
		case reflect.Interface, reflect.Pointer:
			if fv.IsNil() || !fv.Type().Implements(nodeType) && !(fv.Kind() == reflect.Interface) {
				continue
			}
			if fv.Type() == fileSrcType {
				continue
			}
			if c, ok := fv.Interface().(Node); ok {
				d.node(f.Name+": ", c, depth+1)
			}
		case reflect.Slice:
			if fv.Len() == 0 {
				if !fv.IsNil() {
					d.line(depth+1, f.Name+": []")
				}
				continue
			}
			for j := 0; j < fv.Len(); j++ {
				if c, ok := fv.Index(j).Interface().(Node); ok {
					d.node(fmt.Sprintf("%s[%d]: ", f.Name, j), c, depth+1)
				}
			}
		}
	}
}
