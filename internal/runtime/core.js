// @ts-check
/**
 * Jepsh reactive core: atoms, lazy glitch-free computeds, batched effects and
 * ownership roots. No DOM dependency; importable in Node and browsers.
 *
 * The dependency graph is stored in intrusive doubly linked edges (Link) that
 * are reused from run to run, so a steady-state update allocates nothing.
 * Writes mark the graph with bit flags (DIRTY for direct subscribers, PENDING
 * below them) without running user code; computeds are brought up to date
 * lazily when read, walking only the PENDING part of the graph; effects are
 * queued and run in a flush (a microtask, the end of the outermost batch, or
 * flushSync). See docs/runtime.md for the algorithm.
 * @module
 */

// Kinds and states: bit flags on Atom#flags and Computation#flags.
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

/**
 * An edge dep → sub. It is in dep's list of subscribers (prevSub/nextSub)
 * and in sub's list of dependencies (prevDep/nextDep) at the same time.
 * @constructor
 * @param {number} version
 * @param {any} dep
 * @param {Computation} sub
 * @param {Link|null} prevDep
 * @param {Link|null} nextDep
 * @param {Link|null} prevSub
 */
function Link(version, dep, sub, prevDep, nextDep, prevSub) {
  this.version = version
  /** @type {Atom<any>|Computation} */
  this.dep = dep
  this.sub = sub
  this.prevDep = prevDep
  this.nextDep = nextDep
  this.prevSub = prevSub
  /** @type {Link|null} */
  this.nextSub = null
}

/** @type {Computation|null} the computation whose reads are tracked */
let activeSub = null
/** @type {Computation|null} the owner of what is created now */
let owner = null
let version = 0
let batchDepth = 0
/** nested computed runs on the stack */
let depth = 0
/** @type {Computation|null} the computed that found the nest too deep */
let deepest = null
let flushing = false
let scheduled = false
/** @type {Computation[]} effects notified and not yet run */
const queue = []
/** @type {Link[]} propagate's explicit stack (propagate never reenters) */
const stack = []
/** @type {unknown[]} errors thrown by effects, rethrown after the flush */
let errors = []
/** @type {((error: unknown) => void) | null} */
let errorHandler = null
/** @type {any[]|null} atoms written during the last flush round before a loop error */
let loopTrace = null

/**
 * A writable value. Reading it with get() inside a computed or effect makes
 * that computation depend on it.
 * @template T
 * @constructor
 * @param {T} value
 * @param {((a: T, b: T) => boolean)} equals
 */
function Atom(value, equals) {
  this.flags = 0
  /** @type {T} */
  this.value = value
  /** @type {Link|null} */
  this.subs = null
  /** @type {Link|null} */
  this.subsTail = null
  this.equals = equals
}

/**
 * Debug name used in error messages (dev builds assign it: `a.name = "count"`).
 * @type {string}
 */
Atom.prototype.name = ''

/**
 * Returns the value and, inside a computation, subscribes to it.
 * @template T
 * @this {Atom<T>}
 * @returns {T}
 */
Atom.prototype.get = function () {
  if (activeSub !== null) link(this, activeSub)
  return this.value
}

/**
 * Returns the value without subscribing.
 * @template T
 * @this {Atom<T>}
 * @returns {T}
 */
Atom.prototype.peek = function () {
  return this.value
}

/**
 * Writes a value. An equal value (Object.is, or the atom's equals) changes
 * nothing; otherwise dependents are marked and effects run in the next flush.
 * @template T
 * @this {Atom<T>}
 * @param {T} value
 */
Atom.prototype.set = function (value) {
  if (this.equals(this.value, value)) return
  this.value = value
  const subs = this.subs
  if (subs !== null) {
    propagate(subs)
    if (!scheduled && !flushing && batchDepth === 0 && queue.length !== 0) {
      scheduled = true
      queueMicrotask(flushMicrotask)
    }
  }
}

/**
 * Writes fn(current value).
 * @template T
 * @this {Atom<T>}
 * @param {(value: T) => T} fn
 */
Atom.prototype.update = function (fn) {
  this.set(fn(this.value))
}

