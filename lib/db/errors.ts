import type { z } from 'zod';

export interface WriteProblem {
  /** Dotted path of the field at fault ('' for the record as a whole). */
  field: string;
  message: string;
}

/**
 * A write refused before anything was stored: which table, which record, which fields and why.
 * Every lib/db writer throws this (and nothing is written) when a record fails its schema.
 */
export class InvalidWriteError extends Error {
  constructor(
    readonly table: string,
    readonly id: string | null,
    readonly problems: WriteProblem[],
  ) {
    super(`${table}${id ? ` ${id}` : ''}: ${problems.map((p) => `${p.field || '(record)'}: ${p.message}`).join('; ')}`);
    this.name = 'InvalidWriteError';
  }
}

/** Parses with `schema` or throws an InvalidWriteError naming the table, record and fields. */
export function validateFor<T>(schema: z.ZodType<T>, table: string, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const id = typeof (value as { id?: unknown })?.id === 'string' ? (value as { id: string }).id : null;
  throw new InvalidWriteError(
    table,
    id,
    r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
  );
}
