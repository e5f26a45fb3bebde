/**
 * helper.DefaultNormalizeScore: raw scores scaled so the best is 100 (integer division,
 * as in Go); `reverse` makes the lowest raw score the best.
 */
export const MAX_NODE_SCORE = 100;

export function defaultNormalize(scores: readonly number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const scaled = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - scaled : scaled;
  });
}
