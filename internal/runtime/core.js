/**
 * Jepsh reactive core: atoms, lazy glitch-free computeds, batched effects and
 * ownership roots. No DOM dependency; importable in Node and browsers.
 *
 * The dependency graph is stored in intrusive doubly linked edges (links)
 * that are reused from run to run, so a steady-state update allocates
 * nothing. A write marks the graph with bit flags (DIRTY for direct
 * subscribers, PENDING below them) without running user code; computeds are
 * brought up to date lazily when read, walking only the PENDING part of the
 * graph; effects are queued and run in a flush (a microtask, the end of the
 * outermost batch, or flushSync). Nodes are plain objects of a few fixed
 * shapes. See docs/runtime.md for the algorithm.
 * @module
 */

// Node kinds and states: bit flags in node.flags.
const MUTABLE = 1 // a computed: has a value that can be recomputed
const EFFECT = 2 // an effect: queued when notified
const DIRTY = 4 // a dependency certainly changed
const PENDING = 8 // a dependency may have changed
const RUNNING = 16 // fn is on the stack (cycle detection)
const ERROR = 32 // a computed's value is a thrown error
const DISPOSED = 64
const UNSET = 128 // a computed that never ran (no previous value to compare)

/** Nested computed runs on the JS stack before evaluation is sliced (see update). */
const MAX_DEPTH = 1000
/** Thrown to unwind a nest of computed runs deeper than MAX_DEPTH. */
const DEEP = {}
/** Flush rounds (effects re-queued by effects) before an update loop is declared. */
const LOOP_LIMIT = 1000
/** Key of a cycle error's first computed while the error unwinds the cycle. */
const CYCLE = Symbol()

/**
 * Node shapes (plain objects; these fields in this order, no others):
 *
 *   atom      { flags, subs, subsTail, value, equals, get, set, peek, update }
 *   computed  { flags, subs, subsTail, deps, depsTail, value, equals, fn, cleanup, get, peek }
 *   effect    { flags, deps, depsTail, fn, cleanup, owner, prevSibling, nextSibling, lastChild }
 *   root      same shape as effect, flags 0, fn null
 *   link      { version, dep, sub, prevDep, nextDep, prevSub, nextSub }
 *
 * A link dep → sub is in dep's list of subscribers (prevSub/nextSub) and in
 * sub's list of dependencies (prevDep/nextDep) at once. Effects and roots
 * owned by an effect or root form a doubly linked list of siblings (O(1)
 * removal when disposed alone); computeds and cleanup functions owned by a
 * node are kept in its cleanup list (a function, a node, or an array).
 * @typedef {any} Node
 * @typedef {any} Link
 */

/** @type {Node|null} the computation whose reads are tracked */
let activeSub = null
/** @type {Node|null} the owner of what is created now */
let owner = null
/** run counter (wrapping int32, so it stays a small integer): links made or reused by the current run carry its value */
let version = 0
let batchDepth = 0
/** nested computed runs on the stack */
let depth = 0
/** @type {Node|null} the computed that found the nest too deep */
let deepest = null
let flushing = false
let scheduled = false
/** @type {Node[]} effects notified and not yet run: queue[0..queued) (a length counter keeps the array's storage) */
const queue = []
let queued = 0
/** @type {Link[]} propagate's explicit stack (propagate never reenters) */
const stack = []
/** @type {Link[]} unlinkFrom's explicit stack (it never reenters either) */
const unlinkStack = []
let unlinkTop = 0
/** @type {unknown[]} errors thrown by effects, rethrown after the flush */
let errors = []
/** @type {((error: unknown) => void) | null} */
let errorHandler = null

/**
 * @template T
 * @typedef {object} Atom
 * @property {() => T} get returns the value; inside a computed or effect, subscribes to it
 * @property {() => T} peek returns the value without subscribing
 * @property {(value: T) => void} set writes; an equal value changes nothing
 * @property {(fn: (value: T) => T) => void} update writes fn(value)
 * @property {string} [name] debug name used in error messages (dev builds set it)
 */

/**
 * @template T
 * @typedef {object} Computed
 * @property {() => T} get returns the up-to-date value; inside a computed or effect, subscribes to it
 * @property {() => T} peek like get, without subscribing
 * @property {string} [name] debug name used in error messages (dev builds set it)
 */

/**
 * Creates an atom, a writable value.
 * @template T
 * @param {T} value
 * @param {(a: T, b: T) => boolean} [equals] when a write counts as no change; default Object.is
 * @returns {Atom<T>}
 */
