import { describe, expect, it } from 'vitest';
import { en } from '$lib/i18n/en';
import { fr } from '$lib/i18n/fr';
import { negotiateLocale, translate, translator } from '$lib/i18n';

describe('translate', () => {
  it('looks a key up in the requested language', () => {
    expect(translate('en', 'nav.settings')).toBe('Settings');
    expect(translate('fr', 'nav.settings')).toBe('Paramètres');
  });

  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'nav.signedInAs', { email: 'a@b.example' })).toBe('Signed in as a@b.example');
    expect(translate('fr', 'field.passwordHint', { min: 10 })).toBe('Au moins 10 caractères.');
    expect(translate('en', 'nav.signedInAs', { other: 'x' })).toBe('Signed in as {email}');
  });

  it('does not treat inherited object keys as parameters', () => {
    expect(translate('en', 'nav.signedInAs', {})).toBe('Signed in as {email}');
  });

  it('binds a locale with translator()', () => {
    expect(translator('fr')('nav.logout')).toBe('Se déconnecter');
  });
});

describe('dictionaries', () => {
  it('French defines exactly the English keys, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(fr)) expect(value.trim(), key).not.toBe('');
  });

  it('French keeps the same placeholders as English', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe('negotiateLocale', () => {
  it('prefers an explicit cookie over Accept-Language', () => {
    expect(negotiateLocale('en', 'fr-FR,fr;q=0.9')).toBe('en');
  });

  it('ignores an unsupported cookie value', () => {
    expect(negotiateLocale('de', 'fr')).toBe('fr');
  });

  it('matches region variants on their primary subtag', () => {
    expect(negotiateLocale(undefined, 'fr-CA')).toBe('fr');
  });

  it('follows quality values rather than order', () => {
    expect(negotiateLocale(undefined, 'en;q=0.5, fr;q=0.8')).toBe('fr');
    expect(negotiateLocale(undefined, 'de-DE, fr;q=0.7, en;q=0.9')).toBe('en');
  });

  it('skips languages refused with q=0', () => {
    expect(negotiateLocale(undefined, 'fr;q=0, en;q=0.1')).toBe('en');
  });

  it('falls back to English when nothing matches or the header is missing', () => {
    expect(negotiateLocale(undefined, 'de, es;q=0.8')).toBe('en');
    expect(negotiateLocale(undefined, null)).toBe('en');
  });
});
