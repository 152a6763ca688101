// Tests of the runtime parts that need no DOM: the LIS used by the list
// reconciler, selectors, the router's matching, and the standard library.
// Run with: node --test internal/runtime/
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { atom, root, flushSync } from "./core.js";
import { lis, selector } from "./list.js";
import { match, parseParam } from "./router.js";
import { scheduledTimer, after } from "./std/timer.js";
import { get, getJSON } from "./std/http.js";
import * as Storage from "./std/storage.js";
import * as lib from "./std/lib.js";

// isLIS checks that idx are ascending positions of non -1 entries of a with
// strictly increasing values, and that no longer such subsequence exists
// (by O(n^2) dynamic programming).
function checkLIS(a, idx) {
	for (let i = 0; i < idx.length; i++) {
		assert.notEqual(a[idx[i]], -1);
		if (i > 0) {
			assert.ok(idx[i] > idx[i - 1], "positions ascend");
			assert.ok(a[idx[i]] > a[idx[i - 1]], "values increase");
		}
	}
	const best = a.map(() => 0);
	let max = 0;
	for (let i = 0; i < a.length; i++) {
		if (a[i] === -1) continue;
		best[i] = 1;
		for (let j = 0; j < i; j++) if (a[j] !== -1 && a[j] < a[i]) best[i] = Math.max(best[i], best[j] + 1);
		max = Math.max(max, best[i]);
	}
	assert.equal(idx.length, max, `LIS of [${a}] has length ${max}, got [${idx}]`);
}

test("lis: fixed cases", () => {
	const cases = [[], [-1], [5], [1, 2, 3], [3, 2, 1], [3, 1, -1, 2, 5, 4], [998, 1, 2, 3, 0], [2, -1, -1, 0, 1], [0, 8, 4, 12, 2, 10, 6, 14, 1, 9]];
	for (const a of cases) checkLIS(a, lis(a));
	assert.deepEqual(lis([3, 1, -1, 2, 5, 4]), [1, 3, 5]);
});

test("lis: random permutations with holes", () => {
	let seed = 42;
	const rnd = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
	for (let round = 0; round < 300; round++) {
		const n = rnd(40);
		const a = Array.from({ length: n }, (_, i) => i);
		for (let i = n - 1; i > 0; i--) {
			const j = rnd(i + 1);
			[a[i], a[j]] = [a[j], a[i]];
		}
		for (let i = 0; i < n; i++) if (rnd(5) === 0) a[i] = -1;
		checkLIS(a, lis(a));
	}
});

test("selector: O(1) callbacks per change, list-managed and owner-bound entries", () => {
	const selected = atom(0);
	const calls = [];
	root((dispose) => {
		const sel = selector(
			() => selected.get(),
			(x, on) => calls.push(`${x}:${on}`),
		);
		for (let k = 1; k <= 1000; k++) sel.add(k, "row" + k);
		assert.deepEqual(calls, []);
		selected.set(7);
		flushSync();
		assert.deepEqual(calls, ["row7:true"]);
		selected.set(9);
		flushSync();
		assert.deepEqual(calls, ["row7:true", "row7:false", "row9:true"]);
		sel.add(1001, "late");
		selected.set(1001);
		flushSync();
		assert.deepEqual(calls.slice(3), ["row9:false", "late:true"]);
		sel.delete(1001);
		selected.set(2);
		flushSync();
		assert.deepEqual(calls.slice(5), ["row2:true"]);
		// add applies true at once when the key is already selected
		sel.add(2, "again");
		assert.deepEqual(calls.slice(6), ["again:true"]);
		sel.clear();
		selected.set(3);
		flushSync();
		assert.equal(calls.length, 7);
		// bind removes its entry with its owner
		let d;
		root((dd) => {
			d = dd;
			sel.bind(4, "bound");
		});
		d();
		selected.set(4);
		flushSync();
		assert.equal(calls.length, 7);
		dispose();
	});
});

test("router: match with typed params", () => {
	const routes = [
		{ path: "/", name: "home" },
		{ path: "/users/:id", params: { id: "int" }, name: "user" },
		{ path: "/price/:p", params: { p: "double" }, name: "price" },
		{ path: "/flag/:on", params: { on: "bool" }, name: "flag" },
		{ path: "/filter/:f", params: { f: ["all", "active", "completed"] }, name: "filter" },
		{ path: "/hello/:name", name: "hello" },
	];
	const cases = [
		["/", "home", {}],
		["/users/42", "user", { id: 42 }],
		["/users/-3", "user", { id: -3 }],
		["/users/4x", null],
		["/users/", null],
		["/price/3.25", "price", { p: 3.25 }],
		["/price/abc", null],
		["/flag/true", "flag", { on: true }],
		["/flag/yes", null],
		["/filter/active", "filter", { f: "active" }],
		["/filter/done", null],
		["/hello/J%C3%BCrgen", "hello", { name: "Jürgen" }],
		["/hello/%E0%A4%A", null],
		["/nope", null],
		["/users/1/2", null],
	];
	for (const [path, name, params] of cases) {
		const m = match(routes, path);
		if (name === null) assert.equal(m, null, path);
		else {
			assert.equal(m && m.route.name, name, path);
			assert.deepEqual(m.params, params, path);
		}
	}
	assert.equal(parseParam("12", "int"), 12);
	assert.equal(parseParam("1e3", "double"), 1000);
	assert.equal(parseParam("", "double"), undefined);
});

