import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repoRoot, type Env } from '../src/index';

const key = () => randomBytes(32).toString('base64');
const JWT = 'x'.repeat(32);
const production = (extra: Env = {}): Env => ({
  REDIS_URL: 'redis://redis:6379',
  JWT_SECRET: JWT,
  ENCRYPTION_KEYS: `k1:${key()}`,
  SMTP_URL: 'smtp://mail:25',
  ...extra,
});

/** The problems a bad environment reports, one string per variable. */
function problemsOf(env: Env): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected loadConfig to reject this environment');
}

describe('loadConfig defaults', () => {
  const config = loadConfig({});

  it('runs embedded on port 3000 with SQLite under data/', () => {
    expect(config.mode).toBe('embedded');
    expect(config.embedded).toBe(true);
    expect(config.server).toEqual({
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3000',
      apiInternalUrl: 'http://127.0.0.1:3000',
      logLevel: 'info',
      trustedProxies: [],
      metricsToken: undefined,
    });
    expect(config.storage.dataDir).toBe(join(repoRoot, 'data'));
    expect(config.storage.database).toEqual({ dialect: 'sqlite', file: join(repoRoot, 'data', 'media-janitor.db') });
    expect(config.storage.redisUrl).toBeUndefined();
    expect(config.nodeEnv).toBe('development');
  });

  it('parses ADMIN_EMAILS as a trimmed, lower-cased list', () => {
    expect(loadConfig({ ADMIN_EMAILS: ' Ops@Example.com, b@x.io ,' }).auth.adminEmails).toEqual([
      'ops@example.com',
      'b@x.io',
    ]);
  });

  it('has the documented auth, mail, media and worker defaults', () => {
    expect(config.auth).toEqual({
      jwtSecret: undefined,
      accessTokenTtlSeconds: 900,
      refreshTokenTtlDays: 30,
      signupsEnabled: true,
      adminEmails: [],
      bcryptCost: 12,
      rateLimits: {
        loginPerMinute: 20,
        registerPerMinute: 30,
        resetPerMinute: 10,
        authPerIpPerMinute: 20,
        syncPerMinute: 6,
      },
    });
    expect(config.crypto.encryptionKeys).toBeUndefined();
    expect(config.mail).toEqual({ smtpUrl: undefined, from: 'Media Janitor <no-reply@localhost>' });
    expect(config.media).toEqual({ concurrency: 4, allowPrivateNetwork: true, timeoutMs: 15000, demo: true });
    expect(config.worker).toEqual({
      concurrency: 2,
      staleAfterMs: 60_000,
      scheduleJitterMinutes: 30,
      queuePrefix: 'mj',
    });
  });

  it('treats an empty value as unset', () => {
    const blank = loadConfig({ PORT: '', LOG_LEVEL: '', DATA_DIR: '', SIGNUPS_ENABLED: '', ALLOW_PRIVATE_NETWORK: '' });
    expect(blank).toEqual(config);
  });

  it('derives the public and internal URLs from PORT and strips trailing slashes', () => {
    const onPort = loadConfig({ PORT: '8080' });
    expect(onPort.server.publicUrl).toBe('http://localhost:8080');
    expect(onPort.server.apiInternalUrl).toBe('http://127.0.0.1:8080');
    const explicit = loadConfig({ PUBLIC_URL: 'https://janitor.example.com//', API_INTERNAL_URL: 'http://api:3000/' });
    expect(explicit.server.publicUrl).toBe('https://janitor.example.com');
    expect(explicit.server.apiInternalUrl).toBe('http://api:3000');
  });

  it('reads boolean flags in their true/false, 1/0 and yes/no forms', () => {
    for (const off of ['false', '0', 'no'])
      expect(loadConfig({ SIGNUPS_ENABLED: off }).auth.signupsEnabled).toBe(false);
    for (const on of ['true', '1', 'yes']) expect(loadConfig({ DEMO: on }).media.demo).toBe(true);
  });

  it('reads TRUSTED_PROXIES as a list of addresses and CIDR ranges, and names the old TRUST_PROXY', () => {
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.0/8, 192.168.1.2 ,::1' }).server.trustedProxies).toEqual([
      '10.0.0.0/8',
      '192.168.1.2',
      '::1',
    ]);
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0.1/8/2'])
      expect(problemsOf({ TRUSTED_PROXIES: bad })[0]).toMatch(/^TRUSTED_PROXIES: /);
    expect(problemsOf({ TRUST_PROXY: 'true' })).toEqual([
      'TRUST_PROXY: was replaced by TRUSTED_PROXIES: list the addresses of your reverse proxies',
    ]);
  });

  it('converts SYNC_STALE_AFTER_SECONDS to milliseconds', () => {
    expect(loadConfig({ SYNC_STALE_AFTER_SECONDS: '90' }).worker.staleAfterMs).toBe(90_000);
  });
});

