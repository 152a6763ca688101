// DOM layer: templates, hole bindings, event delegation, child insertion and
// conditional blocks. Generated view modules call these helpers; static DOM
// lives in templates and is never touched again, only holes are bound.
import { effect, getOwner, runWithOwner, batch, untrack, root, onCleanup } from "./core.js";
import { runMounts } from "./lifecycle.js";

// template(html) returns a function that clones the parsed HTML. The markup is
// parsed once, on first use, into a node owned by the main document (so clones
// need no adoption on insertion). A single root element is returned as that
// element; several roots come back as a DocumentFragment.
export function template(html) {
	let proto;
	return () => {
		if (proto === undefined) {
			const t = document.createElement("template");
			t.innerHTML = html;
			const c = t.content;
			proto = document.importNode(c.childNodes.length === 1 ? c.firstChild : c, true);
		}
		return proto.cloneNode(true);
	};
}

// ---- the pre-rendered shell. When the root view's first render is all
// static markup, jepsh build writes it into index.html inside the mount
// element (marked data-jepsh-shell="id"), so it paints before any script
// runs; the root view then adopts those nodes instead of cloning.

/** @type {Node | null} */
let shellNode = null;

// claimShell takes parent's pre-rendered markup for the root view's first
// render when it was built with the same template (its id matches). Markup
// from another build is removed, and the view renders as usual.
export function claimShell(parent, id) {
	const mark = parent.getAttribute("data-jepsh-shell");
	if (mark === null) return;
	parent.removeAttribute("data-jepsh-shell");
	const n = parent.firstChild;
	if (mark === id && n !== null && n === parent.lastChild) shellNode = n;
	else parent.textContent = "";
}

// adopt(t) is t() (a clone of template t), except for the root view's first
// render after claimShell, which gets the claimed nodes.
export function adopt(t) {
	const n = shellNode;
	if (n === null) return t();
	shellNode = null;
	return n;
}

// ---- bindings: each is one fine-grained effect; values are compared with
// the last one written so an unchanged value costs no DOM write.

// text binds the data of a text node (a " " placeholder in the template).
export function text(node, fn) {
	let v;
	effect(() => {
		const n = fn();
		if (n !== v) node.data = v = n;
	});
}

// setAttr writes an attribute: null/undefined/false remove it, true sets "".
export function setAttr(el, name, v) {
	if (v == null || v === false) el.removeAttribute(name);
	else el.setAttribute(name, v === true ? "" : v);
}

export function attr(el, name, fn) {
	let v;
	effect(() => {
		const n = fn();
		if (n !== v) setAttr(el, name, (v = n));
	});
}

// prop binds a DOM property (value, checked, disabled, ...). The comparison is
// against the live property so user edits of an input are overwritten only
// when the bound value differs.
export function prop(el, name, fn) {
	effect(() => {
		const n = fn();
		if (el[name] !== n) el[name] = n;
	});
}

// className binds the whole class attribute (the element has no static class).
export function className(el, fn) {
	let v;
	effect(() => {
		const n = fn() || "";
		if (n !== v) el.className = v = n;
	});
}

// classToggle binds one class name to a condition.
export function classToggle(el, name, fn) {
	let v;
	effect(() => {
		const n = !!fn();
		if (n !== v) {
			v = n;
			n ? el.classList.add(name) : el.classList.remove(name);
		}
	});
}

// classTokens binds a dynamic space-separated class string that is merged
// with the element's static classes: tokens of the previous value are removed,
// tokens of the new value added.
export function classTokens(el, fn) {
	let prev = [];
	effect(() => {
		const next = String(fn() || "").split(" ").filter(Boolean);
		for (const c of prev) if (!next.includes(c)) el.classList.remove(c);
		for (const c of next) el.classList.add(c);
		prev = next;
	});
}

// setStyle writes one CSS property through the CSSOM (allowed under a strict
// CSP, unlike style attributes); null/undefined/false remove it.
export function setStyle(el, name, v) {
	if (v == null || v === false) el.style.removeProperty(name);
	else el.style.setProperty(name, v);
}

export function style(el, name, fn) {
	let v;
	effect(() => {
		const n = fn();
		if (n !== v) setStyle(el, name, (v = n));
	});
}

// ---- events. Bubbling events are delegated: one document listener per
// type, the handler stored on the element as el.$$type (el.$$click = fn).
// The runtime marks the top element(s) of every owner it creates (mounted
// view, branch, route, list row) with node.$$o: the owner, or for a list row
// its Row. A handler is called as h(event, element, item) where item is the
// atom of the nearest enclosing list row (so a row's handlers can be created
// once per list instead of once per row), under the owner of the nearest
// marked ancestor (what it creates is released with that scope). The
// reactive flush runs synchronously after the handlers, so the DOM is up to
// date before the browser paints.
const delegated = {};

