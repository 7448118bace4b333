import { createHmac } from 'node:crypto';
import type { ChannelType } from '@mj/contracts';
import { GuardedHttpClient, isMediaError } from '@mj/media';
import type { Mailer } from '../auth/mailer';
import { renderEmail, type Lang, type NotificationMessage } from './message';

/** What a channel's sealed secrets hold. */
export interface ChannelSecrets {
  url?: string;
  secret?: string;
  token?: string;
}

export interface SendTarget {
  type: ChannelType;
  secrets: ChannelSecrets;
  /** Email recipients (already resolved: the `to` list or the account's email). */
  to: string[];
}

export interface SendDeps {
  allowPrivateNetwork: boolean;
  mailer: Mailer;
  lang: Lang;
  /** Builds the signed unsubscribe link of one email address (null: a mail without one). */
  unsubscribeUrl: (address: string) => string | null;
  timeoutMs?: number;
}

export class SendError extends Error {
  constructor(
    message: string,
    /** False for errors a retry cannot fix (a 4xx other than 408/429). */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** HMAC-SHA256 of the exact body bytes, as `sha256=<hex>` (the webhook signature of RULES §10). */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

interface Outgoing {
  url: string;
  headers: Record<string, string>;
  body: string;
}

function gotifyUrl(base: string, token: string | undefined): string {
  const url = new URL(base);
  if (!/\/message\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/+$/, '')}/message`;
  if (token) url.searchParams.set('token', token);
  return url.toString();
}

/** The HTTP request each chat/webhook type expects. */
export function outgoingRequest(target: SendTarget, message: NotificationMessage): Outgoing {
  const url = target.secrets.url ?? '';
  const json = { 'content-type': 'application/json' };
  switch (target.type) {
    case 'discord':
      return { url, headers: json, body: JSON.stringify({ content: `**${message.title}**\n${message.text}` }) };
    case 'slack':
      return { url, headers: json, body: JSON.stringify({ text: `*${message.title}*\n${message.text}` }) };
    case 'ntfy': {
      const headers: Record<string, string> = {
        'content-type': 'text/plain; charset=utf-8',
        title: encodeTitle(message.title),
      };
      if (target.secrets.token) headers.authorization = `Bearer ${target.secrets.token}`;
      return { url, headers, body: message.text };
    }
    case 'gotify':
      return {
        url: gotifyUrl(url, target.secrets.token),
        headers: json,
        body: JSON.stringify({ title: message.title, message: message.text, priority: 5 }),
      };
    case 'webhook': {
      const body = JSON.stringify({
        event: message.event,
        title: message.title,
        text: message.text,
        data: message.data,
      });
      const headers: Record<string, string> = { ...json };
      if (target.secrets.secret) headers['x-mediajanitor-signature'] = signBody(target.secrets.secret, body);
      return { url, headers, body };
    }
    case 'email':
      throw new Error('email is not sent over HTTP');
  }
}

// HTTP header values must be Latin-1: ntfy accepts RFC 2047 encoded words for the rest.
function encodeTitle(title: string): string {
  return /^[\x20-\x7e]*$/.test(title) ? title : `=?UTF-8?B?${Buffer.from(title, 'utf8').toString('base64')}?=`;
}

/** Sends one message to one channel; throws `SendError` with a message fit for the deliveries list. */
export async function sendToChannel(target: SendTarget, message: NotificationMessage, deps: SendDeps): Promise<void> {
  if (target.type === 'email') {
    if (target.to.length === 0) throw new SendError('No email address to send to', false);
    for (const to of target.to) {
      const link = deps.unsubscribeUrl(to);
      const mail = renderEmail(message, deps.lang, link);
      try {
        await deps.mailer.send({ to, ...mail, ...(link ? { headers: { 'List-Unsubscribe': `<${link}>` } } : {}) });
      } catch (error) {
        throw new SendError(`SMTP: ${(error as Error).message}`, true);
      }
    }
    return;
  }
  const out = outgoingRequest(target, message);
  const client = new GuardedHttpClient({
    allowPrivateNetwork: deps.allowPrivateNetwork,
    timeoutMs: deps.timeoutMs ?? 10_000,
    maxResponseBytes: 1024 * 1024,
    maxRedirects: 0,
    serverLabel: 'The notification target',
  });
  try {
    const res = await client.request({ url: out.url, method: 'POST', headers: out.headers, body: out.body });
    if (res.status >= 200 && res.status < 300) return;
    const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
    throw new SendError(`HTTP ${res.status}`, retryable);
  } catch (error) {
    if (error instanceof SendError) throw error;
    if (isMediaError(error)) throw new SendError(error.message, error.code !== 'blocked_address');
    throw new SendError((error as Error).message, true);
  } finally {
    await client.close();
  }
}
