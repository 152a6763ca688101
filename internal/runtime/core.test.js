import { test } from 'node:test'
import assert from 'node:assert/strict'
import v8 from 'node:v8'
import vm from 'node:vm'
import {
  atom,
  batch,
  computed,
  effect,
  flushSync,
  getOwner,
  onCleanup,
  root,
  runWithOwner,
  setErrorHandler,
  untrack,
} from './core.js'

/** Collects effect runs: an effect that logs what it saw. */
function spy(fn) {
  const log = []
  const dispose = effect(() => {
    log.push(fn())
  })
  return { log, dispose }
}

test('atom get/set/peek/update', () => {
  const a = atom(1)
  assert.equal(a.get(), 1)
  a.set(2)
  assert.equal(a.peek(), 2)
  a.update((v) => v * 10)
  assert.equal(a.get(), 20)
})

test('computed is lazy: never computed if unread, once per change', () => {
  const a = atom(1)
  let runs = 0
  const c = computed(() => {
    runs++
    return a.get() * 2
  })
  a.set(2)
  a.set(3)
  assert.equal(runs, 0)
  assert.equal(c.get(), 6)
  assert.equal(c.get(), 6)
  assert.equal(runs, 1)
  a.set(4)
  assert.equal(runs, 1)
  assert.equal(c.peek(), 8)
  assert.equal(runs, 2)
})

test('computed reads are up to date before the flush', () => {
  const a = atom(1)
  const c = computed(() => a.get() + 1)
  const { log } = spy(() => c.get())
  a.set(5)
  assert.equal(c.get(), 6)
  assert.deepEqual(log, [2])
  flushSync()
  assert.deepEqual(log, [2, 6])
})

test('writes flush in a microtask', async () => {
  const a = atom(0)
  const { log } = spy(() => a.get())
  a.set(1)
  a.set(2)
  assert.deepEqual(log, [0])
  await Promise.resolve()
  assert.deepEqual(log, [0, 2])
})

test('batch flushes once, synchronously, at the end of the outermost batch', () => {
  const a = atom(1)
  const b = atom(2)
  const { log } = spy(() => a.get() + b.get())
  const r = batch(() => {
    a.set(10)
    batch(() => b.set(20))
    assert.deepEqual(log, [3])
    return 'result'
  })
  assert.equal(r, 'result')
  assert.deepEqual(log, [3, 30])
})

test('diamond: effect runs once and sees consistent values', () => {
  const a = atom(1)
  const b = computed(() => a.get() + 1)
  const c = computed(() => a.get() * 2)
  let dRuns = 0
  const d = computed(() => {
    dRuns++
    return [a.get(), b.get(), c.get()]
  })
  const { log } = spy(() => d.get().join(','))
  a.set(2)
  flushSync()
  a.set(3)
  flushSync()
  assert.deepEqual(log, ['1,2,2', '2,3,4', '3,4,6'])
  assert.equal(dRuns, 3)
})

test('wide diamond with 100 branches runs the sink once', () => {
  const a = atom(0)
  const branches = Array.from({ length: 100 }, (_, i) => computed(() => a.get() + i))
  let runs = 0
  const sum = computed(() => {
    runs++
    return branches.reduce((s, b) => s + b.get(), 0)
  })
  const { log } = spy(() => sum.get())
  a.set(1)
  flushSync()
  assert.equal(runs, 2)
  assert.deepEqual(log, [4950, 5050])
})

test('triangle: a → b → c and a → c', () => {
  const a = atom(1)
  const b = computed(() => a.get() * 10)
  const seen = []
  effect(() => {
    seen.push([a.get(), b.get()])
  })
  a.set(2)
  flushSync()
  assert.deepEqual(seen, [
    [1, 10],
    [2, 20],
  ])
})

test('glitch-free: an effect never sees a stale computed next to a fresh atom', () => {
  const first = atom('John')
  const last = atom('Doe')
  const full = computed(() => first.get() + ' ' + last.get())
  const seen = []
  effect(() => {
    seen.push(first.get() + '|' + full.get())
  })
  batch(() => {
    first.set('Jane')
    last.set('Roe')
  })
  assert.deepEqual(seen, ['John|John Doe', 'Jane|Jane Roe'])
})

