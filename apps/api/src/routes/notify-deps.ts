import { buildNotifyDeps, type NotifyDeps } from '@mj/services';
import type { AppDeps } from '../deps';

/** Notification deps from the app's: the media servers' address policy, the auth mailer. */
export function notifyDeps(deps: AppDeps): NotifyDeps {
  return buildNotifyDeps({
    secrets: deps.secrets,
    allowPrivateNetwork: deps.media.allowPrivateNetwork,
    mailer: deps.auth.mailer,
    publicUrl: deps.config.server.publicUrl,
    jwtSecret: deps.jwtSecret,
  });
}
