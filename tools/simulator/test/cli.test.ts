import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const simDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('CLI', () => {
  it('prints the URLs and keys, writes --truth relative to INIT_CWD, stops on SIGTERM', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli.ts',
        '--scale',
        'demo',
        '--seed',
        '3',
        '--now',
        '2026-01-15T12:00:00Z',
        '--truth',
        'truth.json',
      ],
      { cwd: simDir, env: { ...process.env, INIT_CWD: cwd }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const started = await new Promise<any>((resolve, reject) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          if (line.startsWith('{')) resolve(JSON.parse(line));
        });
        child.once('exit', () => reject(new Error('CLI exited before starting')));
      });
      expect(started.jellyfin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(started.jellyfin.apiKey).toMatch(/^[0-9a-f]{32}$/);
      expect(started.now).toBe('2026-01-15T12:00:00.000Z');
      const truth = JSON.parse(readFileSync(join(cwd, 'truth.json'), 'utf8'));
      expect(truth.counts.movies).toBe(60);
      expect(truth.now).toBe('2026-01-15T12:00:00.000Z');
      const info = await fetch(`${started.jellyfin.url}/System/Info/Public`);
      expect(info.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
