#!/bin/sh
# The embedded server as `pnpm start` runs it, after scripts/start.mjs --prepare has built what was
# stale. `exec` replaces this shell, so the tree a user sees is pnpm and the server alone (no idle
# launcher holding ~55 MB; bench/RESULTS.md "Embedded process tree").
# A bounded heap and few glibc arenas (native memory fragments otherwise), as the worker runs: the
# embedded process also holds a whole sync. MJ_HEAP_MB overrides the cap; MJ_SERVER_DIST the build
# folder (the compiled-server test runs its own build).
cd "$(dirname "$0")/.." || exit 1
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" exec node \
  "--max-old-space-size=${MJ_HEAP_MB:-224}" \
  --max-semi-space-size=8 \
  --enable-source-maps \
  "${MJ_SERVER_DIST:-apps/api/dist}/main.js"