/**
 * A computed value, an effect or a root: one shape for all three keeps the
 * propagation code monomorphic.
 * @constructor
 * @param {number} flags
 * @param {Function|null} fn
 * @param {(a: any, b: any) => boolean} equals
 */
function Computation(flags, fn, equals) {
  this.flags = flags
  /** @type {any} */
  this.value = undefined
  this.fn = fn
  this.equals = equals
  /** @type {Link|null} */
  this.deps = null
  /** @type {Link|null} */
  this.depsTail = null
  /** @type {Link|null} */
  this.subs = null
  /** @type {Link|null} */
  this.subsTail = null
  /** @type {Computation|null} */
  this.owner = null
  /** @type {Computation|null} */
  this.prevSibling = null
  /** @type {Computation|null} */
  this.nextSibling = null
  /** @type {Computation|null} last owned child (children are disposed last to first) */
  this.lastChild = null
  /** @type {Function|Function[]|null} */
  this.cleanup = null
  if (owner !== null) adopt(owner, this)
}

/** @type {string} */
Computation.prototype.name = ''

/**
 * Returns the up-to-date value (recomputing it if a dependency changed) and,
 * inside a computation, subscribes to it. Rethrows the error fn threw.
 * @this {Computation}
 */
Computation.prototype.get = function () {
  if ((this.flags & (DIRTY | PENDING | RUNNING)) !== 0) refresh(this)
  if (activeSub !== null) link(this, activeSub)
  if ((this.flags & ERROR) !== 0) throw this.value
  return this.value
}

/**
 * Like get() without subscribing.
 * @this {Computation}
 */
Computation.prototype.peek = function () {
  if ((this.flags & (DIRTY | PENDING | RUNNING)) !== 0) refresh(this)
  if ((this.flags & ERROR) !== 0) throw this.value
  return this.value
}

/**
 * @template T
 * @typedef {{ get(): T, peek(): T, set(value: T): void, update(fn: (value: T) => T): void, name: string }} AtomType
 */
/**
 * @template T
 * @typedef {{ get(): T, peek(): T, name: string }} ComputedType
 */

/**
 * Creates an atom.
 * @template T
 * @param {T} value
 * @param {(a: T, b: T) => boolean} [equals] default Object.is
 * @returns {AtomType<T>}
 */
export function atom(value, equals) {
  return new Atom(value, equals || Object.is)
}

/**
 * Creates a lazy, cached computed value. fn receives the previous value. It
 * runs only when read and a dependency changed since the last run; a result
 * equal to the previous one (Object.is, or equals) stops propagation. A thrown
 * error is cached and rethrown by get() until a dependency changes.
 * @template T
 * @param {(previous: T | undefined) => T} fn
 * @param {(a: T, b: T) => boolean} [equals]
 * @returns {ComputedType<T>}
 */
export function computed(fn, equals) {
  return new Computation(MUTABLE | DIRTY | UNSET, fn, equals || Object.is)
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
  const e = new Computation(EFFECT, fn, Object.is)
  if ((e.flags & DISPOSED) === 0) {
    run(e)
    if (!flushing && errors.length !== 0) throwErrors()
  }
  return () => dispose(e)
}

/**
 * Runs fn in a new ownership scope. fn receives dispose, which disposes
 * everything created inside (effects, computeds, roots, onCleanup callbacks).
 * The root is itself owned by the current owner, if any. Reads inside fn are
 * not tracked. Returns fn's result.
 * @template T
 * @param {(dispose: () => void) => T} fn
 * @returns {T}
 */
