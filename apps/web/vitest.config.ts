import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests cover the framework-free modules (i18n, error mapping, cookies), so they run in plain Node
// with only the `$lib` alias; no Svelte or SvelteKit plugin is needed.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) },
  },
  test: {
    name: 'web',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
