import { defineConfig } from 'vitest/config';

// One vitest run covers every Node package; the web app has its own project (Svelte plugin).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: [
            'packages/*/test/**/*.test.ts',
            'apps/api/test/**/*.test.ts',
            'apps/worker/test/**/*.test.ts',
            'tools/*/test/**/*.test.ts',
            'bench/*/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      'apps/web/vitest.config.ts',
    ],
  },
});
