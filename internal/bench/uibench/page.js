// Page side of the UI suite: evaluated in each implementation's page after it
// loads. It drives the js-framework-benchmark keyed operations (warm-ups with
// synthetic clicks, then the one measured click is a real CDP mouse click),
// waits for their results and checks an implementation's correctness.
(() => {
  if (window.__jb) return;
  const tbody = () => document.querySelector("table.table.table-hover.table-striped.test-data > tbody");
  const rows = () => {
    const b = tbody();
    return b ? b.children : [];
  };
  const n = () => rows().length;
  const row = (i) => rows()[i - 1]; // 1-based, as XPath tr[i]
  const id = (i) => {
    const r = row(i);
    return r ? r.children[0].textContent.trim() : null;
  };
  const lab = (i) => {
    const r = row(i);
    return r ? r.children[1].textContent : null;
  };
  const btn = (name) => document.getElementById(name);
  const labelLink = (i) => row(i).children[1].querySelector("a");
  const removeLink = (i) => row(i).children[2].querySelector("span") || row(i).children[2].querySelector("a");
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

  async function until(pred, what, ms = 20000) {
    const t0 = performance.now();
    for (;;) {
      let ok = false;
      try {
        ok = pred();
      } catch (e) {}
      if (ok) return;
      if (performance.now() - t0 > ms) throw new Error("timed out waiting for " + what);
      await new Promise((r) => setTimeout(r, 1));
    }
  }

  async function clickWait(el, pred, what) {
    if (typeof el === "string") el = btn(el);
    el.click();
    await until(pred, what);
  }

  const R = 4; // rows to skip in remove-row, as js-framework-benchmark
  const run = (v) => clickWait("run", () => n() === 1000 && id(1) === String(v), "1,000 rows starting at " + v);

  const OPS = {
    "create-1000-rows": {
      async init(W) {
        for (let i = 0; i < W; i++) {
          await clickWait("run", () => n() === 1000, "1,000 rows");
          await clickWait("clear", () => n() === 0, "no rows");
        }
      },
      target: () => btn("run"),
      done: () => n() === 1000,
    },
    "replace-all-rows": {
      async init(W) {
        for (let i = 0; i < W; i++) await run(i * 1000 + 1);
      },
      target: () => btn("run"),
      done: (W) => n() === 1000 && id(1) === String(W * 1000 + 1),
    },
    "partial-update": {
      async init(W) {
        await run(1);
        for (let i = 0; i < W; i++) {
          const want = " !!!".repeat(i + 1);
          await clickWait("update", () => lab(991).endsWith(want), "label 991 to end in" + want);
        }
      },
      target: () => btn("update"),
      done: (W) => lab(991).endsWith(" !!!".repeat(W + 1)),
    },
    "select-row": {
      async init(W) {
        await run(1);
        for (let i = 0; i < W; i++) {
          await clickWait(labelLink(i + 1), () => row(i + 1).classList.contains("danger"), "row " + (i + 1) + " selected");
        }
      },
      target: () => labelLink(2),
      done: () => row(2).classList.contains("danger"),
    },
    "swap-rows": {
      async init(W) {
        await run(1);
        for (let i = 0; i < W; i++) {
          const want = i % 2 === 0 ? "999" : "2";
          await clickWait("swaprows", () => id(2) === want, "row 2 to have id " + want);
        }
      },
      target: () => btn("swaprows"),
      done: (W) => id(2) === (W % 2 === 0 ? "999" : "2"),
    },
    "remove-row": {
      async init(W) {
        await run(1);
        for (let i = 0; i < W; i++) {
          const k = R + W - i;
          await clickWait(removeLink(k), () => id(k) === String(R + W + 1), "row " + k + " removed");
        }
        if (id(R + 1) !== String(R + W + 1)) throw new Error("remove warm-up left row " + (R + 1) + " with id " + id(R + 1));
      },
      target: () => removeLink(R + 1),
      done: (W) => id(R + 1) === String(R + W + 2),
    },
    "create-10000-rows": {
      async init(W) {
        for (let i = 0; i < W; i++) {
          await clickWait("run", () => n() === 1000, "1,000 rows");
          await clickWait("clear", () => n() === 0, "no rows");
        }
      },
      target: () => btn("runlots"),
      done: () => n() === 10000,
    },
    "append-1000-rows": {
      async init(W) {
        for (let i = 0; i < W; i++) {
          await clickWait("run", () => n() === 1000, "1,000 rows");
          await clickWait("clear", () => n() === 0, "no rows");
        }
        await clickWait("run", () => n() === 1000, "1,000 rows");
      },
      target: () => btn("add"),
      done: () => n() === 2000,
    },
    "clear-1000-rows": {
      async init(W) {
        for (let i = 0; i < W; i++) {
          await clickWait("run", () => n() === 1000, "1,000 rows");
          await clickWait("clear", () => n() === 0, "no rows");
        }
        await clickWait("run", () => n() === 1000, "1,000 rows");
      },
      target: () => btn("clear"),
      done: () => n() === 0,
    },
  };

  async function ready() {
    await until(() => btn("run") && btn("swaprows") && tbody(), "the page to render its buttons and table");
    await frame();
  }

  // prepare runs an operation's warm-ups and returns the centre of the element
  // the measured click goes to, scrolled into view.
  async function prepare(op, W) {
    await ready();
    await OPS[op].init(W);
    await frame();
    await frame();
    const el = OPS[op].target();
    el.scrollIntoView({ block: "center" });
    await frame();
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }

  async function done(op, W) {
    await until(() => OPS[op].done(W), op + " to finish");
    await frame();
    await frame();
    return true;
  }

  async function run1000() {
    await ready();
    await clickWait("run", () => n() === 1000, "1,000 rows");
    await frame();
    return true;
  }

  // check drives every operation once and returns what is wrong.
  async function check() {
    const errs = [];
    const fail = (m) => {
      errs.push(m);
    };
    await ready();
    for (const b of ["run", "runlots", "add", "update", "clear", "swaprows"]) if (!btn(b)) fail("no button #" + b);
    if (errs.length) return errs;
    const rowShape = (i, wantId) => {
      const r = row(i);
      if (!r) return fail("row " + i + " is missing");
      if (r.tagName !== "TR") return fail("row " + i + " is a " + r.tagName);
      const td = r.children;
      if (td.length !== 4) return fail("row " + i + " has " + td.length + " cells, want 4");
      const cls = Array.from(td, (c) => c.className).join(",");
      if (cls !== "col-md-1,col-md-4,col-md-1,col-md-6") return fail("row " + i + " cell classes " + cls);
      if (wantId !== undefined && td[0].textContent.trim() !== String(wantId))
        return fail("row " + i + " id " + JSON.stringify(td[0].textContent) + ", want " + wantId);
      const a = td[1].querySelector("a");
      if (!a || !/^\S+ \S+ \S+( !!!)*$/.test(a.textContent)) return fail("row " + i + " label " + JSON.stringify(a && a.textContent));
      const x = td[2].querySelector("a > span.glyphicon.glyphicon-remove");
      if (!x || x.getAttribute("aria-hidden") !== "true") return fail("row " + i + " has no remove icon");
      if (td[3].textContent !== "") return fail("row " + i + " last cell is not empty");
    };
    const ids = () => Array.from(rows(), (r) => r.children[0].textContent.trim());
    const settle = async () => {
      await tick();
      await frame();
    };
    try {
      btn("run").click();
      await settle();
      if (n() !== 1000) return [...errs, "#run made " + n() + " rows, want 1000"];
      for (let i = 1; i <= 1000; i++) rowShape(i, i);
      if (errs.length) return errs.slice(0, 5);
      const labels = new Set(Array.from(rows(), (r) => r.children[1].textContent));
      if (labels.size < 50) fail("only " + labels.size + " distinct labels in 1,000 rows");

      btn("run").click();
      await settle();
      if (n() !== 1000 || id(1) !== "1001" || id(1000) !== "2000") fail("#run again: " + n() + " rows, ids " + id(1) + ".." + id(1000) + ", want 1001..2000");

      const before = Array.from(rows(), (r) => r.children[1].textContent);
      btn("update").click();
      await settle();
      for (let i = 0; i < 1000; i++) {
        const want = i % 10 === 0 ? before[i] + " !!!" : before[i];
        if (lab(i + 1) !== want) {
          fail("#update: row " + (i + 1) + " label " + JSON.stringify(lab(i + 1)) + ", want " + JSON.stringify(want));
          break;
        }
      }

      // The benchmark clicks with the mouse: what it clicks must be where a
      // pointer at its centre lands.
      for (const [what, el] of [["row 5's label", labelLink(5)], ["row 5's remove icon", removeLink(5)], ["#run", btn("run")]]) {
        el.scrollIntoView({ block: "center" });
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (r.width === 0 || r.height === 0 || !hit || !(el.contains(hit) || hit.contains(el) && hit.closest("a,button") === el.closest("a,button")))
          fail(what + " cannot be clicked: " + r.width + "×" + r.height + " at its centre is " + (hit ? hit.tagName + "." + hit.className : "nothing"));
      }

      labelLink(2).click();
      await settle();
      labelLink(5).click();
      await settle();
      const sel = Array.from(rows()).flatMap((r, i) => (r.classList.contains("danger") ? [i + 1] : []));
      if (sel.length !== 1 || sel[0] !== 5) fail("select: rows with class danger " + JSON.stringify(sel) + ", want [5]");

      const idsBefore = ids();
      btn("swaprows").click();
      await settle();
      const idsAfter = ids();
      if (idsAfter[1] !== idsBefore[998] || idsAfter[998] !== idsBefore[1]) fail("#swaprows: rows 2 and 999 have ids " + idsAfter[1] + ", " + idsAfter[998] + ", want " + idsBefore[998] + ", " + idsBefore[1]);
      for (let i = 0; i < 1000; i++) {
        if (i !== 1 && i !== 998 && idsAfter[i] !== idsBefore[i]) {
          fail("#swaprows moved row " + (i + 1));
          break;
        }
      }
      rowShape(2);
      rowShape(999);

      const gone = id(4);
      removeLink(4).click();
      await settle();
      const idsRm = ids();
      if (n() !== 999 || idsRm.includes(gone) || idsRm[2] !== idsAfter[2] || idsRm[3] !== idsAfter[4]) fail("remove: row 4 (id " + gone + ") not removed cleanly (" + n() + " rows)");

      btn("add").click();
      await settle();
      if (n() !== 1999 || id(1000) !== "2001" || id(1999) !== "3000") fail("#add: " + n() + " rows ending in ids " + id(1000) + ".." + id(1999) + ", want 1999 rows and 2001..3000");
      rowShape(1999, 3000);

      btn("clear").click();
      await settle();
      if (n() !== 0) fail("#clear left " + n() + " rows");
      // #runlots is checked by the create-10000-rows operation's own wait.

    } catch (e) {
      fail("exception: " + e);
    }
    return errs;
  }

  window.__jb = { prepare, done, check, run1000, ready, ops: Object.keys(OPS) };
})();
