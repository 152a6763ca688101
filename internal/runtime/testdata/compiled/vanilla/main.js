// Hand-written vanilla JS keyed table, in the style of js-framework-benchmark's
// vanillajs-keyed: the baseline the Jepsh bench app is measured against.
"use strict";

const adjectives = ["pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy"];
const colours = ["red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange"];
const nouns = ["table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger", "pizza", "mouse", "keyboard"];

const pick = (a) => a[Math.floor(Math.random() * a.length)];

let nextId = 1;
function buildData(count) {
	const data = new Array(count);
	for (let i = 0; i < count; i++) {
		data[i] = { id: nextId++, label: pick(adjectives) + " " + pick(colours) + " " + pick(nouns) };
	}
	return data;
}

const rowTemplate = document.createElement("tr");
rowTemplate.innerHTML = '<td class="col-md-1"> </td><td class="col-md-4"><a> </a></td><td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td><td class="col-md-6"></td>';

class Main {
	constructor() {
		this.data = [];
		this.rows = [];
		this.selectedRow = null;
		this.table = document.querySelector("table");
		this.tbody = document.querySelector("tbody");
		document.getElementById("main").addEventListener("click", (e) => {
			const t = e.target;
			switch (t.id) {
				case "run": return this.run(1000);
				case "runlots": return this.run(10000);
				case "add": return this.add();
				case "update": return this.update();
				case "clear": return this.clear();
				case "swaprows": return this.swapRows();
			}
			if (t.tagName === "A" && t.parentNode.className === "col-md-4") {
				e.preventDefault();
				this.select(t.parentNode.parentNode);
			} else if (t.tagName === "SPAN" && t.classList.contains("glyphicon-remove") && t.parentNode.tagName === "A") {
				e.preventDefault();
				this.remove(t.parentNode.parentNode.parentNode);
			}
		});
	}
	run(n) {
		this.clear();
		this.data = buildData(n);
		this.appendRows(0);
	}
	add() {
		const from = this.data.length;
		this.data = this.data.concat(buildData(1000));
		this.appendRows(from);
	}
	appendRows(from) {
		const empty = !this.tbody.firstChild;
		if (empty) this.tbody.remove();
		for (let i = from; i < this.data.length; i++) this.rows[i] = this.createRow(this.data[i]);
		if (empty) this.table.insertBefore(this.tbody, null);
	}
	createRow(d) {
		const tr = rowTemplate.cloneNode(true);
		const td1 = tr.firstChild;
		td1.firstChild.nodeValue = d.id;
		td1.nextSibling.firstChild.firstChild.nodeValue = d.label;
		tr.data_id = d.id;
		this.tbody.appendChild(tr);
		return tr;
	}
	update() {
		for (let i = 0; i < this.data.length; i += 10) {
			const d = this.data[i];
			d.label += " !!!";
			this.rows[i].firstChild.nextSibling.firstChild.firstChild.nodeValue = d.label;
		}
	}
	clear() {
		this.data = [];
		this.rows = [];
		this.selectedRow = null;
		this.tbody.textContent = "";
	}
	swapRows() {
		if (this.data.length > 998) {
			const d = this.data[1]; this.data[1] = this.data[998]; this.data[998] = d;
			const a = this.rows[1], b = this.rows[998];
			const after = b.nextSibling;
			this.tbody.insertBefore(b, a);
			this.tbody.insertBefore(a, after);
			this.rows[1] = b; this.rows[998] = a;
		}
	}
	select(tr) {
		if (this.selectedRow) this.selectedRow.className = "";
		tr.className = "danger";
		this.selectedRow = tr;
	}
	remove(tr) {
		const i = this.rows.indexOf(tr);
		if (tr === this.selectedRow) this.selectedRow = null;
		tr.remove();
		this.rows.splice(i, 1);
		this.data.splice(i, 1);
	}
}

new Main();
