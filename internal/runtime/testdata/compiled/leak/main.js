// A view that uses every resource the runtime manages (timers, intervals,
// window and document listeners, a fetch, a child view, a conditional, a
// list, delegated handlers, onMount/onUnmount), mounted and unmounted in a
// loop by the leak test: everything must be released on unmount.
import { atom, template, text, show, list, onMount, onUnmount, listen, mount, delegate, replace } from "jepsh/runtime";
import { scheduledTimer, after } from "jepsh/runtime/std/timer";
import { get } from "jepsh/runtime/std/http";

const stats = { mounted: 0, unmounted: 0, childUnmounted: 0, ticks: 0, fetched: 0 };

const _t0 = /* @__PURE__ */ template('<div class="widget"><span> </span><!><ul></ul><button type="button">+</button><!></div>');
const _t1 = /* @__PURE__ */ template("<em>even</em>");
const _t2 = /* @__PURE__ */ template("<li> </li>");
const _t3 = /* @__PURE__ */ template("<p> </p>");

function Child(props) {
	const _r = _t3();
	const t = scheduledTimer(1, true, () => stats.ticks++);
	text(_r.firstChild, () => props.label + (t.isValid ? "" : "!"));
	onUnmount(() => stats.childUnmounted++);
	return _r;
}

function Widget(props) {
	const n = atom(0);
	const items = atom([
		{ id: 1, v: "a" },
		{ id: 2, v: "b" },
		{ id: 3, v: "c" },
	]);
	onMount(() => {
		stats.mounted++;
		scheduledTimer(0.05, true, () => n.set(n.peek() + 1));
	});
	onUnmount(() => stats.unmounted++);
	after(10, () => n.set(-1));
	listen(window, "resize", () => n.set(0));
	listen(document, "visibilitychange", () => n.set(0));
	if (props.fetch) get("/index.html", () => stats.fetched++);

	const _r = _t0();
	const _n1 = _r.firstChild;
	const _n2 = _n1.nextSibling;
	const _n3 = _n2.nextSibling;
	const _n4 = _n3.nextSibling;
	text(_n1.firstChild, () => n.get());
	show(_n2, () => n.get() % 2 === 0, () => _t1());
	list(
		_n3,
		() => items.get(),
		(x) => x.id,
		(x) => {
			const _r = _t2();
			text(_r.firstChild, () => x.get().v);
			_r.$$click = () => items.set(items.peek().filter((y) => y.id !== x.peek().id));
			return _r;
		},
	);
	_n4.$$click = () => n.set(n.peek() + 1);
	replace(_n4.nextSibling, Child({ label: "child" }));
	return _r;
}

delegate("click");

window.cycle = (count, fetchEvery) => {
	const host = document.getElementById("host");
	for (let i = 0; i < count; i++) {
		const dispose = mount(Widget, { fetch: fetchEvery > 0 && i % fetchEvery === 0 }, host);
		if (i === 0) host.querySelector("button").click(); // a delegated handler runs
		dispose();
	}
	return { ...stats, hostChildren: host.childNodes.length };
};
