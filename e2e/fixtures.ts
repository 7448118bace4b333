import { test as base, expect } from '@playwright/test';
import { mailsFor, type CapturedMail } from './support/mailbox';

interface Fixtures {
  /** Waits for the next mail to `recipient` beyond the `already` first ones. */
  nextMail: (recipient: string, already?: number) => Promise<CapturedMail>;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through e2e/playwright.config.ts (global setup)`);
  return value;
}

export const test = base.extend<Fixtures>({
  // The app's port is chosen by the global setup, after the config was read.
  // Playwright requires an object pattern for fixture arguments, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(env('E2E_BASE_URL'));
  },
  // eslint-disable-next-line no-empty-pattern
  nextMail: async ({}, use) => {
    const dir = env('E2E_MAIL_DIR');
    await use(async (recipient, already = 0) => {
      let mails: CapturedMail[] = [];
      await expect
        .poll(async () => (mails = await mailsFor(dir, recipient)).length, {
          message: `a mail to ${recipient}`,
          timeout: 15_000,
        })
        .toBeGreaterThan(already);
      return mails[already]!;
    });
  },
});

export { expect };
