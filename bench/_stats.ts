/** Shared by the bench scripts: medians and the one-JSON-line output format. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function benchLine(bench: string, times: readonly number[], floors: readonly number[], extra: Record<string, unknown> = {}): string {
  const m = median(times);
  const f = median(floors);
  return JSON.stringify({ bench, median_ms: r2(m), floor_ms: r2(f), ratio: r2(m / f), runs: times.length, ...extra });
}
