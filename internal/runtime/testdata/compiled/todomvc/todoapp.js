// Compiled from view TodoApp (examples/todomvc/app.jxl).
import {
	atom,
	computed,
	effect,
	template,
	text,
	prop,
	classToggle,
	listen,
	show,
	list,
	selector,
	onMount,
	link,
} from "jepsh/runtime";
import { todos, activeCount, completedCount, addTodo, toggle, toggleAll, rename, destroy, clearCompleted } from "./todos.js";

// enum Filter { case all, active, completed }: cases without raw values are
// small integers in declaration order.
export const Filter = { all: 0, active: 1, completed: 2 };

const _t0 = /* @__PURE__ */ template(
	'<section class="todoapp"><header class="header"><h1>todos</h1><input class="new-todo" placeholder="What needs to be done?"></header><!></section><footer class="info"><p>Double-click to edit a todo</p><p>Part of TodoMVC</p></footer>',
);
const _t1 = /* @__PURE__ */ template(
	'<main class="main"><div class="toggle-all-container"><input id="toggle-all" class="toggle-all" type="checkbox"><label class="toggle-all-label" for="toggle-all">Mark all as complete</label></div><ul class="todo-list"></ul></main><footer class="footer"><span class="todo-count"><strong> </strong> </span><ul class="filters"><li><a href="/">All</a></li><li><a href="/active">Active</a></li><li><a href="/completed">Completed</a></li></ul><!></footer>',
);
const _t2 = /* @__PURE__ */ template('<li><div class="view"><input class="toggle" type="checkbox"><label> </label><button class="destroy"></button></div><!></li>');
const _t3 = /* @__PURE__ */ template('<input class="edit">');
const _t4 = /* @__PURE__ */ template('<button class="clear-completed">Clear completed</button>');

export function TodoApp(props) {
	// atom newTitle, editing, draft
	const newTitle = atom("");
	const editing = atom(0);
	const draft = atom("");
	// atom computed visible
	const visible = computed(() =>
		todos.get().filter((todo) => props.filter === Filter.all || (props.filter === Filter.active ? !todo.completed : todo.completed)),
	);
	function startEditing(todo) {
		editing.set(todo.id);
		draft.set(todo.title);
	}
	function commitEdit() {
		if (editing.peek() !== 0) {
			const id = editing.peek();
			editing.set(0);
			rename(id, draft.peek());
		}
	}

	const _r = _t0();
	const _n1 = _r.firstChild.firstChild.firstChild.nextSibling; // input.new-todo
	const _n2 = _r.firstChild.firstChild.nextSibling; // <!> if !todos.isEmpty
	// TextField(text: $newTitle): value bound both ways
	prop(_n1, "value", () => newTitle.get());
	_n1.$$input = (e) => newTitle.set(e.target.value);
	_n1.$$keydown = (e) => {
		if (e.key === "Enter") {
			addTodo(newTitle.peek());
			newTitle.set("");
		}
	};
	// .attr("autofocus", true): focus once the view is in the document
	onMount(() => _n1.focus());

	show(
		_n2,
		() => !(todos.get().length === 0),
		() => {
			const _r = _t1();
			const _n1 = _r.firstChild.firstChild.firstChild; // input.toggle-all
			const _n2 = _r.firstChild.lastChild; // ul.todo-list
			const _n3 = _r.lastChild.firstChild; // span.todo-count
			const _n4 = _n3.nextSibling.firstChild.firstChild; // a All
			const _n5 = _n4.parentNode.nextSibling.firstChild; // a Active
			const _n6 = _n5.parentNode.nextSibling.firstChild; // a Completed
			const _n7 = _n3.nextSibling.nextSibling; // <!> if completedCount > 0
			prop(_n1, "checked", () => activeCount.get() === 0);
			_n1.$$change = (e) => toggleAll(e.target.checked);

			// editing == todo.id (class and conditional) → one selector setting a per-row atom
			const _s0 = selector(
				() => editing.get(),
				(a, v) => a.set(v),
			);
			const _h0 = (e, el, todo) => toggle(todo.get().id);
			const _h1 = (e, el, todo) => startEditing(todo.get());
			const _h2 = (e, el, todo) => destroy(todo.get().id);
			list(
				_n2,
				() => visible.get(),
				(todo) => todo.id,
				(todo) => {
					const _r = _t2();
					const _n1 = _r.firstChild.firstChild; // input.toggle
					const _n2 = _n1.nextSibling; // label
					const _n3 = _r.lastChild; // <!> if editing == todo.id
					const id = todo.peek().id; // the key field
					const _e = atom(false);
					_s0.add(id, _e);
					classToggle(_r, "completed", () => todo.get().completed);
					classToggle(_r, "editing", () => _e.get());
					prop(_n1, "checked", () => todo.get().completed);
					_n1.$$change = _h0;
					text(_n2.firstChild, () => todo.get().title);
					_n2.$$dblclick = _h1;
					_n2.nextSibling.$$click = _h2;
					show(
						_n3,
						() => _e.get(),
						() => {
							const _r = _t3();
							prop(_r, "value", () => draft.get());
							_r.$$input = (e) => draft.set(e.target.value);
							_r.$$keydown = (e) => {
								if (e.key === "Enter") {
									commitEdit();
								} else if (e.key === "Escape") {
									editing.set(0);
								}
							};
							listen(_r, "blur", () => commitEdit());
							onMount(() => _r.focus());
							return _r;
						},
					);
					return _r;
				},
				[_s0],
			);

			text(_n3.firstChild.firstChild, () => activeCount.get());
			text(_n3.lastChild, () => (activeCount.get() === 1 ? " item left" : " items left"));
			link(_n4);
			classToggle(_n4, "selected", () => props.filter === Filter.all);
			link(_n5);
			classToggle(_n5, "selected", () => props.filter === Filter.active);
			link(_n6);
			classToggle(_n6, "selected", () => props.filter === Filter.completed);
			show(
				_n7,
				() => completedCount.get() > 0,
				() => {
					const _r = _t4();
					_r.$$click = () => clearCompleted();
					return _r;
				},
			);
			return _r;
		},
	);
	return _r;
}