export function atom(value, equals) {
  return {
    flags: 0,
    subs: null,
    subsTail: null,
    value,
    equals: equals || Object.is,
    get: atomGet,
    set: atomSet,
    peek: atomPeek,
    update: atomUpdate,
  }
}

/** @this {Node} */
function atomGet() {
  if (activeSub !== null) link(this, activeSub)
  return this.value
}

/** @this {Node} */
function atomPeek() {
  return this.value
}

/**
 * @this {Node}
 * @param {unknown} value
 */
function atomSet(value) {
  if (this.equals(this.value, value)) return
  this.value = value
  if (this.subs !== null) {
    propagate(this.subs)
    if (!scheduled && !flushing && !batchDepth && queued) {
      scheduled = true
      queueMicrotask(flushMicrotask)
    }
  }
}

/**
 * @this {Node}
 * @param {(value: unknown) => unknown} fn
 */
function atomUpdate(fn) {
  this.set(fn(this.value))
}

/**
 * Creates a lazy, cached computed value. fn receives the previous value. It
 * runs only when read and a dependency changed since its last run; a result
 * equal to the previous one (Object.is, or equals) stops propagation. A
 * thrown error is cached and rethrown by get() until a dependency changes.
 * Owned by the current owner: once disposed, it keeps its last value.
 * @template T
 * @param {(previous: T | undefined) => T} fn
 * @param {(a: T, b: T) => boolean} [equals]
 * @returns {Computed<T>}
 */
export function computed(fn, equals) {
  const c = {
    flags: MUTABLE | DIRTY | UNSET,
    subs: null,
    subsTail: null,
    deps: null,
    depsTail: null,
    value: undefined,
    equals: equals || Object.is,
    fn,
    cleanup: null,
    get: computedGet,
    peek: computedPeek,
  }
  if (owner !== null) {
    if (owner.flags & DISPOSED) c.flags = MUTABLE | DISPOSED
    else addCleanup(owner, c)
  }
  return c
}

/** @this {Node} */
function computedGet() {
  if (this.flags & (DIRTY | PENDING | RUNNING)) refresh(this)
  if (activeSub !== null) link(this, activeSub)
  if (this.flags & ERROR) throw this.value
  return this.value
}

/** @this {Node} */
function computedPeek() {
  if (this.flags & (DIRTY | PENDING | RUNNING)) refresh(this)
  if (this.flags & ERROR) throw this.value
  return this.value
}

/**
 * An effect or root node, owned by the current owner.
 * @param {number} flags
 * @param {Function|null} fn
 * @returns {Node}
 */
function node(flags, fn) {
  const n = {
    flags,
    deps: null,
    depsTail: null,
    fn,
    cleanup: null,
    owner: null,
    prevSibling: null,
    nextSibling: null,
    lastChild: null,
  }
  const o = owner
  if (o !== null) {
    if (o.flags & DISPOSED) n.flags |= DISPOSED
    else if (o.flags & MUTABLE) addCleanup(o, n)
    else {
      n.owner = o
      if ((n.prevSibling = o.lastChild) !== null) n.prevSibling.nextSibling = n
      o.lastChild = n
    }
  }
  return n
}

/**
 * Creates an effect: fn runs now, then again in the flush after any
 * dependency changed (once per flush, after the values it reads are
 * consistent). A function returned by fn runs before the next run and on
 * disposal. The effect is owned by the current owner.
 * @param {() => unknown} fn
 * @returns {() => void} dispose
 */
export function effect(fn) {
  const e = node(EFFECT, fn)
  if (!(e.flags & DISPOSED)) {
    run(e)
    if (!flushing && errors.length) throwErrors()
  }
  return dispose.bind(null, e)
}

/**
 * Runs fn in a new ownership scope. fn receives dispose, which disposes
 * everything created inside (effects, computeds, roots, onCleanup callbacks).
 * The root is itself owned by the current owner, if any (use
 * runWithOwner(null, ...) for a detached one). Reads inside fn are not
 * tracked. Returns fn's result.
 * @template T
 * @param {(dispose: () => void) => T} fn
 * @returns {T}
 */
export function root(fn) {
  const r = node(0, null)
  const prevOwner = owner
  const prevSub = activeSub
  owner = r
  activeSub = null
  try {
    return fn(dispose.bind(null, r))
  } finally {
    owner = prevOwner
    activeSub = prevSub
  }
}

