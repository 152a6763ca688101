// Keyed list reconciler and the selector primitive.
//
// A list row is a root (its own owner, owned by the view) holding the row's
// item in an atom: JXL arrays hold immutable values, so when an item with the
// same key comes back as a different object the reconciler writes the row's
// atom and only the bindings that read the changed fields re-run; an identical
// object propagates nothing. Rows are moved, never re-rendered.
import { atom, effect, getOwner, runWithOwner, untrack, root, onCleanup } from "./core.js";
import { nodesOf, insertNodes, removeNodes, own } from "./dom.js";
import { runMounts } from "./lifecycle.js";

// Row: k key, v item last written, a item atom, n node (or node array), d dispose.
function Row(k, v) {
	this.k = k;
	this.v = v;
	this.a = null;
	this.n = null;
	this.d = null;
}

// list(host, items, key, render) renders render(itemAtom) for each element of
// items() and keeps the DOM in step with it.
//   host:   the parent element when the list is its only content (enables the
//           textContent = "" clear and replace-all paths), otherwise a <!>
//           comment marking the list's end inside its parent.
//   key:    item → key (x => x.id); null keys rows by index.
//   render: (item: Atom) → Node | DocumentFragment, run in the row's root.
export function list(host, items, key, render) {
	const owner = getOwner();
	const owns = host.nodeType === 1;
	let rows = [];

	function make(v, k) {
		const r = new Row(k, v);
		root((d) => {
			r.d = d;
			const a = (r.a = atom(v));
			r.n = own(nodesOf(render(a)), getOwner());
		});
		return r;
	}

	function set(r, v) {
		if (r.v !== v) {
			r.v = v;
			r.a.set(v);
		}
	}

	const first = (r) => (r.n.nodeType !== undefined ? r.n : r.n[0]);

	function clearAll(parent, old) {
		if (owns) parent.textContent = "";
		else for (let i = 0; i < old.length; i++) removeNodes(old[i].n);
		for (let i = 0; i < old.length; i++) old[i].d();
	}

	function append(parent, next, keys, from, to, out, before) {
		for (let i = from; i < to; i++) {
			const r = make(next[i], keys === null ? i : keys[i]);
			out[i] = r;
			insertNodes(parent, r.n, before);
		}
	}

	function reconcile(next) {
		const old = rows;
		const ol = old.length;
		const nl = next.length;
		const parent = owns ? host : host.parentNode;
		const tail = owns ? null : host;
		if (nl === 0) {
			if (ol !== 0) {
				clearAll(parent, old);
				rows = [];
			}
			return;
		}
		const nr = new Array(nl);
		if (key === null) {
			// Index-keyed: row i shows item i.
			const m = ol < nl ? ol : nl;
			for (let i = 0; i < m; i++) set((nr[i] = old[i]), next[i]);
			for (let i = nl; i < ol; i++) {
				removeNodes(old[i].n);
				old[i].d();
			}
			if (nl > ol) append(parent, next, null, ol, nl, nr, tail);
			rows = nr;
			return;
		}
		const keys = new Array(nl);
		for (let i = 0; i < nl; i++) keys[i] = key(next[i]);
		if (ol === 0) {
			append(parent, next, keys, 0, nl, nr, tail);
			rows = nr;
			return;
		}
		let s = 0;
		let oe = ol - 1;
		let ne = nl - 1;
		for (;;) {
			// Common prefix and suffix; then one swap of the two ends (the
			// benchmark's swap, or any exchange of two rows) costs two moves.
			while (s <= oe && s <= ne && old[s].k === keys[s]) {
				set((nr[s] = old[s]), next[s]);
				s++;
			}
			while (s <= oe && s <= ne && old[oe].k === keys[ne]) {
				set((nr[ne] = old[oe]), next[ne]);
				oe--;
				ne--;
			}
			if (s < oe && s < ne && old[s].k === keys[ne] && old[oe].k === keys[s]) {
				const a = old[s];
				const b = old[oe];
				const after = ne + 1 < nl ? first(nr[ne + 1]) : tail;
				insertNodes(parent, b.n, first(a));
				insertNodes(parent, a.n, after);
				set((nr[s] = b), next[s]);
				set((nr[ne] = a), next[ne]);
				s++;
				oe--;
				ne--;
				continue;
			}
			break;
		}
		if (s > oe) {
			// Only insertions.
			if (s <= ne) append(parent, next, keys, s, ne + 1, nr, ne + 1 < nl ? first(nr[ne + 1]) : tail);
			rows = nr;
			return;
		}
		if (s > ne) {
			// Only removals.
			for (let i = s; i <= oe; i++) {
				removeNodes(old[i].n);
				old[i].d();
			}
			rows = nr;
			return;
		}
		// General case: map new keys to positions, find where each old row
		// goes, remove the rows that left, then walk backwards inserting new
		// rows and moving the rows that are not on the longest increasing
		// subsequence of old positions (those stay where they are).
		const map = new Map();
		for (let i = s; i <= ne; i++) map.set(keys[i], i);
		const len = ne - s + 1;
		const src = new Int32Array(len).fill(-1);
		let reused = 0;
		let moved = false;
		let last = 0;
		for (let i = s; i <= oe; i++) {
			const j = map.get(old[i].k);
			if (j !== undefined) {
				src[j - s] = i;
				reused++;
				if (j < last) moved = true;
				else last = j;
			}
		}
		if (reused === 0 && s === 0 && oe === ol - 1) {
			// Replace-all: nothing survives.
			clearAll(parent, old);
			append(parent, next, keys, 0, nl, nr, tail);
			rows = nr;
			return;
		}
		for (let i = s; i <= oe; i++) {
			const r = old[i];
			const j = map.get(r.k);
			if (j === undefined) {
				removeNodes(r.n);
				r.d();
			} else set((nr[j] = r), next[j]);
		}
		const seq = moved ? lis(src) : null;
		let q = moved ? seq.length - 1 : 0;
		let before = ne + 1 < nl ? first(nr[ne + 1]) : tail;
		for (let j = ne; j >= s; j--) {
			const o = src[j - s];
			if (o === -1) {
				const r = make(next[j], keys[j]);
				nr[j] = r;
				insertNodes(parent, r.n, before);
			} else if (moved) {
				if (q < 0 || seq[q] !== j - s) insertNodes(parent, nr[j].n, before);
				else q--;
			}
			before = first(nr[j]);
		}
		rows = nr;
	}

	effect(() => {
		const next = items();
		untrack(() => runWithOwner(owner, () => reconcile(next)));
		runMounts(owns ? host : host.parentNode || host);
	});
}

