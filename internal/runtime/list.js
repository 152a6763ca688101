// Keyed list reconciler and the selector primitive.
//
// A list row is a root (its own owner, owned by the view) holding the row's
// item in an atom: JXL arrays hold immutable values, so when an item with the
// same key comes back as a different object the reconciler writes the row's
// atom and only the bindings that read the changed fields re-run; an identical
// object propagates nothing. Rows are moved, never re-rendered.
import { atom, effect, getOwner, runWithOwner, untrack, root, onCleanup } from "./core.js";
import { nodesOf, insertNodes, removeNodes, own, Row } from "./dom.js";
import { runMounts } from "./lifecycle.js";

// list(host, items, key, render, sels, patch) renders a row for each element
// of items() and keeps the DOM in step with it.
//   host:   the parent element when the list is its only content (enables the
//           textContent = "" clear and replace-all paths), otherwise a <!>
//           comment marking the list's end inside its parent.
//   key:    item → key (x => x.id); null keys rows by index.
//   render: (item: Atom) → Node | DocumentFragment, run in the row's own root;
//           with patch, (item value) → Node, run without a root.
//   sels:   optional array of selectors whose entries are keyed by this list's
//           keys; a removed row's entries are deleted by the list (rows add
//           theirs with sel.add(key, x), no cleanup of their own).
//   patch:  optional (nodes, item, previous) → void. The code generator passes
//           it when every hole of the row depends on the item alone and the
//           row creates nothing that needs an owner (no effects, conditionals,
//           lists, stateful views, timers): the reconciler then writes the
//           changed item straight to the DOM, which is what the row's effects
//           would do on an atom write, without a root, an atom or an effect
//           per row.
export function list(host, items, key, render, sels, patch) {
	const owner = getOwner();
	const owns = host.nodeType === 1;
	let rows = [];

	function make(v, k) {
		const r = new Row(k, v);
		if (patch !== undefined) {
			r.o = owner;
			r.n = own(nodesOf(render(v)), r);
			return r;
		}
		root((d) => {
			r.d = d;
			r.o = getOwner();
			r.n = own(nodesOf(render((r.a = atom(v)))), r);
		});
		return r;
	}

	function set(r, v) {
		const p = r.v;
		if (p !== v) {
			r.v = v;
			if (patch !== undefined) patch(r.n, v, p);
			else r.a.set(v);
		}
	}

	function drop(r) {
		removeNodes(r.n);
		if (r.d !== null) r.d();
		if (sels !== undefined) for (let i = 0; i < sels.length; i++) sels[i].delete(r.k);
	}

	function clearAll(parent, old) {
		if (owns) parent.textContent = "";
		else for (let i = 0; i < old.length; i++) removeNodes(old[i].n);
		if (patch === undefined) for (let i = 0; i < old.length; i++) old[i].d();
		if (sels !== undefined) for (let i = 0; i < sels.length; i++) sels[i].clear();
	}

	const first = (r) => (Array.isArray(r.n) ? r.n[0] : r.n);

	function append(parent, next, keys, from, to, out, before) {
		// Filling an empty parent the list owns: build it detached from the
		// document, so the browser does its style bookkeeping once, not per row.
		const pp = owns && parent.firstChild === null && to - from > 1 ? parent.parentNode : null;
		const ns = pp !== null ? parent.nextSibling : null;
		if (pp !== null) pp.removeChild(parent);
		for (let i = from; i < to; i++) {
			const r = make(next[i], keys === null ? i : keys[i]);
			out[i] = r;
			insertNodes(parent, r.n, before);
		}
		if (pp !== null) pp.insertBefore(parent, ns);
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
			for (let i = nl; i < ol; i++) drop(old[i]);
			if (nl > ol) append(parent, next, null, ol, nl, nr, tail);
			rows = nr;
			return;
		}
		// Keys are computed on demand: an item identical to its row's item has
		// the row's key (keys derive from values), so unchanged rows cost one
		// comparison, not a key call.
		const keys = new Array(nl);
		const K = (i) => {
			const k = keys[i];
			return k !== undefined ? k : (keys[i] = key(next[i]));
		};
		if (ol === 0) {
			for (let i = 0; i < nl; i++) keys[i] = key(next[i]);
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
			// Adjacent ends take the general path: one move is enough there.
			while (s <= oe && s <= ne) {
				const r = old[s];
				const v = next[s];
				if (r.v !== v) {
					if (r.k !== K(s)) break;
					set(r, v);
				}
				nr[s++] = r;
			}
			while (s <= oe && s <= ne) {
				const r = old[oe];
				const v = next[ne];
				if (r.v !== v) {
					if (r.k !== K(ne)) break;
					set(r, v);
				}
				nr[ne--] = r;
				oe--;
			}
			if (s + 1 < oe && s + 1 < ne && old[s].k === K(ne) && old[oe].k === K(s)) {
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
		for (let i = s; i <= ne; i++) K(i);
		if (s > oe) {
			// Only insertions.
			if (s <= ne) append(parent, next, keys, s, ne + 1, nr, ne + 1 < nl ? first(nr[ne + 1]) : tail);
			rows = nr;
			return;
		}
		if (s > ne) {
			// Only removals.
			for (let i = s; i <= oe; i++) drop(old[i]);
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
			if (j === undefined) drop(r);
			else set((nr[j] = r), next[j]);
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

// selector(source, apply) makes "is this row's key the selected one" cost
// O(1) per change of source() instead of one effect per row. Each row adds
// (key, x), x being what apply needs (the row's element, or a per-row atom
// for a conditional block); a change calls apply(x, false) for the entry of
// the old key and apply(x, true) for the new one. add calls apply(x, true) at
// once when key is selected: the template must show the unselected state.
// Entries are removed by the list the selector is passed to, or by bind,
// which removes its entry when the current owner is disposed.
export function selector(source, apply) {
	const map = new Map();
	let cur;
	effect(() => {
		const v = source();
		if (v === cur) return;
		const p = cur;
		cur = v;
		untrack(() => {
			const a = map.get(p);
			if (a !== undefined) apply(a, false);
			const b = map.get(v);
			if (b !== undefined) apply(b, true);
		});
	});
	return {
		add(k, x) {
			map.set(k, x);
			if (k === cur) apply(x, true);
		},
		bind(k, x) {
			this.add(k, x);
			onCleanup(() => map.get(k) === x && map.delete(k));
		},
		delete(k) {
			map.delete(k);
		},
		clear() {
			map.clear();
		},
		is(k) {
			return k === cur;
		},
	};
}