/**
 * Runs fn with writes batched: effects run once when the outermost batch
 * ends (synchronously), instead of in a microtask. Returns fn's result.
 * @template T
 * @param {() => T} fn
 * @returns {T}
 */
export function batch(fn) {
  ++batchDepth
  try {
    return fn()
  } finally {
    if (!--batchDepth && !flushing && queued) flush()
  }
}

/**
 * Runs fn without tracking its reads. Returns fn's result.
 * @template T
 * @param {() => T} fn
 * @returns {T}
 */
export function untrack(fn) {
  const prev = activeSub
  activeSub = null
  try {
    return fn()
  } finally {
    activeSub = prev
  }
}

/**
 * Registers fn to run when the current owner (effect, computed or root) is
 * re-run or disposed. Cleanups run last-registered first. Outside any owner
 * fn is never called; under a disposed owner it runs at once.
 * @template {() => unknown} F
 * @param {F} fn
 * @returns {F}
 */
export function onCleanup(fn) {
  if (owner !== null) {
    if (owner.flags & DISPOSED) fn()
    else addCleanup(owner, fn)
  }
  return fn
}

/**
 * @param {Node} o
 * @param {Function|Node} x
 */
function addCleanup(o, x) {
  const c = o.cleanup
  o.cleanup = c === null ? x : Array.isArray(c) ? (c.push(x), c) : [c, x]
}

/**
 * @typedef {object} Owner an effect, computed or root (opaque)
 */

/**
 * Returns the current owner (or null), to run code under it later with
 * runWithOwner.
 * @returns {Owner|null}
 */
export function getOwner() {
  return owner
}

/**
 * Runs fn (untracked) with o as the owner of what it creates. Anything
 * created under an owner already disposed is disposed at once.
 * @template T
 * @param {Owner|null} o
 * @param {() => T} fn
 * @returns {T}
 */
export function runWithOwner(o, fn) {
  const prevOwner = owner
  const prevSub = activeSub
  owner = o
  activeSub = null
  try {
    return fn()
  } finally {
    owner = prevOwner
    activeSub = prevSub
  }
}

/**
 * Runs the pending flush now (effects notified by earlier writes). Within a
 * flush already running, it does nothing.
 */
export function flushSync() {
  if (!flushing && queued) flush()
}

/**
 * Sets the handler of errors thrown by effects and cleanups. With none (the
 * default), the flush runs every other effect and then rethrows the error
 * (an AggregateError for several); an effect's first run rethrows to its
 * creator. Returns the previous handler.
 * @param {((error: unknown) => void) | null} handler
 * @returns {((error: unknown) => void) | null}
 */
export function setErrorHandler(handler) {
  const prev = errorHandler
  errorHandler = handler
  return prev
}

// ---------------------------------------------------------------------------
// Dependency tracking

/**
 * Records that sub read dep in its current run. Links already in place from
 * the previous run are reused in order; only a new dependency allocates.
 * A repeated read adds nothing: back to back it is seen at depsTail, else
 * at dep's newest subscriber link when that link was made or reused in the
 * current run (its version is the run's). A run that another run interrupts
 * may still add a second link to a dep; that is harmless (marking is
 * idempotent) and it is reused like the others.
 * @param {Node} dep
 * @param {Node} sub
 */
function link(dep, sub) {
  const prevDep = sub.depsTail
  if (prevDep !== null && prevDep.dep === dep) return
  const nextDep = prevDep !== null ? prevDep.nextDep : sub.deps
  if (nextDep !== null && nextDep.dep === dep) {
    nextDep.version = version
    sub.depsTail = nextDep
    return
  }
  const prevSub = dep.subsTail
  if (prevSub !== null && prevSub.version === version && prevSub.sub === sub) return
  const l = { version, dep, sub, prevDep, nextDep, prevSub, nextSub: null }
  sub.depsTail = dep.subsTail = l
  if (nextDep !== null) nextDep.prevDep = l
  if (prevDep !== null) prevDep.nextDep = l
  else sub.deps = l
  if (prevSub !== null) prevSub.nextSub = l
  else dep.subs = l
}

/**
 * Removes the links from l to the end of its sub's dependency list. A
 * computed left without subscribers lets go of its own dependencies (so it
 * can be collected and costs nothing to propagate) and will recompute when
 * read again. Iterative: an unobserved chain of any length is safe.
 * @param {Link|null} l
 */
