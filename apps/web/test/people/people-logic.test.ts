import { describe, expect, it } from 'vitest';
import type { Nickname } from '@mj/contracts';
import { includedLibrariesFromForm, libraryChoices } from '$lib/people/library-choice';
import { parsePersonKey, peopleRows, peopleSubmission, personKey } from '$lib/people/people-form';

const nick = (
  source: Nickname['source'],
  userId: string,
  displayName: string,
  serverName: string | null = displayName,
): Nickname => ({
  source,
  userId,
  serverName,
  displayName,
});

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('person keys', () => {
  it('round-trip, keeping colons inside the user id', () => {
    expect(parsePersonKey(personKey('jellyfin', 'a:b'))).toEqual({ source: 'jellyfin', userId: 'a:b' });
    expect(parsePersonKey('jellyseerr:12')).toEqual({ source: 'jellyseerr', userId: '12' });
  });

  it.each(['plex:1', 'jellyfin:', 'jellyfin', ''])('rejects %j', (key) => {
    expect(parsePersonKey(key)).toBeNull();
  });
});

describe('peopleRows', () => {
  it('splits users per server and marks excluded Jellyfin users as not counted', () => {
    const rows = peopleRows(
      [nick('jellyfin', 'u1', 'Alice'), nick('jellyfin', 'u2', 'Kid', 'kid-account'), nick('jellyseerr', 'u2', 'Bob')],
      ['u2'],
    );
    expect(rows.jellyfin.map((r) => [r.key, r.displayName, r.serverName, r.counted])).toEqual([
      ['jellyfin:u1', 'Alice', 'Alice', true],
      ['jellyfin:u2', 'Kid', 'kid-account', false],
    ]);
    // Exclusion is about Jellyfin watching: a Jellyseerr user with the same id is unaffected.
    expect(rows.jellyseerr).toEqual([
      {
        key: 'jellyseerr:u2',
        source: 'jellyseerr',
        userId: 'u2',
        serverName: 'Bob',
        displayName: 'Bob',
        counted: true,
      },
    ]);
  });
});

describe('peopleSubmission', () => {
  it('reads trimmed names for every listed person and excludes unticked Jellyfin users', () => {
    const data = form([
      ['person', 'jellyfin:u1'],
      ['name:jellyfin:u1', '  Mum '],
      ['counted', 'u1'],
      ['person', 'jellyfin:u2'],
      ['name:jellyfin:u2', 'Guest'],
      ['person', 'jellyseerr:7'],
      ['name:jellyseerr:7', ''],
    ]);
    expect(peopleSubmission(data, [])).toEqual({
      nicknames: [
        { source: 'jellyfin', userId: 'u1', displayName: 'Mum' },
        { source: 'jellyfin', userId: 'u2', displayName: 'Guest' },
        { source: 'jellyseerr', userId: '7', displayName: '' },
      ],
      excludedUsers: ['u2'],
    });
  });

  it('counts a listed user again when ticked, and keeps excluded ids of users not on the page', () => {
    const data = form([
      ['person', 'jellyfin:u1'],
      ['name:jellyfin:u1', 'A'],
      ['counted', 'u1'],
    ]);
    expect(peopleSubmission(data, ['u1', 'gone']).excludedUsers).toEqual(['gone']);
  });

  it('ignores forged person keys and duplicate entries', () => {
    const data = form([
      ['person', 'plex:1'],
      ['person', 'jellyfin:u1'],
      ['person', 'jellyfin:u1'],
      ['name:jellyfin:u1', 'A'],
    ]);
    const result = peopleSubmission(data, []);
    expect(result.nicknames).toEqual([{ source: 'jellyfin', userId: 'u1', displayName: 'A' }]);
    expect(result.excludedUsers).toEqual(['u1']);
  });
});

const LIBRARIES = [
  { id: 'kids', name: 'Kids', collectionType: null },
  { id: 'movies', name: 'Movies', collectionType: 'movies' },
  { id: 'music', name: 'Music', collectionType: 'music' },
  { id: 'tv', name: 'TV Shows', collectionType: 'tvshows' },
];

describe('libraryChoices', () => {
  it('ticks the default libraries (movies, shows, mixed) while the setting is null', () => {
    const choices = libraryChoices(LIBRARIES, null);
    expect(choices.filter((c) => c.checked).map((c) => c.id)).toEqual(['kids', 'movies', 'tv']);
    expect(choices.find((c) => c.id === 'music')).toMatchObject({ checked: false, byDefault: false });
  });

  it('ticks exactly the stored choice otherwise, still marking the defaults', () => {
    const choices = libraryChoices(LIBRARIES, ['music']);
    expect(choices.filter((c) => c.checked).map((c) => c.id)).toEqual(['music']);
    expect(choices.filter((c) => c.byDefault).map((c) => c.id)).toEqual(['kids', 'movies', 'tv']);
  });
});

describe('includedLibrariesFromForm', () => {
  it('saves the ticked libraries that exist, sorted', () => {
    expect(includedLibrariesFromForm(['tv', 'music', 'forged'], LIBRARIES, null)).toEqual({
      included: ['music', 'tv'],
    });
  });

  it('keeps earlier choices of libraries missing from the last sync', () => {
    expect(includedLibrariesFromForm(['movies'], LIBRARIES, ['offline-drive', 'tv'])).toEqual({
      included: ['movies', 'offline-drive'],
    });
  });

  it('refuses an empty choice', () => {
    expect(includedLibrariesFromForm([], LIBRARIES, ['tv'])).toEqual({ error: 'none_selected' });
    expect(includedLibrariesFromForm(['forged'], LIBRARIES, null)).toEqual({ error: 'none_selected' });
  });
});
