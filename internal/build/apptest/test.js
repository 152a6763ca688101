// The in-page test API of "jepsh test", imported by spec files as
// "jepsh/test". Actions behave like a user (events in the order a browser
// sends them) and wait for the app's batched updates to reach the DOM.
const tests = [];

/** Declares a test; fn may be async. Each test runs in a fresh page. */
export function test(name, fn) {
	tests.push({ name, fn });
}

/** Waits until pending updates (microtasks, then a task) have run. */
export function settle() {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits for an element matching sel (up to timeout ms) and returns it. */
export async function find(sel, timeout = 2000) {
	const end = performance.now() + timeout;
	for (;;) {
		const el = document.querySelector(sel);
		if (el) return el;
		if (performance.now() > end) throw new Error(`no element matches ${sel}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** The number of elements matching sel, after updates settle. */
export async function count(sel) {
	await settle();
	return document.querySelectorAll(sel).length;
}

/** The text of the element matching sel, after updates settle. */
export async function text(sel) {
	await settle();
	return (await find(sel)).textContent;
}

/** The value of the form control matching sel, after updates settle. */
export async function value(sel) {
	await settle();
	return (await find(sel)).value;
}

function mouse(el, type, detail = 1) {
	const Ctor = type.startsWith("pointer") ? PointerEvent : MouseEvent;
	el.dispatchEvent(new Ctor(type, { bubbles: true, cancelable: true, composed: true, view: window, button: 0, detail }));
}

/** Clicks the element matching sel, as a user would. */
export async function click(sel) {
	const el = await find(sel);
	if (el.disabled) throw new Error(`${sel} is disabled`);
	mouse(el, "pointerdown");
	mouse(el, "mousedown");
	if (typeof el.focus === "function") el.focus();
	mouse(el, "pointerup");
	mouse(el, "mouseup");
	el.click();
	await settle();
}

/** Double-clicks the element matching sel. */
export async function dblclick(sel) {
	const el = await find(sel);
	await click(sel);
	await click(sel);
	mouse(el, "dblclick", 2);
	await settle();
}

function key(el, type, k) {
	return el.dispatchEvent(new KeyboardEvent(type, { key: k, code: k.length === 1 ? "Key" + k.toUpperCase() : k, bubbles: true, cancelable: true, composed: true }));
}

/** Types text into the field matching sel, one character at a time. */
export async function type(sel, text) {
	const el = await find(sel);
	el.focus();
	for (const ch of text) {
		if (key(el, "keydown", ch)) {
			el.value += ch;
			el.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, data: ch, inputType: "insertText" }));
		}
		key(el, "keyup", ch);
	}
	await settle();
}

/** Presses a key ("Enter", "Escape", "a") on the element matching sel. */
export async function press(sel, k) {
	const el = await find(sel);
	if (typeof el.focus === "function") el.focus();
	key(el, "keydown", k);
	key(el, "keyup", k);
	await settle();
}

/** Clears the field matching sel. */
export async function clear(sel) {
	const el = await find(sel);
	el.focus();
	el.value = "";
	el.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, inputType: "deleteContentBackward" }));
	await settle();
}

/** Navigates within the app to path (History API, as a link would). */
export async function go(path) {
	history.pushState(null, "", path);
	dispatchEvent(new PopStateEvent("popstate", { state: null }));
	await settle();
}

function show(v) {
	try {
		return typeof v === "string" ? JSON.stringify(v) : v === undefined ? "undefined" : JSON.stringify(v) ?? String(v);
	} catch {
		return String(v);
	}
}

/** Checks a value: expect(x).toBe(y), .toEqual, .toContain, .toBeTruthy, .toHaveLength, and .not. */
export function expect(actual) {
	const make = (negate) => {
		const check = (ok, what) => {
			if (ok === negate) throw new Error(`expected ${show(actual)} ${negate ? "not " : ""}${what}`);
		};
		return {
			toBe: (want) => check(Object.is(actual, want), `to be ${show(want)}`),
			toEqual: (want) => check(show(actual) === show(want), `to equal ${show(want)}`),
			toContain: (want) => check(actual != null && actual.includes(want), `to contain ${show(want)}`),
			toBeTruthy: () => check(!!actual, "to be truthy"),
			toBeFalsy: () => check(!actual, "to be falsy"),
			toHaveLength: (n) => check(actual != null && actual.length === n, `to have length ${n}`),
			toBeGreaterThan: (n) => check(actual > n, `to be greater than ${n}`),
			toBeLessThan: (n) => check(actual < n, `to be less than ${n}`),
		};
	};
	return Object.assign(make(false), { not: make(true) });
}

window.__jepshTest = {
	names: () => tests.map((t) => t.name),
	run: async (i) => {
		try {
			await tests[i].fn();
			await settle();
			return "";
		} catch (e) {
			return String((e && e.message) || e) || "failed";
		}
	},
};
