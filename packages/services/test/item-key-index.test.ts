import { describe, expect, it } from 'vitest';
import { ItemKeyIndex } from '../src/sync/item-key-index';

// Issue 12: the incremental sync's removal check folds the server's id listing into a compact index of
// the previous snapshot; it must decide exactly what the old map-of-objects comparison decided.
const index = () => {
  const keys = new ItemKeyIndex(4);
  expect(
    keys.add([
      { id: 'm1', kind: 'movie', libraryId: 'libM', seriesId: null },
      { id: 's1', kind: 'series', libraryId: 'libT', seriesId: null },
      { id: 'e1', kind: 'episode', libraryId: 'libT', seriesId: 's1' },
      { id: 'e2', kind: 'episode', libraryId: null, seriesId: 's1' },
    ]),
  ).toBe(true);
  return keys;
};

describe('incremental sync: compact key index', () => {
  it('counts the unchanged rows per library and kind, leaving the changed ids out', () => {
    const keys = index();
    const { byLibrary, kinds } = keys.countsExcept(new Map([['e1', null]]));
    expect(Object.fromEntries(byLibrary)).toEqual({ libM: 1, libT: 1, null: 1 });
    expect(kinds).toEqual({ movie: 1, series: 1, episode: 1 });
  });

  it('marking every row listed (counts proved nothing was removed) lists each one', () => {
    const keys = index();
    keys.markAllListed();
    expect([...keys.entries()].every(([, listed]) => listed)).toBe(true);
    expect(keys.isListed('e2')).toBe(true);
  });

  it('an id listed where and as what the previous snapshot held it is the same; a second listing repeats', () => {
    const keys = index();
    expect(keys.markListed('m1', 'movie', 'libM')).toBe('same');
    expect(keys.markListed('m1', 'movie', 'libT')).toBe('repeat');
    expect(keys.markListed('e2', 'episode', null)).toBe('same');
    expect(keys.isListed('m1')).toBe(true);
    expect(keys.isListed('s1')).toBe(false);
  });

  it('an id new to the snapshot, moved library or changed kind is unknown', () => {
    const keys = index();
    expect(keys.markListed('m9', 'movie', 'libM')).toBe('unknown');
    expect(keys.markListed('e1', 'episode', 'libM')).toBe('unknown');
    expect(keys.markListed('s1', 'movie', 'libT')).toBe('unknown');
    expect(keys.markListed('e2', 'episode', 'libT')).toBe('unknown');
  });

  it('keeps each row kind and series, and lists every id with whether it was listed', () => {
    const keys = index();
    keys.markListed('e1', 'episode', 'libT');
    expect(keys.kindOf('e1')).toBe('episode');
    expect(keys.seriesOf('e2')).toBe('s1');
    expect(keys.seriesOf('m1')).toBeUndefined();
    expect(keys.kindOf('nope')).toBeUndefined();
    expect([...keys.entries()]).toEqual([
      ['m1', false],
      ['s1', false],
      ['e1', true],
      ['e2', false],
    ]);
  });

  it('refuses more keys than the snapshot counted (it changed while read)', () => {
    const keys = new ItemKeyIndex(1);
    expect(
      keys.add([
        { id: 'a', kind: 'movie', libraryId: null, seriesId: null },
        { id: 'b', kind: 'movie', libraryId: null, seriesId: null },
      ]),
    ).toBe(false);
  });
});
