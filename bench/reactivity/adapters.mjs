// Thin adapters: every implementation is driven through the same small
// interface, so the tests in tests.mjs are identical for all of them.
//
//   signal(v)   → { read(), write(v) }
//   computed(f) → { read() }
//   effect(f)   → dispose function
//   batch(f)    → runs f; effects run (synchronously) when the batch ends
//
// Each wrapper adds the same one closure call per read or write.

/** @returns {Promise<object>} */
async function jepsh() {
  const core = await import('../../internal/runtime/core.js')
  return {
    signal(v) {
      const a = core.atom(v)
      return { read: () => a.get(), write: (x) => a.set(x) }
    },
    computed(fn) {
      const c = core.computed(fn)
      return { read: () => c.get() }
    },
    effect: core.effect,
    batch: core.batch,
  }
}

async function alien() {
  const a = await import('alien-signals')
  return {
    signal(v) {
      const s = a.signal(v)
      return { read: () => s(), write: (x) => s(x) }
    },
    computed(fn) {
      const c = a.computed(fn)
      return { read: () => c() }
    },
    effect: a.effect,
    batch(fn) {
      a.startBatch()
      try {
        return fn()
      } finally {
        a.endBatch()
      }
    },
  }
}

async function preact() {
  const p = await import('@preact/signals-core')
  return {
    signal(v) {
      const s = p.signal(v)
      return { read: () => s.value, write: (x) => (s.value = x) }
    },
    computed(fn) {
      const c = p.computed(fn)
      return { read: () => c.value }
    },
    effect: p.effect,
    batch: p.batch,
  }
}

/** Implementations by the name used in results. */
export const adapters = {
  jepsh,
  'alien-signals': alien,
  'preact-signals': preact,
}

/** Package name → version, for the report. */
export async function versions() {
  const { readFile } = await import('node:fs/promises')
  const out = {}
  for (const pkg of ['alien-signals', '@preact/signals-core']) {
    const url = new URL('./node_modules/' + pkg + '/package.json', import.meta.url)
    out[pkg] = JSON.parse(await readFile(url, 'utf8')).version
  }
  return out
}
