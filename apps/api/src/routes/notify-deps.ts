import { createHmac } from 'node:crypto';
import type { NotifyDeps } from '@mj/services';
import type { AppDeps } from '../deps';

/** Notification deps from the app's: the media servers' address policy, the auth mailer. */
export function notifyDeps(deps: AppDeps): NotifyDeps {
  return {
    secrets: deps.secrets,
    allowPrivateNetwork: deps.media.allowPrivateNetwork,
    mailer: deps.auth.mailer,
    publicUrl: deps.config.server.publicUrl,
    // A key of its own, derived so a leaked unsubscribe token says nothing about the JWT secret.
    signingKey: createHmac('sha256', deps.jwtSecret).update('mj-unsubscribe').digest('hex'),
  };
}
