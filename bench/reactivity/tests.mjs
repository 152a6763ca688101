// The reactivity benchmark's test graphs, after the kairo, cellx and creation
// tests of the js-reactivity-benchmark project. Every sample checks what it
// computed: values read, effect runs; a wrong result throws.
//
// A test is { name, prepare(fw, reps) }: prepare builds what is reused between
// samples and returns { setup?(), sample(), dispose() }; sample() runs the
// timed part `reps` times and returns its CPU time in ms. The runner calls
// setup() (untimed), collects garbage and lets the collector's background
// threads settle before each sample, so that they are not billed to it.

/** CPU time of this process in ms (user + system). */
export function cpu() {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

class CheckError extends Error {}

function check(cond, what) {
  if (!cond) throw new CheckError(what)
}

/** Builds a graph, collecting effect disposers so a sample can tear it down. */
function scope(fw) {
  const disposers = []
  return {
    effect(fn) {
      disposers.push(fw.effect(fn))
    },
    dispose() {
      for (const d of disposers) d()
      disposers.length = 0
    },
  }
}

/**
 * A kairo-style test: build once, then each sample runs iter() reps times.
 * iter returns the number of wrong values it read; effects are counted.
 */
function kairo(name, build, effectsPerIter) {
  return {
    name,
    prepare(fw, reps) {
      const s = scope(fw)
      const counter = { n: 0 }
      const iter = build(fw, s, counter)
      // first iteration settles the graph into its steady state
      check(iter() === 0, name + ': wrong value on first iteration')
      return {
        sample() {
          counter.n = 0
          let wrong = 0
          const t0 = cpu()
          for (let i = 0; i < reps; i++) wrong += iter()
          const t = cpu() - t0
          check(wrong === 0, name + ': ' + wrong + ' wrong values')
          check(counter.n === effectsPerIter * reps, name + ': ' + counter.n + ' effect runs, want ' + effectsPerIter * reps)
          return t
        },
        dispose: s.dispose,
      }
    },
  }
}

function busy() {
  let a = 0
  for (let i = 0; i < 100; i++) a += i
  return a
}

export const tests = [
  kairo(
    'deep-propagation',
    (fw, s, counter) => {
      const len = 50
      const head = fw.signal(0)
      let current = head
      for (let i = 0; i < len; i++) {
        const c = current
        current = fw.computed(() => c.read() + 1)
      }
      const last = current
      s.effect(() => {
        last.read()
        counter.n++
      })
      return () => {
        let wrong = 0
        for (let i = 0; i < 50; i++) {
          fw.batch(() => head.write(i))
          if (last.read() !== len + i) wrong++
        }
        return wrong
      }
    },
    50,
  ),
  kairo(
    'broad-propagation',
    (fw, s, counter) => {
      const head = fw.signal(0)
      let last = head
      for (let i = 0; i < 50; i++) {
        const current = fw.computed(() => head.read() + i)
        const current2 = fw.computed(() => current.read() + 1)
        s.effect(() => {
          current2.read()
          counter.n++
        })
        last = current2
      }
      return () => {
        let wrong = 0
        for (let i = 0; i < 50; i++) {
          fw.batch(() => head.write(i))
          if (last.read() !== i + 50) wrong++
        }
        return wrong
      }
    },
    50 * 50,
  ),
  kairo(
    'diamond',
    (fw, s, counter) => {
      const width = 5
      const head = fw.signal(0)
      const branches = []
      for (let i = 0; i < width; i++) branches.push(fw.computed(() => head.read() + 1))
      const sum = fw.computed(() => branches.map((x) => x.read()).reduce((a, b) => a + b, 0))
      s.effect(() => {
        sum.read()
        counter.n++
      })
      return () => {
        let wrong = 0
        for (let i = 0; i < 500; i++) {
          fw.batch(() => head.write(i))
          if (sum.read() !== (i + 1) * width) wrong++
        }
        return wrong
      }
    },
    500,
  ),
  kairo(
    'triangle',
    (fw, s, counter) => {
      const width = 10
      const head = fw.signal(0)
      let current = head
      const list = []
      for (let i = 0; i < width; i++) {
        const c = current
        list.push(current)
        current = fw.computed(() => c.read() + 1)
      }
      const sum = fw.computed(() => list.map((x) => x.read()).reduce((a, b) => a + b, 0))
      s.effect(() => {
        sum.read()
        counter.n++
      })
      const base = (width * (width - 1)) / 2
      return () => {
        let wrong = 0
        for (let i = 0; i < 100; i++) {
          fw.batch(() => {
            head.write(i)
            // read inside the batch: computeds are pulled before the flush
            if (sum.read() !== base + i * width) wrong++
          })
        }
        return wrong
      }
    },
    100,
  ),
  kairo(
    'mux',
    (fw, s, counter) => {
      const heads = Array.from({ length: 100 }, () => fw.signal(0))
      const mux = fw.computed(() => Object.fromEntries(heads.map((h) => h.read()).entries()))
      const split = heads.map((_, i) => fw.computed(() => mux.read()[i])).map((x) => fw.computed(() => x.read() + 1))
      for (const x of split)
        s.effect(() => {
          x.read()
          counter.n++
        })
      return () => {
        let wrong = 0
        for (let i = 0; i < 10; i++) {
          fw.batch(() => heads[i].write(i))
          if (split[i].read() !== i + 1) wrong++
        }
        for (let i = 0; i < 10; i++) {
          fw.batch(() => heads[i].write(i * 2))
          if (split[i].read() !== i * 2 + 1) wrong++
        }
        return wrong
      }
    },
    18, // heads[0] is written 0 twice: no change
  ),
  kairo(
    'repeated-observers',
    (fw, s, counter) => {
      const size = 30
      const head = fw.signal(0)
      const current = fw.computed(() => {
        let result = 0
        for (let i = 0; i < size; i++) result += head.read()
        return result
      })
      s.effect(() => {
        current.read()
        counter.n++
      })
      return () => {
        let wrong = 0
        for (let i = 0; i < 100; i++) {
          fw.batch(() => head.write(i))
          if (current.read() !== i * size) wrong++
        }
        return wrong
      }
    },
    100,
  ),
  kairo(
    'unstable-dependencies',
    (fw, s, counter) => {
      const head = fw.signal(0)
      const double = fw.computed(() => head.read() * 2)
      const inverse = fw.computed(() => -head.read())
      const current = fw.computed(() => {
        let result = 0
        for (let i = 0; i < 20; i++) result += head.read() % 2 ? double.read() : inverse.read()
        return result
      })
      s.effect(() => {
        current.read()
        counter.n++
      })
      return () => {
        let wrong = 0
        for (let i = 0; i < 100; i++) {
          fw.batch(() => head.write(i))
          if (current.read() !== (i % 2 ? i * 2 * 20 : i * -20)) wrong++
        }
        return wrong
      }
    },
    100,
  ),
  kairo(
    'avoidable-propagation',
    (fw, s, counter) => {
      const head = fw.signal(0)
      const c1 = fw.computed(() => head.read())
      const c2 = fw.computed(() => (c1.read(), 0))
      const c3 = fw.computed(() => (busy(), c2.read() + 1))
      const c4 = fw.computed(() => c3.read() + 2)
      const c5 = fw.computed(() => c4.read() + 3)
      let first = true
      s.effect(() => {
        c5.read()
        busy()
        if (!first) counter.n++
        first = false
      })
      return () => {
        let wrong = 0
        for (let i = 0; i < 1000; i++) {
          fw.batch(() => {
            head.write(i)
            if (c5.read() !== 6) wrong++
          })
        }
        return wrong
      }
    },
    0, // c2 never changes: no effect re-runs
  ),
  cellx(1000),
  creation('create-100k-computeds', false),
  creation('create-read-100k-computeds', true),
]

/**
 * Creation of 100,000 computeds over 1,000 atoms (each reading one atom),
 * and, with read, a first read of each. The atoms are made anew for every
 * sample (setup), so that what a sample created is garbage afterwards: an
 * atom keeps a link to each computed that read it.
 */
function creation(name, read) {
  return {
    name,
    prepare(fw, reps) {
      const n = 100000 * reps
      let sources = null
      let want = 0
      for (let i = 0; i < n; i++) want += (i % 1000) + 1
      return {
        setup() {
          sources = Array.from({ length: 1000 }, (_, i) => fw.signal(i))
        },
        sample() {
          const keep = new Array(n)
          let sum = 0
          const t0 = cpu()
          if (read) {
            for (let i = 0; i < n; i++) {
              const src = sources[i % 1000]
              const c = fw.computed(() => src.read() + 1)
              sum += c.read()
              keep[i] = c
            }
          } else {
            for (let i = 0; i < n; i++) {
              const src = sources[i % 1000]
              keep[i] = fw.computed(() => src.read() + 1)
            }
          }
          const t = cpu() - t0
          if (read) check(sum === want, name + ': sum ' + sum + ', want ' + want)
          else for (let i = 0; i < n; i += 997) check(keep[i].read() === (i % 1000) + 1, name + ': wrong value')
          sources = null
          return t
        },
        dispose() {},
      }
    },
  }
}

/**
 * cellx: `layers` layers of 4 computeds, each observed by an effect; a batch
 * writes the 4 sources; the last layer is read before and after. The graph
 * is built per sample; building (with the effects' first runs) is a test of
 * its own, the update another.
 */
function cellx(layers) {
  const expected = {
    1000: [
      [-3, -6, -2, 2],
      [-2, -4, 2, 3],
    ],
  }[layers]
  const build = (fw) => {
    const s = scope(fw)
    const start = { p1: fw.signal(1), p2: fw.signal(2), p3: fw.signal(3), p4: fw.signal(4) }
    let layer = start
    let runs = 0
    for (let i = layers; i > 0; i--) {
      const m = layer
      const l = {
        p1: fw.computed(() => m.p2.read()),
        p2: fw.computed(() => m.p1.read() - m.p3.read()),
        p3: fw.computed(() => m.p2.read() + m.p4.read()),
        p4: fw.computed(() => m.p3.read()),
      }
      s.effect(() => {
        l.p1.read()
        runs++
      })
      s.effect(() => {
        l.p2.read()
        runs++
      })
      s.effect(() => {
        l.p3.read()
        runs++
      })
      s.effect(() => {
        l.p4.read()
        runs++
      })
      layer = l
    }
    return { s, start, end: layer, runs: () => runs }
  }
  const read = (end) => [end.p1.read(), end.p2.read(), end.p3.read(), end.p4.read()]
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i])
  const update = (fw, g) => {
    const before = read(g.end)
    fw.batch(() => {
      g.start.p1.write(4)
      g.start.p2.write(3)
      g.start.p3.write(2)
      g.start.p4.write(1)
    })
    const after = read(g.end)
    return [before, after]
  }
  const verify = (name, [before, after]) => {
    check(same(before, expected[0]), name + ': first read ' + before + ', want ' + expected[0])
    check(same(after, expected[1]), name + ': last read ' + after + ', want ' + expected[1])
  }
  return [
    {
      name: 'cellx-' + layers + '-build',
      prepare(fw, reps) {
        return {
          sample() {
            const gs = []
            const t0 = cpu()
            for (let r = 0; r < reps; r++) gs.push(build(fw))
            const t = cpu() - t0
            for (const g of gs) {
              check(g.runs() === layers * 4, 'cellx build: ' + g.runs() + ' effect runs')
              verify('cellx build', update(fw, g))
              g.s.dispose()
            }
            return t
          },
          dispose() {},
        }
      },
    },
    {
      name: 'cellx-' + layers + '-update',
      prepare(fw, reps) {
        let gs = []
        return {
          setup() {
            for (let r = 0; r < reps; r++) gs.push(build(fw))
          },
          sample() {
            const results = []
            const t0 = cpu()
            for (const g of gs) results.push(update(fw, g))
            const t = cpu() - t0
            for (let r = 0; r < reps; r++) {
              verify('cellx update', results[r])
              gs[r].s.dispose()
            }
            gs = []
            return t
          },
          dispose() {},
        }
      },
    },
  ]
}

// cellx() returns two tests
for (let i = tests.length - 1; i >= 0; i--) if (Array.isArray(tests[i])) tests.splice(i, 1, ...tests[i])

/** Repetitions per sample (full run), chosen for samples of tens of ms. */
export const reps = {
  'deep-propagation': 200,
  'broad-propagation': 40,
  diamond: 100,
  triangle: 200,
  mux: 200,
  'repeated-observers': 400,
  'unstable-dependencies': 200,
  'avoidable-propagation': 20,
  'cellx-1000-build': 10,
  'cellx-1000-update': 10,
  'create-100k-computeds': 1,
  'create-read-100k-computeds': 1,
}
