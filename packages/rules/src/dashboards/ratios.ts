/**
 * A ratio as a percent with one decimal (half up on the per-mille), or null when nothing was
 * counted. Integer arithmetic on fen, so the dashboard and its export agree to the digit.
 */
export function percentOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const perMille = Math.round((part * 1000) / whole);
  return perMille / 10;
}
