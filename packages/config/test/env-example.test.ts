import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig, type Env } from '../src/index';
import { configVariableNames, dotenvEntries, interpolate, readRepoFile, readYaml } from './support/repo-files';

const text = readRepoFile('.env.example');
const lines = text.split('\n');
const entries = dotenvEntries(text);
const documented = new Set(entries.map((e) => e.name));
const configNames = configVariableNames();

/** The comment lines explaining an assignment: the block above it, past sibling assignments. */
function explanationOf(line: number): string {
  let i = line - 1;
  while (i >= 0 && /^#\s*[A-Z][A-Z0-9_]*=/.test(lines[i]!)) i -= 1;
  const block: string[] = [];
  for (; i >= 0 && /^#(?!\s*-{5})/.test(lines[i]!); i -= 1) block.unshift(lines[i]!);
  return block.join('\n');
}

describe('.env.example', () => {
  it('finds the variables in app-config.ts (guards the extraction itself)', () => {
    expect(configNames.length).toBeGreaterThanOrEqual(25);
    expect(configNames).toEqual(
      expect.arrayContaining([
        'PORT',
        'DATABASE_URL',
        'REDIS_URL',
        'JWT_SECRET',
        'ENCRYPTION_KEYS',
        'DEMO',
        'NODE_ENV',
      ]),
    );
  });

  it('documents every variable app-config.ts parses', () => {
    expect(configNames.filter((name) => !documented.has(name))).toEqual([]);
  });

  it("documents the web server's, the runtime's and the test suite's variables too", () => {
    for (const name of [
      'ORIGIN',
      'API_INTERNAL_URL',
      'NODE_EXTRA_CA_CERTS',
      'TEST_DATABASE_URL',
      'TEST_REDIS_URL',
      'CHROMIUM_PATH',
    ]) {
      expect(documented, name).toContain(name);
    }
  });

  it('lists each variable once', () => {
    const names = entries.map((e) => e.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('explains every variable in a comment above it', () => {
    const unexplained = entries.filter((e) => explanationOf(e.line).replace(/[#\s-]/g, '').length < 15);
    expect(unexplained.map((e) => e.name)).toEqual([]);
  });

  it('marks the secrets production mode requires', () => {
    for (const name of ['JWT_SECRET', 'ENCRYPTION_KEYS']) {
      const entry = entries.find((e) => e.name === name)!;
      expect(explanationOf(entry.line), name).toMatch(/\[REQUIRED\]\[production\]/);
    }
  });

  it('leaves active only the values a deployment must fill in, so a copied .env overrides nothing else', () => {
    expect(
      entries
        .filter((e) => e.active)
        .map((e) => e.name)
        .sort(),
    ).toEqual(['ENCRYPTION_KEYS', 'JWT_SECRET', 'POSTGRES_PASSWORD', 'PUBLIC_URL', 'SMTP_URL']);
  });

  it('shows the real default on every commented line (setting it changes nothing)', () => {
    const defaults = entries.filter((e) => !e.active && configNames.includes(e.name));
    expect(defaults.length).toBeGreaterThanOrEqual(configNames.length - 5);
    const production: Env = {
      REDIS_URL: 'redis://redis:6379',
      JWT_SECRET: 'x'.repeat(32),
      ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      SMTP_URL: 'smtp://mail:25',
    };
    for (const base of [{}, production]) {
      const reference = loadConfig(base);
      for (const { name, value } of defaults) {
        if (name in base) continue;
        expect(loadConfig({ ...base, [name]: value }), `${name}=${value}`).toEqual(reference);
      }
    }
  });

  it('documents every variable docker-compose.yml interpolates', () => {
    const compose = readRepoFile('docker-compose.yml');
    const interpolated = [...compose.matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]!);
    expect(interpolated.length).toBeGreaterThan(0);
    expect([...new Set(interpolated)].filter((name) => !documented.has(name))).toEqual([]);
  });
});

describe('.env.example with docker-compose.yml', () => {
  interface Service {
    environment?: Record<string, string>;
  }
  const compose = readYaml<{ services: Record<string, Service> }>('docker-compose.yml');

  /** What the api/worker containers see: .env (filled in), then compose's `environment`, which wins. */
  function containerEnv(service: string, dotenv: Record<string, string>): Env {
    const environment = Object.fromEntries(
      Object.entries(compose.services[service]?.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), dotenv)]),
    );
    return { ...dotenv, ...environment };
  }

  const filledIn = Object.fromEntries(entries.filter((e) => e.active).map((e) => [e.name, e.value]));
  Object.assign(filledIn, {
    JWT_SECRET: randomBytes(48).toString('base64'),
    ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    POSTGRES_PASSWORD: randomBytes(24).toString('hex'),
    SMTP_URL: 'smtps://janitor:secret@mail.example.com:465',
  });

  it('gives api and worker a valid production configuration once the required values are filled in', () => {
    for (const service of ['api', 'worker']) {
      const config = loadConfig(containerEnv(service, filledIn));
      expect(config.mode, service).toBe('production');
      expect(config.storage.database.dialect).toBe('pg');
      expect(config.media.allowPrivateNetwork).toBe(false);
      expect(config.media.demo).toBe(false);
      expect(config.server.trustedProxies).toContain('172.16.0.0/12');
      expect(config.server.publicUrl).toBe(filledIn.PUBLIC_URL);
    }
  });

  it('still blocks private networks when .env asks for them', () => {
    const config = loadConfig(containerEnv('api', { ...filledIn, ALLOW_PRIVATE_NETWORK: 'true' }));
    expect(config.media.allowPrivateNetwork).toBe(false);
  });

  it('refuses to start without the required values, naming them', () => {
    const empty = Object.fromEntries(entries.filter((e) => e.active).map((e) => [e.name, e.value]));
    expect(() => containerEnv('api', empty)).toThrow(/POSTGRES_PASSWORD/);
    expect(() => loadConfig(containerEnv('api', { ...empty, POSTGRES_PASSWORD: 'pw' }))).toThrow(
      /JWT_SECRET: required in production mode[\s\S]*ENCRYPTION_KEYS: required in production mode[\s\S]*SMTP_URL: required/,
    );
  });
});
