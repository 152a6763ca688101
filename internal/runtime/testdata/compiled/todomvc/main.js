// Compiled from app TodoMVC (examples/todomvc/app.jxl): each route's view is
// its own chunk, imported when the route is first visited; root is the
// fallback for paths no route matches.
import { template, delegate, mount, router } from "jepsh/runtime";

const _t0 = /* @__PURE__ */ template("<!>");

function App() {
	const _r = _t0();
	router(
		_r,
		[
			{ path: "/", load: () => import("./route-0.js") },
			{ path: "/active", load: () => import("./route-1.js") },
			{ path: "/completed", load: () => import("./route-2.js") },
		],
		{ load: () => import("./route-0.js") },
	);
	return _r;
}

delegate("click", "dblclick", "input", "change", "keydown");
mount(App, {}, document.getElementById("app"));
