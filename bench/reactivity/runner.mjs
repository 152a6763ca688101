// One implementation per process, so that each has JIT feedback of its own;
// bench.mjs drives the runners in turn (implementations interleaved).
// Protocol (IPC): { test, reps, warmup, warmupMs } → { ms } | { error }.
import { adapters } from './adapters.mjs'
import { tests } from './tests.mjs'

const impl = process.argv[2]
const fw = await adapters[impl]()
const prepared = new Map()

const settle = () => new Promise((resolve) => setTimeout(resolve, 5))

async function handle(msg) {
  if (msg.exit) process.exit(0)
  const test = tests.find((t) => t.name === msg.test)
  let p = prepared.get(msg.test)
  if (!p) {
    for (const [, q] of prepared) q.dispose()
    prepared.clear()
    p = test.prepare(fw, msg.reps)
    prepared.set(msg.test, p)
    // Warm up for a number of samples and a minimum wall time: on a busy
    // machine the optimizing compiler, a background thread, lags behind.
    const until = Date.now() + msg.warmupMs
    for (let i = 0; i < msg.warmup || Date.now() < until; i++) {
      p.setup?.()
      p.sample()
    }
  }
  p.setup?.()
  globalThis.gc?.()
  await settle()
  return { ms: p.sample() }
}

process.on('message', (msg) => {
  handle(msg).then(
    (m) => process.send(m),
    (err) => process.send({ error: String((err && err.stack) || err) }),
  )
})
process.send({ ready: impl })
