import { emailKey, nameKey } from '../../domain/text';
import type { ImportEntity } from './fields';

/**
 * How a file row without a CRM record id is recognised as a record already stored: a natural
 * key the AE confirms in the preview, never a name alone. Computed the same way from a record
 * the importer builds and from a stored record, so a re-import of the same file finds them.
 *
 * Deals: name + account + created date (or + close date when the file has no created date);
 * contacts and leads: email, else name + account (company); accounts: name; activities: kind +
 * time + subject + what it is linked to.
 */
export type MatchRule =
  | 'name_account_created'
  | 'name_account_close'
  | 'name_account'
  | 'email'
  | 'name'
  | 'activity_time';

export interface NaturalKey {
  key: string;
  rule: MatchRule;
}

type Rec = Record<string, unknown>;
const s = (v: unknown) => (typeof v === 'string' ? v : '');
const SEP = '\u001f';

export function naturalKeyOf(entity: ImportEntity, r: Rec): NaturalKey | null {
  switch (entity) {
    case 'deals': {
      const name = nameKey(s(r.name));
      const account = s(r.accountId);
      // A deal with neither an account nor a date is known by its name alone: never matched.
      if (!name || !account) return null;
      if (r.createdOn) return { key: [name, account, s(r.createdOn)].join(SEP), rule: 'name_account_created' };
      if (r.closeOn) return { key: [name, account, 'close', s(r.closeOn)].join(SEP), rule: 'name_account_close' };
      return { key: [name, account].join(SEP), rule: 'name_account' };
    }
    case 'accounts': {
      const name = nameKey(s(r.name));
      return name ? { key: name, rule: 'name' } : null;
    }
    case 'contacts': {
      const email = Array.isArray(r.emails) && typeof r.emails[0] === 'string' ? emailKey(r.emails[0]) : '';
      if (email) return { key: `@${email}`, rule: 'email' };
      const name = nameKey(s(r.name));
      return name && r.accountId ? { key: [name, s(r.accountId)].join(SEP), rule: 'name_account' } : null;
    }
    case 'leads': {
      const email = emailKey(s(r.email));
      if (email) return { key: `@${email}`, rule: 'email' };
      const name = nameKey(s(r.name));
      const company = nameKey(s(r.company));
      return name && company ? { key: [name, company].join(SEP), rule: 'name_account' } : null;
    }
    case 'activities': {
      if (typeof r.at !== 'number') return null;
      return {
        key: [s(r.kind), String(r.at), nameKey(s(r.subject)), s(r.dealId), s(r.accountId), s(r.contactId)].join(SEP),
        rule: 'activity_time',
      };
    }
  }
}