function unlinkFrom(l) {
  const base = unlinkTop
  for (;;) {
    while (l !== null) {
      const dep = l.dep
      const prevSub = l.prevSub
      const nextSub = l.nextSub
      if (nextSub !== null) nextSub.prevSub = prevSub
      else dep.subsTail = prevSub
      if (prevSub !== null) prevSub.nextSub = nextSub
      else if ((dep.subs = nextSub) === null && dep.flags & MUTABLE && dep.deps !== null) {
        unlinkStack[unlinkTop++] = dep.deps
        dep.deps = dep.depsTail = null
        dep.flags |= DIRTY
      }
      l = l.nextDep
    }
    if (unlinkTop === base) return
    l = unlinkStack[--unlinkTop]
    unlinkStack[unlinkTop] = undefined
  }
}

/**
 * Marks everything downstream of an atom: its direct subscribers DIRTY,
 * the rest PENDING, and queues the effects reached. A node already marked
 * is not descended into again (its subscribers are marked already).
 * @param {Link} l the atom's first subscriber link
 */
function propagate(l) {
  const src = l.dep
  let sp = 0
  let next = l.nextSub
  for (;;) {
    const sub = l.sub
    const flags = sub.flags
    if (!(flags & (DIRTY | PENDING))) {
      sub.flags = flags | (l.dep === src ? DIRTY : PENDING)
      if (flags & EFFECT) queue[queued++] = sub
      else if (sub.subs !== null) {
        if (next !== null) stack[sp++] = next
        l = sub.subs
        next = l.nextSub
        continue
      }
    } else if (!(flags & DIRTY) && l.dep === src) sub.flags = flags | DIRTY
    if (next !== null) {
      l = next
      next = l.nextSub
    } else if (sp) {
      l = stack[--sp]
      stack[sp] = undefined
      next = l.nextSub
    } else return
  }
}

/**
 * A computed changed: its PENDING subscribers become DIRTY.
 * @param {Link|null} l
 */
function shallowPropagate(l) {
  for (; l !== null; l = l.nextSub) if ((l.sub.flags & (DIRTY | PENDING)) === PENDING) l.sub.flags |= DIRTY
}

/**
 * Decides whether a PENDING node must re-run, bringing the PENDING computeds
 * above it up to date first (depth first, iteratively). Returns true as soon
 * as one dependency's value changed.
 * @param {Link} l sub's first dependency
 * @param {Node} sub
 * @returns {boolean}
 */
function checkDirty(l, sub) {
  /** @type {{ l: Link, prev: any } | null} the way back down, kept only where a node has several subscribers */
  let back = null
  let level = 0
  let dirty = false
  top: for (;;) {
    const dep = l.dep
    const flags = dep.flags
    if (sub.flags & DIRTY) dirty = true
    else if ((flags & (MUTABLE | DIRTY)) === (MUTABLE | DIRTY)) {
      if (update(dep)) {
        if (dep.subs.nextSub !== null) shallowPropagate(dep.subs)
        dirty = true
      }
    } else if ((flags & (MUTABLE | PENDING)) === (MUTABLE | PENDING)) {
      if (l.nextSub !== null || l.prevSub !== null) back = { l, prev: back }
      l = dep.deps
      sub = dep
      ++level
      continue
    } else if (flags & RUNNING) throw cycleError(dep, sub)
    if (!dirty && l.nextDep !== null) {
      l = l.nextDep
      continue
    }
    while (level) {
      --level
      const first = sub.subs
      const several = first.nextSub !== null
      if (several) {
        l = back.l
        back = back.prev
      } else l = first
      if (dirty) {
        if (update(sub)) {
          if (several) shallowPropagate(first)
          sub = l.sub
          continue
        }
        dirty = false
      } else sub.flags &= ~PENDING
      sub = l.sub
      if (l.nextDep !== null) {
        l = l.nextDep
        continue top
      }
    }
    return dirty
  }
}

/**
 * Brings a computed up to date (slow path of get/peek).
 * @param {Node} c
 */
function refresh(c) {
  const flags = c.flags
  if (flags & RUNNING) throw cycleError(c)
  if (flags & DIRTY || checkDirty(c.deps, c)) {
    if (update(c) && c.subs !== null) shallowPropagate(c.subs)
  } else c.flags = flags & ~PENDING
}

