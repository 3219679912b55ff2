import { useRef, type ReactNode } from 'react';

/**
 * Amount typed in major units ("12,500.50", "1 000"): thousands separators are dropped.
 * null when empty, NaN when it is not a number.
 */
export function parseMajor(text: string): number | null {
  const s = text.replace(/[\s,_]/g, '');
  if (!s) return null;
  return /^-?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
}

/** Stage names are compared exactly as the importer compares them. */
export { wordKey as stageKey } from '../../../lib/domain/primitives';

/** Territory names: case-insensitive, runs of spaces count as one. */
export function territoryKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The latest value for callbacks that run later (undo), so they never restore onto stale settings. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function ErrorText({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
    </p>
  );
}
