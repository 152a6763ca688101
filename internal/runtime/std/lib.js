// The parts of the JXL library that JavaScript lacks. Everything JavaScript
// has is emitted inline by the code generator (Math.sqrt, s.toUpperCase(),
// a.filter(...), ...). JXL nil is null.

// randomInt is Int.random(in: lo...hi) (closed range; lo..<hi passes hi - 1).
export function randomInt(lo, hi) {
	return lo + Math.floor(Math.random() * (hi - lo + 1));
}

// randomDouble is Double.random(in: lo..<hi).
export function randomDouble(lo, hi) {
	return lo + Math.random() * (hi - lo);
}

// parseInt is Int(String) → Int?: whole decimal integers only.
export function parseInt(s) {
	return /^[+-]?\d+$/.test(s) ? Number(s) : null;
}

// parseDouble is Double(String) → Double?.
export function parseDouble(s) {
	const t = s.trim();
	if (t === "" || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
	return Number(t);
}

// idiv and imod are Int / and % (truncating; division by zero traps as in Swift).
export function idiv(a, b) {
	if (b === 0) throw new RangeError("division by zero");
	return Math.trunc(a / b);
}

export function imod(a, b) {
	if (b === 0) throw new RangeError("division by zero");
	return a % b;
}

// fmtDouble is String(Double) / "\(d)": whole values keep ".0" as in Swift.
export function fmtDouble(d) {
	return Number.isInteger(d) && Math.abs(d) < 1e16 ? d.toFixed(1) : String(d);
}

// firstIndex is a.firstIndex(where:) → Int?.
export function firstIndex(a, f) {
	const i = a.findIndex(f);
	return i === -1 ? null : i;
}

// first and last are a.first / a.last → T?.
export function first(a) {
	return a.length === 0 ? null : a[0];
}

export function last(a) {
	return a.length === 0 ? null : a[a.length - 1];
}

// removeAt is a.remove(at:) on a copy: returns [newArray, removed].
export function removeAt(a, i) {
	if (i < 0 || i >= a.length) throw new RangeError("index out of range");
	const c = a.slice();
	const [v] = c.splice(i, 1);
	return [c, v];
}

// insertAt is a.insert(v, at:) on a copy.
export function insertAt(a, v, i) {
	if (i < 0 || i > a.length) throw new RangeError("index out of range");
	const c = a.slice();
	c.splice(i, 0, v);
	return c;
}

// split is s.split(separator:) dropping empty pieces, as Swift does.
export function split(s, sep) {
	return s.split(sep).filter((p) => p !== "");
}

// decodeJSON is JSON.decode(T.self, from:) → T?: null on malformed input.
export function decodeJSON(s) {
	try {
		return JSON.parse(s);
	} catch {
		return null;
	}
}
