import { describe, expect, it } from 'vitest';
import { readRepoFile, readYaml } from './support/repo-files';

// The toolchain is pinned in several places (package.json, Dockerfile, CI); these tests keep them equal.
const pnpmVersion = (JSON.parse(readRepoFile('package.json')) as { packageManager: string }).packageManager.replace(
  /^pnpm@/,
  '',
);
const pnpmPins = (text: string) => [...text.matchAll(/pnpm@(\d+\.\d+\.\d+)/g)].map((m) => m[1]);

describe('deploy/Dockerfile', () => {
  const dockerfile = readRepoFile('deploy/Dockerfile');
  const installScript = readRepoFile('deploy/pnpm-install.sh');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1)!;

  it('builds on node:20-bookworm-slim with the pinned pnpm', () => {
    expect(pnpmVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(stages.every((stage) => stage.startsWith('${NODE_IMAGE}') || /^(toolchain|build|prod) /.test(stage))).toBe(
      true,
    );
    expect(pnpmPins(dockerfile)).toEqual([pnpmVersion]);
  });

  it('installs the compiler better-sqlite3 needs, and from the lockfile only', () => {
    expect(dockerfile).toMatch(/apt-get install -y --no-install-recommends python3 make g\+\+/);
    expect(installScript).toMatch(/pnpm install --frozen-lockfile --offline/);
    expect(dockerfile).toMatch(/pnpm --filter @mj\/web build/);
  });

  it('ships a final stage without the toolchain, running as a non-root user with a health check', () => {
    expect(runtime.startsWith('${NODE_IMAGE} AS runtime')).toBe(true);
    expect(runtime).not.toMatch(/apt-get|g\+\+|pnpm install/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*deploy\/healthcheck\.mjs/m);
    // Compiled JavaScript, no TypeScript loader at run time (ADR 0006).
    expect(runtime).toMatch(/^CMD \["node", "--enable-source-maps", "apps\/api\/dist\/main\.js"\]$/m);
    expect(runtime).not.toMatch(/tsx/);
  });

  it('keeps host artifacts and secrets out of the build context', () => {
    const ignored = readRepoFile('.dockerignore').split('\n');
    for (const entry of ['**/node_modules', '**/build', '.env', '.git']) expect(ignored).toContain(entry);
    expect(ignored).not.toContain('deploy');
  });
});

describe('.github/workflows', () => {
  interface Step {
    run?: string;
    uses?: string;
    with?: Record<string, string>;
  }
  interface Job {
    container?: { image: string };
    services?: Record<string, { image: string }>;
    steps: Step[];
  }
  const ci = readYaml<{ jobs: Record<string, Job> }>('.github/workflows/ci.yml');
  const image = readYaml<{ on: Record<string, unknown>; jobs: Record<string, Job> }>('.github/workflows/image.yml');

  it('CI mirrors .ci/run: Node 20, PostgreSQL 15, Redis 7, Chromium, pinned pnpm, frozen install, pnpm test', () => {
    const job = ci.jobs.test!;
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    expect(job.container?.image).toMatch(/^node:20(-|$)/);
    expect(job.services?.postgres?.image).toBe('postgres:15');
    expect(job.services?.redis?.image).toBe('redis:7');
    expect(runs).toMatch(/apt-get install -y -qq chromium/);
    expect(pnpmPins(runs)).toEqual([pnpmVersion]);
    expect(pnpmPins(readRepoFile('.ci/run'))).toContain(pnpmVersion);
    const install = runs.indexOf('pnpm install --frozen-lockfile');
    expect(install).toBeGreaterThan(-1);
    expect(runs.indexOf('pnpm test', install)).toBeGreaterThan(install);
  });

  it('builds the image from deploy/Dockerfile and pushes only for tags', () => {
    const build = image.jobs.image!.steps.find((s) => s.uses?.startsWith('docker/build-push-action@'));
    expect(build?.with?.file).toBe('deploy/Dockerfile');
    expect(build?.with?.push).toBe("${{ startsWith(github.ref, 'refs/tags/') }}");
    expect(image.on).toHaveProperty('push.tags');
  });
});
