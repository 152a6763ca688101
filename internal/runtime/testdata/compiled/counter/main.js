// Compiled from examples/counter/counter.jxl: the shape the code generator
// emits. Static DOM is one template; the holes are the count text, three
// click handlers and the reset button's disabled property.
import { atom, computed, template, text, prop, delegate, mount } from "jepsh/runtime";

// VStack(spacing: 12) { Text.title, Text.headline, HStack(spacing: 8) { Button x3 } }.padding(24)
const _t0 = /* @__PURE__ */ template(
	'<div class="j-vstack j0"><span class="j1" data-testid="title">Counter</span><span class="j2" data-testid="count"> </span><div class="j-hstack j3"><button type="button" class="j-button" data-testid="dec">\u2212</button><button type="button" class="j-button" data-testid="inc">+</button><button type="button" class="j-button" data-testid="reset">Reset</button></div></div>',
);

function Counter(props) {
	// let step: Int = 1 (a prop with a default; static at every call site here)
	const step = props.step === undefined ? 1 : props.step;
	// atom count: Int = 0
	const count = atom(0);
	// atom computed label
	const label = computed(() => (count.get() === 1 ? "1 click" : count.get() + " clicks"));
	// func reset()
	const reset = () => count.set(0);

	const _r = _t0();
	const _n1 = _r.firstChild.nextSibling; // Text(label)
	const _n2 = _n1.nextSibling.firstChild; // Button("−")
	const _n3 = _n2.nextSibling; // Button("+")
	const _n4 = _n3.nextSibling; // Button("Reset")
	text(_n1.firstChild, () => label.get());
	_n2.$$click = () => count.set(count.get() - step);
	_n3.$$click = () => count.set(count.get() + step);
	_n4.$$click = () => reset();
	prop(_n4, "disabled", () => count.get() === 0);
	return _r;
}

delegate("click");
mount(Counter, {}, document.getElementById("app"));
