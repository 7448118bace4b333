// Builds sync-child.ts the way scripts/build-server.mjs builds the worker (ADR 0006): one esbuild ESM
// bundle with the workspace packages inlined and every other package external, resolved from
// apps/worker/node_modules as in the production image. The bench then runs it with plain `node` and the
// worker's flags, so its time and memory are those of the deployed worker, not of the tsx loader.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles the sync child into apps/worker/.dist-test-bench-sync (git-ignored); returns its entry. */
export async function buildCompiledChild(root: string): Promise<string> {
  const outdir = join(root, 'apps/worker/.dist-test-bench-sync');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { 'sync-child': join(root, 'bench/sync/sync-child.ts') },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [
      {
        name: 'externals',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@mj/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
    logLevel: 'warning',
  });
  // The bundle applies the db migrations from next to itself (packages/db/src/migrate.ts).
  cpSync(join(root, 'packages/db/migrations'), join(outdir, 'migrations'), { recursive: true });
  return join(outdir, 'sync-child.js');
}
