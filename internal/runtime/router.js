// Router: History API navigation over a route table whose views are lazily
// imported chunks.
//
//   router(outlet, [
//     { path: "/", load: () => import("./route-index.js") },
//     { path: "/users/:id", params: { id: "int" }, load: () => import("./route-user.js") },
//   ], { load: () => import("./route-root.js") })   // fallback (app root or 404)
//
// A chunk's default export is a function (params) → Node, called in the
// route's own root. Param types: "int", "double", "bool", "string", or an
// array of the allowed raw values of a String enum; a value that does not
// parse makes the route not match.
import { atom, effect, getOwner, runWithOwner, untrack, root } from "./core.js";
import { nodesOf, insertNodes, removeNodes, listen, delegate, own } from "./dom.js";
import { runMounts } from "./lifecycle.js";

// path is the current location.pathname, as an atom views can read.
export const path = /* @__PURE__ */ atom(typeof location === "undefined" ? "/" : location.pathname);

// navigate pushes (or replaces) a history entry and renders its route.
export function navigate(to, replace) {
	const url = new URL(to, location.href);
	if (url.origin !== location.origin) {
		location.assign(url.href);
		return;
	}
	history[replace ? "replaceState" : "pushState"](null, "", url.pathname + url.search + url.hash);
	path.set(url.pathname);
}

// compile turns a route's path pattern into its segments.
function compile(route) {
	return route.path.split("/").filter(Boolean);
}

// parseParam converts one path segment to its declared type, or undefined.
export function parseParam(raw, type) {
	if (type === undefined || type === "string") return raw;
	if (Array.isArray(type)) return type.includes(raw) ? raw : undefined;
	switch (type) {
		case "int":
			return /^[+-]?\d+$/.test(raw) ? Number(raw) : undefined;
		case "double": {
			const n = Number(raw);
			return raw !== "" && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) && Number.isFinite(n) ? n : undefined;
		}
		case "bool":
			return raw === "true" ? true : raw === "false" ? false : undefined;
	}
	return undefined;
}

// match finds the first route matching pathname: { route, params } or null.
export function match(routes, pathname) {
	const segs = pathname.split("/").filter(Boolean);
	outer: for (const r of routes) {
		const pat = r.segs || (r.segs = compile(r));
		if (pat.length !== segs.length) continue;
		const params = {};
		for (let i = 0; i < pat.length; i++) {
			const p = pat[i];
			if (p[0] === ":") {
				let raw;
				try {
					raw = decodeURIComponent(segs[i]);
				} catch {
					continue outer;
				}
				const name = p.slice(1);
				const v = parseParam(raw, r.params && r.params[name]);
				if (v === undefined) continue outer;
				params[name] = v;
			} else if (p !== segs[i]) continue outer;
		}
		return { route: r, params };
	}
	return null;
}

// router renders the matching route's view before outlet (a <!> comment) and
// follows navigation: Link clicks, navigate() and the back/forward buttons.
export function router(outlet, routes, fallback) {
	const owner = getOwner();
	let cur, dispose;
	let token = 0;
	listen(window, "popstate", () => path.set(location.pathname));
	effect(() => {
		const p = path.get();
		const m = match(routes, p);
		const route = m ? m.route : fallback;
		const params = m ? m.params : {};
		const t = ++token;
		untrack(() => {
			if (!route) return show(null);
			route.load().then((mod) => {
				if (t === token) show(() => mod.default(params));
			});
		});
	});
	function show(render) {
		if (dispose !== undefined) {
			dispose();
			removeNodes(cur);
			dispose = cur = undefined;
		}
		if (render === null) return;
		runWithOwner(owner, () =>
			root((d) => {
				dispose = d;
				cur = own(nodesOf(render()), getOwner());
			}),
		);
		const parent = outlet.parentNode;
		insertNodes(parent, cur, outlet);
		runMounts(parent);
	}
}

// link makes an <a href> navigate through the router: a plain left click
// without modifier keys on a same-origin link without target is intercepted;
// anything else (new tab, download, other origin) is left to the browser.
export function link(a) {
	delegate("click");
	a.$$click = linkClick;
}

function linkClick(e, a) {
	if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
	if ((a.target && a.target !== "_self") || a.hasAttribute("download") || a.origin !== location.origin) return;
	e.preventDefault();
	navigate(a.pathname + a.search + a.hash);
}
