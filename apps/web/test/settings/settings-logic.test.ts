import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n';
import { connectionErrorKey, tlsFingerprint } from '$lib/settings/connection-errors';
import { languageLabel, searchLanguages } from '$lib/settings/language-search';
import { settingsFieldErrors } from '$lib/settings/settings-errors';
import { echoValues, formNumber, thresholdPatch } from '$lib/settings/threshold-fields';

const t = translator('en');
const FP = 'AB:'.repeat(31) + 'CD';

describe('connection errors', () => {
  it('maps every documented code to its own sentence and unknown codes to null', () => {
    expect(t(connectionErrorKey('invalid_api_key')!, { server: 'Jellyfin' })).toContain(
      'Jellyfin rejected the API key',
    );
    expect(connectionErrorKey('unreachable')).toBe('connectError.unreachable');
    expect(connectionErrorKey('rate_limited')).toBeNull();
  });

  it('reads a well-formed fingerprint from tls_error details only', () => {
    expect(tlsFingerprint({ fingerprint: ` ${FP} ` })).toBe(FP);
    expect(tlsFingerprint({ fingerprint: 'AB:CD' })).toBeNull();
    expect(tlsFingerprint(null)).toBeNull();
    expect(tlsFingerprint([FP])).toBeNull();
  });
});

describe('settings field errors', () => {
  it('translates bound errors per field and keeps the first message', () => {
    const errors = settingsFieldErrors(
      [
        { field: 'largeMovieGiB', message: 'largeMovieGiB must be between 1 and 100' },
        { field: 'largeMovieGiB', message: 'largeMovieGiB must be a whole number' },
        { field: 'requiredAudioLanguages.0', message: 'unknown language code: xx' },
      ],
      t,
    );
    expect(errors).toEqual({
      largeMovieGiB: 'Enter a whole number between 1 and 100.',
      requiredAudioLanguages: 'Unknown language code.',
    });
  });

  it('keeps an unrecognised message as sent and ignores malformed details', () => {
    expect(settingsFieldErrors([{ field: 'x', message: 'odd' }, 'junk'], t)).toEqual({ x: 'odd' });
    expect(settingsFieldErrors(undefined, t)).toEqual({});
  });

  it('speaks French when asked', () => {
    const fr = translator('fr');
    expect(
      settingsFieldErrors([{ field: 'syncHour', message: 'syncHour must be between 0 and 23' }], fr).syncHour,
    ).toBe('Saisissez un nombre entier entre 0 et 23.');
  });
});

describe('threshold form', () => {
  it('sends numbers as typed, so out-of-range values reach the API validator', () => {
    expect(formNumber(' 250 ')).toBe(250);
    expect(formNumber('1.5')).toBe(1.5);
    expect(formNumber('abc')).toBe('abc');
    expect(formNumber('')).toBe('');
  });

  it('builds the patch: empty purge means never, an absent checkbox means false', () => {
    const data = new FormData();
    data.set('largeMovieGiB', '20');
    data.set('purgeExpiredAfterDays', '');
    const patch = thresholdPatch(
      data,
      ['largeMovieGiB', 'purgeExpiredAfterDays', 'oldAfterMonths'],
      ['showUnreleasedRequests'],
    );
    expect(patch).toEqual({ largeMovieGiB: 20, purgeExpiredAfterDays: null, showUnreleasedRequests: false });
    data.set('showUnreleasedRequests', 'on');
    expect(thresholdPatch(data, [], ['showUnreleasedRequests'])).toEqual({ showUnreleasedRequests: true });
    expect(echoValues(data, ['largeMovieGiB', 'missing'])).toEqual({ largeMovieGiB: '20' });
  });
});

describe('language search', () => {
  it('puts an exact code first, then names starting with the query', () => {
    expect(searchLanguages('fre')[0]?.code).toBe('fre');
    const names = searchLanguages('fren').map((o) => o.name);
    expect(names[0]).toBe('French');
  });

  it('ignores accents and case, and leaves out chosen languages', () => {
    expect(searchLanguages('ENGLISH').map((o) => o.code)).toContain('eng');
    expect(searchLanguages('english', ['eng']).map((o) => o.code)).not.toContain('eng');
    expect(searchLanguages('   ')).toEqual([]);
  });

  it('labels stored codes with their English name', () => {
    expect(languageLabel('ger')).toBe('German');
    expect(languageLabel('qqq')).toBe('qqq');
  });
});
