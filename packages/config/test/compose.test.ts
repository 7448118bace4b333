import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRepoFile, readYaml, repoPath } from './support/repo-files';

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  container_name?: string;
  ports?: string[];
  restart?: string;
  env_file?: string | string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  deploy?: { resources?: { limits?: { cpus?: string; memory?: string } } };
}
const compose = readYaml<{ services: Record<string, Service>; volumes: Record<string, unknown> }>('docker-compose.yml');
const services = compose.services;
const service = (name: string) => services[name]!;
const appServices = ['api', 'worker', 'web'];

describe('docker-compose.yml', () => {
  it('defines exactly the production services', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'proxy', 'redis', 'web', 'worker']);
  });

  it.each(Object.keys(services))('%s restarts unless stopped, has a health check and resource limits', (name) => {
    const s = service(name);
    expect(s.restart).toBe('unless-stopped');
    expect(s.healthcheck?.test?.length).toBeGreaterThan(1);
    expect(['CMD', 'CMD-SHELL']).toContain(s.healthcheck?.test[0]);
    expect(s.deploy?.resources?.limits?.cpus).toBeTruthy();
    expect(s.deploy?.resources?.limits?.memory).toMatch(/^\d+[mg]$/);
  });

  it('publishes ports from the proxy only', () => {
    const publishing = Object.entries(services).filter(([, s]) => s.ports?.length);
    expect(publishing.map(([name]) => name)).toEqual(['proxy']);
  });

  it('keeps the worker scalable: no container_name, no ports', () => {
    expect(service('worker').container_name).toBeUndefined();
    expect(service('worker').ports).toBeUndefined();
    expect(service('worker').command).toEqual([
      'node',
      '--max-old-space-size=160',
      '--max-semi-space-size=8',
      '--enable-source-maps',
      'apps/worker/dist/main.js',
    ]);
  });

  it('waits for healthy dependencies', () => {
    const needs = (name: string) =>
      Object.entries(service(name).depends_on ?? {})
        .map(([dep, { condition }]) => `${dep}:${condition}`)
        .sort();
    expect(needs('api')).toEqual(['postgres:service_healthy', 'redis:service_healthy']);
    expect(needs('worker')).toEqual(['postgres:service_healthy', 'redis:service_healthy']);
    expect(needs('web')).toEqual(['api:service_healthy']);
    expect(needs('proxy')).toEqual(['api:service_healthy', 'web:service_healthy']);
  });

  it('runs PostgreSQL 15 on a volume, checked with pg_isready', () => {
    const pg = service('postgres');
    expect(pg.image).toBe('postgres:15');
    expect(pg.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(pg.healthcheck?.test.join(' ')).toMatch(/pg_isready/);
    expect(compose.volumes).toHaveProperty('postgres-data');
  });

  it('runs Redis 7 with noeviction and AOF persistence on a volume', () => {
    const redis = service('redis');
    const args = redis.command ?? [];
    expect(redis.image).toBe('redis:7');
    expect(args[args.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
    expect(args[args.indexOf('--appendonly') + 1]).toBe('yes');
    expect(redis.volumes).toContain('redis-data:/data');
    expect(compose.volumes).toHaveProperty('redis-data');
  });

  it('runs api, worker and web from the one image built by deploy/Dockerfile', () => {
    const images = new Set(appServices.map((name) => service(name).image));
    expect(images.size).toBe(1);
    for (const name of appServices)
      expect(service(name).build).toEqual({ context: '.', dockerfile: 'deploy/Dockerfile' });
    expect(existsSync(repoPath('deploy/Dockerfile'))).toBe(true);
    // Compiled JavaScript, no TypeScript loader at run time (docs/adr/0006-compiled-runtime.md).
    expect(service('api').command).toEqual(['node', '--enable-source-maps', 'apps/api/dist/main.js']);
    expect(existsSync(repoPath('scripts/build-server.mjs'))).toBe(true);
    expect(service('web').command).toEqual(['node', 'apps/web/build']);
  });

  it('checks app health with the bundled script, the API through its readiness route', () => {
    for (const name of appServices)
      expect(service(name).healthcheck?.test.slice(0, 3)).toEqual(['CMD', 'node', 'deploy/healthcheck.mjs']);
    expect(service('api').healthcheck?.test[3]).toBe('http://127.0.0.1:3000/api/ready');
    expect(existsSync(repoPath('deploy/healthcheck.mjs'))).toBe(true);
  });

  it.each(['api', 'worker'])('%s reads .env, runs in production mode and never reaches private networks', (name) => {
    const s = service(name);
    expect(s.env_file).toBe('.env');
    expect(s.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(s.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
    expect(s.environment?.ALLOW_PRIVATE_NETWORK).toBe('false');
    expect(s.environment?.DEMO).not.toBe('true');
  });

  it('gives the web server its origin and the internal API address, but no secrets', () => {
    const web = service('web');
    expect(web.env_file).toBeUndefined();
    expect(web.environment?.API_INTERNAL_URL).toBe('http://api:3000');
    expect(web.environment?.ORIGIN).toMatch(/^\$\{PUBLIC_URL[:}]/);
    expect(Object.keys(web.environment ?? {}).filter((k) => /SECRET|KEY|PASSWORD/.test(k))).toEqual([]);
  });

  it('mounts the Caddyfile from deploy/', () => {
    expect(service('proxy').volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(existsSync(repoPath('deploy/Caddyfile'))).toBe(true);
  });
});

describe('deploy/Caddyfile', () => {
  const caddyfile = readRepoFile('deploy/Caddyfile')
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n');

  it('serves one origin: /api and /api/* to the API, everything else to the web server', () => {
    expect(caddyfile).toMatch(/@api path \/api \/api\/\*/);
    expect(caddyfile).toMatch(/handle @api \{\s*reverse_proxy api:3000\s*\}/);
    expect(caddyfile).toMatch(/handle \{\s*reverse_proxy web:3000\s*\}/);
    expect(caddyfile.match(/reverse_proxy/g)).toHaveLength(2);
  });

  it('takes its site address from the environment compose sets', () => {
    expect(caddyfile).toMatch(/^\{\$SITE_ADDRESS\} \{/m);
    expect(service('proxy').environment?.SITE_ADDRESS).toBe('${SITE_ADDRESS:-:80}');
  });
});
