import type { SnapshotItemKey } from '@mj/db';

type Kind = SnapshotItemKey['kind'];
const KINDS: readonly Kind[] = ['movie', 'series', 'episode'];

/**
 * The previous snapshot's item keys, held compactly for the incremental sync (issue 12): one id -> row
 * map, and per row its kind, library and series as small integers in typed arrays (libraries and series
 * ids are interned). A large library (170k items) held as one object per key, beside a second map of
 * the id listing, exhausted the worker's 160 MB heap; this keeps ~15 MB. The id listing is folded in page
 * by page (`markListed`), so it is never materialised either.
 */
export class ItemKeyIndex {
  readonly #rows = new Map<string, number>();
  readonly #kind: Uint8Array;
  readonly #library: Uint16Array;
  readonly #series: Int32Array;
  /** 1 once the current id listing named the row (under its previous library and kind). */
  readonly #listed: Uint8Array;
  readonly #libraries = new Interned<string | null>();
  readonly #seriesIds = new Interned<string>();

  constructor(capacity: number) {
    this.#kind = new Uint8Array(capacity);
    this.#library = new Uint16Array(capacity);
    this.#series = new Int32Array(capacity).fill(-1);
    this.#listed = new Uint8Array(capacity);
  }

  get size(): number {
    return this.#rows.size;
  }

  /** Adds one page of keys; false when the snapshot holds more rows than announced (it changed). */
  add(keys: readonly SnapshotItemKey[]): boolean {
    for (const key of keys) {
      const row = this.#rows.size;
      if (row >= this.#kind.length) return false;
      this.#rows.set(key.id, row);
      this.#kind[row] = KINDS.indexOf(key.kind);
      this.#library[row] = this.#libraries.code(key.libraryId);
      if (key.seriesId !== null) this.#series[row] = this.#seriesIds.code(key.seriesId);
    }
    return true;
  }

  has(id: string): boolean {
    return this.#rows.has(id);
  }

  /**
   * The id listing named `id` under `libraryId` with `kind`. `first`: the listing had not named it yet
   * (an item in two libraries belongs to the first). `same`: the previous snapshot held it there, as that
   * kind. `unknown`: it did not (a new or moved item, which needs a newer DateLastSaved).
   */
  markListed(id: string, kind: Kind, libraryId: string | null): 'same' | 'repeat' | 'unknown' {
    const row = this.#rows.get(id);
    if (row === undefined) return 'unknown';
    if (this.#listed[row]) return 'repeat';
    this.#listed[row] = 1;
    const same = KINDS[this.#kind[row]!] === kind && this.#libraries.value(this.#library[row]!) === libraryId;
    return same ? 'same' : 'unknown';
  }

  /** Marks every row listed: used when counts proved nothing was removed, so no listing was read. */
  markAllListed(): void {
    this.#listed.fill(1, 0, this.#rows.size);
  }

  /**
   * Rows per library and per kind, leaving out the ids in `except` (the items the server says changed):
   * what the server must still hold, unchanged, if nothing was removed.
   */
  countsExcept(except: ReadonlyMap<string, unknown>): {
    byLibrary: Map<string | null, number>;
    kinds: Record<Kind, number>;
  } {
    const perCode = new Map<number, number>();
    const kinds: Record<Kind, number> = { movie: 0, series: 0, episode: 0 };
    for (const [id, row] of this.#rows) {
      if (except.has(id)) continue;
      const code = this.#library[row]!;
      perCode.set(code, (perCode.get(code) ?? 0) + 1);
      kinds[KINDS[this.#kind[row]!]!] += 1;
    }
    const byLibrary = new Map<string | null, number>();
    for (const [code, n] of perCode) byLibrary.set(this.#libraries.value(code), n);
    return { byLibrary, kinds };
  }

  /** Listed by the current id listing (marked with `markListed`). */
  isListed(id: string): boolean {
    const row = this.#rows.get(id);
    return row !== undefined && this.#listed[row] === 1;
  }

  kindOf(id: string): Kind | undefined {
    const row = this.#rows.get(id);
    return row === undefined ? undefined : KINDS[this.#kind[row]!];
  }

  seriesOf(id: string): string | undefined {
    const row = this.#rows.get(id);
    const code = row === undefined ? -1 : this.#series[row]!;
    return code < 0 ? undefined : this.#seriesIds.value(code);
  }

  /** Every id of the previous snapshot, with whether the current listing named it. */
  *entries(): Generator<[id: string, listed: boolean]> {
    for (const [id, row] of this.#rows) yield [id, this.#listed[row] === 1];
  }
}

/** Values <-> small integer codes (a few libraries, a few thousand series). */
class Interned<T> {
  readonly #codes = new Map<T, number>();
  readonly #values: T[] = [];

  code(value: T): number {
    let code = this.#codes.get(value);
    if (code === undefined) {
      code = this.#values.push(value) - 1;
      this.#codes.set(value, code);
    }
    return code;
  }

  value(code: number): T {
    return this.#values[code]!;
  }
}