export function delegate(...types) {
	for (const t of types) {
		if (delegated[t] === undefined) {
			delegated[t] = 1;
			document.addEventListener(t, dispatch);
		}
	}
}

function dispatch(e) {
	// Handlers run in a batch: their writes schedule no microtask, and the
	// effects run synchronously when the batch ends.
	batch(() => {
		const key = "$$" + e.type;
		let n = e.target;
		while (n !== null) {
			const h = n[key];
			if (h !== undefined && n.disabled !== true) {
				let p = n;
				while (p !== null && p.$$o === undefined) p = p.parentNode;
				let o = p === null ? null : p.$$o;
				let item;
				if (o instanceof Row) {
					item = o.a === null ? o : o.a;
					o = o.o;
				} else {
					while (p !== null && !(p.$$o instanceof Row)) p = p.parentNode;
					if (p !== null) item = p.$$o.a === null ? p.$$o : p.$$o.a;
				}
				const el = n;
				runWithOwner(o, () => h(e, el, item));
				if (e.cancelBubble) break;
			}
			n = n.parentNode;
		}
	});
}

// Row is a list row: k key, v item last written, a item atom (null for a
// patched row), n node (or node array), d dispose (null without a root), o
// owner. A patched row stands in for its item atom: get() and peek() give v.
export function Row(k, v) {
	this.k = k;
	this.v = v;
	this.a = null;
	this.n = null;
	this.d = null;
	this.o = null;
}

Row.prototype.get = Row.prototype.peek = function () {
	return this.v;
};

// own marks the top nodes (a node or an array from nodesOf) of a new owner's
// DOM with that owner (or Row), for delegated handlers. The runtime does it
// wherever it creates an owner with DOM (mount, rows, branches, routes).
export function own(nodes, o) {
	if (!Array.isArray(nodes)) nodes.$$o = o;
	else for (let i = 0; i < nodes.length; i++) nodes[i].$$o = o;
	return nodes;
}

// listen adds a real listener (non-bubbling events such as blur and focus, or
// window/document targets). It runs under the current owner, flushes after
// the handler and is removed when the owner is disposed.
export function listen(target, type, fn, opts) {
	const o = getOwner();
	const h = (e) => batch(() => runWithOwner(o, () => fn(e, target)));
	target.addEventListener(type, h, opts);
	if (o) onCleanup(() => target.removeEventListener(type, h, opts));
}

// ---- child content

// nodesOf returns the top-level nodes a render function produced, recorded
// before a fragment empties itself on insertion.
export function nodesOf(n) {
	if (n.nodeType !== 11) return n;
	const c = n.childNodes;
	if (c.length === 1) return c[0];
	if (c.length === 0) {
		const t = document.createTextNode("");
		n.appendChild(t);
		return t;
	}
	return Array.from(c);
}

export function insertNodes(parent, nodes, before) {
	if (!Array.isArray(nodes)) parent.insertBefore(nodes, before);
	else for (let i = 0; i < nodes.length; i++) parent.insertBefore(nodes[i], before);
}

export function removeNodes(nodes) {
	if (!Array.isArray(nodes)) nodes.remove();
	else for (let i = 0; i < nodes.length; i++) nodes[i].remove();
}

// replace puts a child (a view's node or fragment) where the template has a
// <!> marker comment.
export function replace(marker, node) {
	marker.parentNode.replaceChild(node, marker);
}

// insertText replaces a <!> marker by a text node bound to fn; used for text
// holes that have text siblings (a lone text hole uses a " " placeholder and
// text()).
export function insertText(marker, fn) {
	const t = document.createTextNode("");
	marker.parentNode.replaceChild(t, marker);
	text(t, fn);
	return t;
}

// ---- conditional blocks

// show renders yes() while cond() is truthy and no() otherwise (either may be
// null), before the anchor comment. Each branch has its own root, owned by the
// view (so it goes with the view) and disposed when the branch is left; the
// other branch is built fresh when entered.
export function show(anchor, cond, yes, no) {
	const owner = getOwner();
	let cur, dispose, state;
	effect(() => {
		const c = !!cond();
		if (c === state) return;
		state = c;
		untrack(() => {
			if (dispose !== undefined) {
				dispose();
				removeNodes(cur);
				dispose = cur = undefined;
			}
			const f = c ? yes : no;
			if (!f) return;
			runWithOwner(owner, () =>
				root((d) => {
					dispose = d;
					cur = own(nodesOf(f()), getOwner());
				}),
			);
			const parent = anchor.parentNode;
			insertNodes(parent, cur, anchor);
			runMounts(parent);
		});
	});
}
