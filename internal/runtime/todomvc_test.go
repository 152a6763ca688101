package runtime

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// todoState is the TodoMVC DOM as a user sees it.
type todoState struct {
	Path      string   `json:"path"`
	Titles    []string `json:"titles"`
	Completed []bool   `json:"completed"`
	Editing   []bool   `json:"editing"`
	Count     string   `json:"count"`
	Main      bool     `json:"main"`
	Clear     bool     `json:"clear"`
	ToggleAll bool     `json:"toggleAll"`
	Selected  string   `json:"selected"`
	Focus     string   `json:"focus"`
	Stored    string   `json:"stored"`
}

const todoStateJS = `(() => {
	const q = (s) => document.querySelector(s);
	const lis = [...document.querySelectorAll(".todoapp .todo-list > li")];
	const sel = q(".filters a.selected");
	const f = document.activeElement;
	return {
		path: location.pathname,
		titles: lis.map((li) => li.querySelector(".view label").textContent),
		completed: lis.map((li) => li.classList.contains("completed") && li.querySelector(".toggle").checked),
		editing: lis.map((li) => li.classList.contains("editing") && !!li.querySelector("input.edit")),
		count: q(".todo-count") ? q(".todo-count").textContent : "",
		main: !!q(".todoapp .main"),
		clear: !!q(".clear-completed"),
		toggleAll: q(".toggle-all") ? q(".toggle-all").checked : false,
		selected: sel ? sel.textContent : "",
		focus: f ? f.className : "",
		stored: localStorage.getItem("todos-jepsh") || "",
	};
})()`

