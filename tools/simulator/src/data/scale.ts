export interface ScaleCounts {
  movies: number;
  series: number;
  /** Target number of non-virtual episodes; the generated layout lands close to it. */
  episodes: number;
  users: number;
  requests: number;
}

export type ScaleName = 'demo' | 'medium' | 'large';
export type Scale = ScaleName | Partial<ScaleCounts>;

export const SCALES: Readonly<Record<ScaleName, ScaleCounts>> = {
  demo: { movies: 60, series: 8, episodes: 120, users: 3, requests: 20 },
  medium: { movies: 2_000, series: 300, episodes: 15_000, users: 5, requests: 300 },
  large: { movies: 20_000, series: 3_000, episodes: 150_000, users: 20, requests: 2_000 },
};

export function resolveScale(scale: Scale): ScaleCounts {
  if (typeof scale === 'string') {
    const preset = SCALES[scale];
    if (!preset) throw new Error(`unknown scale "${scale}" (demo, medium, large or custom counts)`);
    return preset;
  }
  const counts = { ...SCALES.demo, ...scale };
  for (const [k, v] of Object.entries(counts)) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`scale.${k} must be a non-negative integer`);
  }
  if (counts.users < 1) throw new Error('scale.users must be at least 1');
  if (counts.series === 0) counts.episodes = 0;
  return counts;
}
