/** A new record id. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
