// Reactivity benchmark: Jepsh's core vs alien-signals vs @preact/signals-core.
//
//   node --expose-gc bench.mjs [--quick] [--json FILE] [--rounds N] [--only NAME,...]
//
// Each implementation runs in its own process (runner.mjs). For every test,
// rounds of one sample per implementation are taken, the order of the
// implementations rotating each round; a sample is the CPU time of the
// timed part, checked for correct values and effect counts. Reported:
// median per implementation, and ratios to alien-signals and preact.
import { fork } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { adapters, versions } from './adapters.mjs'
import { reps as fullReps, tests } from './tests.mjs'

const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const value = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const quick = flag('--quick')
const jsonFile = value('--json')
const rounds = Number(value('--rounds') || (quick ? 5 : 21))
const warmup = quick ? 2 : 5
const warmupMs = quick ? 300 : 1500
const only = value('--only')?.split(',')
const impls = Object.keys(adapters)
const reference = 'alien-signals'

const selected = tests.filter((t) => !only || only.includes(t.name))

function loadavg() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number)
  } catch {
    return os.loadavg()
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

function start(impl) {
  const child = fork(new URL('./runner.mjs', import.meta.url), [impl], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let waiting = null
  child.on('message', (m) => {
    const w = waiting
    waiting = null
    w?.(m)
  })
  child.on('exit', (code) => {
    if (waiting) waiting({ error: impl + ' runner exited with ' + code })
  })
  const ask = (msg) =>
    new Promise((resolve) => {
      waiting = resolve
      if (msg) child.send(msg)
    })
  return { impl, child, ask, ready: ask(null) }
}

const load = { before: loadavg() }
const runners = impls.map(start)
await Promise.all(runners.map((r) => r.ready))

const results = []
const failures = []
const began = Date.now()
for (const test of selected) {
  const reps = Math.max(1, Math.round((fullReps[test.name] || 1) * (quick ? 0.4 : 1)))
  const samples = Object.fromEntries(impls.map((i) => [i, []]))
  const failed = new Set()
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < runners.length; k++) {
      const runner = runners[(r + k) % runners.length]
      if (failed.has(runner.impl)) continue
      const m = await runner.ask({ test: test.name, reps, warmup, warmupMs })
      if (m.error) {
        failed.add(runner.impl)
        failures.push({ test: test.name, impl: runner.impl, error: m.error })
        console.error(`${test.name} ${runner.impl}: FAILED\n${m.error}`)
      } else samples[runner.impl].push(m.ms)
    }
  }
  for (const impl of impls) {
    if (failed.has(impl)) continue
    results.push({
      benchmark: test.name,
      impl,
      unit: 'ms',
      higher_is_better: false,
      samples: samples[impl].map((x) => Math.round(x * 1000) / 1000),
      metric: 'cpu',
    })
  }
  process.stderr.write(`${test.name} done (${((Date.now() - began) / 1000).toFixed(1)} s)\n`)
}
for (const r of runners) r.child.send({ exit: true })
load.after = loadavg()

// Report
const med = (bench, impl) => {
  const r = results.find((x) => x.benchmark === bench && x.impl === impl)
  return r ? median(r.samples) : NaN
}
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—')
const names = [...new Set(results.map((r) => r.benchmark))]
const header = ['benchmark', ...impls.map((i) => i + ' ms'), 'jepsh/alien', 'jepsh/preact', 'preact/alien']
const rows = []
const logs = { ja: [], jp: [], pa: [] }
for (const b of names) {
  const m = Object.fromEntries(impls.map((i) => [i, med(b, i)]))
  const ja = m.jepsh / m['alien-signals']
  const jp = m.jepsh / m['preact-signals']
  const pa = m['preact-signals'] / m['alien-signals']
  if (Number.isFinite(ja)) logs.ja.push(Math.log(ja))
  if (Number.isFinite(jp)) logs.jp.push(Math.log(jp))
  if (Number.isFinite(pa)) logs.pa.push(Math.log(pa))
  rows.push([b, ...impls.map((i) => fmt(m[i])), fmt(ja), fmt(jp), fmt(pa)])
}
const gm = (xs) => (xs.length ? Math.exp(xs.reduce((a, b) => a + b, 0) / xs.length) : NaN)
rows.push(['geometric mean', ...impls.map(() => ''), fmt(gm(logs.ja)), fmt(gm(logs.jp)), fmt(gm(logs.pa))])
const v = await versions()
console.log(
  `\nReactivity (CPU ms per sample, median of ${rounds} rounds${quick ? ', quick' : ''}; node ${process.version}; ` +
    `alien-signals ${v['alien-signals']}, @preact/signals-core ${v['@preact/signals-core']}; load ${load.before.join(' ')} → ${load.after.join(' ')})\n`,
)
console.log('| ' + header.join(' | ') + ' |')
console.log('|' + header.map((_, i) => (i ? ' ---: ' : ' --- ')).join('|') + '|')
for (const r of rows) console.log('| ' + r.join(' | ') + ' |')

if (jsonFile) {
  const cpus = os.cpus()
  const doc = {
    suite: 'reactivity',
    time: new Date().toISOString(),
    machine: {
      os: process.platform,
      arch: { x64: 'amd64', ia32: '386' }[process.arch] || process.arch,
      cpus: cpus.length,
      cpu: cpus[0]?.model || '',
      node: process.version,
    },
    load,
    reference,
    quick,
    impls: {
      jepsh: { label: 'Jepsh reactive core', source: 'internal/runtime/core.js' },
      'alien-signals': { label: 'alien-signals', version: v['alien-signals'] },
      'preact-signals': { label: '@preact/signals-core', version: v['@preact/signals-core'] },
    },
    notes: [
      `CPU time (process.cpuUsage) of the timed part of each sample; ${rounds} rounds, implementations in separate processes, order rotating per round`,
      ...failures.map((f) => `${f.test} ${f.impl} failed its check: ${f.error.split('\n')[0]}`),
    ],
    results,
  }
  writeFileSync(jsonFile, JSON.stringify(doc, null, 2) + '\n')
  console.log('\nwrote ' + jsonFile)
}
if (failures.length) {
  console.error(failures.length + ' failed')
  process.exit(1)
}
