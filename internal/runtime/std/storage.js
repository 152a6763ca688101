// Storage: localStorage that never throws. When storage is unavailable
// (disabled, sandboxed, quota exceeded, Node) reads give null and writes are
// dropped, returning false.
function store() {
	try {
		return globalThis.localStorage || null;
	} catch {
		return null;
	}
}

// get returns the stored string or null (JXL nil).
export function get(key) {
	try {
		const s = store();
		return s === null ? null : s.getItem(key);
	} catch {
		return null;
	}
}

export function set(key, value) {
	try {
		const s = store();
		if (s === null) return false;
		s.setItem(key, value);
		return true;
	} catch {
		return false;
	}
}

export function remove(key) {
	try {
		const s = store();
		if (s !== null) s.removeItem(key);
	} catch {
		// unavailable: nothing to remove
	}
}