// lis returns the positions (ascending) of a longest strictly increasing
// subsequence of a, ignoring entries equal to -1. O(n log n).
export function lis(a) {
	const n = a.length;
	const prev = new Int32Array(n);
	const tails = [];
	for (let i = 0; i < n; i++) {
		const v = a[i];
		if (v === -1) continue;
		let lo = 0;
		let hi = tails.length;
		if (hi > 0 && a[tails[hi - 1]] < v) lo = hi;
		else
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (a[tails[mid]] < v) lo = mid + 1;
				else hi = mid;
			}
		prev[i] = lo > 0 ? tails[lo - 1] : -1;
		tails[lo] = i;
	}
	let k = tails.length;
	const out = new Array(k);
	for (let i = k > 0 ? tails[k - 1] : -1; k > 0; i = prev[i]) out[--k] = i;
	return out;
}

// selector(source) makes "is this row's key the selected one" cost O(1) per
// change of source(), instead of one effect per row: rows register a callback
// for their key, and a change calls only the callbacks of the old and the new
// key. bind(key, fn) calls fn(true) at once if key is selected (the template
// must show the unselected state); pass always = true to also get the
// initial fn(false). The binding is released with the current owner.
export function selector(source) {
	const subs = new Map();
	let cur;
	effect(() => {
		const v = source();
		if (v === cur) return;
		const p = cur;
		cur = v;
		untrack(() => {
			call(subs.get(p), false);
			call(subs.get(v), true);
		});
	});
	return {
		bind(k, fn, always) {
			const had = subs.get(k);
			if (had === undefined) subs.set(k, fn);
			else if (typeof had === "function") subs.set(k, new Set([had, fn]));
			else had.add(fn);
			if (k === cur) fn(true);
			else if (always) fn(false);
			onCleanup(() => {
				const h = subs.get(k);
				if (h === fn) subs.delete(k);
				else if (h !== undefined && typeof h !== "function") {
					h.delete(fn);
					if (h.size === 0) subs.delete(k);
				}
			});
		},
		is(k) {
			return k === cur;
		},
	};
}

function call(h, v) {
	if (h === undefined) return;
	if (typeof h === "function") h(v);
	else for (const f of h) f(v);
}
