import type { Book } from '../domain/book';
import { currencyExponent, type FxRates } from '../domain/money';
import { dayOf, lowerBound, NO_DAY, positionsByDay, UNKNOWN_DAY } from './days';

/**
 * The KPI index: every record's dates turned into day numbers once, amounts
 * converted to the reporting currency once, records sorted by the day that puts
 * them in a period, with prefix sums. A period's KPIs are then a few binary
 * searches and subtractions, so the 14 periods of a report (current, previous,
 * 12 trend months) cost little more than one.
 */

export interface KpiIndexOptions {
  reportingCurrency: string;
  fxRates: FxRates;
  /** Minutes east of UTC used to turn activity instants into local days (+420 for Bangkok). */
  tzOffsetMinutes: number;
  /** The AE's territories; when given, territory growth covers only these. */
  territories?: readonly string[];
}

/** Records sorted by a day: positions 0..n-1, `day` ascending, `idx` = index in the book's array. */
export interface DaySeries {
  n: number;
  day: Int32Array;
  idx: Int32Array;
}

export const FLAG_NO_AMOUNT = 1;
export const FLAG_NO_RATE = 2;

/** `WonSeries.cycle` of a won deal with no created date (left out of the cycle KPIs). */
export const CYCLE_NO_CREATED = -1;
/** `WonSeries.cycle` of a won deal that closes before it was created (left out of the cycle KPIs). */
export const CYCLE_BEFORE_CREATED = -2;

export interface WonSeries extends DaySeries {
  /** Prefix sums over positions (length n + 1). */
  revenue: Float64Array;
  orders: Float64Array;
  /** Σ cycle days over the deals with a usable cycle (the others add 0). */
  cycleSum: Float64Array;
  /** Deals with no created date; deals closed before they were created. */
  cycleNoCreated: Int32Array;
  cycleBeforeCreated: Int32Array;
  noRate: Int32Array;
  noAmount: Int32Array;
  /** New-business revenue within the AE's territories. */
  nbRevenue: Float64Array;
  nbNoRate: Int32Array;
  nbNoAmount: Int32Array;
  /** Per position: days from created to close (≥ 0), or CYCLE_NO_CREATED / CYCLE_BEFORE_CREATED. */
  cycle: Int32Array;
  /** Per position: territory index for in-scope new business, -1 otherwise. */
  territory: Int32Array;
}

export interface OpenSeries extends DaySeries {
  amount: Float64Array;
  weighted: Float64Array;
  commit: Float64Array;
  bestCase: Float64Array;
  noRate: Int32Array;
  commitNoRate: Int32Array;
  bestCaseNoRate: Int32Array;
}

/** Activity counts per local day for one kind: prefix sums over days [base, base + prefix.length - 1). */
export interface DayCounts {
  base: number;
  prefix: Int32Array;
  /** Days outside the dense table (dirty data: instants centuries away), sorted. */
  sorted: Int32Array | null;
}

export interface KpiIndex {
  book: Book;
  reportingCurrency: string;
  tzOffsetMinutes: number;
  /** Per deal (book order): converted amount (0 when unknown), flags, days (NO_DAY: no created / close date). */
  dealAmount: Float64Array;
  dealFlags: Uint8Array;
  dealCreated: Int32Array;
  dealClose: Int32Array;
  /** Per deal: index of its account for won deals with a close date, -1 otherwise. */
  dealAccount: Int32Array;
  won: WonSeries;
  lost: DaySeries;
  /** Deals with a created date by created day; `wonBy` per position: close day of a won deal, -NO_DAY if won with no close date, NO_DAY otherwise. */
  created: DaySeries & { wonBy: Int32Array };
  /** Deals with no created date (in no created-day period; never given a substitute). */
  dealsNoCreated: number;
  open: OpenSeries;
  /** Leads by qualified day; `converted` per position: day converted, NO_DAY if not, UNKNOWN_DAY if converted to a deal with no created date. */
  qualified: DaySeries & { converted: Int32Array };
  calls: DayCounts;
  meetings: DayCounts;
  emails: DayCounts;
  /** Per account (book order). */
  accountSince: Int32Array;
  accountChurn: Int32Array;
  accountTarget: Uint8Array;
  targetCount: number;
  accountIndex: Map<string, number>;
  csat: DaySeries & { positive: Int32Array };
  spend: DaySeries & { amount: Float64Array; noRate: Int32Array };
  quotas: { id: string; start: number; end: number; amount: number; currency: string }[];
  /** Active catalogue product ids, and lower-cased names to ids (line items without a product id). */
  catalogue: string[];
  catalogueByName: Map<string, string>;
  territoryNames: (string | null)[];
  convert: (minor: number, currency: string) => number;
}

