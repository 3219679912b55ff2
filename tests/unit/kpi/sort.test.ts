import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByDay, positionsByDay } from '../../../lib/kpi/days';

/** Reference: per class, the record indices sorted by (day, index) with Array.prototype.sort. */
function referencePositions(days: number[], cls: number[] | null, nCls: number): { pos: number[]; counts: number[] } {
  const pos = days.map(() => -1);
  const counts: number[] = [];
  for (let c = 0; c < nCls; c++) {
    const members = days.map((_, i) => i).filter((i) => (cls === null ? 0 : cls[i]!) === c);
    members.sort((a, b) => days[a]! - days[b]! || a - b);
    members.forEach((i, p) => (pos[i] = p));
    counts.push(members.length);
  }
  return { pos, counts };
}

const LEFT_OUT = 255;

describe('positionsByDay (counting sort by day, several classes)', () => {
  it('hand-worked example: two classes and a left-out record', () => {
    const days = Int32Array.from([5, 3, 5, 1, 3, 2]);
    const cls = Uint8Array.from([0, 1, 0, LEFT_OUT, 0, 1]);
    const { pos, counts } = positionsByDay(days, cls, 2, 6);
    // class 0 in order: record 4 (day 3), 0 (day 5), 2 (day 5); class 1: record 5 (day 2), 1 (day 3)
    expect([...pos]).toEqual([1, 1, 2, -1, 0, 0]);
    expect([...counts]).toEqual([3, 2]);
  });

  it('equals a reference stable sort on random input, dense and sparse day ranges', () => {
    const dayArb = fc.oneof(
      fc.integer({ min: 20_000, max: 20_040 }), // dense: a few weeks
      fc.integer({ min: -1_000_000, max: 3_000_000 }), // sparse: centuries apart (comparison-sort fallback)
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(dayArb, fc.integer({ min: 0, max: 3 })), { maxLength: 200 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (rows, nCls, allOneClass) => {
          const days = rows.map((r) => r[0]);
          // Class values >= nCls are left out, like records without a day.
          const cls = allOneClass ? null : rows.map((r) => (r[1] >= nCls ? LEFT_OUT : r[1]));
          const got = positionsByDay(Int32Array.from(days), cls === null ? null : Uint8Array.from(cls), nCls, days.length);
          const want = referencePositions(days, cls, allOneClass ? 1 : nCls);
          expect([...got.pos]).toEqual(want.pos);
          expect([...got.counts].slice(0, want.counts.length)).toEqual(want.counts);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with orderByDay for one class (positions are the inverse permutation)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 100 }), (ds) => {
        const days = Int32Array.from(ds);
        const order = orderByDay(days, ds.length);
        const { pos } = positionsByDay(days, null, 1, ds.length);
        for (let p = 0; p < ds.length; p++) expect(pos[order[p]!]).toBe(p);
      }),
    );
  });

  it('an empty table or all records left out give no positions', () => {
    expect(positionsByDay(new Int32Array(0), null, 1, 0).counts[0]).toBe(0);
    const r = positionsByDay(Int32Array.from([1, 2]), Uint8Array.from([LEFT_OUT, LEFT_OUT]), 2, 2);
    expect([...r.pos]).toEqual([-1, -1]);
    expect([...r.counts]).toEqual([0, 0]);
  });
});