export function root(fn) {
  const r = new Computation(0, null, Object.is)
  const prevOwner = owner
  const prevSub = activeSub
  owner = r
  activeSub = null
  try {
    return fn(() => dispose(r))
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
    if (--batchDepth === 0 && !flushing && queue.length !== 0) flush()
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
  const o = owner
  if (o !== null) {
    if ((o.flags & DISPOSED) !== 0) fn()
    else addCleanup(o, fn)
  }
  return fn
}

/**
 * @param {Computation} o
 * @param {Function} fn
 */
function addCleanup(o, fn) {
  const c = o.cleanup
  o.cleanup = c === null ? fn : typeof c === 'function' ? [c, fn] : (c.push(fn), c)
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
  owner = /** @type {Computation|null} */ (o)
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
  if (!flushing && queue.length !== 0) flush()
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
 * @param {Atom<any>|Computation} dep
 * @param {Computation} sub
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
  const l = new Link(version, dep, sub, prevDep, nextDep, prevSub)
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
  /** @type {Link[]|null} */
  let pending = null
  for (;;) {
    while (l !== null) {
      const dep = l.dep
      const next = l.nextDep
      const prevSub = l.prevSub
      const nextSub = l.nextSub
      if (nextSub !== null) nextSub.prevSub = prevSub
      else dep.subsTail = prevSub
      if (prevSub !== null) prevSub.nextSub = nextSub
      else if ((dep.subs = nextSub) === null && (dep.flags & MUTABLE) !== 0 && dep.deps !== null) {
        ;(pending || (pending = [])).push(dep.deps)
        dep.deps = dep.depsTail = null
        dep.flags |= DIRTY
      }
      l = next
    }
    if (pending === null || pending.length === 0) return
    l = /** @type {Link} */ (pending.pop())
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
  if (loopTrace !== null) loopTrace.push(src)
  let sp = 0
  let next = l.nextSub
  for (;;) {
    const sub = l.sub
    const flags = sub.flags
    if ((flags & (DIRTY | PENDING)) === 0) {
      sub.flags = flags | (l.dep === src ? DIRTY : PENDING)
      if ((flags & EFFECT) !== 0) queue.push(sub)
      else if (sub.subs !== null) {
        if (next !== null) stack[sp++] = next
        l = sub.subs
        next = l.nextSub
        continue
      }
    } else if ((flags & DIRTY) === 0 && l.dep === src) sub.flags = flags | DIRTY
    if (next !== null) {
      l = next
      next = l.nextSub
    } else if (sp !== 0) {
      l = stack[--sp]
      stack[sp] = /** @type {any} */ (undefined)
      next = l.nextSub
    } else return
  }
}

/**
 * A computed changed: its PENDING subscribers become DIRTY.
 * @param {Link|null} l
 */
function shallowPropagate(l) {
  while (l !== null) {
    const sub = l.sub
    const flags = sub.flags
    if ((flags & (DIRTY | PENDING)) === PENDING) sub.flags = flags | DIRTY
    l = l.nextSub
  }
}

/**
 * Decides whether a PENDING node must re-run, bringing the PENDING computeds
 * above it up to date first (depth first, iteratively). Returns true as soon
 * as one dependency's value changed.
 * @param {Link} l sub's first dependency
 * @param {Computation} sub
 * @returns {boolean}
 */
function checkDirty(l, sub) {
  /** @type {{ l: Link, prev: any } | null} links back down, needed only where a node has several subscribers */
  let back = null
  let depth = 0
  let dirty = false
  top: for (;;) {
    const dep = l.dep
    const flags = dep.flags
    if ((sub.flags & DIRTY) !== 0) dirty = true
    else if ((flags & (MUTABLE | DIRTY)) === (MUTABLE | DIRTY)) {
      if (update(/** @type {Computation} */ (dep))) {
        if (/** @type {Link} */ (dep.subs).nextSub !== null) shallowPropagate(dep.subs)
        dirty = true
      }
    } else if ((flags & (MUTABLE | PENDING)) === (MUTABLE | PENDING)) {
      if (l.nextSub !== null || l.prevSub !== null) back = { l, prev: back }
      l = /** @type {Link} */ (dep.deps)
      sub = /** @type {Computation} */ (dep)
      ++depth
      continue
    } else if ((flags & RUNNING) !== 0) throw new CycleError(/** @type {Computation} */ (dep), sub)
    if (!dirty && l.nextDep !== null) {
      l = l.nextDep
      continue
    }
    while (depth !== 0) {
      --depth
      const first = /** @type {Link} */ (sub.subs)
      const several = first.nextSub !== null
      if (several) {
        l = /** @type {any} */ (back).l
        back = /** @type {any} */ (back).prev
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
 * @param {Computation} c
 */
function refresh(c) {
  const flags = c.flags
  if ((flags & RUNNING) !== 0) throw new CycleError(c)
  if ((flags & DIRTY) !== 0 || checkDirty(/** @type {Link} */ (c.deps), c)) {
    if (update(c) && c.subs !== null) shallowPropagate(c.subs)
  } else c.flags = flags & ~PENDING
}

/**
 * Re-runs a computed, tracking its reads. Returns whether its value changed
 * (a thrown error counts as a change).
 *
 * Computeds read inside computeds nest on the JS stack. Past MAX_DEPTH
 * nested runs, the innermost one aborts the whole nest (DEEP), which the
 * outermost update catches: it computes that innermost computed first, from
 * a shallow stack, then retries. A chain of any length is thus evaluated in
 * slices of MAX_DEPTH without overflowing the stack.
 * @param {Computation} c
 * @returns {boolean}
 */
function update(c) {
  if (depth !== 0) {
    if (depth >= MAX_DEPTH) {
      deepest = c
      throw DEEP
    }
    return recompute(c)
  }
  for (;;) {
    try {
      return recompute(c)
    } catch (err) {
      if (err !== DEEP) throw err
      refresh(/** @type {Computation} */ (deepest))
    }
  }
}

/**
 * @param {Computation} c
 * @returns {boolean}
 */
function recompute(c) {
  if (c.lastChild !== null || c.cleanup !== null) clean(c)
  const prevSub = activeSub
  const prevOwner = owner
  activeSub = owner = c
  ++version
  ++depth
  c.depsTail = null
  const flags = c.flags
  c.flags = (flags & ~(DIRTY | PENDING)) | RUNNING
  try {
    const value = /** @type {Function} */ (c.fn)(c.value)
    if ((flags & (ERROR | UNSET)) === 0 && c.equals(c.value, value)) return false
    c.value = value
    c.flags &= ~(ERROR | UNSET)
    return true
  } catch (err) {
    if (err === DEEP) {
      // Aborted, to be run again: keep the links made so far.
      c.flags = (c.flags & ~RUNNING) | DIRTY
      throw err
    }
    if (err instanceof CycleError) err.add(c)
    c.value = err
    c.flags = (c.flags & ~UNSET) | ERROR
    return true
  } finally {
    activeSub = prevSub
    owner = prevOwner
    --depth
    if ((c.flags & RUNNING) !== 0) endTracking(c)
  }
}

/**
 * Ends a run: drops the dependencies not read again.
 * @param {Computation} n
 */
function endTracking(n) {
  n.flags &= ~RUNNING
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
 * @param {Computation} e
 */
function run(e) {
  if (e.lastChild !== null || e.cleanup !== null) clean(e)
  const prevSub = activeSub
  const prevOwner = owner
  activeSub = owner = e
  ++version
  e.depsTail = null
  e.flags = (e.flags & ~(DIRTY | PENDING)) | RUNNING
  try {
    const r = /** @type {Function} */ (e.fn)()
    if (typeof r === 'function') addCleanup(e, r)
  } catch (err) {
    report(err)
  } finally {
    activeSub = prevSub
    owner = prevOwner
    endTracking(e)
  }
}

// ---------------------------------------------------------------------------
// Flush

function flushMicrotask() {
  scheduled = false
  if (!flushing && batchDepth === 0 && queue.length !== 0) flush()
}

/**
 * Runs queued effects in queue order, including those queued meanwhile.
 * An effect whose owning effect is also queued waits for it (the owner may
 * dispose it). More than LOOP_LIMIT rounds of effects re-queued by effects
 * is an update loop: an Error naming the effects and the atoms they write.
 */
function flush() {
  flushing = true
  let i = 0
  let roundEnd = queue.length
  let rounds = 0
  try {
    while (i < queue.length) {
      if (i === roundEnd) {
        if (++rounds === LOOP_LIMIT) loopTrace = []
        else if (rounds > LOOP_LIMIT) throw loopError(queue.slice(roundEnd))
        roundEnd = queue.length
      }
      const e = queue[i++]
      if ((e.flags & (DIRTY | PENDING)) !== 0) runQueued(e)
    }
  } finally {
    // After an exception, effects left in the queue are reset so that later
    // writes queue them again.
    while (i < queue.length) queue[i++].flags &= ~(DIRTY | PENDING)
    queue.length = 0
    flushing = false
    loopTrace = null
  }
  if (errors.length !== 0) throwErrors()
}

/** @param {Computation} e a notified effect */
function runQueued(e) {
  for (let o = e.owner; o !== null; o = o.owner) {
    if ((o.flags & EFFECT) !== 0 && (o.flags & (DIRTY | PENDING)) !== 0) {
      runQueued(o)
      break
    }
  }
  const flags = e.flags
  if ((flags & DIRTY) !== 0 || ((flags & PENDING) !== 0 && checkDirty(/** @type {Link} */ (e.deps), e))) run(e)
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
  throw errs.length === 1 ? errs[0] : new AggregateError(errs, errs.length + ' effects threw')
}

// ---------------------------------------------------------------------------
// Ownership

/**
 * @param {Computation} o
 * @param {Computation} n
 */
function adopt(o, n) {
  if ((o.flags & DISPOSED) !== 0) {
    n.flags |= DISPOSED
    return
  }
  n.owner = o
  const last = o.lastChild
  if (last !== null) {
    last.nextSibling = n
    n.prevSibling = last
  }
  o.lastChild = n
}

/**
 * Disposes n and what it owns, and detaches it from its owner.
 * @param {Computation} n
 */
function dispose(n) {
  if ((n.flags & DISPOSED) !== 0) return
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
  if (!flushing && errors.length !== 0) throwErrors()
}

/** @param {Computation} n */
function destroy(n) {
  n.flags = (n.flags & (MUTABLE | EFFECT | ERROR)) | DISPOSED
  if (n.lastChild !== null || n.cleanup !== null) clean(n)
  if (n.deps !== null) {
    unlinkFrom(n.deps)
    n.deps = n.depsTail = null
  }
}

/**
 * Disposes n's children (last first), then runs its cleanups (last first),
 * untracked and without owner.
 * @param {Computation} n
 */
function clean(n) {
  let c = n.lastChild
  n.lastChild = null
  while (c !== null) {
    const prev = c.prevSibling
    c.owner = c.prevSibling = c.nextSibling = null
    destroy(c)
    c = prev
  }
  const cl = n.cleanup
  if (cl !== null) {
    n.cleanup = null
    const prevSub = activeSub
    const prevOwner = owner
    activeSub = owner = null
    try {
      if (typeof cl === 'function') call(cl)
      else for (let i = cl.length - 1; i >= 0; i--) call(cl[i])
    } finally {
      activeSub = prevSub
      owner = prevOwner
    }
  }
}

/** @param {Function} fn */
function call(fn) {
  try {
    fn()
  } catch (err) {
    report(err)
  }
}

// ---------------------------------------------------------------------------
// Errors

/** @param {Atom<any>|Computation} n */
function nameOf(n) {
  if (n.name) return n.name
  if (n instanceof Computation && n.fn !== null && n.fn.name) return n.fn.name
  return n instanceof Atom ? 'atom' : (n.flags & EFFECT) !== 0 ? 'effect' : 'computed'
}

/** A computed that (transitively) reads itself. */
class CycleError extends Error {
  /**
   * @param {Computation} start the computed read while it runs
   * @param {Computation} [via] a computed depending on start, found stale
   */
  constructor(start, via) {
    super('cycle: ' + nameOf(start))
    this.name = 'CycleError'
    this.start = start
    /** @type {string[]} the computeds in the cycle, from the first one read */
    this.path = via ? [nameOf(via)] : []
    this.closed = false
  }
  /** @param {Computation} c a running computed the error passes through */
  add(c) {
    if (this.closed) return
    this.path.unshift(nameOf(c))
    if (c === this.start) {
      this.closed = true
      this.message = 'cycle: ' + this.path.join(' → ') + ' → ' + this.path[0]
    }
  }
}

/** @param {Computation[]} effects the effects of the last round */
function loopError(effects) {
  const names = (/** @type {any[]} */ (effects)).filter((e) => (e.flags & (DIRTY | PENDING)) !== 0).map(nameOf)
  const atoms = [...new Set((loopTrace || []).map(nameOf))]
  return new Error(
    'update loop: effects [' + [...new Set(names)].join(', ') + '] still re-run after ' + LOOP_LIMIT +
      ' rounds, writing [' + atoms.join(', ') + ']',
  )
}
