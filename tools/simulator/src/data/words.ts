/**
 * Word lists used to build titles whose alphabetical order equals their generation order. Each list is
 * sorted, capitalised, letters only, and no word sorts before "Aardvark" (reserved for items added at
 * run time, which must sort first). Titles always use the same number of words, so comparing two titles
 * character by character compares their word tuples (a space sorts before any letter).
 */
export const FIRST = [
  'Amber',
  'Ashen',
  'Autumn',
  'Blue',
  'Broken',
  'Burning',
  'Crimson',
  'Crystal',
  'Dark',
  'Distant',
  'Electric',
  'Empty',
  'Endless',
  'Fallen',
  'Frozen',
  'Golden',
  'Hidden',
  'Hollow',
  'Iron',
  'Last',
  'Lonely',
  'Lost',
  'Midnight',
  'Northern',
  'Pale',
  'Quiet',
  'Red',
  'Restless',
  'Savage',
  'Secret',
  'Silent',
  'Silver',
  'Starlit',
  'Velvet',
  'Wild',
  'Winter',
] as const;

export const SECOND = [
  'Anchor',
  'Arrow',
  'Bridge',
  'Canyon',
  'Castle',
  'City',
  'Coast',
  'Crown',
  'Dawn',
  'Desert',
  'Empire',
  'Engine',
  'Forest',
  'Garden',
  'Harbor',
  'Horizon',
  'Island',
  'Kingdom',
  'Lantern',
  'Machine',
  'Meadow',
  'Mirror',
  'Mountain',
  'Ocean',
  'Orchard',
  'Palace',
  'Planet',
  'River',
  'Road',
  'Shadow',
  'Signal',
  'Storm',
  'Summit',
  'Tower',
  'Valley',
  'Voyage',
] as const;

export const THIRD = [
  'Accord',
  'Affair',
  'Awakening',
  'Ballad',
  'Beginning',
  'Chronicle',
  'Code',
  'Conspiracy',
  'Covenant',
  'Dream',
  'Echo',
  'Escape',
  'Experiment',
  'Gambit',
  'Heist',
  'Inheritance',
  'Journey',
  'Legacy',
  'Legend',
  'Mystery',
  'Oath',
  'Paradox',
  'Promise',
  'Protocol',
  'Quest',
  'Reckoning',
  'Requiem',
  'Return',
  'Rising',
  'Secret',
  'Sequence',
  'Signal',
  'Song',
  'Story',
  'Trial',
  'Witness',
] as const;

export const WORD_CAPACITY = FIRST.length * SECOND.length * THIRD.length;

/**
 * The three-word phrase for position `pos` of `total`, spread over the whole alphabet; strictly
 * increasing in `pos` (requires total <= WORD_CAPACITY).
 */
export function orderedPhrase(pos: number, total: number): string {
  if (total > WORD_CAPACITY) throw new Error(`at most ${WORD_CAPACITY} titles per sequence`);
  const slot = Math.floor((pos * WORD_CAPACITY) / Math.max(total, 1));
  const c = slot % THIRD.length;
  const b = Math.floor(slot / THIRD.length) % SECOND.length;
  const a = Math.floor(slot / (THIRD.length * SECOND.length));
  return `${FIRST[a]} ${SECOND[b]} ${THIRD[c]}`;
}
