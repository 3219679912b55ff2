import type { InvalidRecord } from '../../lib/db';

/** Stored records that failed their schema, one line each: table, id and what is wrong (shared by the panel and Options). */
export function InvalidRecordList({ invalid }: { invalid: readonly InvalidRecord[] }) {
  return (
    <ul>
      {invalid.map((r) => (
        <li key={`${r.table}:${r.id}`}>
          {r.table} {r.id}: {r.problems.join('; ')}
        </li>
      ))}
    </ul>
  );
}