test('equality cut-off: an equal computed result stops propagation', () => {
  const a = atom(1)
  let parityRuns = 0
  const parity = computed(() => {
    parityRuns++
    return a.get() % 2
  })
  let downstream = 0
  const label = computed(() => {
    downstream++
    return parity.get() ? 'odd' : 'even'
  })
  const { log } = spy(() => label.get())
  a.set(3)
  flushSync()
  a.set(5)
  flushSync()
  assert.deepEqual(log, ['odd'])
  assert.equal(parityRuns, 3)
  assert.equal(downstream, 1)
})

test('writing an equal value propagates nothing; custom equals', () => {
  const a = atom(NaN)
  const { log } = spy(() => a.get())
  a.set(NaN)
  flushSync()
  assert.equal(log.length, 1)
  const p = atom({ x: 1 }, (u, v) => u.x === v.x)
  const seen = spy(() => p.get().x).log
  p.set({ x: 1 })
  flushSync()
  p.set({ x: 2 })
  flushSync()
  assert.deepEqual(seen, [1, 2])
  const c = computed(() => ({ parity: a.get() % 2 }), (u, v) => u.parity === v.parity)
  const cs = spy(() => c.get()).log
  a.set(1)
  flushSync()
  a.set(3)
  flushSync()
  assert.equal(cs.length, 2)
})

test('conditional dependencies are dropped and re-acquired', () => {
  const cond = atom(true)
  const a = atom('a')
  const b = atom('b')
  let runs = 0
  const c = computed(() => {
    runs++
    return cond.get() ? a.get() : b.get()
  })
  const { log } = spy(() => c.get())
  b.set('b2')
  flushSync()
  assert.equal(runs, 1, 'b is not a dependency yet')
  cond.set(false)
  flushSync()
  a.set('a2')
  flushSync()
  assert.equal(runs, 2, 'a is no longer a dependency')
  b.set('b3')
  flushSync()
  assert.deepEqual(log, ['a', 'b2', 'b3'])
})

test('unstable dependency order across runs', () => {
  const xs = Array.from({ length: 5 }, (_, i) => atom(i))
  const order = atom([0, 1, 2, 3, 4])
  const c = computed(() => order.get().map((i) => xs[i].get()).join(''))
  const { log } = spy(() => c.get())
  order.set([4, 3, 2, 1, 0])
  flushSync()
  xs[0].set(9)
  flushSync()
  order.set([2, 2, 0])
  flushSync()
  xs[4].set(7)
  flushSync()
  xs[2].set(5)
  flushSync()
  assert.deepEqual(log, ['01234', '43210', '43219', '229', '559'])
})

test('a computed read twice in one run is one dependency', () => {
  const a = atom(1)
  let runs = 0
  effect(() => {
    runs++
    a.get()
    a.get()
    a.get()
  })
  a.set(2)
  flushSync()
  assert.equal(runs, 2)
})

test('alternating repeated reads keep one link per dependency', () => {
  const a = atom(1)
  const b = atom(2)
  const c = computed(() => {
    let s = 0
    for (let i = 0; i < 20; i++) s += a.get() + b.get()
    return s
  })
  effect(() => {
    c.get()
  })
  const count = (x) => {
    let n = 0
    for (let l = x.subs; l; l = l.nextSub) n++
    return n
  }
  assert.equal(count(a), 1)
  assert.equal(count(b), 1)
  a.set(2)
  flushSync()
  assert.equal(c.get(), 80)
  assert.equal(count(a), 1)
  assert.equal(count(b), 1)
})

test('effect cleanup runs before the next run and on dispose', () => {
  const a = atom(1)
  const events = []
  const dispose = effect(() => {
    const v = a.get()
    events.push('run ' + v)
    onCleanup(() => events.push('onCleanup ' + v))
    return () => events.push('return ' + v)
  })
  a.set(2)
  flushSync()
  dispose()
  a.set(3)
  flushSync()
  assert.deepEqual(events, ['run 1', 'return 1', 'onCleanup 1', 'run 2', 'return 2', 'onCleanup 2'])
})

