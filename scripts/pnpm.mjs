// Runs pnpm the same way this script was started. Under `npx pnpm@… test` there is no global pnpm on
// PATH, but pnpm passes its own entry point in npm_execpath.
import { spawnSync } from 'node:child_process';

export function pnpmCommand(args) {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath) && /\.(c?js|mjs)$/.test(execPath))
    return [process.execPath, [execPath, ...args]];
  return ['pnpm', args];
}

export function runPnpm(args, options) {
  const [cmd, argv] = pnpmCommand(args);
  return spawnSync(cmd, argv, options).status ?? 1;
}