/**
 * Re-runs a computed, tracking its reads. Returns whether its value changed
 * (a thrown error counts as a change).
 *
 * Computeds read inside computeds nest on the JS stack. Past MAX_DEPTH
 * nested runs, the innermost one aborts the whole nest (DEEP), which the
 * outermost run catches: it computes that innermost computed first, from a
 * shallow stack, then runs again. A chain of any length is thus evaluated
 * in slices of MAX_DEPTH without overflowing the stack.
 * @param {Node} c
 * @returns {boolean}
 */
function update(c) {
  if (depth >= MAX_DEPTH) {
    deepest = c
    throw DEEP
  }
  if (c.cleanup !== null) clean(c)
  const prevSub = activeSub
  const prevOwner = owner
  activeSub = owner = c
  version = (version + 1) | 0
  ++depth
  c.depsTail = null
  const flags = c.flags
  c.flags = (flags & ~(DIRTY | PENDING)) | RUNNING
  let value
  try {
    value = c.fn(c.value)
  } catch (err) {
    activeSub = prevSub
    owner = prevOwner
    --depth
    return fail(c, err)
  }
  activeSub = prevSub
  owner = prevOwner
  --depth
  endTracking(c)
  if (!(flags & (ERROR | UNSET)) && c.equals(c.value, value)) return false
  c.value = value
  c.flags &= ~(ERROR | UNSET)
  return true
}

/**
 * A computed's fn threw err: cache it as the value, or, for DEEP, abort the
 * run (keeping the links made so far) and, in the outermost run, compute
 * the deepest computed first and run again.
 * @param {Node} c
 * @param {any} err
 * @returns {boolean}
 */
function fail(c, err) {
  if (err === DEEP) {
    c.flags = (c.flags & ~RUNNING) | DIRTY
    if (depth) throw err
    refresh(deepest)
    return update(c)
  }
  const start = err != null && err[CYCLE]
  if (start) {
    err.path.unshift(nameOf(c))
    if (start === c) {
      err[CYCLE] = null
      err.message = 'cycle: ' + err.path.join(' -> ') + ' -> ' + err.path[0]
    }
  }
  c.value = err
  c.flags = (c.flags & ~UNSET) | ERROR
  endTracking(c)
  return true
}

/**
 * Ends a run: drops the dependencies not read again.
 * @param {Node} n
 */
function endTracking(n) {
  n.flags &= ~RUNNING
  if (n.flags & DISPOSED) {
    // disposed during its own run: drop what the rest of the run read
    if (n.deps !== null) {
      unlinkFrom(n.deps)
      n.deps = n.depsTail = null
    }
    return
  }
  const tail = n.depsTail
  if (tail !== null) {
    if (tail.nextDep !== null) {
      unlinkFrom(tail.nextDep)
      tail.nextDep = null
    }
  } else if (n.deps !== null) {
    unlinkFrom(n.deps)
    n.deps = null
  }
}

/**
 * Runs an effect: cleans up the previous run, then runs fn tracking reads.
 * @param {Node} e
 */
function run(e) {
  if (e.lastChild !== null || e.cleanup !== null) clean(e)
  const prevSub = activeSub
  const prevOwner = owner
  activeSub = owner = e
  version = (version + 1) | 0
  e.depsTail = null
  e.flags = (e.flags & ~(DIRTY | PENDING)) | RUNNING
  let r
  let failed = false
  try {
    r = e.fn()
  } catch (err) {
    failed = true
    r = err
  }
  activeSub = prevSub
  owner = prevOwner
  endTracking(e)
  if (r === DEEP) throw r // an effect created inside a computed nest too deep: abort with it
  if (failed) report(r)
  else if (typeof r === 'function') {
    if (e.flags & DISPOSED) release(r)
    else addCleanup(e, r)
  }
}

// ---------------------------------------------------------------------------
// Flush

function flushMicrotask() {
  scheduled = false
  flushSync()
}

/**
 * Runs queued effects in queue order, including those queued meanwhile.
 * An effect whose owning effect is also queued waits for it (the owner may
 * dispose it). More than LOOP_LIMIT rounds of effects re-queued by effects
 * is an update loop: an Error naming the effects and the atoms they read.
 */
function flush() {
  flushing = true
  let i = 0
  let roundEnd = queued
  let rounds = 0
  try {
    while (i < queued) {
      if (i === roundEnd) {
        if (++rounds > LOOP_LIMIT) throw loopError(queue.slice(i, queued))
        roundEnd = queued
      }
      const e = queue[i]
      queue[i++] = undefined
      if (e.flags & (DIRTY | PENDING)) runQueued(e)
    }
  } finally {
    // After an exception, effects left in the queue are reset so that later
    // writes queue them again.
    while (i < queued) {
      queue[i].flags &= ~(DIRTY | PENDING)
      queue[i++] = undefined
    }
    queued = 0
    flushing = false
  }
  if (errors.length) throwErrors()
}

