import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test } from '../fixtures';
import { freePort, startApp, type AppProcess } from './app-server';
import { signUpInBrowser } from './new-tenant';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

export interface EmbeddedDemo {
  /** Signed up, on the onboarding. */
  page: Page;
  /** Closes the browser context, stops the app and removes its data (kept with E2E_KEEP_TMP). */
  close: () => Promise<void>;
}

/**
 * The shared e2e app runs with DEMO=false; journeys through the bundled demo servers start their own
 * embedded instance (same build, fresh data directory) and a browser context with the given locale and
 * time zone, then sign up a new account in it.
 */
export async function startEmbeddedDemo(
  browser: Browser,
  opts: { name: string; locale: string; timezoneId: string },
): Promise<EmbeddedDemo> {
  const workDir = await mkdtemp(join(tmpdir(), `mj-e2e-${opts.name}-`));
  let app: AppProcess | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await app?.stop();
    if (!process.env.E2E_KEEP_TMP) await rm(workDir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    app = await startApp({
      repoRoot,
      url,
      logFile: join(workDir, 'app.log'),
      timeoutMs: 120_000,
      env: { PORT: String(port), DATA_DIR: join(workDir, 'data'), DEMO: 'true', PUBLIC_URL: url, ORIGIN: url },
    });
    context = await browser.newContext({ baseURL: url, locale: opts.locale, timezoneId: opts.timezoneId });
    const page = await context.newPage();
    await signUpInBrowser(page, {
      email: `${opts.name}-${Date.now()}@example.test`,
      password: `${opts.name}-password-123`,
    });
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A serial spec on its own embedded demo: started before its first test (the first start may build the
 * app), stopped after its last. `onPage` receives the signed-up page the tests share.
 */
export function useEmbeddedDemo(opts: Parameters<typeof startEmbeddedDemo>[1], onPage: (page: Page) => void): void {
  let demo: EmbeddedDemo | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(150_000);
    demo = await startEmbeddedDemo(browser, opts);
    onPage(demo.page);
  });
  test.afterAll(async () => {
    await demo?.close();
  });
}
