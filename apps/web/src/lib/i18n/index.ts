import { en, type MessageKey } from './en';
import { fr } from './fr';

export type { MessageKey } from './en';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
/** Cookie holding an explicit language choice; it wins over Accept-Language. */
export const LOCALE_COOKIE = 'mj_lang';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, fr };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Looks a key up in the locale's dictionary and fills `{name}` placeholders; unknown placeholders stay visible. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = dictionaries[locale][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/**
 * The cookie (an explicit choice) wins; otherwise the first supported language of Accept-Language by
 * quality, matching on the primary subtag so `fr-CA` picks French.
 */
export function negotiateLocale(cookieValue: string | undefined | null, acceptLanguage: string | null): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        primary: tag.trim().toLowerCase().split('-')[0] ?? '',
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    if (isLocale(entry.primary)) return entry.primary;
  }
  return DEFAULT_LOCALE;
}

/** Turns an English message from the API into a translated sentence: the first pattern that matches. */
export type MessagePattern = readonly [RegExp, MessageKey, (match: RegExpMatchArray) => MessageParams];

/** The translation of the first matching pattern, or the message as sent when none matches. */
export function translateByPattern(message: string, patterns: readonly MessagePattern[], t: Translate): string {
  for (const [pattern, key, params] of patterns) {
    const match = message.match(pattern);
    if (match) return t(key, params(match));
  }
  return message;
}