test('nested effects are disposed when the parent re-runs; parent runs first', () => {
  const outer = atom(0)
  const inner = atom(0)
  const events = []
  effect(() => {
    const o = outer.get()
    events.push('outer ' + o)
    effect(() => {
      events.push('inner ' + o + ' ' + inner.get())
      return () => events.push('dispose inner ' + o)
    })
  })
  // inner written first: inner is queued first, but its owner must run first
  inner.set(1)
  outer.set(1)
  flushSync()
  assert.deepEqual(events, ['outer 0', 'inner 0 0', 'dispose inner 0', 'outer 1', 'inner 1 1'])
  events.length = 0
  inner.set(2)
  flushSync()
  assert.deepEqual(events, ['dispose inner 1', 'inner 1 2'])
})

test('root disposes effects, computeds, child roots and cleanups, last first', () => {
  const a = atom(0)
  const events = []
  let innerComputed
  const result = root((dispose) => {
    onCleanup(() => events.push('root cleanup 1'))
    effect(() => {
      a.get()
      return () => events.push('effect')
    })
    root(() => {
      onCleanup(() => events.push('child root'))
    })
    innerComputed = computed(() => a.get() * 2)
    assert.equal(innerComputed.get(), 0)
    onCleanup(() => events.push('root cleanup 2'))
    return dispose
  })
  assert.equal(typeof result, 'function')
  result()
  assert.deepEqual(events, ['child root', 'effect', 'root cleanup 2', 'root cleanup 1'])
  events.length = 0
  a.set(1)
  flushSync()
  assert.deepEqual(events, [])
  assert.equal(innerComputed.get(), 0, 'a disposed computed keeps its last value')
  result()
  assert.deepEqual(events, [], 'dispose twice is harmless')
})

test('disposing an effect early detaches it from its root', () => {
  const a = atom(0)
  let runs = 0
  let disposeRoot
  root((d) => {
    disposeRoot = d
    const stops = []
    for (let i = 0; i < 3; i++) stops.push(effect(() => { a.get(); runs++ }))
    stops[1]()
  })
  a.set(1)
  flushSync()
  assert.equal(runs, 5)
  disposeRoot()
  a.set(2)
  flushSync()
  assert.equal(runs, 5)
})

test('getOwner and runWithOwner create under a view owner later', () => {
  const a = atom(0)
  let owner
  let dispose
  root((d) => {
    dispose = d
    owner = getOwner()
  })
  assert.notEqual(owner, null)
  const seen = []
  runWithOwner(owner, () => {
    effect(() => {
      seen.push(a.get())
    })
  })
  a.set(1)
  flushSync()
  dispose()
  a.set(2)
  flushSync()
  assert.deepEqual(seen, [0, 1])
  // under a disposed owner nothing runs and cleanups run at once
  let cleaned = false
  runWithOwner(owner, () => {
    effect(() => {
      seen.push('never')
    })
    onCleanup(() => (cleaned = true))
  })
  assert.deepEqual(seen, [0, 1])
  assert.equal(cleaned, true)
})

test('runWithOwner does not track reads', () => {
  const a = atom(0)
  let runs = 0
  effect(() => {
    runs++
    runWithOwner(null, () => a.get())
  })
  a.set(1)
  flushSync()
  assert.equal(runs, 1)
})

test('untrack reads without subscribing', () => {
  const a = atom(1)
  const b = atom(1)
  const { log } = spy(() => a.get() + untrack(() => b.get()))
  b.set(10)
  flushSync()
  assert.deepEqual(log, [2])
  a.set(2)
  flushSync()
  assert.deepEqual(log, [2, 12])
  assert.equal(untrack(() => 'x'), 'x')
})

test('flushSync runs pending effects now and is a no-op when idle', () => {
  const a = atom(0)
  const { log } = spy(() => a.get())
  flushSync()
  a.set(1)
  flushSync()
  assert.deepEqual(log, [0, 1])
})

test('effects created inside a flush run at creation', () => {
  const a = atom(0)
  const seen = []
  effect(() => {
    if (a.get() > 0) effect(() => seen.push('child ' + a.peek()))
  })
  a.set(1)
  flushSync()
  assert.deepEqual(seen, ['child 1'])
})

test('effects writing atoms re-run dependents within the same flush', () => {
  const a = atom(0)
  const b = atom(0)
  const seen = []
  effect(() => b.set(a.get() * 2))
  effect(() => {
    seen.push(b.get())
  })
  a.set(1)
  flushSync()
  assert.deepEqual(seen, [0, 2])
})

