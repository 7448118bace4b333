import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startApp } from './support/app-server';
import { startMailCatcher } from './support/mailbox';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Starts a mail catcher and the whole app on free ports with a fresh data directory. Tests find them
 * through E2E_BASE_URL and E2E_MAIL_DIR (Playwright passes the setup's env changes to the workers).
 * Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(join(tmpdir(), 'mj-e2e-'));
  const mailDir = join(workDir, 'mail');
  const mail = await startMailCatcher(mailDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(workDir, 'app.log');

  let app;
  try {
    app = await startApp({
      repoRoot,
      url,
      logFile,
      timeoutMs: 120_000,
      env: {
        PORT: String(port),
        DATA_DIR: join(workDir, 'data'),
        SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
        DEMO: 'false',
        PUBLIC_URL: url,
        // adapter-node derives the request origin from ORIGIN (else it assumes https), and SvelteKit
        // rejects form posts whose Origin differs from it.
        ORIGIN: url,
      },
    });
  } catch (error) {
    await mail.close();
    throw error;
  }

  process.env.E2E_BASE_URL = url;
  process.env.E2E_MAIL_DIR = mailDir;
  // For journeys that must seed what only time produces (yesterday's space-history point).
  process.env.E2E_DATA_DIR = join(workDir, 'data');
  console.log(`e2e: app at ${url}, log ${logFile}`);

  return async () => {
    await app.stop();
    await mail.close();
    if (!process.env.E2E_KEEP_TMP) await rm(workDir, { recursive: true, force: true });
  };
}