/**
 * Converts minor units of a currency into reporting-currency minor units, with the
 * very same arithmetic as lib/domain convertMinor, or NaN when no rate is known
 * (NaN never leaves the engine: callers turn it into a null with a reason).
 */
export function makeConverter(to: string, rates: FxRates): (minor: number, currency: string) => number {
  const pt = 10 ** currencyExponent(to);
  // Per currency: [divisor, rate], or null when no rate is known.
  const known = new Map<string, [number, number] | null>();
  let lastCur = to;
  let last: [number, number] | null = [1, 1];
  return (minor, cur) => {
    if (cur === to) return minor;
    if (cur !== lastCur) {
      let k = known.get(cur);
      if (k === undefined) {
        const rate = Object.hasOwn(rates, cur) ? rates[cur] : undefined;
        k = rate === undefined || !(rate > 0) ? null : [10 ** currencyExponent(cur), rate];
        known.set(cur, k);
      }
      lastCur = cur;
      last = k;
    }
    if (last === null) return NaN;
    return Math.round((minor / last[0]) * last[1] * pt);
  };
}

/** Records with a day (all of them), sorted by day: a DaySeries (small tables: CSAT, spend). */
function series(days: Int32Array, n: number): DaySeries {
  const pos = positionsByDay(days, null, 1, n).pos;
  const day = new Int32Array(n);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = pos[i]!;
    day[p] = days[i]!;
    idx[p] = i;
  }
  return { n, day, idx };
}

/** Class of a record left out of a series (`positionsByDay`). */
const NO_SERIES = 255;

const KIND_CALL = 0;
const KIND_MEETING = 1;
const KIND_EMAIL = 2;

/**
 * Activity counts per kind and local day in one pass and no scratch arrays: a dense
 * table that grows (doubling) to cover the days met. Days so far away that the
 * table would exceed 4 entries per activity (dirty data) go to a sorted side list.
 */
function activityCounts(book: Book, tz: number): [DayCounts, DayCounts, DayCounts] {
  const acts = book.activities;
  const n = acts.length;
  const offMs = tz * 60_000;
  const cap = 4 * n + 4096;
  let base = 0;
  let len = 0;
  let table = new Int32Array(0);
  const outside: number[][] = [[], [], []];
  for (let i = 0; i < n; i++) {
    const a = acts[i]!;
    const k = a.kind;
    const code = k === 'call' ? KIND_CALL : k === 'meeting' ? KIND_MEETING : k === 'email' ? KIND_EMAIL : 3;
    if (code === 3) continue;
    const d = Math.floor((a.at + offMs) / 86_400_000);
    let off = d - base;
    if (off < 0 || off >= len) {
      const lo = len === 0 ? d : Math.min(base, d);
      const hi = len === 0 ? d : Math.max(base + len - 1, d);
      const span = hi - lo + 1;
      if (span > cap) {
        outside[code]!.push(d);
        continue;
      }
      const slack = Math.min(Math.max(64, span >> 1), cap - span);
      const nBase = lo - (d < base ? slack : 0);
      const nLen = span + slack;
      const next = new Int32Array(3 * nLen);
      if (len > 0) for (let kk = 0; kk < 3; kk++) next.set(table.subarray(kk * len, (kk + 1) * len), kk * nLen + (base - nBase));
      table = next;
      base = nBase;
      len = nLen;
      off = d - base;
    }
    table[code * len + off]!++;
  }
  const out: DayCounts[] = [];
  for (let k = 0; k < 3; k++) {
    const prefix = new Int32Array(len + 1);
    let run = 0;
    for (let r = 0; r < len; r++) prefix[r + 1] = run += table[k * len + r]!;
    const o = outside[k]!;
    out.push({ base, prefix, sorted: o.length > 0 ? Int32Array.from(o).sort() : null });
  }
  return out as [DayCounts, DayCounts, DayCounts];
}