test("timer: fires, repeats, and is invalidated with its owner", async () => {
	let ticks = 0;
	let once = 0;
	let dispose;
	let t;
	root((d) => {
		dispose = d;
		t = scheduledTimer(0.005, true, () => ticks++);
		after(0.005, () => once++);
	});
	try {
		// Wait for two ticks (a loaded machine may delay timers).
		for (let i = 0; i < 200 && (ticks < 2 || once < 1); i++) await new Promise((r) => setTimeout(r, 10));
		assert.ok(ticks >= 2, `repeating timer ticked ${ticks} times`);
		assert.equal(once, 1);
		assert.equal(t.isValid, true);
	} finally {
		dispose();
	}
	assert.equal(t.isValid, false);
	const n = ticks;
	await new Promise((r) => setTimeout(r, 30));
	assert.equal(ticks, n, "no tick after disposal");
	// A one-shot timer disposed before it fires never fires.
	let fired = false;
	root((d) => {
		after(0.01, () => (fired = true));
		d();
	});
	await new Promise((r) => setTimeout(r, 30));
	assert.equal(fired, false);
});

test("http: get, getJSON, and abort on disposal", async () => {
	const srv = http.createServer((req, res) => {
		res.setHeader("Connection", "close"); // no keep-alive socket may outlive the test
		if (req.url === "/slow") return setTimeout(() => res.end("late"), 100);
		if (req.url === "/json") return res.end('{"a":[1,2]}');
		res.statusCode = req.url === "/missing" ? 404 : 200;
		res.end("body");
	});
	await new Promise((r) => srv.listen(0, "127.0.0.1", r));
	const base = `http://127.0.0.1:${srv.address().port}`;
	try {
		const got = await new Promise((r) => get(base + "/x", r));
		assert.deepEqual(got, { ok: true, status: 200, text: "body" });
		const missing = await new Promise((r) => get(base + "/missing", r));
		assert.equal(missing.ok, false);
		assert.equal(missing.status, 404);
		assert.deepEqual(await new Promise((r) => getJSON(base + "/json", r)), { a: [1, 2] });
		assert.equal(await new Promise((r) => getJSON(base + "/missing", r)), null);
		let called = false;
		let dispose;
		root((d) => {
			dispose = d;
			get(base + "/slow", () => (called = true));
		});
		await new Promise((r) => setTimeout(r, 20));
		dispose();
		await new Promise((r) => setTimeout(r, 150));
		assert.equal(called, false, "an aborted request never calls back");
		const failed = await new Promise((r) => get("http://127.0.0.1:1/", r));
		assert.equal(failed.ok, false);
		assert.equal(failed.status, 0);
	} finally {
		srv.closeAllConnections();
		srv.close();
	}
});

test("storage: safe without localStorage", () => {
	assert.equal(Storage.get("k"), null);
	assert.equal(Storage.set("k", "v"), false);
	Storage.remove("k");
	const mem = new Map();
	globalThis.localStorage = {
		getItem: (k) => (mem.has(k) ? mem.get(k) : null),
		setItem: (k, v) => {
			if (v.length > 10) throw new Error("QuotaExceededError");
			mem.set(k, String(v));
		},
		removeItem: (k) => mem.delete(k),
	};
	try {
		assert.equal(Storage.set("k", "v"), true);
		assert.equal(Storage.get("k"), "v");
		assert.equal(Storage.set("k", "much too long"), false, "quota errors are swallowed");
		Storage.remove("k");
		assert.equal(Storage.get("k"), null);
	} finally {
		delete globalThis.localStorage;
	}
});

test("lib: what JavaScript lacks", () => {
	for (let i = 0; i < 200; i++) {
		const n = lib.randomInt(3, 5);
		assert.ok(n >= 3 && n <= 5 && Number.isInteger(n));
	}
	assert.equal(lib.parseInt("42"), 42);
	assert.equal(lib.parseInt("4.2"), null);
	assert.equal(lib.parseInt(" 4"), null);
	assert.equal(lib.parseDouble(" 4.5 "), 4.5);
	assert.equal(lib.parseDouble("x"), null);
	assert.equal(lib.idiv(7, 2), 3);
	assert.equal(lib.idiv(-7, 2), -3);
	assert.equal(lib.imod(-7, 2), -1);
	assert.throws(() => lib.idiv(1, 0), RangeError);
	assert.equal(lib.fmtDouble(1), "1.0");
	assert.equal(lib.fmtDouble(2.5), "2.5");
	assert.equal(lib.firstIndex([1, 2, 3], (x) => x === 3), 2);
	assert.equal(lib.firstIndex([1, 2, 3], (x) => x === 4), null);
	assert.equal(lib.first([]), null);
	assert.equal(lib.last([1, 2]), 2);
	const a = [1, 2, 3];
	assert.deepEqual(lib.removeAt(a, 1), [[1, 3], 2]);
	assert.deepEqual(lib.insertAt(a, 9, 3), [1, 2, 3, 9]);
	assert.deepEqual(a, [1, 2, 3], "value semantics: the input is not changed");
	assert.deepEqual(lib.split("a,,b", ","), ["a", "b"]);
	assert.equal(lib.decodeJSON("{"), null);
});
