/** The smallest "round" number (1, 2, 2.5 or 5 × 10ⁿ) at or above `max`, so axes end on a readable value. */
export function niceCeiling(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= max) return step * magnitude;
  }
  return 10 * magnitude;
}

/** A bar's length as a percentage of the scale, with a visible sliver for small non-zero values. */
export function barPercent(value: number, scaleMax: number): number {
  if (value <= 0 || scaleMax <= 0) return 0;
  return Math.max(0.75, Math.min(100, (value / scaleMax) * 100));
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Plots values left to right in a `width` × `height` box (y grows downwards, 0 at the bottom). A single
 * value is drawn as a flat line so the chart is never empty.
 */
export function plotSeries(values: readonly number[], width: number, height: number, scaleMax: number): Point[] {
  if (values.length === 0) return [];
  const max = scaleMax > 0 ? scaleMax : 1;
  const y = (value: number) => height - (Math.max(0, value) / max) * height;
  if (values.length === 1)
    return [
      { x: 0, y: y(values[0]!) },
      { x: width, y: y(values[0]!) },
    ];
  const step = width / (values.length - 1);
  return values.map((value, index) => ({ x: index * step, y: y(value) }));
}

export function linePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
}

/** The area under the line, closed along the bottom edge. */
export function areaPath(points: readonly Point[], height: number): string {
  if (points.length === 0) return '';
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return `${linePath(points)} L${round(last.x)},${height} L${round(first.x)},${height} Z`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
