import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

// Issue 15: "no clipped text or overflow" as a check rather than a look at 80 screenshots. Used by
// `pnpm screenshots` on every capture and by the a11y journey at 375 px, so CI guards it too.
//
// What counts as a problem, found in the page in one pass:
// - the document is wider than the viewport (the phone scrolls sideways), naming the widest culprits;
// - text cut by its box: an element with its own text whose content is wider (or taller) than its box
//   while its overflow hides or clips it, and no ellipsis says so on purpose;
// - text spilling out of its box: the same, with visible overflow (a long word in a narrow button).
// - a strip that scrolls sideways (tabs, a navigation bar): what is past its edge is out of sight.
// Scroll containers of tables and code scroll on purpose, so what is inside them is not overflow; visually-hidden text (1 px boxes, `clip`) is hidden on purpose.

/** Tolerance for sub-pixel rounding, in CSS pixels. */
const SLACK = 1;

/** The check's source, a function of the sub-pixel slack (see layout-check.browser.js). */
const IN_PAGE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'layout-check.browser.js'), 'utf8')
  .trim()
  .replace(/;$/, '');

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(`(${IN_PAGE})(${SLACK})`) as Promise<string[]>;
}
