import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDemoServers } from '../src/runtime/demo';

function recordingLog() {
  const warnings: string[] = [];
  const log = {
    info: () => undefined,
    warn: (...args: unknown[]) => void warnings.push(args.map(String).join(' ')),
    error: () => undefined,
    debug: () => undefined,
    child: () => log,
  };
  return { log: log as never, warnings };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the simulator is an optional part of the API', () => {
  it('runs without demo servers when the simulator is not installed', async () => {
    const { log, warnings } = recordingLog();
    const missing = Object.assign(new Error("Cannot find package '@mj/simulator'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(startDemoServers(log, () => Promise.reject(missing))).resolves.toBeUndefined();
    expect(warnings.join('\n')).toMatch(/not installed/);
  });

  it('still fails loudly on any other error while loading it', async () => {
    const { log } = recordingLog();
    await expect(startDemoServers(log, () => Promise.reject(new SyntaxError('broken build')))).rejects.toThrow(
      'broken build',
    );
  });

  it('is reached only through the demo loader, never imported statically', () => {
    const root = join(import.meta.dirname, '../src');
    const importers = sourceFiles(root).filter((file) => readFileSync(file, 'utf8').includes("'@mj/simulator'"));
    expect(importers.map((file) => file.slice(root.length + 1))).toEqual(['runtime/demo.ts']);
    const demo = readFileSync(join(root, 'runtime/demo.ts'), 'utf8');
    expect(demo).not.toMatch(/^import [^t].*'@mj\/simulator'/m);
  });

  it('is declared optional in the API package', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8'));
    expect(pkg.dependencies['@mj/simulator']).toBeUndefined();
    expect(pkg.optionalDependencies['@mj/simulator']).toBe('workspace:*');
  });
});
