#!/usr/bin/env node
// Compiles the API (which in embedded mode also serves the web build and runs the jobs) and the worker
// to plain JavaScript under apps/<app>/dist (docs/adr/0006-compiled-runtime.md). Workspace packages
// (@mj/*) are bundled; every other package stays external and must be a dependency of the app, so the
// bundle resolves it from apps/<app>/node_modules exactly as in the production image. The simulator is
// only reachable through the demo's dynamic import: it lands in its own chunk, loaded only with DEMO.
// `node scripts/build-server.mjs --if-stale` skips the build when dist is newer than every source.
import { build } from 'esbuild';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apps = [
  { name: 'api', entries: { main: 'apps/api/src/main.ts', 'rotate-keys': 'apps/api/src/cli/rotate-keys.ts' } },
  { name: 'worker', entries: { main: 'apps/worker/src/main.ts' } },
];
const sources = ['apps/api/src', 'apps/worker/src', 'packages', 'tools/simulator/src', 'pnpm-lock.yaml'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules' && name !== 'test')
    .reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when a dist is missing or older than any source it is built from. */
export function serverBuildStale() {
  const stamps = apps.map((app) => join(root, `apps/${app.name}/dist/main.js`));
  if (!stamps.every((file) => existsSync(file))) return true;
  const built = Math.min(...stamps.map((file) => statSync(file).mtimeMs));
  return sources.some((p) => existsSync(join(root, p)) && newestMtime(join(root, p)) > built);
}

/** Keeps every non-workspace import external, and checks the app declares it (or Node ships it). */
function externalsPlugin(app, declared, missing) {
  return {
    name: 'externals',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@mj/') || args.path.startsWith('node:')) return undefined;
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        if (!declared.has(name) && !isBuiltin(name)) missing.add(`${name} (imported by ${args.importer})`);
        return { path: args.path, external: true };
      });
    },
  };
}

const builtins = new Set((await import('node:module')).builtinModules);
const isBuiltin = (name) => builtins.has(name);

/** Builds both apps; `outName` (default dist) lets the test build aside without touching dist. */
export async function buildServer({ outName = 'dist' } = {}) {
  for (const app of apps) {
    const dir = join(root, 'apps', app.name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const declared = new Set(Object.keys({ ...pkg.dependencies }));
    const missing = new Set();
    const outdir = join(dir, outName);
    rmSync(outdir, { recursive: true, force: true });
    await build({
      absWorkingDir: root,
      entryPoints: app.entries,
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: true,
      chunkNames: 'chunks/[name]-[hash]',
      // Bundled CommonJS helpers call require(): give ESM output one.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      plugins: [externalsPlugin(app, declared, missing)],
      logLevel: 'warning',
    });
    if (missing.size > 0) {
      throw new Error(`apps/${app.name}/package.json must declare what its bundle imports: ${[...missing].join(', ')}`);
    }
    // The bundle applies the db migrations from next to itself (packages/db/src/migrate.ts).
    cpSync(join(root, 'packages/db/migrations'), join(outdir, 'migrations'), { recursive: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale') && !serverBuildStale()) process.exit(0);
  const started = performance.now();
  await buildServer();
  console.log(`Server built to apps/api/dist and apps/worker/dist in ${Math.round(performance.now() - started)} ms`);
}
