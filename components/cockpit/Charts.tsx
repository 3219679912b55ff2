/** Small charts drawn from numbers as React elements (never HTML strings). */

const W = 100;
const H = 24;

/** A trend line: one point per period, a gap where a value is null, a dot on the latest. */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const nums = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length < 2 || nums.length === 0) return null;
  const min = Math.min(0, ...nums);
  const max = Math.max(...nums);
  const span = max - min || 1;
  const x = (i: number) => (i / (values.length - 1)) * (W - 4) + 2;
  const y = (v: number) => H - 2 - ((v - min) / span) * (H - 4);
  const segments: string[] = [];
  let cur: string[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (cur.length) segments.push(cur.join(' '));
      cur = [];
    } else cur.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (cur.length) segments.push(cur.join(' '));
  const lastIndex = values.length - 1;
  const last = values[lastIndex];
  return (
    <svg className="spark" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label} data-testid="trend">
      {segments.map((pts, i) =>
        pts.includes(' ') ? <polyline key={i} points={pts} fill="none" stroke="currentColor" strokeWidth="1.5" vectorEffect="non-scaling-stroke" /> : null,
      )}
      {last !== null && last !== undefined && Number.isFinite(last) && <circle cx={x(lastIndex)} cy={y(last)} r="1.8" fill="currentColor" />}
    </svg>
  );
}

/** Progress against a target: the bar fills to value/target, a tick marks the target. */
export function Gauge({ fraction, label }: { fraction: number; label: string }) {
  const shown = Math.max(0, Math.min(fraction, 1.5));
  const scale = W / 1.5;
  return (
    <svg className={fraction >= 1 ? 'gauge gauge-met' : 'gauge'} viewBox={`0 0 ${W} 8`} preserveAspectRatio="none" role="img" aria-label={label} data-testid="gauge">
      <rect x="0" y="1" width={W} height="6" rx="3" className="gauge-track" />
      <rect x="0" y="1" width={shown * scale} height="6" rx="3" className="gauge-fill" />
      <rect x={scale - 0.5} y="0" width="1" height="8" className="gauge-target" />
    </svg>
  );
}
