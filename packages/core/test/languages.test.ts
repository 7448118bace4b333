import { describe, expect, it } from 'vitest';
import {
  LANGUAGE_OPTIONS,
  languageName,
  normaliseLanguage,
  normaliseLanguageList,
  streamFacts,
} from '../src/languages';
import { LANGUAGE_ROWS } from '../src/language-table';

// prettier-ignore
const BT_PAIRS: [string, string][] = [
  ['alb', 'sqi'], ['arm', 'hye'], ['baq', 'eus'], ['bur', 'mya'], ['chi', 'zho'],
  ['cze', 'ces'], ['dut', 'nld'], ['fre', 'fra'], ['geo', 'kat'], ['ger', 'deu'],
  ['gre', 'ell'], ['ice', 'isl'], ['mac', 'mkd'], ['mao', 'mri'], ['may', 'msa'],
  ['per', 'fas'], ['rum', 'ron'], ['slo', 'slk'], ['tib', 'bod'], ['wel', 'cym'],
];

describe('normaliseLanguage', () => {
  it.each([
    ['en', 'eng'],
    ['eng', 'eng'],
    ['English', 'eng'],
    ['fr', 'fre'],
    ['fra', 'fre'],
    ['fre', 'fre'],
    ['French', 'fre'],
    ['de', 'ger'],
    ['deu', 'ger'],
    ['ger', 'ger'],
    ['nl', 'dut'],
    ['nld', 'dut'],
    ['dut', 'dut'],
    ['zh', 'chi'],
    ['zho', 'chi'],
    ['chi', 'chi'],
  ])('language: %s normalises to %s', (input, expected) => {
    expect(normaliseLanguage(input)).toBe(expected);
  });

  it.each(BT_PAIRS)('language: B/T pair %s/%s both map to the B code', (b, t) => {
    expect(normaliseLanguage(b)).toBe(b);
    expect(normaliseLanguage(t)).toBe(b);
    expect(normaliseLanguage(t.toUpperCase())).toBe(b);
  });

  it('language: the part before - or _ is kept (fr-CA → fre, pt_BR → por)', () => {
    expect(normaliseLanguage('fr-CA')).toBe('fre');
    expect(normaliseLanguage('pt_BR')).toBe('por');
    expect(normaliseLanguage('EN-us')).toBe('eng');
  });

  it('language: matching is case-insensitive, names included', () => {
    expect(normaliseLanguage('FRENCH')).toBe('fre');
    expect(normaliseLanguage('  Japanese ')).toBe('jpn');
    expect(normaliseLanguage('Norwegian Bokmal')).toBe('nob');
    expect(normaliseLanguage('Luba-Katanga')).toBe('lub');
    expect(normaliseLanguage('Farsi')).toBe('per');
  });

  it.each(['und', 'zxx', 'mis', 'mul', 'UND', '', '   ', 'xx', 'klingon', 'qaa'])(
    'language: %j is unknown and satisfies nothing',
    (input) => {
      expect(normaliseLanguage(input)).toBeNull();
    },
  );

  it('language: missing values are unknown', () => {
    expect(normaliseLanguage(null)).toBeNull();
    expect(normaliseLanguage(undefined)).toBeNull();
  });

  it('language: the table covers ISO 639-1 with unique codes', () => {
    const iso1 = LANGUAGE_ROWS.filter((row) => row.iso1).length;
    expect(iso1).toBeGreaterThanOrEqual(180);
    const codes = LANGUAGE_ROWS.map((row) => row.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const row of LANGUAGE_ROWS) expect(normaliseLanguage(row.names[0]!)).toBe(row.code);
  });
});

describe('languageName and options', () => {
  it('language: display names come from any accepted form', () => {
    expect(languageName('fre')).toBe('French');
    expect(languageName('deu')).toBe('German');
    expect(languageName('xx')).toBeNull();
  });

  it('language: options list B codes sorted by name', () => {
    const names = LANGUAGE_OPTIONS.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(LANGUAGE_OPTIONS).toContainEqual({ code: 'fre', name: 'French' });
    expect(LANGUAGE_OPTIONS.some((o) => o.code === 'fra')).toBe(false);
  });

  it('language: settings lists store B codes and report unknown inputs', () => {
    expect(normaliseLanguageList(['en', 'French', 'fra', 'xx'])).toEqual({ codes: ['eng', 'fre'], unknown: ['xx'] });
  });
});

describe('streamFacts', () => {
  it('language: no streams means the item cannot be judged', () => {
    expect(streamFacts(null)).toBeNull();
    expect(streamFacts([])).toBeNull();
  });

  it('language: commentary audio does not count', () => {
    const facts = streamFacts([
      { type: 'Audio', language: 'eng', title: "Director's Commentary" },
      { type: 'Audio', language: 'fre', title: 'Stereo' },
    ]);
    expect(facts?.audio).toEqual(['fre']);
  });

  it('language: forced subtitles are kept apart, hearing-impaired and external subtitles count', () => {
    const facts = streamFacts([
      { type: 'Subtitle', language: 'eng', isForced: true },
      { type: 'Subtitle', language: 'fr', isHearingImpaired: true },
      { type: 'Subtitle', language: 'spa', isExternal: true },
    ]);
    expect(facts).toEqual({ audio: [], subtitles: ['fre', 'spa'], forcedSubtitles: ['eng'] });
  });

  it('language: streams but no audio stream yield an empty audio list', () => {
    expect(streamFacts([{ type: 'Video' }])).toEqual({ audio: [], subtitles: [], forcedSubtitles: [] });
  });

  it('language: unknown stream languages are dropped and duplicates merged', () => {
    const facts = streamFacts([
      { type: 'Audio', language: 'und' },
      { type: 'Audio', language: 'eng' },
      { type: 'Audio', language: 'en' },
      { type: 'Audio' },
    ]);
    expect(facts?.audio).toEqual(['eng']);
  });
});
