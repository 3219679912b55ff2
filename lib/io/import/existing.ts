import { emailKey, nameKey } from '../../domain/text';
import type { Account, Contact, Deal } from '../../domain/records';
import type { ImportEntity } from './fields';
import { naturalKeyOf } from './identity';
import type { ExistingIndex, ExistingRef } from './rows';

interface Stored {
  id: string;
  createdAt: number;
  sourceKey?: string | null;
  provenance?: { site: string; externalId: string | null } | null;
}

/**
 * What is already stored, indexed for matching a file against (pure: the database reads the
 * tables, lib/db/import.ts). `records` are the stored records of the entity being imported.
 */
export function indexExisting(
  entity: ImportEntity,
  records: readonly Stored[],
  book: { accounts: readonly Account[]; deals: readonly Deal[]; contacts: readonly Contact[] },
): ExistingIndex {
  const bySourceKey = new Map<string, ExistingRef>();
  const byNaturalKey = new Map<string, ExistingRef[]>();
  for (const r of records) {
    const ref = { id: r.id, createdAt: r.createdAt };
    const key = entity === 'activities' ? (r.provenance?.externalId ? `${r.provenance.site}:${r.provenance.externalId}` : null) : r.sourceKey;
    if (key) bySourceKey.set(key, ref);
    const nk = naturalKeyOf(entity, r as unknown as Record<string, unknown>);
    if (!nk) continue;
    const list = byNaturalKey.get(nk.key);
    if (list) list.push(ref);
    else byNaturalKey.set(nk.key, [ref]);
  }
  // Oldest first, then by id: the n-th row of a natural key always meets the same record.
  for (const list of byNaturalKey.values()) list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const accountsByName = new Map<string, string>();
  const accountsBySourceKey = new Map<string, string>();
  for (const a of book.accounts) {
    const k = nameKey(a.name);
    if (!accountsByName.has(k)) accountsByName.set(k, a.id);
    if (a.sourceKey) accountsBySourceKey.set(a.sourceKey, a.id);
  }
  const dealsBySourceKey = new Map<string, string>();
  const dealsByName = new Map<string, string>();
  for (const d of book.deals) {
    if (d.sourceKey) dealsBySourceKey.set(d.sourceKey, d.id);
    const k = nameKey(d.name);
    if (!dealsByName.has(k)) dealsByName.set(k, d.id);
  }
  const contactsByEmail = new Map<string, string>();
  const contactsByName = new Map<string, string>();
  for (const c of book.contacts) {
    for (const e of c.emails) contactsByEmail.set(emailKey(e), c.id);
    const k = nameKey(c.name);
    if (!contactsByName.has(k)) contactsByName.set(k, c.id);
  }
  return { bySourceKey, byNaturalKey, accountsByName, accountsBySourceKey, dealsBySourceKey, dealsByName, contactsByEmail, contactsByName };
}
