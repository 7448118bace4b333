import type { Lang } from './languages';

/** Facts are the generator's decisions for one item, before any wire formatting. */

export interface TrackFacts {
  type: 'Audio' | 'Subtitle';
  /** What the file says (null: no Language field). */
  tag: string | null;
  /** What that tag means (null: no language). */
  code: Lang | null;
  codec: string;
  title?: string;
  commentary?: boolean;
  forced?: boolean;
  external?: boolean;
  hearingImpaired?: boolean;
  isDefault?: boolean;
}

export interface SourceFacts {
  id: string;
  /** Version label: 1080p, 2160p ... */
  label: string;
  path: string;
  container: string;
  sizeBytes: number | null;
  width: number;
  height: number;
  videoCodec: string;
  tracks: TrackFacts[];
  /** The file was never probed: MediaStreams is an empty list. */
  emptyStreams: boolean;
}

/** A date that is a real instant, a sentinel (0001-01-01), or absent. */
export type DateFact = number | 'sentinel' | null;

export interface WatchFacts {
  user: number;
  played: boolean;
  positionTicks: number;
  playCount: number;
  lastPlayed: DateFact;
}

export type MovieWatchKind =
  | 'none'
  | 'old'
  | 'recent'
  | 'partialRecent'
  | 'partialOld'
  | 'noDate'
  | 'sentinelDate'
  | 'oldAndRecent'
  | 'markedUnplayed';
export type CreatedKind = 'veryRecent' | 'recent' | 'old' | 'ancient' | 'sentinel' | 'future';
export type MovieSizeKind =
  'normal' | 'large' | 'huge' | 'exact' | 'justBelow' | 'multiSmall' | 'multiLarge' | 'unknown';
export type MovieLangKind =
  | 'ok'
  | 'noFre'
  | 'noEng'
  | 'undOnly'
  | 'missingTag'
  | 'commentaryFre'
  | 'noAudio'
  | 'noSources'
  | 'emptyStreams'
  | 'secondVersionFre';

export interface MovieScenario {
  watch: MovieWatchKind;
  created: CreatedKind;
  size: MovieSizeKind;
  lang: MovieLangKind;
}

export interface MovieFacts {
  kind: 'movie';
  /** Base movies: index in [0, movies); movies added at run time: their own counter. */
  index: number;
  added: boolean;
  id: string;
  name: string;
  sortName: string;
  year: number;
  library: number;
  tmdb: number | null;
  imdb: string | null;
  originalLanguage: Lang;
  created: DateFact;
  /** Jellyfin's DateLastSaved (set by the library, which knows the scripted changes). */
  saved?: number;
  runTimeTicks: number;
  sources: SourceFacts[];
  watch: WatchFacts[];
  scenario: MovieScenario;
}

export type SeriesWatchKind = 'none' | 'old' | 'recent' | 'partialRecent' | 'noDate' | 'oldAndRecent';
export type SeriesCreatedKind = 'veryRecent' | 'recent' | 'old' | 'ancient' | 'sentinel' | 'onlyVirtual';
export type SeriesSizeKind = 'normal' | 'large' | 'exactSeason' | 'bigTotalSmallSeasons' | 'unknownSizes';
export type SeriesLangKind = 'ok' | 'someNoFre' | 'someNoEng' | 'ancientProblem' | 'noStreams';

export interface SeriesScenario {
  watch: SeriesWatchKind;
  created: SeriesCreatedKind;
  size: SeriesSizeKind;
  lang: SeriesLangKind;
}

/** One episode slot of a series layout. `season` null: the file has no season number. */
export interface EpisodeSlot {
  season: number | null;
  episode: number;
  virtual: boolean;
}

export interface EpisodeFacts {
  kind: 'episode';
  /** Global canonical index (series-major). */
  canonical: number;
  seriesIndex: number;
  ordinal: number;
  id: string;
  seasonId: string;
  name: string;
  sortName: string;
  season: number | null;
  episode: number;
  virtual: boolean;
  created: DateFact;
  saved?: number;
  premiere: number;
  runTimeTicks: number;
  source: SourceFacts | null;
  watch: WatchFacts[];
}

export interface SeriesFacts {
  kind: 'series';
  index: number;
  id: string;
  name: string;
  sortName: string;
  year: number;
  library: number;
  tmdb: number | null;
  tvdb: number | null;
  imdb: string | null;
  originalLanguage: Lang;
  /** The series folder's own DateCreated (Jellyseerr's mediaAddedAt for shows). */
  folderCreated: DateFact;
  saved?: number;
  layout: EpisodeSlot[];
  episodes: EpisodeFacts[];
  scenario: SeriesScenario;
}
