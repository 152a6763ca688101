// Compiled from examples/bench/bench.jxl: the js-framework-benchmark keyed
// table. App-wide atoms become module-level atoms; funcs become functions
// that read atoms with peek() and write them with set() (value semantics:
// an array is copied once per function before its first write).
import { atom, template, delegate, mount, list, selector, replace } from "jepsh/runtime";
import { randomInt } from "jepsh/runtime/std/lib";

// Atoms never written are folded into constants.
const adjectives = ["pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy"];
const colours = ["red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange"];
const nouns = ["table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger", "pizza", "mouse", "keyboard"];

const rows = atom([]);
const selected = atom(0);
let nextId = 1; // atom nextId: read by no view or computed, so a plain variable

function pick(words) {
	return words[randomInt(0, words.length - 1)];
}

function buildData(count) {
	const data = [];
	for (let _i = 0; _i < count; _i++) {
		// struct Row { let id: Int; var label: String } → object literal, fields in declaration order
		data.push({ id: nextId, label: pick(adjectives) + " " + pick(colours) + " " + pick(nouns) });
		nextId += 1;
	}
	return data;
}

function run() {
	rows.set(buildData(1000));
	selected.set(0);
}

function runLots() {
	rows.set(buildData(10000));
	selected.set(0);
}

function add() {
	rows.set(rows.peek().concat(buildData(1000)));
}

function update() {
	const _rows = rows.peek().slice();
	let i = 0;
	while (i < _rows.length) {
		const _e = _rows[i];
		_rows[i] = { id: _e.id, label: _e.label + " !!!" };
		i += 10;
	}
	rows.set(_rows);
}

function clear() {
	rows.set([]);
	selected.set(0);
}

function swapRows() {
	if (rows.peek().length > 998) {
		const _rows = rows.peek().slice();
		const a = _rows[1];
		_rows[1] = _rows[998];
		_rows[998] = a;
		rows.set(_rows);
	}
}

function remove(id) {
	rows.set(rows.peek().filter(($0) => !($0.id === id)));
}

const _t0 = /* @__PURE__ */ template('<div class="col-sm-6 smallpad"><button type="button" class="btn btn-primary btn-block"> </button></div>');

// view ActionButton { let id: String; let title: String; let action: () -> Void }
function ActionButton(props) {
	const _r = _t0();
	const _n1 = _r.firstChild;
	_n1.id = props.id;
	_n1.firstChild.data = props.title;
	_n1.$$click = () => props.action();
	return _r;
}

const _t1 = /* @__PURE__ */ template(
	'<div class="container"><div class="jumbotron"><div class="row"><div class="col-md-6"><h1>Jepsh keyed</h1></div><div class="col-md-6"><div class="row"><!><!><!><!><!><!></div></div></div></div><table class="table table-hover table-striped test-data"><tbody></tbody></table><span class="preloadicon glyphicon glyphicon-remove" aria-hidden="true"></span></div>',
);
const _t2 = /* @__PURE__ */ template(
	'<tr><td class="col-md-1"> </td><td class="col-md-4"><a> </a></td><td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td><td class="col-md-6"></td></tr>',
);

function BenchApp() {
	const _r = _t1();
	const _n1 = _r.firstChild.firstChild.firstChild.nextSibling.firstChild.firstChild; // first <!>
	const _n2 = _n1.nextSibling;
	const _n3 = _n2.nextSibling;
	const _n4 = _n3.nextSibling;
	const _n5 = _n4.nextSibling;
	const _n6 = _n5.nextSibling;
	const _n7 = _r.firstChild.nextSibling.firstChild; // tbody
	replace(_n1, ActionButton({ id: "run", title: "Create 1,000 rows", action: run }));
	replace(_n2, ActionButton({ id: "runlots", title: "Create 10,000 rows", action: runLots }));
	replace(_n3, ActionButton({ id: "add", title: "Append 1,000 rows", action: add }));
	replace(_n4, ActionButton({ id: "update", title: "Update every 10th row", action: update }));
	replace(_n5, ActionButton({ id: "clear", title: "Clear", action: clear }));
	replace(_n6, ActionButton({ id: "swaprows", title: "Swap Rows", action: swapRows }));
	// .className(selected == row.id ? "danger" : ""): row.id is the list key,
	// so one selector serves the whole list (O(1) per selection change).
	const _s0 = selector(
		() => selected.get(),
		(tr, v) => (tr.className = v ? "danger" : ""),
	);
	// Row handlers read only the row's item: created once per list; the
	// runtime passes the row (its item: row.get()) as the third argument.
	const _h0 = (e, el, row) => selected.set(row.get().id);
	const _h1 = (e, el, row) => remove(row.get().id);
	// for row in rows { Html.tr { ... } } keyed by Row.id; the tbody holds only
	// the list. Every hole of the row depends on the row alone (the selection
	// goes through the selector), so the row is patched, not bound to effects.
	list(
		_n7,
		() => rows.get(),
		(row) => row.id,
		(row) => {
			const _r = _t2();
			const _n1 = _r.firstChild;
			const _n2 = _n1.nextSibling.firstChild;
			_n1.firstChild.data = row.id;
			_n2.firstChild.data = row.label;
			_n2.$$click = _h0;
			_n1.nextSibling.nextSibling.firstChild.$$click = _h1;
			_s0.add(row.id, _r);
			return _r;
		},
		[_s0],
		(_r, row, _p) => {
			// row.id is the key: equal for the row's life. Only changed fields are written.
			if (row.label !== _p.label) _r.firstChild.nextSibling.firstChild.firstChild.data = row.label;
		},
	);
	return _r;
}

delegate("click");
mount(BenchApp, {}, document.getElementById("main"));
