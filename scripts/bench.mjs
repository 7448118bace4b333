#!/usr/bin/env node
// `pnpm bench`: every benchmark at a size that finishes in a few minutes on a laptop. The figures in
// bench/RESULTS.md come from the full-size runs (`pnpm bench:sync --scale large`, `pnpm bench:api
// --scale large`, `pnpm bench:scale --tenants 500 --workers 2`).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPnpm } from './pnpm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = [
  ['bench:sync', '--scale', 'medium', '--dialect', 'sqlite', '--heap-mb', '160'],
  ['bench:sync', '--scale', 'medium', '--dialect', 'postgres', '--heap-mb', '160'],
  ['bench:api', '--scale', 'medium', '--dialect', 'sqlite'],
  ['bench:api', '--scale', 'medium', '--dialect', 'postgres'],
  ['bench:scale', '--tenants', '50', '--workers', '2'],
];
let failed = 0;
for (const args of runs) {
  console.log(`\n::: pnpm ${args.join(' ')}`);
  if (runPnpm(args, { cwd: root, stdio: 'inherit' }) !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
