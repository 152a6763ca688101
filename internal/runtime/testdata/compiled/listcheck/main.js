// Drives the keyed list reconciler with random and benchmark-shaped changes
// and checks the DOM after each: order, text, node identity of kept rows, and
// the number of DOM insertions (moves + creations).
import { atom, root, flushSync, template, text, list } from "jepsh/runtime";

const _t0 = /* @__PURE__ */ template("<li> </li>");
const _t1 = /* @__PURE__ */ template("<li> </li><li>~</li>"); // a row of two nodes

let inserts = 0;
const ib = Node.prototype.insertBefore;
Node.prototype.insertBefore = function (n, ref) {
	if (n.nodeType === 1 && n.tagName === "LI") inserts++;
	return ib.call(this, n, ref);
};

function setup(host, patched, multi) {
	const items = atom([]);
	root(() => {
		if (multi) {
			list(
				host,
				() => items.get(),
				(x) => x.id,
				(x) => {
					const f = _t1();
					text(f.firstChild.firstChild, () => x.get().v);
					return f;
				},
			);
		} else if (patched) {
			list(
				host,
				() => items.get(),
				(x) => x.id,
				(x) => {
					const li = _t0();
					li.firstChild.data = x.v;
					return li;
				},
				undefined,
				(li, x) => (li.firstChild.data = x.v),
			);
		} else {
			list(
				host,
				() => items.get(),
				(x) => x.id,
				(x) => {
					const li = _t0();
					text(li.firstChild, () => x.get().v);
					return li;
				},
			);
		}
	});
	return items;
}

function lisLength(a) {
	const tails = [];
	for (const v of a) {
		let lo = 0, hi = tails.length;
		while (lo < hi) {
			const m = (lo + hi) >> 1;
			if (tails[m] < v) lo = m + 1;
			else hi = m;
		}
		tails[lo] = v;
	}
	return tails.length;
}

window.check = (seed, rounds) => {
	let s = seed;
	const rnd = (n) => ((s = (s * 1103515245 + 12345) % 2147483648), s % n);
	// Fresh hosts per call: an owned <ul>, and a marker between two <p>s.
	const ul = document.createElement("ul");
	const div = document.createElement("div");
	div.innerHTML = "<p>before</p><p>after</p>";
	const ul2 = document.createElement("ul");
	document.body.append(ul, div, ul2);
	const hosts = [
		{ name: "owned", el: ul, patched: false },
		{ name: "shared", el: div.lastChild, patched: true },
		{ name: "multi", el: ul2, patched: false, multi: true },
	];
	const errors = [];
	let nextId = 1;
	for (const h of hosts) {
		if (h.name === "shared") {
			const marker = document.createComment("");
			h.el.parentNode.insertBefore(marker, h.el);
			h.el = marker;
		}
		h.items = setup(h.el, h.patched, h.multi);
		h.cur = [];
	}
	const liOf = (h) => {
		const all = [...(h.name === "owned" ? ul : h.name === "multi" ? ul2 : div).querySelectorAll("li")];
		if (!h.multi) return all;
		// Every row is its text li followed by its "~" li.
		const rows = [];
		for (let i = 0; i < all.length; i += 2) {
			if (!all[i + 1] || all[i + 1].textContent !== "~") errors.push("multi: row nodes split at " + i);
			rows.push(all[i]);
		}
		return rows;
	};
	const nodes = new Map(); // host name + id → li
	for (let r = 0; r < rounds; r++) {
		for (const h of hosts) {
			const old = h.cur;
			let next = old.slice();
			const kind = rnd(9);
			if (kind === 0) next = Array.from({ length: rnd(30) }, () => ({ id: nextId++, v: "n" + rnd(100) }));
			else if (kind === 1) next.push(...Array.from({ length: 1 + rnd(5) }, () => ({ id: nextId++, v: "a" })));
			else if (kind === 2 && next.length) next.splice(rnd(next.length), 1 + rnd(3));
			else if (kind === 3 && next.length > 1) {
				const i = rnd(next.length), j = rnd(next.length);
				[next[i], next[j]] = [next[j], next[i]];
			} else if (kind === 4) {
				for (let i = next.length - 1; i > 0; i--) {
					const j = rnd(i + 1);
					[next[i], next[j]] = [next[j], next[i]];
				}
			} else if (kind === 5) next = next.map((x) => (rnd(3) === 0 ? { id: x.id, v: x.v + "!" } : x));
			else if (kind === 6 && next.length) next.splice(rnd(next.length), 0, { id: nextId++, v: "i" });
			else if (kind === 7) next.reverse();
			else if (kind === 8) next = [];
			inserts = 0;
			h.items.set(next);
			flushSync();
			h.cur = next;
			const lis = liOf(h);
			const got = lis.map((li) => li.textContent).join(",");
			const want = next.map((x) => x.v).join(",");
			if (got !== want) errors.push(`${h.name} round ${r} kind ${kind}: DOM [${got}] want [${want}]`);
			// Kept rows keep their node; moves are minimal.
			const oldPos = new Map(old.map((x, i) => [x.id, i]));
			const kept = [];
			let created = 0;
			next.forEach((x, i) => {
				const key = h.name + x.id;
				if (oldPos.has(x.id)) {
					kept.push(oldPos.get(x.id));
					if (nodes.get(key) !== lis[i]) errors.push(`${h.name} round ${r}: row ${x.id} lost its node`);
				} else created++;
				nodes.set(key, lis[i]);
			});
			const per = h.multi ? 2 : 1;
			const minMoves = kept.length - lisLength(kept);
			if (inserts > per * (created + minMoves) && !(h.name !== "shared" && kept.length === 0))
				errors.push(`${h.name} round ${r} kind ${kind}: ${inserts} insertions, minimum ${per * (created + minMoves)}`);
			if (h.name === "shared") {
				const ps = [...div.children];
				if (ps[0].textContent !== "before" || ps[ps.length - 1].textContent !== "after") errors.push(`shared round ${r}: siblings moved`);
			}
		}
	}
	return errors.slice(0, 10);
};

// The benchmark's shapes on 1,000 rows: insertions for swap, remove, append.
window.shapes = () => {
	const host = document.createElement("tbody");
	document.body.append(host);
	const items = setup(host, true);
	const rows = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, v: "r" + i }));
	const out = {};
	const step = (name, next) => {
		inserts = 0;
		items.set(next);
		flushSync();
		out[name] = inserts;
		return next;
	};
	let cur = step("create", rows);
	const sw = cur.slice();
	[sw[1], sw[998]] = [sw[998], sw[1]];
	cur = step("swap", sw);
	cur = step("remove", cur.filter((x) => x.id !== 5));
	cur = step("append", cur.concat(Array.from({ length: 1000 }, (_, i) => ({ id: 2000 + i, v: "x" }))));
	cur = step("update", cur.map((x, i) => (i % 10 === 0 ? { id: x.id, v: x.v + " !!!" } : x)));
	cur = step("moveLastToFront", [cur[cur.length - 1], ...cur.slice(0, -1)]);
	out.rows = host.children.length;
	host.remove();
	return out;
};
