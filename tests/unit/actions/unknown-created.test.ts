import { describe, expect, it } from 'vitest';
import { activity, ago, agoAt, book, deal, options, nextActions } from './fixtures';

// A deal's created date may be unknown (null: the source did not say). Its age is then
// unknown too, and no rule guesses it (lib/actions/README.md, "Unknown created date").

const kinds = (b: ReturnType<typeof book>, o = options()) => nextActions(b, o).map((a) => a.key);

describe('deals with no created date', () => {
  it('stale_deal: with no touch either, the deal is not judged (no age is guessed)', () => {
    expect(kinds(book({ deals: [deal('d1', { createdOn: null })] }))).toEqual([]);
  });

  it('stale_deal: goes by the last touch alone, with the reason that names it', () => {
    const [a] = nextActions(
      book({ deals: [deal('d1', { createdOn: null })], activities: [activity('x', { dealId: 'd1', at: agoAt(20) })] }),
      options(),
    );
    expect(a!.key).toBe('stale_deal:d1');
    expect(a!.reason).toEqual({ key: 'actions.reason.stale_deal', params: { deal: 'Deal d1', days: 20, lastActivity: ago(20) } });
    expect(a!.due).toBe(ago(6));
    // A touch inside the threshold: not stale.
    expect(kinds(book({ deals: [deal('d1', { createdOn: null })], activities: [activity('x', { dealId: 'd1', at: agoAt(14) })] }))).toEqual([]);
  });

  it('closing_without_meeting: fires with no meeting at all, triggered at the period start (not at a guessed creation)', () => {
    const acts = nextActions(book({ deals: [deal('d1', { createdOn: null, closeOn: '2026-11-30' })] }), options());
    const a = acts.find((x) => x.kind === 'closing_without_meeting')!;
    expect(a.due).toBe('2026-11-23');
    const late = nextActions(
      book({ deals: [deal('d1', { createdOn: null, closeOn: '2026-11-30' })] }),
      options({ period: { start: '2026-11-26', end: '2026-11-30' } }),
    ).find((x) => x.kind === 'closing_without_meeting')!;
    expect(late.due).toBe('2026-11-26'); // never before the period
  });

  it('closing_without_meeting: any meeting counts (it cannot be shown to predate the deal)', () => {
    const b = book({
      deals: [deal('d1', { createdOn: null, closeOn: '2026-11-30' })],
      activities: [activity('m', { dealId: 'd1', kind: 'meeting', at: agoAt(200) })],
    });
    expect(nextActions(b, options()).filter((a) => a.kind === 'closing_without_meeting')).toEqual([]);
  });

  it('the other deal rules do not need the date', () => {
    const keys = kinds(book({ deals: [deal('d1', { createdOn: null, closeOn: ago(3), nextStepDue: ago(2) })] }));
    expect(keys).toContain('overdue_next_step:d1');
    expect(keys).toContain('close_date_passed:d1');
  });
});
