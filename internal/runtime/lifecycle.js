// Lifecycle: mounting views, onMount after insertion into the document,
// onUnmount on removal. Everything a view creates under its owner (effects,
// child views, timers, listeners, requests) is released when it is disposed.
import { getOwner, runWithOwner, root, onCleanup } from "./core.js";
import { nodesOf, insertNodes, removeNodes, own } from "./dom.js";

// Views created but not yet in the document wait here for onMount.
export const pendingMounts = [];

// runMounts runs the queued onMount callbacks once the insertion point is in
// the document. Insertion points of the runtime (mount, lists, conditionals,
// the router) call it after inserting.
export function runMounts(parent) {
	if (pendingMounts.length === 0 || !parent.isConnected) return;
	const q = pendingMounts.splice(0);
	for (const m of q) {
		if (m.live) {
			m.live = false;
			runWithOwner(m.o, () => {
				const r = m.fn();
				if (typeof r === "function") onCleanup(r);
			});
		}
	}
}

// onMount queues fn to run, under the view's owner, after the view is in the
// document. A function it returns runs when the view is disposed.
export function onMount(fn) {
	const m = { o: getOwner(), fn, live: true };
	pendingMounts.push(m);
	onCleanup(() => (m.live = false));
}

// onUnmount runs fn when the view is removed (before its nodes leave).
export const onUnmount = onCleanup;

// mount renders View(props) in its own root and inserts it into parent
// (before the node before, or at the end). Returns a function that disposes
// the view (its onUnmount callbacks run first) and removes its nodes.
export function mount(View, props, parent, before = null) {
	let nodes;
	const dispose = root((d) => {
		nodes = own(nodesOf(View(props || {})), getOwner());
		return d;
	});
	// An adopted shell (see claimShell) is in place already.
	if (nodes.parentNode !== parent) insertNodes(parent, nodes, before);
	runMounts(parent);
	return () => {
		dispose();
		removeNodes(nodes);
	};
}
