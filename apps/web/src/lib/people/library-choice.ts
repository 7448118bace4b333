import { defaultIncludedLibraries, type MediaLibrary } from '@mj/contracts';

export interface LibraryChoice extends MediaLibrary {
  checked: boolean;
  /** Analysed by default (movies, shows and mixed libraries). */
  byDefault: boolean;
}

/** Checkbox states: the stored choice, or the default set while the setting is null. */
export function libraryChoices(
  libraries: readonly MediaLibrary[],
  included: readonly string[] | null,
): LibraryChoice[] {
  const byDefault = new Set(defaultIncludedLibraries(libraries));
  const checked = included ? new Set(included) : byDefault;
  return libraries.map((library) => ({
    ...library,
    checked: checked.has(library.id),
    byDefault: byDefault.has(library.id),
  }));
}

/**
 * The `includedLibraries` to save from the ticked ids. Ids chosen earlier for libraries missing from
 * the last sync (a drive offline) are kept, so they are analysed again when they come back. Ticking
 * nothing would hide the whole library, which is never what someone means: it is refused.
 */
export function includedLibrariesFromForm(
  ticked: readonly string[],
  libraries: readonly MediaLibrary[],
  previous: readonly string[] | null,
): { included: string[] } | { error: 'none_selected' } {
  const listed = new Set(libraries.map((library) => library.id));
  const chosen = ticked.filter((id) => listed.has(id));
  if (chosen.length === 0) return { error: 'none_selected' };
  const kept = (previous ?? []).filter((id) => !listed.has(id));
  return { included: [...new Set([...chosen, ...kept])].sort() };
}
