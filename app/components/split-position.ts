/**
 * Where the divider between the lesson and the workbench sits: the lesson pane's share of
 * the page's width, in percent. Pure arithmetic, so the drag, the keyboard and the
 * remembered value all obey the same limits.
 */

export const DEFAULT_SPLIT = 50;

/** The localStorage key the chosen split is remembered under. */
export const SPLIT_KEY = "kubelab:lesson-split";

// Below these the prose wraps every few words and the terminal shows too few columns for
// `kubectl get pods -o wide`; globals.css holds the same numbers for the first paint.
export const MIN_LESSON_PX = 288;
export const MIN_WORKBENCH_PX = 360;

const STEP = 2;
const LARGE_STEP = 10;

export type SplitBounds = { min: number; max: number };

/** The range the divider may move in on a page `width` pixels wide (the handle included). */
export function splitBounds(width: number, handle: number): SplitBounds {
  if (width <= 0) return { min: DEFAULT_SPLIT, max: DEFAULT_SPLIT };
  const min = Math.ceil((MIN_LESSON_PX / width) * 100);
  const max = Math.floor(((width - handle - MIN_WORKBENCH_PX) / width) * 100);
  if (min <= max) return { min, max };
  // too narrow for both minimums: the lesson gets its share of what there is
  const share = Math.round((MIN_LESSON_PX / (MIN_LESSON_PX + MIN_WORKBENCH_PX)) * 100);
  return { min: share, max: share };
}

export function clampSplit(value: number, { min, max }: SplitBounds): number {
  return Math.min(max, Math.max(min, value));
}

/** The split after a key press on the divider, or undefined for keys it does not handle. */
export function splitAfterKey(key: string, value: number, bounds: SplitBounds, large: boolean): number | undefined {
  const step = large ? LARGE_STEP : STEP;
  switch (key) {
    case "ArrowLeft":
      return clampSplit(value - step, bounds);
    case "ArrowRight":
      return clampSplit(value + step, bounds);
    case "Home":
      return bounds.min;
    case "End":
      return bounds.max;
    default:
      return undefined;
  }
}

/** A remembered split, or undefined when nothing (or nothing sensible) was stored. */
export function parseSplit(stored: string | null): number | undefined {
  if (stored === null) return undefined;
  const value = Number.parseFloat(stored);
  return value > 0 && value < 100 ? value : undefined;
}
