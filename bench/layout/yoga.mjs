// The yoga side of the layout benchmark. It reads commands, one JSON object
// a line, on stdin and answers each with one JSON line on stdout:
//
//   {"cmd":"load","name":"deep","file":"/path/tree.json"}
//       -> {"name":"deep","nodes":N,"boxes":[[x,y,w,h],...]}   (pre-order, unrounded)
//   {"cmd":"run","name":"deep","iters":K,"mode":"fresh"|"relayout"}
//       -> {"name":"deep","ns":[...]}   nanoseconds of each layout
//
// Mode "fresh": every measured layout runs on a freshly built yoga tree
// (built outside the timed region), so yoga's layout cache cannot skip work
// that the Go engine, which starts each Layout from an empty cache, does.
// Mode "relayout": one tree is kept and its root width alternates between
// two values, so yoga may reuse whatever its cache still holds.
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import Yoga from 'yoga-layout';

const config = Yoga.Config.create();
config.setUseWebDefaults(true); // flex-direction: row, flex-shrink: 1 as in CSS
config.setPointScaleFactor(0); // no pixel rounding: compare raw layouts

const align = {
  auto: Yoga.ALIGN_AUTO, 'flex-start': Yoga.ALIGN_FLEX_START, start: Yoga.ALIGN_FLEX_START,
  center: Yoga.ALIGN_CENTER, 'flex-end': Yoga.ALIGN_FLEX_END, end: Yoga.ALIGN_FLEX_END,
  stretch: Yoga.ALIGN_STRETCH, baseline: Yoga.ALIGN_BASELINE,
  'space-between': Yoga.ALIGN_SPACE_BETWEEN, 'space-around': Yoga.ALIGN_SPACE_AROUND,
  'space-evenly': Yoga.ALIGN_SPACE_EVENLY,
};
const justify = {
  'flex-start': Yoga.JUSTIFY_FLEX_START, start: Yoga.JUSTIFY_FLEX_START,
  center: Yoga.JUSTIFY_CENTER, 'flex-end': Yoga.JUSTIFY_FLEX_END, end: Yoga.JUSTIFY_FLEX_END,
  'space-between': Yoga.JUSTIFY_SPACE_BETWEEN, 'space-around': Yoga.JUSTIFY_SPACE_AROUND,
  'space-evenly': Yoga.JUSTIFY_SPACE_EVENLY,
};
const direction = {
  row: Yoga.FLEX_DIRECTION_ROW, column: Yoga.FLEX_DIRECTION_COLUMN,
  'row-reverse': Yoga.FLEX_DIRECTION_ROW_REVERSE, 'column-reverse': Yoga.FLEX_DIRECTION_COLUMN_REVERSE,
};
const wrap = { nowrap: Yoga.WRAP_NO_WRAP, wrap: Yoga.WRAP_WRAP, 'wrap-reverse': Yoga.WRAP_WRAP_REVERSE };
const edges = { Left: Yoga.EDGE_LEFT, Right: Yoga.EDGE_RIGHT, Top: Yoga.EDGE_TOP, Bottom: Yoga.EDGE_BOTTOM };

function build(spec) {
  const node = Yoga.Node.create(config);
  const s = spec.style;
  for (const [k, v] of Object.entries(s)) {
    switch (k) {
      case 'width': node.setWidth(v); break;
      case 'height': node.setHeight(v); break;
      case 'minWidth': node.setMinWidth(v); break;
      case 'minHeight': node.setMinHeight(v); break;
      case 'maxWidth': node.setMaxWidth(v); break;
      case 'maxHeight': node.setMaxHeight(v); break;
      case 'flexBasis': node.setFlexBasis(v); break;
      case 'flexGrow': node.setFlexGrow(v); break;
      case 'flexShrink': node.setFlexShrink(v); break;
      case 'aspectRatio': node.setAspectRatio(v); break;
      case 'columnGap': node.setGap(Yoga.GUTTER_COLUMN, v); break;
      case 'rowGap': node.setGap(Yoga.GUTTER_ROW, v); break;
      case 'flexDirection': node.setFlexDirection(direction[v]); break;
      case 'flexWrap': node.setFlexWrap(wrap[v]); break;
      case 'alignItems': node.setAlignItems(align[v]); break;
      case 'alignSelf': node.setAlignSelf(align[v]); break;
      case 'alignContent': node.setAlignContent(align[v]); break;
      case 'justifyContent': node.setJustifyContent(justify[v]); break;
      case 'position': node.setPositionType(Yoga.POSITION_TYPE_ABSOLUTE); break;
      case 'display': node.setDisplay(Yoga.DISPLAY_NONE); break;
      case 'boxSizing': node.setBoxSizing(Yoga.BOX_SIZING_CONTENT_BOX); break;
      case 'direction': node.setDirection(v === 'rtl' ? Yoga.DIRECTION_RTL : Yoga.DIRECTION_LTR); break;
      default: {
        const m = /^(margin|padding|border)(Left|Right|Top|Bottom)$/.exec(k);
        if (m) {
          const set = { margin: 'setMargin', padding: 'setPadding', border: 'setBorder' }[m[1]];
          node[set](edges[m[2]], v);
        } else if (k in { left: 1, right: 1, top: 1, bottom: 1 }) {
          node.setPosition(edges[k[0].toUpperCase() + k.slice(1)], v);
        } else {
          throw new Error(`yoga.mjs: unsupported style ${k}`);
        }
      }
    }
  }
  (spec.children || []).forEach((c, i) => node.insertChild(build(c), i));
  return node;
}

function boxes(node, out) {
  const l = node.getComputedLayout();
  out.push([l.left, l.top, l.width, l.height]);
  for (let i = 0; i < node.getChildCount(); i++) boxes(node.getChild(i), out);
  return out;
}

const trees = new Map();
const rl = createInterface({ input: process.stdin });
for await (const line of rl) {
  const msg = JSON.parse(line);
  if (msg.cmd === 'load') {
    const spec = JSON.parse(readFileSync(msg.file, 'utf8'));
    trees.set(msg.name, { spec, width: msg.width, height: msg.height, kept: null, toggle: 0 });
    const root = build(spec);
    root.calculateLayout(msg.width, msg.height, Yoga.DIRECTION_LTR);
    const out = boxes(root, []);
    root.freeRecursive();
    process.stdout.write(JSON.stringify({ name: msg.name, nodes: out.length, boxes: out }) + '\n');
  } else if (msg.cmd === 'run') {
    const t = trees.get(msg.name);
    const ns = [];
    if (msg.mode === 'relayout') {
      if (!t.kept) {
        t.kept = build(t.spec);
        t.kept.calculateLayout(t.width, t.height, Yoga.DIRECTION_LTR);
      }
      for (let i = 0; i < msg.iters; i++) {
        t.kept.setWidth(t.spec.style.width - (++t.toggle % 2));
        const start = process.hrtime.bigint();
        t.kept.calculateLayout(t.width, t.height, Yoga.DIRECTION_LTR);
        ns.push(Number(process.hrtime.bigint() - start));
      }
      process.stdout.write(JSON.stringify({ name: msg.name, ns }) + '\n');
      continue;
    }
    for (let i = 0; i < msg.iters; i++) {
      const root = build(t.spec);
      const start = process.hrtime.bigint();
      root.calculateLayout(t.width, t.height, Yoga.DIRECTION_LTR);
      ns.push(Number(process.hrtime.bigint() - start));
      root.freeRecursive();
    }
    process.stdout.write(JSON.stringify({ name: msg.name, ns }) + '\n');
  } else {
    throw new Error(`yoga.mjs: unknown command ${msg.cmd}`);
  }
}
