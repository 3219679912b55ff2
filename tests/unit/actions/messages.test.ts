import { placeholdersOf } from '../../../lib/i18n';
import { describe, expect, it } from 'vitest';
import { SUGGESTION, URGENCY } from '../../../lib/actions';
import { actionsMessages } from '../../../lib/i18n/messages/actions';
import { account, activity, ago, agoAt, book, contact, csat, deal, lead, options, product, nextActions } from './fixtures';

const placeholders = placeholdersOf;
const kinds = Object.keys(URGENCY);
const suggestions = [...new Set(Object.values(SUGGESTION))];

describe('actions messages', () => {
  const en: Record<string, string> = actionsMessages.en;
  const th: Record<string, string> = actionsMessages.th;

  it('has kind, reason and suggestion keys for every rule, in both languages', () => {
    const needed = [
      ...kinds.map((k) => `actions.kind.${k}`),
      ...kinds.map((k) => `actions.reason.${k}`),
      ...suggestions.map((s) => `actions.suggest.${s}`),
    ];
    for (const key of needed) {
      expect(en[key], key).toBeTruthy();
      expect(th[key], key).toBeTruthy();
    }
    expect(suggestions).toHaveLength(9);
  });

  it('uses the same keys and the same {placeholders} in English and Thai, and Thai is Thai', () => {
    expect(Object.keys(th).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(key.startsWith('actions.')).toBe(true);
      expect(placeholders(th[key]!), key).toEqual(placeholders(en[key]!));
      expect(th[key], key).toMatch(/[\u0E00-\u0E7F]/);
    }
  });

  it('every action the engine emits has a known reason and label, with all its placeholders filled', () => {
    const b = book({
      products: [product('p1'), product('p2'), product('p3')],
      accounts: [account('a1', { isTarget: true, potentialMinor: 1000 })],
      contacts: [contact('c1', { accountId: 'a1' })],
      deals: [
        deal('d1', { nextStep: 'Demo', nextStepDue: ago(2), closeOn: ago(1), createdOn: ago(40) }),
        deal('d2', { nextStepDue: ago(2), closeOn: '2026-11-30', createdOn: ago(40) }),
        deal('d3', { createdOn: ago(40) }),
        deal('w1', { accountId: 'a1', status: 'won', closeOn: ago(200) }),
      ],
      activities: [activity('x', { dealId: 'd3', at: agoAt(30) })],
      leads: [lead('l1', { qualifiedOn: ago(9) })],
      csat: [csat('s1', { score: 1 })],
    });
    const acts = nextActions(b, options({ coverage: { ratio: 1, remainingQuotaMinor: 100, openPipelineMinor: 100 } }));
    expect(new Set(acts.map((a) => a.kind))).toEqual(new Set(kinds));
    expect(new Set(acts.map((a) => a.reason.key)).size).toBeGreaterThanOrEqual(11); // both variants of two rules
    for (const a of acts) {
      for (const lang of [en, th]) {
        const template = lang[a.reason.key];
        expect(template, a.reason.key).toBeTruthy();
        for (const p of placeholders(template!)) expect(a.reason.params, `${a.key} {${p}}`).toHaveProperty(p);
        expect(lang[a.suggestion.labelKey], a.suggestion.labelKey).toBeTruthy();
      }
    }
  });
});
