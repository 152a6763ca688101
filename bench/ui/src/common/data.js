// Label generation shared by the peer implementations; the same word lists and
// the same Math.random-based choice as js-framework-benchmark's apps.
const A = ["pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy"];
const C = ["red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange"];
const N = ["table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger", "pizza", "mouse", "keyboard"];

function random(max) {
  return Math.round(Math.random() * 1000) % max;
}

export function label() {
  return A[random(A.length)] + " " + C[random(C.length)] + " " + N[random(N.length)];
}
