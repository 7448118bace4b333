import { makeId, parseId } from '../core/ids';
import type { Library } from '../data/library';

// Jellyfin collections (BoxSets), as the "Leaving soon" feature uses them: created by name with
// `POST /Collections`, filled and emptied with `POST|DELETE /Collections/{id}/Items?Ids=`, listed with
// `GET /Items?IncludeItemTypes=BoxSet` and read with `GET /Items?ParentId={id}`.

export interface Collection {
  id: string;
  name: string;
  itemIds: string[];
}

export class Collections {
  private readonly byId = new Map<string, Collection>();
  private next = 0;

  constructor(private readonly library: Library) {}

  create(name: string, itemIds: readonly string[]): Collection {
    const id = makeId(this.library.ctx.seed, 'collection', this.next++);
    const collection = { id, name, itemIds: [] as string[] };
    this.byId.set(id, collection);
    this.add(id, itemIds);
    return collection;
  }

  get(id: string): Collection | undefined {
    const parsed = parseId(this.library.ctx.seed, id);
    return parsed?.kind === 'collection'
      ? this.byId.get(makeId(this.library.ctx.seed, 'collection', parsed.index))
      : undefined;
  }

  all(): Collection[] {
    return [...this.byId.values()];
  }

  /** Unknown or removed items are ignored, as Jellyfin does. */
  add(id: string, itemIds: readonly string[]): boolean {
    const collection = this.get(id);
    if (!collection) return false;
    for (const itemId of itemIds) {
      const lower = itemId.toLowerCase().replace(/-/g, '');
      if (this.library.resolve(lower) && !collection.itemIds.includes(lower)) collection.itemIds.push(lower);
    }
    return true;
  }

  remove(id: string, itemIds: readonly string[]): boolean {
    const collection = this.get(id);
    if (!collection) return false;
    const gone = new Set(itemIds.map((i) => i.toLowerCase().replace(/-/g, '')));
    collection.itemIds = collection.itemIds.filter((i) => !gone.has(i));
    return true;
  }

  /** Members that still exist (a deleted item leaves its collections). */
  members(id: string): string[] {
    return (this.get(id)?.itemIds ?? []).filter((itemId) => this.library.resolve(itemId) !== null);
  }
}

/** `DELETE /Items/{id}`: movies, series and episodes; false for anything else. */
export function deleteItem(library: Library, itemId: string): boolean {
  const parsed = parseId(library.ctx.seed, itemId);
  if (!parsed || !library.resolve(itemId)) return false;
  if (parsed.kind === 'movie') library.removeMovie(parsed.index);
  else if (parsed.kind === 'series') library.removeSeries(parsed.index);
  else if (parsed.kind === 'episode') library.removeEpisode(parsed.index);
  else return false;
  return true;
}
