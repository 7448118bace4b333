import { describe, expect, it } from 'vitest';
import { browserLanguage, proposeAudioLanguages } from '$lib/onboarding/browser-language';

describe('browser language proposal', () => {
  it('takes the highest-quality known language of Accept-Language as a 639-2/B code', () => {
    expect(browserLanguage('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fre');
    expect(browserLanguage('en;q=0.5, de-DE;q=0.9')).toBe('ger');
    expect(browserLanguage('xx-YY, es;q=0.4')).toBe('spa');
    expect(browserLanguage('*')).toBeNull();
    expect(browserLanguage('')).toBeNull();
    expect(browserLanguage(null)).toBeNull();
  });

  it('replaces only the untouched English+French default', () => {
    expect(proposeAudioLanguages(['eng', 'fre'], 'es-ES,es;q=0.9', false)).toEqual({
      codes: ['spa'],
      proposed: 'spa',
    });
    expect(proposeAudioLanguages(['fre', 'eng'], 'de', false).codes).toEqual(['ger']);
  });

  it('keeps a list someone chose, a saved step, or an unknown browser language', () => {
    expect(proposeAudioLanguages(['ger'], 'es', false)).toEqual({ codes: ['ger'], proposed: null });
    expect(proposeAudioLanguages(['eng', 'fre'], 'es', true)).toEqual({ codes: ['eng', 'fre'], proposed: null });
    expect(proposeAudioLanguages(['eng', 'fre'], 'xx', false)).toEqual({ codes: ['eng', 'fre'], proposed: null });
  });
});