// TestTodoMVC drives the compiled TodoMVC app like a user through the whole
// specification: adding, toggling, filtering by route, editing with Enter,
// Escape and blur, deleting, clearing, and persistence across a reload.
func TestTodoMVC(t *testing.T) {
	url := serve(t, bundle(t, "todomvc").Dir)
	ctx := open(t, url+"/", ".new-todo")
	state := func() todoState { return eval[todoState](t, ctx, todoStateJS) }
	check := func(what string, ok bool, s todoState) {
		t.Helper()
		if !ok {
			t.Fatalf("%s: %+v", what, s)
		}
	}

	s := state()
	check("empty app: no main, no footer; new-todo focused", !s.Main && s.Count == "" && s.Focus == "new-todo", s)

	do(t, ctx,
		chromedp.SendKeys(chromedp.CSS(".new-todo"), "Buy milk"+kb.Enter),
		chromedp.SendKeys(chromedp.CSS(".new-todo"), "  Walk dog  "+kb.Enter),
		chromedp.SendKeys(chromedp.CSS(".new-todo"), "   "+kb.Enter),
		chromedp.SendKeys(chromedp.CSS(".new-todo"), "Read"+kb.Enter),
	)
	s = state()
	check("three added, trimmed, blank ignored, input cleared", strings.Join(s.Titles, "|") == "Buy milk|Walk dog|Read" && s.Count == "3 items left" && !s.Clear &&
		eval[string](t, ctx, `document.querySelector(".new-todo").value`) == "", s)

	do(t, ctx, chromedp.Click(chromedp.CSS(".todo-list li:nth-child(1) .toggle")))
	s = state()
	check("first completed", s.Completed[0] && !s.Completed[1] && s.Count == "2 items left" && s.Clear && !s.ToggleAll, s)

	do(t, ctx, chromedp.Click(chromedp.CSS(`.filters a[href="/active"]`)), chromedp.WaitVisible(chromedp.CSS(`.filters a.selected[href="/active"]`)))
	s = state()
	check("/active shows the active ones", s.Path == "/active" && strings.Join(s.Titles, "|") == "Walk dog|Read" && s.Selected == "Active", s)

	do(t, ctx, chromedp.Click(chromedp.CSS(`.filters a[href="/completed"]`)), chromedp.WaitVisible(chromedp.CSS(`.filters a.selected[href="/completed"]`)))
	s = state()
	check("/completed shows the completed one", s.Path == "/completed" && strings.Join(s.Titles, "|") == "Buy milk", s)

	eval[any](t, ctx, `history.back(); null`)
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`.filters a.selected[href="/active"]`)))
	if s = state(); s.Path != "/active" {
		t.Fatalf("back: %+v", s)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`.filters a[href="/"]`)), chromedp.WaitVisible(chromedp.CSS(`.filters a.selected[href="/"]`)))
	s = state()
	check("/ shows all", s.Path == "/" && len(s.Titles) == 3 && s.Selected == "All", s)

	// Link leaves modified clicks to the browser and intercepts a plain one.
	prevented := eval[[]bool](t, ctx, `(() => {
		const a = document.querySelector('.filters a[href="/completed"]');
		const res = [];
		const w = (e) => { res.push(e.defaultPrevented); e.preventDefault(); };
		window.addEventListener("click", w);
		for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }, {}])
			a.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ...init }));
		window.removeEventListener("click", w);
		return res;
	})()`)
	if fmt.Sprint(prevented) != "[false false false false false true]" {
		t.Fatalf("Link default prevented for ctrl, meta, shift, alt, middle, plain clicks: %v", prevented)
	}
	do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`.filters a.selected[href="/completed"]`)),
		chromedp.Click(chromedp.CSS(`.filters a[href="/"]`)), chromedp.WaitVisible(chromedp.CSS(`.filters a.selected[href="/"]`)))

	// Edit with Enter.
	do(t, ctx, chromedp.DoubleClick(chromedp.CSS(".todo-list li:nth-child(2) label")))
	s = state()
	check("double-click starts editing with the input focused", s.Editing[1] && !s.Editing[0] && s.Focus == "edit" &&
		eval[string](t, ctx, `document.querySelector(".todo-list li.editing .edit").value`) == "Walk dog", s)
	do(t, ctx, chromedp.KeyEvent(strings.Repeat(kb.Backspace, 3)+"cat"+kb.Enter))
	s = state()
	check("Enter saves", strings.Join(s.Titles, "|") == "Buy milk|Walk cat|Read" && !s.Editing[1], s)

	// Escape cancels.
	do(t, ctx, chromedp.DoubleClick(chromedp.CSS(".todo-list li:nth-child(3) label")), chromedp.KeyEvent("XYZ"+kb.Escape))
	s = state()
	check("Escape cancels", strings.Join(s.Titles, "|") == "Buy milk|Walk cat|Read" && !s.Editing[2], s)

	// Blur saves.
	do(t, ctx, chromedp.DoubleClick(chromedp.CSS(".todo-list li:nth-child(3) label")), chromedp.KeyEvent(" more"), chromedp.Click(chromedp.CSS("h1")))
	s = state()
	check("blur saves", strings.Join(s.Titles, "|") == "Buy milk|Walk cat|Read more" && !s.Editing[2], s)

	// Editing to blank deletes.
	do(t, ctx, chromedp.DoubleClick(chromedp.CSS(".todo-list li:nth-child(3) label")),
		chromedp.KeyEvent(strings.Repeat(kb.Backspace, len("Read more"))+kb.Enter))
	s = state()
	check("blank edit deletes", strings.Join(s.Titles, "|") == "Buy milk|Walk cat" && s.Count == "1 item left", s)

	// Toggle all, twice.
	do(t, ctx, chromedp.Click(chromedp.CSS(".toggle-all-label")))
	s = state()
	check("toggle all completes all", s.Completed[0] && s.Completed[1] && s.ToggleAll && s.Count == "0 items left", s)
	do(t, ctx, chromedp.Click(chromedp.CSS(".toggle-all-label")))
	s = state()
	check("toggle all again reopens all", !s.Completed[0] && !s.Completed[1] && !s.ToggleAll && s.Count == "2 items left" && !s.Clear, s)

	// Delete with the destroy button (shown on hover).
	do(t, ctx, chromedp.SendKeys(chromedp.CSS(".new-todo"), "Third"+kb.Enter))
	eval[any](t, ctx, `document.querySelector(".todo-list li:nth-child(1) .destroy").click(); null`)
	s = state()
	check("destroy removes", strings.Join(s.Titles, "|") == "Walk cat|Third", s)

	// Clear completed.
	do(t, ctx, chromedp.Click(chromedp.CSS(".todo-list li:nth-child(2) .toggle")), chromedp.Click(chromedp.CSS(".clear-completed")))
	s = state()
	check("clear completed", strings.Join(s.Titles, "|") == "Walk cat" && !s.Clear && s.Count == "1 item left", s)
	if !strings.Contains(s.Stored, `"title":"Walk cat"`) || strings.Contains(s.Stored, "Third") {
		t.Fatalf("localStorage: %s", s.Stored)
	}

	// Persistence: a reload (on a route URL) restores the list.
	do(t, ctx, chromedp.Navigate(url+"/active"), chromedp.WaitVisible(chromedp.CSS(".todo-list li")))
	s = state()
	check("reload restores", s.Path == "/active" && strings.Join(s.Titles, "|") == "Walk cat" && s.Selected == "Active", s)

	// A path no route matches renders the app's root view (the fallback).
	do(t, ctx, chromedp.Navigate(url+"/no/such/page"), chromedp.WaitVisible(chromedp.CSS(".todo-list li")))
	s = state()
	check("unknown path falls back to the root view", s.Path == "/no/such/page" && s.Selected == "All" && len(s.Titles) == 1, s)

	// Delete the last one: main and footer go away.
	eval[any](t, ctx, `document.querySelector(".todo-list li .destroy").click(); null`)
	s = state()
	check("empty again", !s.Main && s.Count == "" && s.Stored == "[]", s)
	probe(t, ctx)
}
