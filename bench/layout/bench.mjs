// Entry point of the layout suite for `jepsh bench` (internal/bench):
//
//   node bench.mjs --json FILE [--quick]
//
// runs the layout benchmark (main.go: the Go engine and yoga on the same
// trees, interleaved) and writes its result document to FILE.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const goArgs = ['run', '.'];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json') goArgs.push('--json', args[++i]);
  else if (args[i] === '--quick') goArgs.push('--rounds', '3', '--iters', '3');
  else {
    console.error(`usage: node bench.mjs [--json FILE] [--quick]`);
    process.exit(2);
  }
}
const r = spawnSync('go', goArgs, { cwd: dirname(fileURLToPath(import.meta.url)), stdio: 'inherit' });
process.exit(r.status ?? 1);
