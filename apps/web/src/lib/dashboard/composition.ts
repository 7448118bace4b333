export interface Share {
  count: number;
  sizeBytes: number;
}

/** The library split by kind and by "watched by anyone", from the library browser's filtered totals. */
export type Composition = Array<{ kind: 'movie' | 'series'; watched: Share; unwatched: Share }>;
