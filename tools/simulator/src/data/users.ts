import { makeId } from '../core/ids';
import { Rng, Stream, unit } from '../core/prng';
import { DAY } from '../core/time';
import type { WatchFacts } from './facts';

export interface UserFacts {
  index: number;
  id: string;
  name: string;
  isAdmin: boolean;
  /** Share of the watched part of the library this user has seen: a few percent to most of it. */
  density: number;
  lastActivity: number;
}

const NAMES = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
  'mallory',
  'niaj',
  'olivia',
  'peggy',
  'rupert',
  'sybil',
  'trent',
  'victor',
  'walter',
  'yvonne',
];

export function makeUsers(seed: number, count: number, now: number): UserFacts[] {
  return Array.from({ length: count }, (_, u) => ({
    index: u,
    id: makeId(seed, 'user', u),
    name: u < NAMES.length ? (NAMES[u] as string) : `user${u + 1}`,
    isAdmin: u === 0,
    density: 0.03 + 0.9 * Math.pow(unit(seed, Stream.user, u), 1.5),
    lastActivity: now - unit(seed, Stream.user, u, 2) * 20 * DAY,
  }));
}

/**
 * The users who watched one item: a primary viewer chosen by density, plus others by a fraction of
 * their density. Always at least one.
 */
export function pickWatchers(rng: Rng, users: readonly UserFacts[]): number[] {
  const total = users.reduce((s, u) => s + u.density, 0);
  let r = rng.next() * total;
  let primary = 0;
  for (const u of users) {
    r -= u.density;
    if (r < 0) {
      primary = u.index;
      break;
    }
  }
  const out = [primary];
  for (const u of users) if (u.index !== primary && rng.chance(u.density * 0.4)) out.push(u.index);
  return out;
}

/** A watch record of a fully played item. */
export function played(user: number, lastPlayed: WatchFacts['lastPlayed'], rng: Rng): WatchFacts {
  return { user, played: true, positionTicks: 0, playCount: rng.int(1, 4), lastPlayed };
}
