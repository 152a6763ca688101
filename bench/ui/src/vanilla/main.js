// Hand-written keyed table in the style of js-framework-benchmark's
// vanillajs-keyed: one cloned row template, direct DOM writes, one delegated
// click listener, and the DOM itself as the source of truth for rows.
import { label } from "../common/data.js";

let nextId = 1;
let data = []; // {id, label}
let rows = []; // tr per data index
let selected = null;

const tbody = document.getElementById("tbody");
const table = tbody.parentNode;
const template = document.createElement("tr");
template.innerHTML =
  '<td class="col-md-1"> </td><td class="col-md-4"><a> </a></td><td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td><td class="col-md-6"></td>';

function buildData(count) {
  const d = new Array(count);
  for (let i = 0; i < count; i++) d[i] = { id: nextId++, label: label() };
  return d;
}

function createRow(item) {
  const tr = template.cloneNode(true);
  const td1 = tr.firstChild;
  td1.firstChild.nodeValue = item.id;
  td1.nextSibling.firstChild.firstChild.nodeValue = item.label;
  tr.data_id = item.id;
  return tr;
}

function appendRows(items) {
  const empty = !tbody.firstChild;
  if (empty) table.removeChild(tbody);
  for (let i = 0; i < items.length; i++) {
    const tr = createRow(items[i]);
    rows.push(tr);
    tbody.appendChild(tr);
  }
  if (empty) table.insertBefore(tbody, null);
}

function removeAll() {
  tbody.textContent = "";
}

function unselect() {
  if (selected !== null) {
    selected.className = "";
    selected = null;
  }
}

function run(count) {
  removeAll();
  unselect();
  rows = [];
  data = buildData(count);
  appendRows(data);
}

function add() {
  const items = buildData(1000);
  data = data.concat(items);
  appendRows(items);
}

function update() {
  for (let i = 0; i < data.length; i += 10) {
    data[i].label += " !!!";
    rows[i].childNodes[1].firstChild.firstChild.nodeValue = data[i].label;
  }
}

function clear() {
  data = [];
  rows = [];
  selected = null;
  removeAll();
}

function swapRows() {
  if (data.length > 998) {
    const a = rows[1], b = rows[998];
    const afterB = b.nextSibling;
    tbody.insertBefore(b, a);
    tbody.insertBefore(a, afterB);
    rows[1] = b;
    rows[998] = a;
    const t = data[1];
    data[1] = data[998];
    data[998] = t;
  }
}

function indexOfRow(tr) {
  // Rows are few thousand at most; a linear scan from the row's neighbourhood
  // in data order is what vanillajs-keyed does too.
  for (let i = 0; i < rows.length; i++) if (rows[i] === tr) return i;
  return -1;
}

function select(tr) {
  unselect();
  tr.className = "danger";
  selected = tr;
}

function remove(tr) {
  const i = indexOfRow(tr);
  if (i < 0) return;
  if (tr === selected) selected = null;
  tbody.removeChild(tr);
  rows.splice(i, 1);
  data.splice(i, 1);
}

const actions = {
  run: () => run(1000),
  runlots: () => run(10000),
  add,
  update,
  clear,
  swaprows: swapRows,
};

document.getElementById("main").addEventListener("click", (e) => {
  const t = e.target;
  const action = actions[t.id];
  if (action !== undefined && t.tagName === "BUTTON") {
    e.preventDefault();
    action();
    return;
  }
  const a = t.closest("a");
  if (a === null || !tbody.contains(a)) return;
  e.preventDefault();
  const td = a.parentNode;
  const tr = td.parentNode;
  if (td.className === "col-md-4") select(tr);
  else remove(tr);
});
