// Compiled from examples/todomvc/todos.jxl: app-wide atoms and funcs. Funcs
// read atoms with peek() (they are handlers, not computations) and write with
// set(); arrays and structs are values, so a write builds a new array and a
// new struct (object literal, fields in declaration order).
import { atom, computed } from "jepsh/runtime";
import * as Storage from "jepsh/runtime/std/storage";
import { decodeJSON, firstIndex } from "jepsh/runtime/std/lib";

// atom storageKey is never written: folded to a constant.
const storageKey = "todos-jepsh";

export const todos = atom(loadTodos());
let nextId = maxId(todos.peek()) + 1; // atom read by no view or computed: a plain variable

export const activeCount = computed(() => todos.get().filter(($0) => !$0.completed).length);
export const completedCount = computed(() => todos.get().length - activeCount.get());

function loadTodos() {
	const saved = Storage.get(storageKey);
	if (saved !== null) {
		return decodeJSON(saved) ?? [];
	}
	return [];
}

function save() {
	Storage.set(storageKey, JSON.stringify(todos.peek()));
}

function maxId(list) {
	let m = 0;
	for (const t of list) {
		m = Math.max(m, t.id);
	}
	return m;
}

export function addTodo(title) {
	const trimmed = title.trim();
	if (trimmed.length === 0) {
		return;
	}
	todos.set([...todos.peek(), { id: nextId, title: trimmed, completed: false }]);
	nextId += 1;
	save();
}

export function toggle(id) {
	const i = firstIndex(todos.peek(), ($0) => $0.id === id);
	if (i !== null) {
		const _todos = todos.peek().slice();
		const _e = _todos[i];
		_todos[i] = { id: _e.id, title: _e.title, completed: !_e.completed };
		todos.set(_todos);
		save();
	}
}

export function toggleAll(done) {
	const _todos = todos.peek().slice();
	for (let i = 0; i < _todos.length; i++) {
		const _e = _todos[i];
		if (_e.completed !== done) _todos[i] = { id: _e.id, title: _e.title, completed: done };
	}
	todos.set(_todos);
	save();
}

export function rename(id, title) {
	const trimmed = title.trim();
	if (trimmed.length === 0) {
		destroy(id);
		return;
	}
	const i = firstIndex(todos.peek(), ($0) => $0.id === id);
	if (i !== null) {
		const _todos = todos.peek().slice();
		const _e = _todos[i];
		_todos[i] = { id: _e.id, title: trimmed, completed: _e.completed };
		todos.set(_todos);
		save();
	}
}

export function destroy(id) {
	todos.set(todos.peek().filter(($0) => !($0.id === id)));
	save();
}

export function clearCompleted() {
	todos.set(todos.peek().filter(($0) => !$0.completed));
	save();
}