test('cycle between computeds throws an error naming them', () => {
  const a = computed(() => b.get() + 1)
  a.name = 'a'
  const b = computed(() => c.get() + 1)
  b.name = 'b'
  const c = computed(() => a.get() + 1)
  c.name = 'c'
  assert.throws(() => a.get(), { message: 'cycle: a -> b -> c -> a' })
  assert.throws(() => b.get(), /cycle/)
})

test('a computed reading itself: the function name is used when no name is set', () => {
  const self = computed(function total() {
    return self.get() + 1
  })
  assert.throws(() => self.get(), { name: 'CycleError', message: 'cycle: total -> total' })
})

test('a cycle formed by a conditional dependency is detected', () => {
  const flag = atom(false)
  const x = computed(function x() {
    return flag.get() ? y.get() : 1
  })
  const y = computed(function y() {
    return x.get() + 1
  })
  assert.equal(y.get(), 2)
  flag.set(true)
  assert.throws(() => y.get(), (err) => /cycle/.test(err.message) && /x/.test(err.message) && /y/.test(err.message))
  flag.set(false)
  assert.equal(y.get(), 2, 'recovers when the cycle is gone')
})

test('an effect that keeps writing what it reads is an update loop naming the atom', () => {
  const n = atom(0)
  n.name = 'counter'
  const dispose = effect(function spin() {
    n.set(n.get() + 1)
  })
  assert.throws(flushSync, (err) => /update loop/.test(err.message) && /counter/.test(err.message) && /spin/.test(err.message))
  dispose()
})

test('an exception in a computed is cached and rethrown until a dependency changes', () => {
  const a = atom(0)
  let runs = 0
  const c = computed(() => {
    runs++
    if (a.get() === 1) throw new Error('bad ' + a.get())
    return a.get()
  })
  assert.equal(c.get(), 0)
  a.set(1)
  assert.throws(() => c.get(), /bad 1/)
  assert.throws(() => c.peek(), /bad 1/)
  assert.equal(runs, 2)
  const d = computed(() => c.get() * 2)
  assert.throws(() => d.get(), /bad 1/)
  a.set(2)
  assert.equal(d.get(), 4)
  assert.equal(runs, 3)
})

test('a computed recovering to the value it had before an error still propagates', () => {
  const a = atom(0)
  const c = computed(() => {
    if (a.get() === 1) throw new Error('bad')
    return 'ok'
  })
  const seen = []
  effect(() => {
    try {
      seen.push(c.get())
    } catch (err) {
      seen.push(err.message)
    }
  })
  a.set(1)
  flushSync()
  a.set(2)
  flushSync()
  assert.deepEqual(seen, ['ok', 'bad', 'ok'])
})

test('an exception in one effect does not stop the others; rethrown after the flush', () => {
  const a = atom(0)
  const seen = []
  effect(() => {
    seen.push('first ' + a.get())
  })
  effect(() => {
    if (a.get() === 1) throw new Error('boom')
  })
  effect(() => {
    seen.push('third ' + a.get())
  })
  a.set(1)
  assert.throws(flushSync, /boom/)
  assert.deepEqual(seen, ['first 0', 'third 0', 'first 1', 'third 1'])
  a.set(2)
  flushSync()
  assert.deepEqual(seen.slice(-2), ['first 2', 'third 2'], 'the failing effect stays subscribed')
})

test('several effect errors are rethrown as one AggregateError', () => {
  const a = atom(0)
  effect(() => {
    if (a.get()) throw new Error('one')
  })
  effect(() => {
    if (a.get()) throw new Error('two')
  })
  a.set(1)
  assert.throws(flushSync, (err) => err instanceof AggregateError && err.errors.length === 2)
})

test('an effect that throws on its first run rethrows to its creator', () => {
  assert.throws(
    () =>
      effect(() => {
        throw new Error('at creation')
      }),
    /at creation/,
  )
})

test('setErrorHandler receives effect and cleanup errors instead', () => {
  const errors = []
  const prev = setErrorHandler((e) => errors.push(e.message))
  try {
    const a = atom(0)
    const dispose = effect(() => {
      if (a.get() === 1) throw new Error('effect')
      return () => {
        throw new Error('cleanup')
      }
    })
    a.set(1)
    flushSync()
    dispose()
    assert.deepEqual(errors, ['cleanup', 'effect'])
  } finally {
    setErrorHandler(prev)
  }
})

