/**
 * Go's time.Duration String() for whole milliseconds: the form the kubelet prints in
 * `back-off 5m0s restarting failed container` and `Successfully pulled image "x" in 1.234s`.
 */
export function goDuration(ms: number): string {
  const d = Math.max(0, Math.floor(ms));
  if (d === 0) return "0s";
  if (d < 1000) return `${d}ms`;
  const hours = Math.floor(d / 3_600_000);
  const minutes = Math.floor((d % 3_600_000) / 60_000);
  const rest = d % 60_000;
  const fraction = rest % 1000;
  const seconds = `${Math.floor(rest / 1000)}${fraction ? "." + String(fraction).padStart(3, "0").replace(/0+$/, "") : ""}s`;
  if (hours) return `${hours}h${minutes}m${seconds}`;
  if (minutes) return `${minutes}m${seconds}`;
  return seconds;
}