describe('loadConfig modes', () => {
  it('switches to production mode when REDIS_URL is set', () => {
    const config = loadConfig(production());
    expect(config.mode).toBe('production');
    expect(config.embedded).toBe(false);
    expect(config.storage.redisUrl).toBe('redis://redis:6379');
  });

  it('requires JWT_SECRET and ENCRYPTION_KEYS in production mode, naming both', () => {
    const problems = problemsOf({ REDIS_URL: 'redis://redis:6379' });
    expect(problems).toEqual([
      'JWT_SECRET: required in production mode (REDIS_URL set)',
      'ENCRYPTION_KEYS: required in production mode (REDIS_URL set)',
      'SMTP_URL: required in production mode (REDIS_URL set): password reset links are sent by mail',
    ]);
  });

  it('does not require secrets in embedded mode (they are generated into DATA_DIR)', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@db/mj' })).not.toThrow();
  });

  it('blocks private networks by default in production and allows them by default when embedded', () => {
    expect(loadConfig(production()).media.allowPrivateNetwork).toBe(false);
    expect(loadConfig(production({ ALLOW_PRIVATE_NETWORK: 'true' })).media.allowPrivateNetwork).toBe(true);
    expect(loadConfig({ ALLOW_PRIVATE_NETWORK: 'false' }).media.allowPrivateNetwork).toBe(false);
  });

  it('never enables the demo server in production, even with DEMO=true', () => {
    expect(loadConfig(production({ DEMO: 'true' })).media.demo).toBe(false);
    expect(loadConfig({ DEMO: 'false' }).media.demo).toBe(false);
  });
});

describe('loadConfig storage', () => {
  it('selects PostgreSQL for postgres:// and postgresql:// URLs', () => {
    for (const url of ['postgres://u:p@db:5432/mj', 'postgresql://u@db/mj']) {
      expect(loadConfig({ DATABASE_URL: url }).storage.database).toEqual({ dialect: 'pg', url });
    }
  });

  it('resolves SQLite paths and file: URLs from the repository root', () => {
    expect(loadConfig({ DATABASE_URL: 'file:var/app.db' }).storage.database).toEqual({
      dialect: 'sqlite',
      file: join(repoRoot, 'var', 'app.db'),
    });
    expect(loadConfig({ DATABASE_URL: '/srv/mj.db' }).storage.database).toEqual({
      dialect: 'sqlite',
      file: '/srv/mj.db',
    });
  });

  it('puts the default SQLite file inside DATA_DIR', () => {
    const config = loadConfig({ DATA_DIR: '/srv/janitor' });
    expect(config.storage.dataDir).toBe('/srv/janitor');
    expect(config.storage.database).toEqual({ dialect: 'sqlite', file: '/srv/janitor/media-janitor.db' });
  });

  it('resolves a relative DATA_DIR from the repository root, not from the working directory', () => {
    expect(existsSync(join(repoRoot, 'pnpm-workspace.yaml'))).toBe(true);
    const cwd = process.cwd();
    process.chdir(tmpdir());
    try {
      expect(loadConfig({ DATA_DIR: 'state/mj' }).storage.dataDir).toBe(join(repoRoot, 'state', 'mj'));
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('ENCRYPTION_KEYS', () => {
  it('keeps the keys in order (the first encrypts), decoded, with surrounding spaces ignored', () => {
    const [a, b] = [key(), key()];
    const keys = loadConfig({ ENCRYPTION_KEYS: `2025:${a} , old:${b}` }).crypto.encryptionKeys;
    expect(keys).toEqual([
      { id: '2025', key: Buffer.from(a, 'base64') },
      { id: 'old', key: Buffer.from(b, 'base64') },
    ]);
    expect(keys?.[0]?.key).toHaveLength(32);
  });

  it.each([
    ['a key of the wrong length', `k1:${randomBytes(16).toString('base64')}`],
    ['a pair without an id', `:${randomBytes(32).toString('base64')}`],
    ['a pair without a key', 'k1'],
    ['one bad pair among good ones', `k1:${randomBytes(32).toString('base64')},k2:short`],
  ])('rejects %s, naming the variable', (_label, value) => {
    const problems = problemsOf({ ENCRYPTION_KEYS: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^ENCRYPTION_KEYS: .*32 bytes/);
  });
});

describe('loadConfig bad values', () => {
  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'janitor.example.com'],
    ['LOG_LEVEL', 'loud'],
    ['TRUSTED_PROXIES', 'maybe'],
    ['METRICS_TOKEN', 'short'],
    ['DATABASE_URL', 'mysql://db/mj'],
    ['REDIS_URL', 'http://redis:6379'],
    ['JWT_SECRET', 'too-short'],
    ['BCRYPT_COST', '3'],
    ['ACCESS_TOKEN_TTL_SECONDS', '0'],
    ['SMTP_URL', 'http://mail'],
    ['MEDIA_CONCURRENCY', '33'],
    ['MEDIA_TIMEOUT_MS', '-1'],
    ['WORKER_CONCURRENCY', '0'],
    ['SCHEDULE_JITTER_MINUTES', '181'],
  ])('%s=%s is rejected with a message naming the variable', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
  });

  it('reports every bad variable at once, in one error', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', WORKER_CONCURRENCY: '0' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT', 'WORKER_CONCURRENCY']);
  });

  it('reports bad values and missing production secrets together', () => {
    const problems = problemsOf({ REDIS_URL: 'redis://redis', JWT_SECRET: 'short' });
    expect(problems).toContain('JWT_SECRET: must be at least 32 characters');
    expect(problems).toContain('ENCRYPTION_KEYS: required in production mode (REDIS_URL set)');
  });
});