/** @param {Node} e a notified effect */
function runQueued(e) {
  for (let o = e.owner; o !== null; o = o.owner) {
    if (o.flags & EFFECT && o.flags & (DIRTY | PENDING)) {
      runQueued(o)
      break
    }
  }
  const flags = e.flags
  if (flags & DIRTY || (flags & PENDING && checkDirty(e.deps, e))) run(e)
  else e.flags = flags & ~PENDING
}

/** @param {unknown} err */
function report(err) {
  if (errorHandler !== null) errorHandler(err)
  else errors.push(err)
}

function throwErrors() {
  const errs = errors
  errors = []
  throw errs.length === 1 ? errs[0] : new AggregateError(errs)
}

// ---------------------------------------------------------------------------
// Ownership

/**
 * Disposes an effect or root and what it owns, and detaches it from its owner.
 * @param {Node} n
 */
function dispose(n) {
  if (n.flags & DISPOSED) return
  const o = n.owner
  if (o !== null) {
    const prev = n.prevSibling
    const next = n.nextSibling
    if (next !== null) next.prevSibling = prev
    else o.lastChild = prev
    if (prev !== null) prev.nextSibling = next
    n.owner = n.prevSibling = n.nextSibling = null
  }
  destroy(n)
  if (!flushing && errors.length) throwErrors()
}

/** @param {Node} n */
function destroy(n) {
  const flags = n.flags
  if (flags & DISPOSED) return
  n.flags = (flags & (MUTABLE | EFFECT | ERROR)) | DISPOSED
  if (n.cleanup !== null || (!(flags & MUTABLE) && n.lastChild !== null)) clean(n)
  if (n.deps !== null) {
    unlinkFrom(n.deps)
    n.deps = n.depsTail = null
  }
}

/**
 * Disposes n's child effects and roots (last first), then runs its cleanup
 * list (last first: cleanup functions, owned computeds), untracked and
 * without owner.
 * @param {Node} n
 */
function clean(n) {
  if (!(n.flags & MUTABLE)) {
    let c = n.lastChild
    n.lastChild = null
    while (c !== null) {
      const prev = c.prevSibling
      c.owner = c.prevSibling = c.nextSibling = null
      destroy(c)
      c = prev
    }
  }
  const cl = n.cleanup
  if (cl !== null) {
    n.cleanup = null
    runWithOwner(null, () => {
      if (Array.isArray(cl)) for (let i = cl.length - 1; i >= 0; i--) release(cl[i])
      else release(cl)
    })
  }
}

/** @param {Function|Node} x a cleanup function or an owned node */
function release(x) {
  if (typeof x !== 'function') return destroy(x)
  try {
    x()
  } catch (err) {
    report(err)
  }
}

// ---------------------------------------------------------------------------
// Errors

/** @param {Node} n */
function nameOf(n) {
  return n.name || (n.fn && n.fn.name) || (n.flags & MUTABLE ? 'computed' : n.flags & EFFECT ? 'effect' : 'atom')
}

/**
 * A computed that (transitively) reads itself. While the error unwinds the
 * running computeds, update() prepends each one's name to err.path until it
 * reaches the one the cycle started from.
 * @param {Node} start the computed read while it runs
 * @param {Node} [via] a computed depending on start, found stale
 */
function cycleError(start, via) {
  const err = /** @type {any} */ (new Error('cycle: ' + nameOf(start)))
  err.name = 'CycleError'
  err.path = via ? [nameOf(via)] : []
  err[CYCLE] = start
  return err
}

/**
 * The error for effects still re-queued after LOOP_LIMIT rounds: it names
 * them and the atoms they read (among which those they keep writing).
 * @param {Node[]} effects the effects queued for the next round
 */
function loopError(effects) {
  const atoms = []
  for (const e of effects) for (let l = e.deps; l !== null; l = l.nextDep) if (l.dep.set) atoms.push(l.dep)
  const names = (/** @type {Node[]} */ xs) => [...new Set(xs.map(nameOf))].join(', ')
  return new Error('update loop: effects ' + names(effects) + ' keep changing what they read: ' + names(atoms))
}
