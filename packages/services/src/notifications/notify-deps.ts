import { createHmac } from 'node:crypto';
import type { Mailer } from '../auth/mailer';
import type { SecretBox } from '../crypto/secret-box';
import type { NotifyDeps } from './channels';

/**
 * The notification deps, built the same way by the API (routes, embedded tick) and the BullMQ worker:
 * the media servers' address policy, the mailer, the public URL and the unsubscribe signing key.
 */
export function buildNotifyDeps(input: {
  secrets: SecretBox;
  allowPrivateNetwork: boolean;
  mailer: Mailer;
  publicUrl: string;
  jwtSecret: string;
}): NotifyDeps {
  return {
    secrets: input.secrets,
    allowPrivateNetwork: input.allowPrivateNetwork,
    mailer: input.mailer,
    publicUrl: input.publicUrl,
    // A key of its own, derived so a leaked unsubscribe token says nothing about the JWT secret.
    signingKey: createHmac('sha256', input.jwtSecret).update('mj-unsubscribe').digest('hex'),
  };
}
