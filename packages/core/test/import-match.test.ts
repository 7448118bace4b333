import { describe, expect, it } from 'vitest';
import { matchImportLines } from '../src/import-match';

const titles = [
  { id: '1', name: 'Amélie', kind: 'movie' as const, year: 2001 },
  { id: '2', name: 'Alien', kind: 'movie' as const, year: 1979 },
  { id: '3', name: 'Aliens', kind: 'movie' as const, year: 1986 },
  { id: '4', name: 'Alien: Covenant', kind: 'movie' as const, year: 2017 },
  { id: '5', name: 'Dune', kind: 'movie' as const, year: 1984 },
  { id: '6', name: 'Dune', kind: 'movie' as const, year: 2021 },
  { id: '7', name: 'The Office', kind: 'series' as const, year: 2005 },
];

describe('bulk import', () => {
  it('import: matching is case- and accent-insensitive', () => {
    expect(matchImportLines('AMELIE', titles).matched.map((m) => m.title.id)).toEqual(['1']);
  });

  it('import: an exact title wins over titles containing the term', () => {
    const preview = matchImportLines('alien', titles);
    expect(preview.matched).toEqual([{ line: 'alien', title: titles[1] }]);
    expect(preview.ambiguous).toEqual([]);
  });

  it('import: without an exact title, a single title containing the term matches', () => {
    expect(matchImportLines('covenant', titles).matched.map((m) => m.title.id)).toEqual(['4']);
  });

  it('import: several candidates are ambiguous', () => {
    const preview = matchImportLines(['Dune', 'lien'], titles);
    expect(preview.ambiguous.map((a) => [a.line, a.candidates.map((c) => c.id)])).toEqual([
      ['Dune', ['5', '6']],
      ['lien', ['2', '3', '4']],
    ]);
  });

  it('import: a year in parentheses narrows duplicates', () => {
    expect(matchImportLines('Dune (2021)', titles).matched.map((m) => m.title.id)).toEqual(['6']);
  });

  it('import: unknown lines are not found; blank and repeated lines are skipped', () => {
    const preview = matchImportLines('Nope\n\n  \r\nnope\nThe Office\n', titles);
    expect(preview.notFound).toEqual(['Nope']);
    expect(preview.matched.map((m) => m.title.id)).toEqual(['7']);
  });
});
