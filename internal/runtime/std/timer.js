// Timer: the JXL Timer type. A timer created under an owner (a view, a row, a
// handler run by the runtime) is invalidated when that owner is disposed.
import { getOwner, runWithOwner, onCleanup } from "../core.js";

// scheduledTimer(seconds, repeats, fn) calls fn(timer) after seconds, and every
// seconds after that when repeats. Returns the timer: { isValid, invalidate() }.
export function scheduledTimer(seconds, repeats, fn) {
	const o = getOwner();
	const ms = Math.max(0, seconds * 1000);
	let id;
	const t = {
		isValid: true,
		invalidate() {
			if (t.isValid) {
				t.isValid = false;
				repeats ? clearInterval(id) : clearTimeout(id);
			}
		},
	};
	const tick = () => {
		if (!repeats) t.isValid = false;
		runWithOwner(o, () => fn(t));
	};
	id = repeats ? setInterval(tick, ms) : setTimeout(tick, ms);
	if (o !== null) onCleanup(t.invalidate);
	return t;
}

// after(seconds, fn) is Timer.after: a one-shot timer.
export function after(seconds, fn) {
	return scheduledTimer(seconds, false, () => fn());
}
