import type { NotificationEvent } from '@mj/contracts';

/** One notification, rendered per channel type by the senders. */
export interface NotificationMessage {
  event: NotificationEvent | 'test';
  title: string;
  /** Plain text (also the body of chat messages). */
  text: string;
  /** Structured data for the JSON webhook. */
  data: Record<string, unknown>;
}

/**
 * The built-in pseudo-channel of requester mails (owner setting `notifyRequesters`): their delivery rows
 * carry it as channel id and the address in the payload, so the same claim/retry/dead-letter path sends
 * them and the deliveries list shows them.
 */
export const REQUESTERS_CHANNEL = 'requesters';

export type Lang = 'en' | 'fr';

/** The tenant's language for messages: French when its title language is French, else English. */
export function languageOf(titleLanguage: string): Lang {
  return titleLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function sampleMessage(lang: Lang): NotificationMessage {
  return lang === 'fr'
    ? {
        event: 'test',
        title: 'Media Janitor : message de test',
        text: 'Ce canal fonctionne : Media Janitor pourra vous prévenir ici.',
        data: { sample: true },
      }
    : {
        event: 'test',
        title: 'Media Janitor: test message',
        text: 'This channel works: Media Janitor can reach you here.',
        data: { sample: true },
      };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The HTML and text parts of a notification email, with its unsubscribe link. */
export function renderEmail(message: NotificationMessage, lang: Lang, unsubscribeUrl: string | null) {
  const unsubscribe = lang === 'fr' ? 'Se désabonner' : 'Unsubscribe';
  const text = unsubscribeUrl ? `${message.text}\n\n${unsubscribe}: ${unsubscribeUrl}\n` : `${message.text}\n`;
  const html =
    `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif">` +
    `<h1 style="font-size:18px">${escapeHtml(message.title)}</h1>` +
    message.text
      .split('\n')
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('') +
    (unsubscribeUrl ? `<p style="font-size:12px"><a href="${escapeHtml(unsubscribeUrl)}">${unsubscribe}</a></p>` : '') +
    '</body></html>';
  return { subject: message.title, text, html };
}
