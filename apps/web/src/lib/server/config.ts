export interface WebConfig {
  /** Where server-side code reaches the API: never the public URL, which may loop through a proxy. */
  apiInternalUrl: string;
  /** Cookies get `Secure` when the public site is served over https. */
  secureCookies: boolean;
}

export type EnvSource = Record<string, string | undefined>;

/** Pure so it can be tested; `env.ts` is the only module that feeds it the real environment. */
export function parseWebConfig(env: EnvSource): WebConfig {
  const port = env.PORT?.trim() || '3000';
  const apiInternalUrl = (env.API_INTERNAL_URL?.trim() || `http://127.0.0.1:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/i.test(apiInternalUrl) || !URL.canParse(apiInternalUrl)) {
    throw new Error(`API_INTERNAL_URL must be an absolute http(s) URL, got "${apiInternalUrl}"`);
  }
  const publicUrl = env.PUBLIC_URL?.trim() || env.ORIGIN?.trim() || '';
  return { apiInternalUrl, secureCookies: publicUrl.toLowerCase().startsWith('https:') };
}
