import type { Nickname, NicknamesPut } from '@mj/contracts';

// The People form posts one hidden `person` field per listed user (`source:userId`), a `name:<key>`
// text field each, and a `counted` checkbox (value: the Jellyfin user id) per Jellyfin user.

export type PersonSource = Nickname['source'];

export interface PersonRow {
  key: string;
  source: PersonSource;
  userId: string;
  /** The name on the server; null for a nickname whose user is no longer on the server. */
  serverName: string | null;
  displayName: string;
  /** Jellyfin users only: whether their watching counts (not in `excludedUsers`). */
  counted: boolean;
}

export function personKey(source: PersonSource, userId: string): string {
  return `${source}:${userId}`;
}

/** The inverse of `personKey`; null for anything the form could not have produced. */
export function parsePersonKey(key: string): { source: PersonSource; userId: string } | null {
  const colon = key.indexOf(':');
  const source = key.slice(0, colon);
  const userId = key.slice(colon + 1);
  if (colon < 0 || userId === '' || (source !== 'jellyfin' && source !== 'jellyseerr')) return null;
  return { source, userId };
}

/** The page's rows, one list per server, in the API's order. */
export function peopleRows(
  nicknames: readonly Nickname[],
  excludedUsers: readonly string[],
): Record<PersonSource, PersonRow[]> {
  const excluded = new Set(excludedUsers);
  const rows: Record<PersonSource, PersonRow[]> = { jellyfin: [], jellyseerr: [] };
  for (const nickname of nicknames) {
    rows[nickname.source].push({
      key: personKey(nickname.source, nickname.userId),
      source: nickname.source,
      userId: nickname.userId,
      serverName: nickname.serverName,
      displayName: nickname.displayName,
      counted: nickname.source !== 'jellyfin' || !excluded.has(nickname.userId),
    });
  }
  return rows;
}

export interface PeopleSubmission {
  nicknames: NicknamesPut['items'];
  excludedUsers: string[];
}

/**
 * Reads the posted form. Only the users listed on the page are decided by it: ids excluded earlier
 * whose user is not on the page (gone from the server since) stay excluded, so saving names never
 * silently starts counting someone again.
 */
export function peopleSubmission(data: FormData, previousExcluded: readonly string[]): PeopleSubmission {
  const counted = new Set(data.getAll('counted').map(String));
  const nicknames: PeopleSubmission['nicknames'] = [];
  const listedJellyfin = new Set<string>();
  for (const key of new Set(data.getAll('person').map(String))) {
    const person = parsePersonKey(key);
    if (!person) continue;
    nicknames.push({ ...person, displayName: String(data.get(`name:${key}`) ?? '').trim() });
    if (person.source === 'jellyfin') listedJellyfin.add(person.userId);
  }
  const excluded = new Set(previousExcluded.filter((id) => !listedJellyfin.has(id)));
  for (const id of listedJellyfin) if (!counted.has(id)) excluded.add(id);
  return { nicknames, excludedUsers: [...excluded].sort() };
}
