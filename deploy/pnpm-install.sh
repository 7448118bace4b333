#!/bin/sh
# `pnpm install` from the store that `pnpm fetch` filled (no network), extra arguments passed on.
# better-sqlite3 compiles from source: point node-gyp at the Node image's own headers when it ships
# them, so the build does not download them.
set -eu
if [ -f /usr/local/include/node/node.h ]; then
  export npm_config_nodedir=/usr/local
fi
exec pnpm install --frozen-lockfile --offline --store-dir "${PNPM_STORE:-/pnpm/store}" "$@"