export function buildKpiIndex(book: Book, opts: KpiIndexOptions): KpiIndex {
  const convert = makeConverter(opts.reportingCurrency, opts.fxRates);

  // ---------------------------------------------------------------- accounts (first: deals need them)
  const accounts = book.accounts;
  const nA = accounts.length;
  const accountIndex = new Map<string, number>();
  for (let i = 0; i < nA; i++) accountIndex.set(accounts[i]!.id, i);
  const firstWon = new Int32Array(nA).fill(NO_DAY);

  // Territories: a fixed list from settings, or every territory met (null = none).
  const fixedTerritories = opts.territories && opts.territories.length > 0 ? opts.territories : null;
  const territoryNames: (string | null)[] = fixedTerritories ? [...fixedTerritories] : [];
  const territoryOf = new Map<string | null, number>(territoryNames.map((t, i) => [t, i]));

  // ---------------------------------------------------------------- deals
  // One pass over the deal objects (the costly part: every field read is a pointer
  // chase) fills compact book-order columns; the sorted series are then scattered
  // from those columns by counting-sort positions, never gathered through an index.
  const deals = book.deals;
  const nD = deals.length;
  const dealAmount = new Float64Array(nD);
  const dealFlags = new Uint8Array(nD);
  const dealCreated = new Int32Array(nD);
  const dealClose = new Int32Array(nD);
  const dealAccount = new Int32Array(nD).fill(-1);
  // Close-day series class: 0 won, 1 lost, 2 open, NO_SERIES without a close day.
  const cls = new Uint8Array(nD);
  // bit 0: status won (with or without a close day); bits 1-2: forecast category of an open deal (1 commit, 2 best case).
  const bits = new Uint8Array(nD);
  // Won: orders (line items, at least 1); open: unused. Won: territory index (-1 out of scope).
  const orders = new Int32Array(nD);
  const terr = new Int32Array(nD);
  const prob = new Float64Array(nD);
  let dealsNoCreated = 0;
  for (let i = 0; i < nD; i++) {
    const d = deals[i]!;
    const createdOn = d.createdOn;
    let created = NO_DAY;
    if (createdOn) created = dayOf(createdOn);
    else dealsNoCreated++;
    const close = d.closeOn ? dayOf(d.closeOn) : NO_DAY;
    dealCreated[i] = created;
    dealClose[i] = close;
    if (d.amountMinor === null) dealFlags[i] = FLAG_NO_AMOUNT;
    else {
      const v = convert(d.amountMinor, d.currency);
      if (v !== v) dealFlags[i] = FLAG_NO_RATE;
      else dealAmount[i] = v;
    }
    const st = d.status;
    if (st === 'won') {
      bits[i] = 1;
      if (close === NO_DAY) {
        cls[i] = NO_SERIES;
        continue;
      }
      cls[i] = 0;
      const nItems = d.lineItems.length;
      orders[i] = nItems > 0 ? nItems : 1;
      let a: number | undefined;
      if (d.accountId !== null) {
        a = accountIndex.get(d.accountId);
        if (a !== undefined) {
          dealAccount[i] = a;
          if (close < firstWon[a]!) firstWon[a] = close;
        }
      }
      let t = -1;
      if (d.type === 'new_business') {
        const name = d.territory ?? (a !== undefined ? accounts[a]!.territory : null);
        const known = territoryOf.get(name);
        if (known !== undefined) t = known;
        else if (!fixedTerritories) {
          t = territoryNames.length;
          territoryNames.push(name);
          territoryOf.set(name, t);
        }
      }
      terr[i] = t;
    } else if (close === NO_DAY) cls[i] = NO_SERIES;
    else if (st === 'lost') cls[i] = 1;
    else {
      cls[i] = 2;
      const cat = d.forecastCategory;
      bits[i] = cat === 'commit' ? 2 : cat === 'best_case' ? 4 : 0;
      prob[i] = d.probability;
    }
  }

  // Won, lost and open deals by close day. Prefix-sum columns get each deal's own
  // value at position + 1 first, then are summed in place, in position order (the
  // same additions in the same order as summing a sorted list).
  const byClose = positionsByDay(dealClose, cls, 3, nD);
  const nWon = byClose.counts[0]!;
  const nLost = byClose.counts[1]!;
  const nOpen = byClose.counts[2]!;
  const pos = byClose.pos;
  const wDay = new Int32Array(nWon);
  const wIdx = new Int32Array(nWon);
  const cycle = new Int32Array(nWon);
  const territory = new Int32Array(nWon);
  const revenue = new Float64Array(nWon + 1);
  const ordersSum = new Float64Array(nWon + 1);
  const cycleSum = new Float64Array(nWon + 1);
  const cycleNoCreated = new Int32Array(nWon + 1);
  const cycleBefore = new Int32Array(nWon + 1);
  const noRate = new Int32Array(nWon + 1);
  const noAmount = new Int32Array(nWon + 1);
  const nbRevenue = new Float64Array(nWon + 1);
  const nbNoRate = new Int32Array(nWon + 1);
  const nbNoAmount = new Int32Array(nWon + 1);
  const lDay = new Int32Array(nLost);
  const lIdx = new Int32Array(nLost);
  const oDay = new Int32Array(nOpen);
  const oIdx = new Int32Array(nOpen);
  const oAmount = new Float64Array(nOpen + 1);
  const oWeighted = new Float64Array(nOpen + 1);
  const oCommit = new Float64Array(nOpen + 1);
  const oBest = new Float64Array(nOpen + 1);
  const oNoRate = new Int32Array(nOpen + 1);
  const oCommitNoRate = new Int32Array(nOpen + 1);
  const oBestNoRate = new Int32Array(nOpen + 1);
  for (let i = 0; i < nD; i++) {
    const c = cls[i]!;
    if (c === NO_SERIES) continue;
    const p = pos[i]!;
    const day = dealClose[i]!;
    const f = dealFlags[i]!;
    const amt = dealAmount[i]!; // 0 when unknown: an open deal with no amount yet adds 0
    if (c === 0) {
      wDay[p] = day;
      wIdx[p] = i;
      const cr = dealCreated[i]!;
      const q = p + 1;
      // Unknown or impossible cycles are marked and counted, never turned into 0 days.
      if (cr === NO_DAY) {
        cycle[p] = CYCLE_NO_CREATED;
        cycleNoCreated[q] = 1;
      } else if (day < cr) {
        cycle[p] = CYCLE_BEFORE_CREATED;
        cycleBefore[q] = 1;
      } else {
        cycle[p] = day - cr;
        cycleSum[q] = day - cr;
      }
      const t = terr[i]!;
      territory[p] = t;
      revenue[q] = amt;
      ordersSum[q] = orders[i]!;
      if (f === FLAG_NO_RATE) noRate[q] = 1;
      else if (f === FLAG_NO_AMOUNT) noAmount[q] = 1;
      if (t >= 0) {
        nbRevenue[q] = amt;
        if (f === FLAG_NO_RATE) nbNoRate[q] = 1;
        else if (f === FLAG_NO_AMOUNT) nbNoAmount[q] = 1;
      }
    } else if (c === 1) {
      lDay[p] = day;
      lIdx[p] = i;
    } else {
      oDay[p] = day;
      oIdx[p] = i;
      const q = p + 1;
      const bad = f === FLAG_NO_RATE ? 1 : 0;
      const cat = bits[i]!;
      oAmount[q] = amt;
      oWeighted[q] = amt * prob[i]!;
      oNoRate[q] = bad;
      if (cat === 2) {
        oCommit[q] = amt;
        oCommitNoRate[q] = bad;
      } else if (cat === 4) {
        oBest[q] = amt;
        oBestNoRate[q] = bad;
      }
    }
  }
  for (let q = 1; q <= nWon; q++) {
    revenue[q]! += revenue[q - 1]!;
    ordersSum[q]! += ordersSum[q - 1]!;
    cycleSum[q]! += cycleSum[q - 1]!;
    cycleNoCreated[q]! += cycleNoCreated[q - 1]!;
    cycleBefore[q]! += cycleBefore[q - 1]!;
    noRate[q]! += noRate[q - 1]!;
    noAmount[q]! += noAmount[q - 1]!;
    nbRevenue[q]! += nbRevenue[q - 1]!;
    nbNoRate[q]! += nbNoRate[q - 1]!;
    nbNoAmount[q]! += nbNoAmount[q - 1]!;
  }
  for (let q = 1; q <= nOpen; q++) {
    oAmount[q]! += oAmount[q - 1]!;
    oWeighted[q]! += oWeighted[q - 1]!;
    oCommit[q]! += oCommit[q - 1]!;
    oBest[q]! += oBest[q - 1]!;
    oNoRate[q]! += oNoRate[q - 1]!;
    oCommitNoRate[q]! += oCommitNoRate[q - 1]!;
    oBestNoRate[q]! += oBestNoRate[q - 1]!;
  }
  const won: WonSeries = {
    n: nWon,
    day: wDay,
    idx: wIdx,
    revenue,
    orders: ordersSum,
    cycleSum,
    cycleNoCreated,
    cycleBeforeCreated: cycleBefore,
    noRate,
    noAmount,
    nbRevenue,
    nbNoRate,
    nbNoAmount,
    cycle,
    territory,
  };
  const lost: DaySeries = { n: nLost, day: lDay, idx: lIdx };
  const open: OpenSeries = {
    n: nOpen,
    day: oDay,
    idx: oIdx,
    amount: oAmount,
    weighted: oWeighted,
    commit: oCommit,
    bestCase: oBest,
    noRate: oNoRate,
    commitNoRate: oCommitNoRate,
    bestCaseNoRate: oBestNoRate,
  };

  // Deals with a created date by created day (the others are in no period).
  let createdCls: Uint8Array | null = null;
  if (dealsNoCreated > 0) {
    createdCls = new Uint8Array(nD);
    for (let i = 0; i < nD; i++) if (dealCreated[i] === NO_DAY) createdCls[i] = NO_SERIES;
  }
  const byCreated = positionsByDay(dealCreated, createdCls, 1, nD).pos;
  const nCreated = nD - dealsNoCreated;
  const cDay = new Int32Array(nCreated);
  const cIdx = new Int32Array(nCreated);
  const wonBy = new Int32Array(nCreated);
  for (let i = 0; i < nD; i++) {
    const p = byCreated[i]!;
    if (p < 0) continue;
    cDay[p] = dealCreated[i]!;
    cIdx[p] = i;
    wonBy[p] = (bits[i]! & 1) === 1 ? (dealClose[i] === NO_DAY ? -NO_DAY : dealClose[i]!) : NO_DAY;
  }

  // ---------------------------------------------------------------- leads
  const leads = book.leads;
  const nL = leads.length;
  const lQual = new Int32Array(nL);
  const lConv = new Int32Array(nL);
  const lCls = new Uint8Array(nL);
  // Converted leads without a date take their deal's created date: look those deals up in one pass.
  let waiting: Map<string, number[]> | null = null;
  for (let i = 0; i < nL; i++) {
    const l = leads[i]!;
    const q = l.qualifiedOn;
    if (!q) {
      lCls[i] = NO_SERIES;
      continue;
    }
    const qd = dayOf(q);
    lQual[i] = qd;
    if (l.convertedOn) lConv[i] = dayOf(l.convertedOn);
    else if (l.convertedDealId) {
      lConv[i] = qd; // if the deal is not in the book: converted when qualified
      waiting ??= new Map();
      const list = waiting.get(l.convertedDealId);
      if (list) list.push(i);
      else waiting.set(l.convertedDealId, [i]);
    } else lConv[i] = NO_DAY;
  }
  if (waiting) {
    for (let i = 0; i < nD; i++) {
      const list = waiting.get(deals[i]!.id);
      if (list) {
        // The deal's created day is the conversion day; with none, when it converted is unknown.
        const cr = dealCreated[i]!;
        for (const li of list) lConv[li] = cr === NO_DAY ? UNKNOWN_DAY : cr;
      }
    }
  }
  const byQual = positionsByDay(lQual, lCls, 1, nL);
  const nQ = byQual.counts[0]!;
  const qDay = new Int32Array(nQ);
  const qIdx = new Int32Array(nQ);
  const converted = new Int32Array(nQ);
  for (let i = 0; i < nL; i++) {
    if (lCls[i] === NO_SERIES) continue;
    const p = byQual.pos[i]!;
    qDay[p] = lQual[i]!;
    qIdx[p] = i;
    converted[p] = lConv[i]!;
  }

  // ---------------------------------------------------------------- activities
  const [calls, meetings, emails] = activityCounts(book, opts.tzOffsetMinutes);

  // ---------------------------------------------------------------- accounts
  const accountSince = new Int32Array(nA);
  const accountChurn = new Int32Array(nA);
  const accountTarget = new Uint8Array(nA);
  let targetCount = 0;
  for (let i = 0; i < nA; i++) {
    const a = accounts[i]!;
    accountSince[i] = a.customerSince ? dayOf(a.customerSince) : firstWon[i]!;
    accountChurn[i] = a.churnedOn ? dayOf(a.churnedOn) : NO_DAY;
    if (a.isTarget) {
      accountTarget[i] = 1;
      targetCount++;
    }
  }

  // ---------------------------------------------------------------- CSAT, spend, quotas, catalogue
  const nC = book.csat.length;
  const cD = new Int32Array(nC);
  for (let i = 0; i < nC; i++) cD[i] = dayOf(book.csat[i]!.on);
  const cS = series(cD, nC);
  const positive = new Int32Array(nC + 1);
  for (let p = 0; p < nC; p++) positive[p + 1] = positive[p]! + (book.csat[cS.idx[p]!]!.score >= 4 ? 1 : 0);

  const nS = book.spend.length;
  const sD = new Int32Array(nS);
  for (let i = 0; i < nS; i++) sD[i] = dayOf(book.spend[i]!.on);
  const sS = series(sD, nS);
  const sAmount = new Float64Array(nS + 1);
  const sNoRate = new Int32Array(nS + 1);
  for (let p = 0; p < nS; p++) {
    const e = book.spend[sS.idx[p]!]!;
    const v = convert(e.amountMinor, e.currency);
    const bad = v !== v;
    sAmount[p + 1] = sAmount[p]! + (bad ? 0 : v);
    sNoRate[p + 1] = sNoRate[p]! + (bad ? 1 : 0);
  }

  const quotas = book.quotas.map((q) => ({
    id: q.id,
    start: dayOf(q.start),
    end: dayOf(q.end),
    amount: convert(q.amountMinor, q.currency),
    currency: q.currency,
  }));

  const catalogue: string[] = [];
  const catalogueByName = new Map<string, string>();
  for (const p of book.products) {
    if (!p.active) continue;
    catalogue.push(p.id);
    catalogueByName.set(p.name.trim().toLowerCase(), p.id);
  }

  return {
    book,
    reportingCurrency: opts.reportingCurrency,
    tzOffsetMinutes: opts.tzOffsetMinutes,
    dealAmount,
    dealFlags,
    dealCreated,
    dealClose,
    dealAccount,
    won,
    lost,
    created: { n: nCreated, day: cDay, idx: cIdx, wonBy },
    dealsNoCreated,
    open,
    qualified: { n: nQ, day: qDay, idx: qIdx, converted },
    calls,
    meetings,
    emails,
    accountSince,
    accountChurn,
    accountTarget,
    targetCount,
    accountIndex,
    csat: { ...cS, positive },
    spend: { ...sS, amount: sAmount, noRate: sNoRate },
    quotas,
    catalogue,
    catalogueByName,
    territoryNames,
    convert,
  };
}

/** Activities of one kind on days [from, to]. */
export function countDays(c: DayCounts, from: number, to: number): number {
  if (to < from) return 0;
  const len = c.prefix.length - 1;
  const a = Math.min(Math.max(from - c.base, 0), len);
  const b = Math.min(Math.max(to - c.base + 1, 0), len);
  let count = c.prefix[b]! - c.prefix[a]!;
  const s = c.sorted;
  if (s) count += lowerBound(s, s.length, to + 1) - lowerBound(s, s.length, from);
  return count;
}