test('effects run in creation order within a flush', () => {
  const a = atom(0)
  const seen = []
  for (let i = 0; i < 5; i++)
    effect(() => {
      a.get()
      seen.push(i)
    })
  seen.length = 0
  a.set(1)
  flushSync()
  assert.deepEqual(seen, [0, 1, 2, 3, 4])
})

test('a deep chain of 10,000 computeds neither overflows the stack nor recurses', () => {
  const head = atom(0)
  let tail = head
  for (let i = 0; i < 10000; i++) {
    const prev = tail
    tail = computed(() => prev.get() + 1)
  }
  assert.equal(tail.get(), 10000)
  head.set(1)
  assert.equal(tail.get(), 10001)
  const seen = spy(() => tail.get()).log
  head.set(2)
  flushSync()
  assert.deepEqual(seen, [10001, 10002])
})

test('a deep chain of 10,000 effects-owned computeds created lazily in reverse', () => {
  // the first read goes through every level: evaluation is sliced, each fn
  // completes exactly once
  const head = atom(1)
  const nodes = []
  let runs = 0
  for (let i = 0; i < 10000; i++) {
    nodes.push(
      computed(() => {
        runs++
        return (i === 0 ? head.get() : nodes[i - 1].get()) + 1
      }),
    )
  }
  assert.equal(nodes[9999].get(), 10001)
  assert.ok(runs <= 20000, 'aborted runs are bounded: ' + runs)
})

test('stress: 100,000 nodes in a wide and deep graph', () => {
  const sources = Array.from({ length: 100 }, (_, i) => atom(i))
  let layer = sources
  let computeds = 0
  while (computeds < 100000) {
    const prev = layer
    layer = prev.map((_, i) => computed(() => prev[i].get() + prev[(i + 1) % prev.length].get()))
    computeds += layer.length
  }
  let effects = 0
  const sum = computed(() => layer.reduce((s, c) => s + c.get(), 0))
  effect(() => {
    effects++
    sum.get()
  })
  const before = sum.get()
  sources[0].set(1000)
  flushSync()
  assert.notEqual(sum.get(), before)
  assert.equal(effects, 2)
})

test('a computed chain dropped by its only observer lets go of its sources', async () => {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc')
  const a = atom(0)
  let ref
  let dispose
  root((d) => {
    dispose = d
    const c = computed(() => a.get() + 1)
    ref = new WeakRef(c)
    effect(() => {
      c.get()
    })
  })
  dispose()
  await new Promise((r) => setTimeout(r, 0))
  gc()
  assert.equal(ref.deref(), undefined)
  assert.equal(a.subs, null, 'the atom has no subscribers left')
})

test('an effect disposing itself during its run never runs again', () => {
  const a = atom(0)
  const b = atom(0)
  const events = []
  const stop = effect(() => {
    const v = a.get()
    events.push('run ' + v)
    if (v === 1) {
      stop()
      b.get() // read after disposal: must not subscribe
    }
    return () => events.push('cleanup ' + v)
  })
  a.set(1)
  flushSync()
  a.set(2)
  b.set(1)
  flushSync()
  assert.deepEqual(events, ['run 0', 'cleanup 0', 'run 1', 'cleanup 1'])
  assert.equal(a.subs, null)
  assert.equal(b.subs, null)
})

test('an owner effect runs before a queued effect inside a root it owns', () => {
  const show = atom(true)
  const value = atom(0)
  const events = []
  effect(() => {
    if (!show.get()) return
    root(() => {
      effect(() => {
        events.push('inner ' + value.get())
      })
    })
  })
  batch(() => {
    value.set(1) // queues the inner effect first
    show.set(false) // then its owner, which disposes it
  })
  assert.deepEqual(events, ['inner 0'])
})

test('onCleanup inside a computed runs when it recomputes and when it is disposed', () => {
  const a = atom(0)
  const events = []
  let dispose
  let c
  root((d) => {
    dispose = d
    c = computed(() => {
      const v = a.get()
      onCleanup(() => events.push('cleanup ' + v))
      return v
    })
    assert.equal(c.get(), 0)
  })
  a.set(1)
  assert.equal(c.get(), 1)
  dispose()
  assert.deepEqual(events, ['cleanup 0', 'cleanup 1'])
})

