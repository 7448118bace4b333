/** Theme override stored in a cookie; `system` follows prefers-color-scheme. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = 'mj_theme';

export function parseTheme(value: string | undefined | null): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

/**
 * Where to send the user after a form elsewhere (login `next`, preference changes): only a path on this
 * origin. `//evil.example` and `/\evil.example` are protocol-relative in browsers, so they are refused.
 */
export function safeRedirectPath(candidate: string | null | undefined, fallback: string): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return fallback;
  }
  if (/\p{Cc}/u.test(candidate)) return fallback;
  return candidate;
}
