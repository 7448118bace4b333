import { env } from '$env/dynamic/private';
import { parseWebConfig, type WebConfig } from './config';

let cached: WebConfig | undefined;

/** The web server's configuration, read from the environment once. */
export function webConfig(): WebConfig {
  cached ??= parseWebConfig(env);
  return cached;
}