test('effects created inside a computed are owned by it', () => {
  const a = atom(0)
  const runs = []
  const c = computed(() => {
    const v = a.get()
    effect(() => {
      runs.push(v)
    })
    return v
  })
  c.get()
  a.set(1)
  c.get()
  assert.deepEqual(runs, [0, 1])
})

test('10,000 child roots disposed one by one, then the parent: each cleanup runs once', () => {
  const counts = new Uint8Array(10000)
  const disposers = []
  let disposeParent
  root((d) => {
    disposeParent = d
    for (let i = 0; i < 10000; i++) {
      root((dr) => {
        disposers.push(dr)
        onCleanup(() => counts[i]++)
      })
    }
  })
  for (let i = 0; i < 10000; i += 2) disposers[i]()
  disposeParent()
  assert.ok(counts.every((n) => n === 1))
})

test('batch and flushSync inside an effect do not flush recursively', () => {
  const a = atom(0)
  const b = atom(0)
  const seen = []
  effect(() => {
    seen.push('b ' + b.get())
  })
  effect(() => {
    if (a.get() === 1) {
      batch(() => b.set(1))
      flushSync()
      seen.push('after batch')
    }
  })
  a.set(1)
  flushSync()
  assert.deepEqual(seen, ['b 0', 'after batch', 'b 1'])
})

test('an effect reading a failing computed reports the error and recovers', () => {
  const errors = []
  const prev = setErrorHandler((e) => errors.push(e.message))
  try {
    const a = atom(0)
    const c = computed(() => {
      if (a.get() === 1) throw new Error('bad')
      return a.get()
    })
    const seen = []
    effect(() => {
      seen.push(c.get())
    })
    a.set(1)
    flushSync()
    a.set(2)
    flushSync()
    assert.deepEqual(seen, [0, 2])
    assert.deepEqual(errors, ['bad'])
  } finally {
    setErrorHandler(prev)
  }
})

test('untrack inside a computed', () => {
  const a = atom(1)
  const b = atom(10)
  let runs = 0
  const c = computed(() => {
    runs++
    return a.get() + untrack(() => b.get())
  })
  assert.equal(c.get(), 11)
  b.set(20)
  assert.equal(c.get(), 11)
  a.set(2)
  assert.equal(c.get(), 22)
  assert.equal(runs, 2)
})

test('no leaks: effects and computeds of a disposed root are collectable', async () => {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc')
  const source = atom(0)
  const refs = []
  let dispose
  root((d) => {
    dispose = d
    for (let i = 0; i < 100; i++) {
      const c = computed(() => source.get() + i)
      const fn = () => {
        c.get()
      }
      refs.push(new WeakRef(c), new WeakRef(fn))
      effect(fn)
    }
  })
  source.set(1)
  flushSync()
  dispose()
  await new Promise((r) => setTimeout(r, 0))
  gc()
  assert.equal(source.subs, null)
  assert.equal(refs.filter((r) => r.deref() !== undefined).length, 0)
})

test('a chain of 100,000 computeds: first read, update, and disposal are stack-safe', () => {
  const head = atom(0)
  let tail = head
  let dispose
  let seen = -1
  root((d) => {
    dispose = d
    for (let i = 0; i < 100000; i++) {
      const prev = tail
      tail = computed(() => prev.get() + 1)
    }
    effect(() => {
      seen = tail.get()
    })
  })
  assert.equal(seen, 100000)
  head.set(5)
  flushSync()
  assert.equal(seen, 100005)
  dispose()
  assert.equal(head.subs, null, 'disposal unlinked the whole chain')
})

test('an effect created inside a deep computed nest reads a long chain', () => {
  const head = atom(1)
  let tail = head
  for (let i = 0; i < 3000; i++) {
    const prev = tail
    tail = computed(() => prev.get() + 1)
  }
  let seen = 0
  // the outer chain puts the effect's creation 1,500 computeds deep
  let outer = atom(0)
  for (let i = 0; i < 1500; i++) {
    const prev = outer
    outer = computed(() => prev.get())
  }
  const host = computed(() => {
    outer.get()
    effect(() => {
      seen = tail.get()
    })
    return true
  })
  const errors = []
  const prev = setErrorHandler((e) => errors.push(e))
  try {
    assert.equal(host.get(), true)
  } finally {
    setErrorHandler(prev)
  }
  assert.equal(seen, 3001)
  assert.deepEqual(errors, [])
})
