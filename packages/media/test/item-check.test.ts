import { describe, expect, it } from 'vitest';
import { isItemsPage } from '../src/jellyfin/item-check';
import { itemsPageSchema } from '../src/jellyfin/schemas';

// The in-place check must never accept a page the schema refuses (it would skip validation), and
// should accept the pages real servers send (else every page pays for the schema's copy).

const episode = {
  Id: 'e1',
  Name: 'Pilot',
  Type: 'Episode',
  LocationType: 'FileSystem',
  DateCreated: '2024-01-02T03:04:05.1234567Z',
  DateLastSaved: '2024-01-02T03:04:05Z',
  ProductionYear: 2020,
  ProviderIds: { Tvdb: '1', Imdb: null },
  SeriesId: 's1',
  ParentIndexNumber: 1,
  IndexNumber: 2,
  Path: '/tv/a.mkv',
  MediaSources: [
    {
      Id: 'ms1',
      Name: 'A',
      Size: 123,
      Container: 'mkv',
      MediaStreams: [
        { Type: 'Audio', Language: 'eng', Title: 'Main', IsForced: false, IsExternal: false, Codec: 'aac' },
        { Type: 'Subtitle', Language: null, IsHearingImpaired: true },
      ],
    },
  ],
  UserData: { Played: true, PlaybackPositionTicks: 0, PlayCount: 1, LastPlayedDate: '2024-02-01T00:00:00Z' },
};
const page = (items: unknown[]) => ({ Items: items, TotalRecordCount: items.length, StartIndex: 0 });

/** Every way of breaking one field the sync reads. */
const broken: [string, (e: Record<string, unknown>) => void][] = [
  ['Id missing', (e) => delete e.Id],
  ['Id empty', (e) => (e.Id = '')],
  ['Type missing', (e) => delete e.Type],
  ['Name a number', (e) => (e.Name = 1)],
  ['DateCreated a number', (e) => (e.DateCreated = 5)],
  ['DateLastSaved an object', (e) => (e.DateLastSaved = {})],
  ['LocationType a boolean', (e) => (e.LocationType = true)],
  ['ProductionYear a string', (e) => (e.ProductionYear = '2020')],
  ['SeriesId a number', (e) => (e.SeriesId = 3)],
  ['ParentIndexNumber a string', (e) => (e.ParentIndexNumber = '1')],
  ['IndexNumber a string', (e) => (e.IndexNumber = '2')],
  ['PrimaryVersionId a number', (e) => (e.PrimaryVersionId = 1)],
  ['ProviderIds an array', (e) => (e.ProviderIds = ['1'])],
  ['ProviderIds value a number', (e) => (e.ProviderIds = { Tmdb: 1 })],
  ['MediaSources a string', (e) => (e.MediaSources = 'oops')],
  ['MediaSources element null', (e) => (e.MediaSources = [null])],
  ['Size a string', (e) => ((e.MediaSources as Record<string, unknown>[])[0]!.Size = '1')],
  ['source Name a number', (e) => ((e.MediaSources as Record<string, unknown>[])[0]!.Name = 1)],
  ['MediaStreams an object', (e) => ((e.MediaSources as Record<string, unknown>[])[0]!.MediaStreams = {})],
  [
    'stream Type missing',
    (e) => ((e.MediaSources as { MediaStreams: Record<string, unknown>[] }[])[0]!.MediaStreams[0] = {}),
  ],
  [
    'stream IsForced a string',
    (e) => ((e.MediaSources as { MediaStreams: Record<string, unknown>[] }[])[0]!.MediaStreams[0]!.IsForced = 'no'),
  ],
  ['UserData an array', (e) => (e.UserData = [])],
  ['Played a string', (e) => ((e.UserData as Record<string, unknown>).Played = 'true')],
  ['PlayCount a string', (e) => ((e.UserData as Record<string, unknown>).PlayCount = '1')],
  [
    'PlaybackPositionTicks null is fine, a string is not',
    (e) => ((e.UserData as Record<string, unknown>).PlaybackPositionTicks = 'x'),
  ],
  ['LastPlayedDate a number', (e) => ((e.UserData as Record<string, unknown>).LastPlayedDate = 1)],
];

describe('isItemsPage (in-place check of an /Items page)', () => {
  it('accepts what servers send, fields it does not read included, and leaves the page as parsed', () => {
    const value = page([episode, { Id: 'm1', Type: 'Movie' }, { Id: 'x', Type: 'Folder', Name: null }]);
    const before = JSON.stringify(value);
    expect(itemsPageSchema.safeParse(value).success).toBe(true);
    expect(isItemsPage(value)).toBe(true);
    expect(JSON.stringify(value)).toBe(before);
    expect(isItemsPage({ Items: [] })).toBe(true);
  });

  it.each(broken)('refuses a page the schema refuses: %s', (_name, breakIt) => {
    const item = structuredClone(episode) as Record<string, unknown>;
    breakIt(item);
    const value = page([episode, item]);
    expect(itemsPageSchema.safeParse(value).success).toBe(false);
    expect(isItemsPage(value)).toBe(false);
  });

  it('refuses pages that are not pages', () => {
    for (const value of [null, [], 'x', { Items: 'x' }, { Items: [], TotalRecordCount: '3' }, { Items: [null] }]) {
      expect(itemsPageSchema.safeParse(value).success).toBe(false);
      expect(isItemsPage(value)).toBe(false);
    }
  });
});
