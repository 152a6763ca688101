// Http: fetches with cancellation. A request made under an owner is aborted
// when the owner is disposed; an aborted request never calls back.
import { getOwner, runWithOwner, onCleanup } from "../core.js";

// get(url, fn, init) fetches url and calls fn({ ok, status, text }); a network
// error gives { ok: false, status: 0, text: "", error }. Returns the request:
// { cancel() }.
export function get(url, fn, init) {
	const o = getOwner();
	const ac = new AbortController();
	const req = { cancel: () => ac.abort() };
	if (o !== null) onCleanup(req.cancel);
	const done = (res) => {
		if (!ac.signal.aborted) runWithOwner(o, () => fn(res));
	};
	fetch(url, { ...init, signal: ac.signal })
		.then((r) => r.text().then((text) => done({ ok: r.ok, status: r.status, text })))
		.catch((error) => done({ ok: false, status: 0, text: "", error: String(error) }));
	return req;
}

// getJSON(url, fn) calls fn(value) with the decoded body of a 2xx response,
// fn(null) otherwise (the JXL optional nil).
export function getJSON(url, fn, init) {
	return get(
		url,
		(res) => {
			let v = null;
			if (res.ok) {
				try {
					v = JSON.parse(res.text);
				} catch {
					v = null;
				}
			}
			fn(v);
		},
		init,
	);
}
