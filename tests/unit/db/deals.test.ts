import { describe, expect, it } from 'vitest';
import { CockpitDB } from '../../../lib/db';
import { dealHistoryOf, editDeal, restoreDeal } from '../../../lib/db/deals';
import { dealSchema } from '../../../lib/domain/records';

const NOW = Date.UTC(2026, 11, 2);
const deal = dealSchema.parse({
  id: 'd1', createdAt: 1, updatedAt: 1, name: 'MES rollout', currency: 'THB', amountMinor: 100_000, stage: 'Proposal', status: 'open',
  probability: 0.5, forecastCategory: 'best_case', createdOn: '2026-10-01', closeOn: '2026-12-20',
});

describe('editDeal', () => {
  it('writes the change and appends history for each tracked field, in one transaction; undo writes it back', async () => {
    const db = new CockpitDB(`deals-${Math.random()}`);
    await db.deals.add(deal);
    const before = await editDeal(db, 'd1', { stage: 'Negotiation', probability: 0.8, closeOn: '2027-01-15', nextStep: 'Send contract' }, NOW);
    expect(before).toEqual(deal);
    expect(await db.deals.get('d1')).toMatchObject({ stage: 'Negotiation', probability: 0.8, closeOn: '2027-01-15', nextStep: 'Send contract', updatedAt: NOW });
    expect((await dealHistoryOf(db, 'd1')).map((h) => [h.field, h.from, h.to, h.source]).sort()).toEqual([
      ['closeOn', '2026-12-20', '2027-01-15', 'edit'],
      ['probability', 0.5, 0.8, 'edit'],
      ['stage', 'Proposal', 'Negotiation', 'edit'],
    ]);
    await restoreDeal(db, before!, NOW + 1);
    expect(await db.deals.get('d1')).toMatchObject({ stage: 'Proposal', closeOn: '2026-12-20', nextStep: null, updatedAt: NOW + 1 });
    expect((await dealHistoryOf(db, 'd1')).filter((h) => h.source === 'undo')).toHaveLength(3);
  });

  it('refuses an invalid edit with the field named and writes nothing', async () => {
    const db = new CockpitDB(`deals-bad-${Math.random()}`);
    await db.deals.add(deal);
    await expect(editDeal(db, 'd1', { probability: 80 }, NOW)).rejects.toMatchObject({ table: 'deals', problems: [expect.objectContaining({ field: 'probability' })] });
    expect(await db.deals.get('d1')).toEqual(deal);
    expect(await db.dealHistory.count()).toBe(0);
    expect(await editDeal(db, 'nope', { stage: 'X' }, NOW)).toBeUndefined();
  });
});
