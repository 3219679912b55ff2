import {
  currencyExponent,
  fromDayNumber,
  localDateOf,
  sourceKeyOf,
  startOfLocalDay,
  toDayNumber,
  type Account,
  type AccountPlan,
  type Activity,
  type ActivityKind,
  type ActivityOutcome,
  type Book,
  type BuyingRole,
  type Contact,
  type CsatResponse,
  type Deal,
  type DealType,
  type IsoDate,
  type Lead,
  type LineItem,
  type Product,
  type Provenance,
  type Quota,
  type SpendEntry,
} from '../domain';
import { withTouches } from '../actions/touches';
import { DEFAULT_STAGE_RULES, type StageRule } from '../settings/schema';
import {
  AE_NAME,
  CSAT_COMMENTS,
  DEAL_SUFFIX,
  FOREIGN_TERRITORIES,
  INTL_BUSINESSES,
  INTL_PLACES,
  LEAD_SOURCES,
  LINE_ITEM_PLANS,
  LOSS_REASONS,
  NEXT_STEPS,
  NOTES,
  PLAN_GOALS,
  PLAN_PAINS,
  PRODUCTS,
  SG_NAMES,
  SUBJECTS,
  THAI_BUSINESSES,
  THAI_FIRST,
  THAI_LAST,
  THAI_PLACES,
  THAI_SCRIPT_NAMES,
  TITLES,
  VN_NAMES,
  intlForm,
  type BusinessWord,
  type PlaceWord,
} from './catalog';
import { cumulative, rngFor, type Rng } from './random';

export interface DemoOptions {
  /** Default 42. */
  seed?: number;
  /** Epoch ms; all dates are relative to the local date of `now`. */
  now: number;
  /** Default 40. */
  accounts?: number;
  /** Default 150. */
  deals?: number;
  /** Default 1000. */
  activities?: number;
  /** Default 120. */
  leads?: number;
  /** Default 'THB'. */
  currency?: string;
}

export type DemoScale = 'demo' | 'bench' | 'bench-half';

const DEMO_DEFAULTS = { seed: 42, accounts: 40, deals: 150, activities: 1000, leads: 120, currency: 'THB' };

/** Option presets: the believable demo book, and the benchmark books. */
export function demoScale(scale: DemoScale): Omit<DemoOptions, 'now'> {
  if (scale === 'bench') {
    return { seed: 42, accounts: 2_000, deals: 100_000, activities: 1_000_000, leads: 50_000, currency: 'THB' };
  }
  if (scale === 'bench-half') {
    return { seed: 42, accounts: 1_000, deals: 50_000, activities: 500_000, leads: 25_000, currency: 'THB' };
  }
  return { ...DEMO_DEFAULTS };
}

/**
 * Rough exchange rate baked into the demo prices: reporting-currency units per
 * foreign unit. Exposed so the app can seed settings.fxRates when it loads the demo
 * (rates live in settings, not in the book).
 */
export const DEMO_USD_THB = 35;

/** Suggested `settings.fxRates` for a demo book generated in `currency`. */
export function demoFxRates(currency = DEMO_DEFAULTS.currency): Record<string, number> {
  const foreign = foreignCurrencyOf(currency);
  return { [foreign]: foreign === 'USD' ? DEMO_USD_THB : 1 / DEMO_USD_THB };
}

function foreignCurrencyOf(currency: string): string {
  return currency === 'USD' ? 'THB' : 'USD';
}

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
/** Closed deals spread over the last 18 months (540 days). */
const HISTORY_DAYS = 540;

// ====================================================================== context

interface Ctx {
  seed: number;
  now: number;
  today: IsoDate;
  todayN: number;
  currency: string;
  foreign: string;
  /** Foreign major units per main major unit. */
  foreignPerMain: number;
  mainScale: number;
  foreignScale: number;
  dateOf(dayN: number): IsoDate;
  dayStart(dayN: number): number;
  provenance(id: string): Provenance;
}

function makeCtx(seed: number, now: number, currency: string): Ctx {
  const today = localDateOf(now);
  const todayN = toDayNumber(today);
  const foreign = foreignCurrencyOf(currency);
  // Caches over the span every generated date falls in: fromDayNumber and the local
  // Date constructor are the hot spots when a million activities are timestamped.
  const base = todayN - 2000;
  const span = 2600;
  const dates: (IsoDate | undefined)[] = new Array<IsoDate | undefined>(span);
  const starts = new Float64Array(span).fill(NaN);
  return {
    seed,
    now,
    today,
    todayN,
    currency,
    foreign,
    foreignPerMain: foreign === 'USD' ? 1 / DEMO_USD_THB : DEMO_USD_THB,
    mainScale: 10 ** currencyExponent(currency),
    foreignScale: 10 ** currencyExponent(foreign),
    dateOf(dayN) {
      const k = dayN - base;
      if (k < 0 || k >= span) return fromDayNumber(dayN);
      let d = dates[k];
      if (d === undefined) dates[k] = d = fromDayNumber(dayN);
      return d;
    },
    dayStart(dayN) {
      const k = dayN - base;
      if (k < 0 || k >= span) return startOfLocalDay(fromDayNumber(dayN));
      let s = starts[k]!;
      if (Number.isNaN(s)) starts[k] = s = startOfLocalDay(fromDayNumber(dayN));
      return s;
    },
    provenance(id) {
      return { site: 'demo', url: null, externalId: id, capturedAt: now };
    },
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** An instant during office hours on a day, never after `now`. */
function officeInstant(ctx: Ctx, rng: Rng, dayN: number): number {
  const at = ctx.dayStart(dayN) + rng.int(8 * 60, 18 * 60 - 1) * MINUTE;
  return at <= ctx.now ? at : Math.max(0, ctx.now - rng.int(1, 120) * MINUTE);
}

// ====================================================================== generator

export function generateBook(opts: DemoOptions): Book {
  const seed = opts.seed ?? DEMO_DEFAULTS.seed;
  const nAccounts = count(opts.accounts, DEMO_DEFAULTS.accounts, 'accounts');
  const nDeals = count(opts.deals, DEMO_DEFAULTS.deals, 'deals');
  const nActivities = count(opts.activities, DEMO_DEFAULTS.activities, 'activities');
  const nLeads = count(opts.leads, DEMO_DEFAULTS.leads, 'leads');
  const currency = opts.currency ?? DEMO_DEFAULTS.currency;
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`demo: invalid currency ${currency}`);
  if (!Number.isInteger(seed)) throw new RangeError('demo: seed must be an integer');
  if (!Number.isFinite(opts.now) || opts.now < 0) throw new RangeError('demo: now must be an instant');
  if (nDeals > 0 && nAccounts === 0) throw new RangeError('demo: deals need at least one account');

  const ctx = makeCtx(seed, Math.floor(opts.now), currency);
  const products = genProducts(ctx);
  const accounts = genAccountDrafts(ctx, nAccounts);
  const people = genContacts(ctx, accounts);
  const deals = genDeals(ctx, accounts, people, products, nDeals);
  finishAccounts(ctx, accounts);
  const leads = genLeads(ctx, accounts, people, deals, nLeads);
  const activities = genActivities(ctx, accounts, people, deals, nActivities);
  const csat = genCsat(ctx, accounts);
  const spend = genSpend(ctx, nDeals);
  const quotas = genQuotas(ctx, deals, nDeals);
  const accountPlans = genPlans(ctx, accounts);

  // Deals and accounts carry their touches, as the database keeps them on every write.
  return withTouches(
    {
      accounts: accounts.records,
      contacts: people.records,
      leads,
      deals: deals.records,
      activities,
      csat,
      spend,
      quotas,
      products,
      accountPlans,
      actionStates: [],
      dealHistory: [],
      importBatches: [],
    },
    ctx.now,
  );
}

function count(v: number | undefined, fallback: number, what: string): number {
  const n = v ?? fallback;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`demo: ${what} must be a non-negative integer`);
  return n;
}

// ====================================================================== products

function genProducts(ctx: Ctx): Product[] {
  const at = ctx.dayStart(ctx.todayN - 900);
  return PRODUCTS.map((p, i) => ({
    id: `demo-product-${pad(i + 1, 2)}`,
    createdAt: at,
    updatedAt: at,
    name: p.name,
    sku: p.sku,
    listPriceMinor: p.listMajor * ctx.mainScale,
    currency: ctx.currency,
    active: true,
  }));
}

// ====================================================================== accounts

interface AccountSet {
  records: Account[];
  /** Short display name ("สยามเทค", "Saigon Logistics") used in deal names. */
  short: string[];
  domain: string[];
  territory: string[];
  foreign: boolean[];
  // Filled by genDeals / finishAccounts.
  firstWonN: Int32Array;
  lastWonN: Int32Array;
  firstDealN: Int32Array;
  openDeals: Int32Array;
  churnN: Int32Array;
}

const NONE = 2 ** 31 - 1;

function genAccountDrafts(ctx: Ctx, n: number): AccountSet {
  const rng = rngFor(ctx.seed, 'accounts');
  interface Combo {
    thai: boolean;
    p: PlaceWord;
    b: BusinessWord;
  }
  const combos: Combo[] = [];
  for (const p of THAI_PLACES) for (const b of THAI_BUSINESSES) combos.push({ thai: true, p, b });
  for (const p of INTL_PLACES) for (const b of INTL_BUSINESSES) combos.push({ thai: false, p, b });
  rng.shuffle(combos);

  const set: AccountSet = {
    records: [],
    short: [],
    domain: [],
    territory: [],
    foreign: [],
    firstWonN: new Int32Array(n).fill(NONE),
    lastWonN: new Int32Array(n).fill(-NONE),
    firstDealN: new Int32Array(n).fill(NONE),
    openDeals: new Int32Array(n),
    churnN: new Int32Array(n).fill(NONE),
  };
  const usedDomains = new Set<string>();
  for (let i = 0; i < n; i++) {
    const c = combos[i % combos.length]!;
    // Past the vocabulary (benchmark books only), number the repeats so names stay unique.
    const round = Math.floor(i / combos.length);
    const tag = round > 0 ? ` ${round + 1}` : '';
    const latin = c.p.latin + c.b.latin + (round > 0 ? String(round + 1) : '');
    let short: string;
    let name: string;
    let domain: string;
    if (c.thai) {
      short = c.p.word + c.b.word + tag;
      name = `บริษัท ${short} จำกัด${rng.chance(0.2) ? ' (มหาชน)' : ''}`;
      domain = `${latin}.co.th`;
    } else {
      short = `${c.p.word} ${c.b.word}${tag}`;
      const form = intlForm(c.p.territory);
      name = `${short} ${form.suffix}`;
      domain = `${latin}.${c.p.territory === 'Bangkok' && rng.chance(0.4) ? 'com' : form.tld}`;
    }
    // Thai and English names can romanise alike (อันดามันรีเทล, Andaman Retail Group): domains must stay unique for e-mail matching.
    while (usedDomains.has(domain)) domain = domain.replace('.', 'group.');
    usedDomains.add(domain);
    const id = `demo-account-${pad(i + 1, 4)}`;
    const provenance = ctx.provenance(id);
    set.records.push({
      id,
      createdAt: 0,
      updatedAt: 0,
      name,
      domains: rng.chance(0.12) ? [domain, `${domain.slice(0, domain.indexOf('.'))}-asia.com`] : [domain],
      industry: c.b.industry,
      territory: c.p.territory,
      isTarget: false,
      customerSince: null,
      churnedOn: null,
      potentialMinor: null,
      potentialCurrency: null,
      notes: '',
      provenance,
      sourceKey: sourceKeyOf(provenance),
      lastTouchAt: null, // set from the activities once they exist (generateBook)
    });
    set.short.push(short);
    set.domain.push(domain);
    set.territory.push(c.p.territory);
    set.foreign.push(FOREIGN_TERRITORIES.has(c.p.territory));
  }
  return set;
}

/** Customer, churn and target flags follow from the deals, so they are set after them. */
function finishAccounts(ctx: Ctx, accounts: AccountSet): void {
  const rng = rngFor(ctx.seed, 'account-status');
  const { todayN } = ctx;
  const n = accounts.records.length;
  let churned = 0;
  let targets = 0;
  let firstChurnable = -1;
  let firstTargetable = -1;
  for (let i = 0; i < n; i++) {
    const a = accounts.records[i]!;
    const firstWon = accounts.firstWonN[i]!;
    const lastWon = accounts.lastWonN[i]!;
    if (firstWon !== NONE) a.customerSince = ctx.dateOf(firstWon);
    // Churn only customers with nothing open and a quiet last quarter: a churned account with live deals is not believable.
    const churnable = firstWon !== NONE && accounts.openDeals[i] === 0 && lastWon <= todayN - 90;
    if (churnable && firstChurnable < 0) firstChurnable = i;
    if (churnable && rng.chance(0.3)) {
      accounts.churnN[i] = lastWon + rng.int(60, todayN - lastWon - 1);
      churned++;
    }
    const targetable = accounts.churnN[i] === NONE;
    if (targetable && firstTargetable < 0) firstTargetable = i;
    if (targetable && rng.chance(0.28)) {
      a.isTarget = true;
      targets++;
    }
    const firstSeen = accounts.firstDealN[i] !== NONE ? accounts.firstDealN[i]! - rng.int(0, 30) : todayN - rng.int(10, 600);
    a.createdAt = ctx.dayStart(firstSeen) + rng.int(9 * 60, 17 * 60) * MINUTE;
    a.updatedAt = Math.max(a.createdAt, ctx.now - rng.int(0, 30 * 24 * 60) * MINUTE);
    if (rng.chance(0.15)) a.notes = rng.pick(NOTES) || 'Key contact prefers LINE for quick questions.';
  }
  // Small books still show the churn and cross-sell cases.
  if (churned === 0 && firstChurnable >= 0) {
    const lastWon = accounts.lastWonN[firstChurnable]!;
    accounts.churnN[firstChurnable] = lastWon + Math.max(1, Math.floor((todayN - lastWon) / 2));
    if (accounts.records[firstChurnable]!.isTarget) {
      accounts.records[firstChurnable]!.isTarget = false;
      targets--;
    }
  }
  if (targets === 0 && firstTargetable >= 0 && accounts.churnN[firstTargetable] === NONE) {
    accounts.records[firstTargetable]!.isTarget = true;
  }
  for (let i = 0; i < n; i++) {
    const a = accounts.records[i]!;
    if (accounts.churnN[i] !== NONE) a.churnedOn = ctx.dateOf(accounts.churnN[i]!);
    if (a.isTarget) {
      a.potentialMinor = rng.int(5, 80) * 1_000_000 * ctx.mainScale;
      a.potentialCurrency = ctx.currency;
    }
  }
}

// ====================================================================== contacts

interface People {
  records: Contact[];
  /** Contact indexes per account; [0] is the decision maker, [1] the champion. */
  byAccount: number[][];
}

const EXTRA_ROLES: readonly BuyingRole[] = ['influencer', 'user', 'user', 'blocker', 'influencer'];

function personName(rng: Rng, territory: string): string {
  if (territory === 'Vietnam') return rng.pick(VN_NAMES);
  if (territory === 'Singapore') return rng.pick(SG_NAMES);
  if (rng.chance(0.12)) return rng.pick(THAI_SCRIPT_NAMES);
  return `${rng.pick(THAI_FIRST)} ${rng.pick(THAI_LAST)}`;
}

/** first.l@domain for romanised names; Thai-script names often come without an address. */
function emailFor(name: string, domain: string): string | null {
  const parts = name.toLowerCase().split(' ');
  const first = parts[0]!;
  if (!/^[a-z]+$/.test(first)) return null;
  const last = parts[parts.length - 1]!;
  return `${first}.${last.charAt(0)}@${domain}`;
}

function phoneFor(rng: Rng, territory: string): string {
  if (territory === 'Vietnam') return `+84 9${rng.int(0, 9)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
  if (territory === 'Singapore') return `+65 ${rng.int(8000, 9999)} ${rng.int(1000, 9999)}`;
  return `+66 8${rng.int(0, 9)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
}

function genContacts(ctx: Ctx, accounts: AccountSet): People {
  const rng = rngFor(ctx.seed, 'contacts');
  const records: Contact[] = [];
  const byAccount: number[][] = [];
  const push = (accountIdx: number, role: BuyingRole | null): number => {
    const territory = accountIdx >= 0 ? accounts.territory[accountIdx]! : 'Bangkok';
    const name = personName(rng, territory);
    const email = emailFor(name, accountIdx >= 0 ? accounts.domain[accountIdx]! : 'gmail.com');
    const id = `demo-contact-${pad(records.length + 1, 5)}`;
    const provenance = ctx.provenance(id);
    const createdAt = ctx.dayStart(ctx.todayN - rng.int(20, 700)) + rng.int(9 * 60, 17 * 60) * MINUTE;
    records.push({
      id,
      createdAt,
      updatedAt: createdAt,
      name,
      emails: email ? [email] : [],
      phone: rng.chance(0.8) ? phoneFor(rng, territory) : null,
      title: role ? rng.pick(TITLES[role]) : null,
      accountId: accountIdx >= 0 ? accounts.records[accountIdx]!.id : null,
      buyingRole: role,
      notes: role === 'blocker' ? 'Sceptical about switching vendors.' : '',
      provenance,
      sourceKey: sourceKeyOf(provenance),
    });
    return records.length - 1;
  };
  for (let a = 0; a < accounts.records.length; a++) {
    const list: number[] = [];
    const k = rng.int(2, 5);
    for (let j = 0; j < k; j++) {
      const role: BuyingRole = j === 0 ? 'decision_maker' : j === 1 ? 'champion' : rng.pick(EXTRA_ROLES);
      list.push(push(a, role));
    }
    byAccount.push(list);
  }
  // A few loose contacts (met at events, no company yet), as in a real inbox.
  const loose = Math.ceil(accounts.records.length / 20);
  for (let j = 0; j < loose; j++) push(-1, null);
  return { records, byAccount };
}

// ====================================================================== deals

interface DealSet {
  records: Deal[];
  acc: Int32Array;
  createdN: Int32Array;
  closeN: Int32Array;
  /** 0 open, 1 won, 2 lost. */
  status: Uint8Array;
  /** Index into contacts, or -1. */
  contact: Int32Array;
  /** Deal amount in main-currency major units (0 when unknown), for quotas. */
  mainMajor: Float64Array;
}

const STATUS_SHARE = { open: 0.34, won: 0.36, lost: 0.3 } as const;
const STAGE_WEIGHT: Record<string, number> = {
  Prospecting: 14,
  Qualification: 16,
  'Needs Analysis': 9,
  Discovery: 11,
  Proposal: 14,
  'Proposal/Price Quote': 9,
  Negotiation: 12,
  'Negotiation/Review': 6,
  'Contract Sent': 7,
  'Closed Won': 86,
  Won: 9,
  closedwon: 5,
  'Closed Lost': 86,
  Lost: 9,
  closedlost: 5,
};
const DEAL_TYPES: readonly DealType[] = ['new_business', 'upsell', 'cross_sell', 'renewal'];
/** Expansion types for accounts that already bought; a new division can still be new business. */
const EXPANSION_CUM = cumulative([0.12, 0.3, 0.3, 0.28]);

function stageCumulative(rules: readonly StageRule[]): Float64Array {
  const statusTotals = { open: 0, won: 0, lost: 0 };
  for (const r of rules) statusTotals[r.status] += STAGE_WEIGHT[r.stage] ?? 5;
  return cumulative(rules.map((r) => (STATUS_SHARE[r.status] * (STAGE_WEIGHT[r.stage] ?? 5)) / statusTotals[r.status]));
}

function genDeals(ctx: Ctx, accounts: AccountSet, people: People, products: Product[], n: number): DealSet {
  const rng = rngFor(ctx.seed, 'deals');
  const { todayN } = ctx;
  const rules = DEFAULT_STAGE_RULES;
  const stageCum = stageCumulative(rules);
  const nAcc = accounts.records.length;

  // Skewed account weights: a few key accounts carry many deals, as in a real book.
  const accCum = cumulative(Array.from({ length: nAcc }, () => 0.4 + 6 * rng.next() ** 3));

  // ---- draft pass: stage, account, dates (in generation order)
  const dStage = new Int32Array(n);
  const dAcc = new Int32Array(n);
  const dCreated = new Int32Array(n);
  const dClose = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let s = rng.weighted(stageCum);
    // Every stage of the default rules appears, spread through the book rather than bunched at the start.
    if (n >= rules.length) {
      const k = Math.floor((i * rules.length) / n);
      if (Math.floor((k * n) / rules.length) === i) {
        s = k;
      }
    }
    dStage[i] = s;
    dAcc[i] = rng.weighted(accCum);
    const rule = rules[s]!;
    if (rule.status === 'open') {
      const age = rng.int(3, 200);
      dCreated[i] = todayN - age;
      // Some open deals slipped past their close date; later stages close sooner.
      dClose[i] =
        age >= 10 && rng.chance(0.12)
          ? todayN - rng.int(1, Math.min(30, age - 5))
          : todayN + rng.int(3, 30 + Math.round((1 - rule.probability) * 150));
    } else {
      const close = todayN - rng.int(1, HISTORY_DAYS);
      dClose[i] = close;
      dCreated[i] = close - (rule.status === 'won' ? rng.int(20, 150) : rng.int(10, 180));
    }
  }

  // ---- order by creation so ids read chronologically
  const perm = Array.from({ length: n }, (_, i) => i);
  perm.sort((a, b) => dCreated[a]! - dCreated[b]! || a - b);

  const set: DealSet = {
    records: new Array<Deal>(n),
    acc: new Int32Array(n),
    createdN: new Int32Array(n),
    closeN: new Int32Array(n),
    status: new Uint8Array(n),
    contact: new Int32Array(n).fill(-1),
    mainMajor: new Float64Array(n),
  };
  const stage = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const j = perm[i]!;
    set.acc[i] = dAcc[j]!;
    set.createdN[i] = dCreated[j]!;
    set.closeN[i] = dClose[j]!;
    stage[i] = dStage[j]!;
    const st = rules[dStage[j]!]!.status;
    set.status[i] = st === 'open' ? 0 : st === 'won' ? 1 : 2;
    if (st === 'won') {
      const a = dAcc[j]!;
      if (dClose[j]! < accounts.firstWonN[a]!) accounts.firstWonN[a] = dClose[j]!;
      if (dClose[j]! > accounts.lastWonN[a]!) accounts.lastWonN[a] = dClose[j]!;
    }
    if (st === 'open') accounts.openDeals[dAcc[j]!]!++;
    if (dCreated[j]! < accounts.firstDealN[dAcc[j]!]!) accounts.firstDealN[dAcc[j]!] = dCreated[j]!;
  }

  // ---- types: expansion only once the account has bought something
  const type = new Uint8Array(n);
  const typeSeen = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const t = accounts.firstWonN[set.acc[i]!]! < set.createdN[i]! ? rng.weighted(EXPANSION_CUM) : 0;
    type[i] = t;
    typeSeen[t]!++;
  }
  // Small books still get every deal type; prefer deals whose account already bought.
  for (let t = 0; t < DEAL_TYPES.length; t++) {
    if (typeSeen[t]! > 0 || n < DEAL_TYPES.length) continue;
    let pickIdx = -1;
    for (let i = 0; i < n && pickIdx < 0; i++) {
      if (typeSeen[type[i]!]! > 1 && (t === 0 || accounts.firstWonN[set.acc[i]!]! < set.createdN[i]!)) pickIdx = i;
    }
    for (let i = 0; i < n && pickIdx < 0; i++) if (typeSeen[type[i]!]! > 1) pickIdx = i;
    if (pickIdx < 0) continue;
    typeSeen[type[pickIdx]!]!--;
    type[pickIdx] = t;
    typeSeen[t]!++;
  }

  // ---- records
  const productIds = products.map((p) => p.id);
  let overdueNextSteps = 0;
  let firstWithNextStep = -1;
  for (let i = 0; i < n; i++) {
    const a = set.acc[i]!;
    const rule = rules[stage[i]!]!;
    const t = DEAL_TYPES[type[i]!]!;
    const createdN = set.createdN[i]!;
    const closeN = set.closeN[i]!;
    const foreign = accounts.foreign[a]! ? rng.chance(0.7) : rng.chance(0.03);
    const currency = foreign ? ctx.foreign : ctx.currency;
    const scale = foreign ? ctx.foreignScale : ctx.mainScale;
    const rate = foreign ? ctx.foreignPerMain : 1;

    // Amount: early open deals often have none yet; otherwise line items or a round figure.
    let amountMinor: number | null = null;
    let lineItems: LineItem[] = [];
    if (!(rule.status === 'open' && rule.probability <= 0.3 && rng.chance(0.35))) {
      if (rng.chance(0.55)) {
        const plan = rng.pick(LINE_ITEM_PLANS[t]);
        const seats = t === 'upsell' ? rng.int(1, 10) * 10 : rng.int(2, 30) * 10;
        const discount = rng.pick([0, 0, 0.05, 0.1, 0.15]);
        let sum = 0;
        lineItems = plan.map((p) => {
          const item = PRODUCTS[p]!;
          const quantity = item.perSeat ? seats : item.sku === 'SVC-TRAIN-D' ? rng.int(1, 5) : 1;
          const unitMajor = Math.max(1, Math.round(item.listMajor * (1 - discount) * rate));
          const unitPriceMinor = unitMajor * scale;
          sum += quantity * unitPriceMinor;
          return { productId: productIds[p]!, productName: item.name, quantity, unitPriceMinor };
        });
        amountMinor = sum;
      } else {
        const [lo, hi] = AMOUNT_RANGE[t];
        const mainMajorAmount = Math.round((lo * (hi / lo) ** rng.next()) / 1000) * 1000;
        const step = foreign ? 100 : 1;
        amountMinor = Math.max(step, Math.round((mainMajorAmount * rate) / step) * step) * scale;
      }
      set.mainMajor[i] = amountMinor / scale / rate;
    }

    const contacts = people.byAccount[a]!;
    // Mostly the champion; sometimes someone else; a few deals have no contact yet.
    let contactIdx = -1;
    if (contacts.length > 0 && !rng.chance(0.05)) {
      contactIdx = contacts.length > 1 && rng.chance(0.6) ? contacts[1]! : rng.pick(contacts);
    }
    set.contact[i] = contactIdx;

    let nextStep: string | null = null;
    let nextStepDue: IsoDate | null = null;
    if (rule.status === 'open' && rng.chance(0.88)) {
      nextStep = rng.pick(NEXT_STEPS);
      const overdue = rng.chance(0.2);
      if (overdue) overdueNextSteps++;
      nextStepDue = ctx.dateOf(overdue ? todayN - rng.int(1, 12) : todayN + rng.int(0, 14));
      if (firstWithNextStep < 0) firstWithNextStep = i;
    }

    const suffix = rng.pick(DEAL_SUFFIX[t]);
    const name = `${accounts.short[a]} — ${suffix}${t === 'renewal' ? ` ${ctx.dateOf(closeN).slice(0, 4)}` : ''}`;
    const createdAt = Math.min(ctx.now, ctx.dayStart(createdN) + rng.int(8 * 60, 18 * 60) * MINUTE);
    const updatedAt =
      rule.status === 'open'
        ? Math.max(createdAt, ctx.now - rng.int(0, 20 * 24 * 60) * MINUTE)
        : Math.max(createdAt, Math.min(ctx.now, ctx.dayStart(closeN) + 17 * 60 * MINUTE));
    const id = `demo-deal-${pad(i + 1, 6)}`;
    const provenance = ctx.provenance(id);
    set.records[i] = {
      id,
      createdAt,
      updatedAt,
      name,
      accountId: accounts.records[a]!.id,
      amountMinor,
      currency,
      stage: rule.stage,
      status: rule.status,
      probability: rule.probability,
      forecastCategory: rule.forecastCategory,
      type: t,
      typeLabel: null,
      createdOn: ctx.dateOf(createdN), // demo deals always have their created date
      closeOn: ctx.dateOf(closeN),
      lossReason: rule.status === 'lost' ? rng.pick(LOSS_REASONS) : null,
      nextStep,
      nextStepDue,
      territory: accounts.territory[a]!,
      ownerName: AE_NAME,
      primaryContactId: contactIdx >= 0 ? people.records[contactIdx]!.id : null,
      lineItems,
      provenance,
      sourceKey: sourceKeyOf(provenance),
      // Set from the activities once they exist (generateBook).
      lastTouchAt: null,
      lastMeetingAt: null,
    };
  }
  // The overdue-next-step action should always have something to show.
  if (overdueNextSteps === 0 && firstWithNextStep >= 0) {
    set.records[firstWithNextStep]!.nextStepDue = ctx.dateOf(todayN - 3);
  }
  return set;
}

/** Round-figure deal sizes in main-currency major units, by type (THB-sized). */
const AMOUNT_RANGE: Record<DealType, readonly [number, number]> = {
  new_business: [300_000, 4_000_000],
  upsell: [100_000, 1_500_000],
  cross_sell: [80_000, 1_000_000],
  renewal: [200_000, 2_500_000],
};

// ====================================================================== leads

function genLeads(ctx: Ctx, accounts: AccountSet, people: People, deals: DealSet, n: number): Lead[] {
  const rng = rngFor(ctx.seed, 'leads');
  const { todayN } = ctx;
  interface Draft {
    createdN: number;
    qualifiedN: number;
    disqualifiedN: number;
    convertedN: number;
    dealIdx: number;
    name: string;
    company: string | null;
    email: string | null;
  }
  const drafts: Draft[] = [];

  // About a third of the leads became new-business deals: their dates lead up to the deal's creation.
  const nb: number[] = [];
  // Only deals created inside the window, so every lead falls within the last 18 months.
  for (let i = 0; i < deals.records.length; i++) {
    if (deals.records[i]!.type === 'new_business' && deals.createdN[i]! >= todayN - HISTORY_DAYS + 37) nb.push(i);
  }
  rng.shuffle(nb);
  const nConverted = Math.min(Math.round(n * 0.3), nb.length);
  for (let k = 0; k < nConverted; k++) {
    const d = nb[k]!;
    const a = deals.acc[d]!;
    const convertedN = deals.createdN[d]!;
    const qualifiedN = convertedN - rng.int(0, 7);
    const c = deals.contact[d]!;
    const contact = c >= 0 ? people.records[c]! : null;
    const name = contact ? contact.name : personName(rng, accounts.territory[a]!);
    drafts.push({
      createdN: qualifiedN - rng.int(1, 30),
      qualifiedN,
      disqualifiedN: NONE,
      convertedN,
      dealIdx: d,
      name,
      company: accounts.records[a]!.name,
      email: contact ? (contact.emails[0] ?? null) : emailFor(name, accounts.domain[a]!),
    });
  }

  // The rest: unworked, disqualified, or qualified and waiting for conversion.
  for (let k = nConverted; k < n; k++) {
    const age = rng.int(0, HISTORY_DAYS);
    const createdN = todayN - age;
    const thai = rng.chance(0.55);
    const place = rng.pick(thai ? THAI_PLACES : INTL_PLACES);
    const business = rng.pick(thai ? THAI_BUSINESSES : INTL_BUSINESSES);
    const name = personName(rng, place.territory);
    const hasCompany = rng.chance(0.9);
    const company = !hasCompany
      ? null
      : thai
        ? `บริษัท ${place.word}${business.word} จำกัด`
        : `${place.word} ${business.word} ${intlForm(place.territory).suffix}`;
    const tld = thai ? 'co.th' : intlForm(place.territory).tld;
    const domain = hasCompany ? `${place.latin}${business.latin}.${tld}` : 'gmail.com';
    let qualifiedN = NONE;
    let disqualifiedN = NONE;
    const r = rng.next();
    if (age > 10) {
      if (r < 0.35) {
        if (rng.chance(0.15)) qualifiedN = createdN + rng.int(1, 5);
        disqualifiedN = Math.min(todayN, (qualifiedN === NONE ? createdN : qualifiedN) + rng.int(1, 21));
      } else if (r < 0.45) {
        qualifiedN = Math.min(todayN, createdN + rng.int(1, 10));
      }
    } else if (r < 0.25) {
      qualifiedN = createdN + rng.int(0, age);
    }
    drafts.push({
      createdN,
      qualifiedN,
      disqualifiedN,
      convertedN: NONE,
      dealIdx: -1,
      name,
      company,
      email: rng.chance(0.9) ? emailFor(name, domain) : null,
    });
  }

  const order = drafts.map((_, i) => i).sort((x, y) => drafts[x]!.createdN - drafts[y]!.createdN || x - y);
  return order.map((di, i) => {
    const d = drafts[di]!;
    const id = `demo-lead-${pad(i + 1, 6)}`;
    const provenance = ctx.provenance(id);
    const createdAt = Math.min(ctx.now, ctx.dayStart(d.createdN) + rng.int(8 * 60, 20 * 60) * MINUTE);
    let lastN = d.createdN;
    for (const x of [d.qualifiedN, d.disqualifiedN, d.convertedN]) if (x !== NONE && x > lastN) lastN = x;
    return {
      id,
      createdAt,
      updatedAt: Math.max(createdAt, Math.min(ctx.now, ctx.dayStart(lastN) + 12 * 60 * MINUTE)),
      name: d.name,
      company: d.company,
      email: d.email,
      source: rng.pick(LEAD_SOURCES),
      createdOn: ctx.dateOf(d.createdN),
      qualifiedOn: d.qualifiedN === NONE ? null : ctx.dateOf(d.qualifiedN),
      disqualifiedOn: d.disqualifiedN === NONE ? null : ctx.dateOf(d.disqualifiedN),
      convertedDealId: d.dealIdx >= 0 ? deals.records[d.dealIdx]!.id : null,
      convertedOn: d.convertedN === NONE ? null : ctx.dateOf(d.convertedN),
      provenance,
      sourceKey: sourceKeyOf(provenance),
    };
  });
}

// ====================================================================== activities

const KINDS: readonly ActivityKind[] = ['call', 'email', 'meeting', 'note', 'task'];
const KIND_CUM = cumulative([0.3, 0.32, 0.14, 0.09, 0.15]);
const CALL_OUTCOMES: readonly ActivityOutcome[] = ['connected', 'connected', 'left_voicemail', 'no_answer', 'connected'];
const MEETING_MINUTES = [30, 45, 60, 60, 90] as const;

function genActivities(ctx: Ctx, accounts: AccountSet, people: People, deals: DealSet, n: number): Activity[] {
  const rng = rngFor(ctx.seed, 'activities');
  const { todayN, now } = ctx;
  const nDeals = deals.records.length;
  const nAcc = accounts.records.length;

  // Stale open deals: last touched three weeks or more ago, so the stale-deal action fires.
  const endN = new Int32Array(nDeals);
  const stale = new Uint8Array(nDeals);
  let staleCount = 0;
  let fallbackStale = -1;
  for (let d = 0; d < nDeals; d++) {
    const createdN = deals.createdN[d]!;
    if (deals.status[d] !== 0) {
      endN[d] = deals.closeN[d]!;
      continue;
    }
    endN[d] = todayN;
    if (createdN <= todayN - 45 && rng.chance(0.18)) {
      stale[d] = 1;
      staleCount++;
    } else if (fallbackStale < 0 && createdN <= todayN - 21) {
      fallbackStale = d;
    }
  }
  if (staleCount === 0 && fallbackStale >= 0) stale[fallbackStale] = 1;
  for (let d = 0; d < nDeals; d++) {
    if (stale[d]) endN[d] = Math.max(deals.createdN[d]!, todayN - rng.int(21, 45));
  }

  // Module bindings are read through getters once transpiled; hoist them out of the hot loop.
  const subjects = SUBJECTS;
  const notes = NOTES;
  const dealIds = deals.records.map((d) => d.id);
  const accountIds = accounts.records.map((a) => a.id);
  const contactIds = people.records.map((c) => c.id);
  const out = new Array<Activity>(n);
  let i = 0;
  const emit = (
    kind: ActivityKind,
    dayN: number,
    dealIdx: number,
    accIdx: number,
    contactIdx: number,
    canBeFuture: boolean,
    closed: boolean,
  ): void => {
    let at: number;
    let completedAt: number | null = null;
    let outcome: ActivityOutcome | null = null;
    let durationMin: number | null = null;
    let createdAt: number;
    if (kind === 'task' && canBeFuture && rng.chance(0.35)) {
      // An open task due in the next days.
      at = ctx.dayStart(todayN + rng.int(0, 10)) + rng.int(9 * 60, 17 * 60) * MINUTE;
      createdAt = Math.max(0, now - rng.int(0, 3 * 24 * 60) * MINUTE);
    } else {
      at = officeInstant(ctx, rng, dayN);
      createdAt = at;
      if (kind === 'task') {
        // Tasks on closed deals were all ticked off; a few on live work are overdue.
        if (closed || rng.chance(0.85)) {
          completedAt = Math.min(now, at + rng.int(10, 2 * 24 * 60) * MINUTE);
          outcome = 'done';
        }
      } else if (kind === 'call') {
        outcome = rng.pick(CALL_OUTCOMES);
        durationMin = outcome === 'connected' ? rng.int(5, 40) : rng.int(0, 2);
      } else if (kind === 'email') {
        outcome = rng.chance(0.3) ? 'replied' : 'sent';
      } else if (kind === 'meeting') {
        outcome = rng.chance(0.92) ? 'held' : 'no_show';
        durationMin = rng.pick(MEETING_MINUTES);
      }
    }
    out[i] = {
      id: `demo-act-${pad(i + 1, 7)}`,
      createdAt,
      updatedAt: completedAt ?? createdAt,
      kind,
      at,
      durationMin,
      outcome,
      subject: rng.pick(subjects[kind]),
      notes: kind === 'call' || kind === 'meeting' || kind === 'note' ? rng.pick(notes) : '',
      dealId: dealIdx >= 0 ? dealIds[dealIdx]! : null,
      accountId: accIdx >= 0 ? accountIds[accIdx]! : null,
      contactId: contactIdx >= 0 ? contactIds[contactIdx]! : null,
      completedAt,
      // Left null: a million provenance objects are a large share of bench time and memory,
      // and the 'demo-' id prefix already marks these rows as demo data.
      provenance: null,
    };
    i++;
  };
  const contactFor = (accIdx: number, preferred: number): number => {
    if (preferred >= 0 && rng.chance(0.6)) return preferred;
    const list = accIdx >= 0 ? people.byAccount[accIdx]! : [];
    return list.length > 0 && rng.chance(0.85) ? rng.pick(list) : -1;
  };

  // Live deals were touched recently (while the budget allows), so only the stale ones look stale.
  const reserve = Math.floor(n * 0.25);
  for (let d = 0; d < nDeals && i < reserve; d++) {
    if (deals.status[d] !== 0 || stale[d]) continue;
    const dayN = Math.max(deals.createdN[d]!, todayN - rng.int(0, 9));
    const kind = KINDS[rng.int(0, 2)]!;
    const a = deals.acc[d]!;
    emit(kind, dayN, d, a, contactFor(a, deals.contact[d]!), false, false);
  }

  while (i < n) {
    const kind = KINDS[rng.weighted(KIND_CUM)]!;
    if (nDeals > 0 && (nAcc === 0 || rng.chance(0.82))) {
      const d = rng.int(0, nDeals - 1);
      const a = deals.acc[d]!;
      const open = deals.status[d] === 0;
      // Clamped to the 18-month window: a deal created before it only shows its recent history.
      const dayN = rng.int(Math.max(deals.createdN[d]!, todayN - HISTORY_DAYS), Math.min(todayN, endN[d]!));
      emit(kind, dayN, d, a, contactFor(a, deals.contact[d]!), open && !stale[d], !open);
    } else if (nAcc > 0) {
      // Account-level touches (check-ins, QBRs) outside any deal; none after churn.
      const a = rng.int(0, nAcc - 1);
      const lastN = accounts.churnN[a] !== NONE ? accounts.churnN[a]! : todayN;
      const firstN = Math.min(lastN, todayN - HISTORY_DAYS);
      emit(kind, rng.int(firstN, lastN), -1, a, contactFor(a, -1), false, false);
    } else {
      emit('note', todayN - rng.int(0, HISTORY_DAYS), -1, -1, -1, false, false);
    }
  }
  return out;
}

// ====================================================================== CSAT

const SCORE_CUM = cumulative([0.04, 0.06, 0.15, 0.35, 0.4]);
const CHURNED_SCORE_CUM = cumulative([0.2, 0.3, 0.3, 0.15, 0.05]);

function genCsat(ctx: Ctx, accounts: AccountSet): CsatResponse[] {
  const rng = rngFor(ctx.seed, 'csat');
  const { todayN, now } = ctx;
  const out: CsatResponse[] = [];
  for (let a = 0; a < accounts.records.length; a++) {
    const since = accounts.firstWonN[a]!;
    if (since === NONE) continue;
    const churned = accounts.churnN[a] !== NONE;
    const lastN = churned ? accounts.churnN[a]! : todayN;
    if (since + 14 > lastN) continue;
    const k = rng.int(1, 4);
    for (let j = 0; j < k; j++) {
      const dayN = rng.int(since + 14, lastN);
      const score = rng.weighted(churned ? CHURNED_SCORE_CUM : SCORE_CUM) + 1;
      const at = officeInstant(ctx, rng, dayN);
      // Old complaints were mostly handled; recent ones are still waiting for the AE.
      let followedUpAt: number | null = null;
      if (score <= 2 && dayN < todayN - 45 && rng.chance(0.75)) {
        followedUpAt = Math.min(now, ctx.dayStart(dayN + rng.int(1, 7)) + 10 * 60 * MINUTE);
      }
      out.push({
        id: `demo-csat-${pad(out.length + 1, 5)}`,
        createdAt: at,
        updatedAt: followedUpAt ?? at,
        accountId: accounts.records[a]!.id,
        score,
        on: ctx.dateOf(dayN),
        comment: rng.pick(CSAT_COMMENTS[score]!),
        followedUpAt,
      });
    }
  }
  // The low-CSAT action should always have one case: the latest response on a live account turns sour.
  if (out.length > 0 && !out.some((c) => c.score <= 2 && c.followedUpAt === null)) {
    let latest = out[0]!;
    for (const c of out) if (c.on > latest.on) latest = c;
    latest.score = 2;
    latest.comment = rng.pick(CSAT_COMMENTS[2]!);
    latest.followedUpAt = null;
    latest.updatedAt = latest.createdAt;
  }
  return out;
}

// ====================================================================== spend

const MARKETING_NOTES = ['Google Ads', 'Trade show booth', 'LinkedIn campaign', 'Webinar series', 'Content & SEO'] as const;

function genSpend(ctx: Ctx, nDeals: number): SpendEntry[] {
  const rng = rngFor(ctx.seed, 'spend');
  // Spend grows with the book so cost ratios stay believable at benchmark scale.
  const scale = Math.max(1, nDeals / DEMO_DEFAULTS.deals);
  const monthStart = `${ctx.today.slice(0, 8)}01`;
  const out: SpendEntry[] = [];
  for (let m = -17; m <= 0; m++) {
    const on = shiftMonths(monthStart, m);
    const at = ctx.dayStart(toDayNumber(on)) + 10 * 60 * MINUTE;
    const stamp = Math.min(ctx.now, at);
    const sales = Math.round(((180_000 + rng.int(0, 40_000)) * scale) / 1000) * 1000;
    const marketing = Math.round(((60_000 + rng.int(0, 90_000)) * scale) / 1000) * 1000;
    out.push({
      id: `demo-spend-${on.slice(0, 7)}-sales`,
      createdAt: stamp,
      updatedAt: stamp,
      on,
      amountMinor: sales * ctx.mainScale,
      currency: ctx.currency,
      category: 'sales',
      note: 'Salary, commission and travel',
    });
    out.push({
      id: `demo-spend-${on.slice(0, 7)}-marketing`,
      createdAt: stamp,
      updatedAt: stamp,
      on,
      amountMinor: marketing * ctx.mainScale,
      currency: ctx.currency,
      category: 'marketing',
      note: rng.pick(MARKETING_NOTES),
    });
  }
  return out;
}

/** First-of-month date shifted by whole months. */
function shiftMonths(firstOfMonth: IsoDate, months: number): IsoDate {
  const y = +firstOfMonth.slice(0, 4);
  const m = +firstOfMonth.slice(5, 7) - 1 + months;
  const ny = y + Math.floor(m / 12);
  const nm = ((m % 12) + 12) % 12;
  return `${pad(ny, 4)}-${pad(nm + 1, 2)}-01`;
}

// ====================================================================== quotas

/**
 * Calendar quarters: the six before the current one, the current one and the next
 * two. Sized from what was actually won so attainment looks realistic (~85%).
 */
function genQuotas(ctx: Ctx, deals: DealSet, nDeals: number): Quota[] {
  const month = +ctx.today.slice(5, 7);
  const qStart = `${ctx.today.slice(0, 4)}-${pad(Math.floor((month - 1) / 3) * 3 + 1, 2)}-01`;
  const histStartN = toDayNumber(shiftMonths(qStart, -18));
  const histEndN = toDayNumber(qStart) - 1;
  let won = 0;
  for (let d = 0; d < deals.records.length; d++) {
    const c = deals.closeN[d]!;
    if (deals.status[d] === 1 && c >= histStartN && c <= histEndN) won += deals.mainMajor[d]!;
  }
  const fallback = 10_000_000 * Math.max(1, nDeals / DEMO_DEFAULTS.deals);
  const base = won > 0 ? (won / 6) * 1.15 : fallback;
  const at = ctx.dayStart(histStartN);
  const out: Quota[] = [];
  for (let k = -6; k <= 2; k++) {
    const start = shiftMonths(qStart, 3 * k);
    const end = ctx.dateOf(toDayNumber(shiftMonths(start, 3)) - 1);
    const amountMajor = Math.max(100_000, Math.round((base * (1 + 0.03 * k)) / 100_000) * 100_000);
    const q = Math.floor((+start.slice(5, 7) - 1) / 3) + 1;
    out.push({
      id: `demo-quota-${start.slice(0, 4)}-Q${q}`,
      createdAt: at,
      updatedAt: at,
      start,
      end,
      amountMinor: amountMajor * ctx.mainScale,
      currency: ctx.currency,
      label: `Q${q} ${start.slice(0, 4)}`,
    });
  }
  return out;
}

// ====================================================================== account plans

const TRENDS: Record<string, string> = {
  Manufacturing: 'EEC incentives are pulling new factories to the Eastern Seaboard; buyers want traceability.',
  Logistics: 'Cross-border e-commerce with Vietnam and Laos is growing fast; margins are thin.',
  Retail: 'Omnichannel and LINE commerce are replacing walk-in traffic.',
  Healthcare: 'Medical tourism is back above pre-2020 levels; hospitals digitise patient journeys.',
};

function genPlans(ctx: Ctx, accounts: AccountSet): AccountPlan[] {
  const rng = rngFor(ctx.seed, 'plans');
  const n = accounts.records.length;
  const want = Math.min(n, Math.max(2, Math.floor(n / 20)));
  // Plans go where they matter: targets with live deals first, then customers with live deals.
  const ranked = Array.from({ length: n }, (_, i) => i).sort((x, y) => rank(y) - rank(x) || x - y);
  function rank(i: number): number {
    const a = accounts.records[i]!;
    return (a.isTarget ? 4 : 0) + (accounts.openDeals[i]! > 0 ? 2 : 0) + (a.customerSince ? 1 : 0);
  }
  const out: AccountPlan[] = [];
  for (let k = 0; k < want; k++) {
    const a = ranked[k]!;
    const acc = accounts.records[a]!;
    const at1 = ctx.now - rng.int(20, 60) * DAY_MS;
    const at2 = ctx.now - rng.int(1, 19) * DAY_MS;
    const goals = rng.shuffle([...PLAN_GOALS]).slice(0, 2);
    const pains = rng.shuffle([...PLAN_PAINS]).slice(0, 2);
    out.push({
      id: `demo-plan-${pad(k + 1, 4)}`,
      createdAt: at1,
      updatedAt: at2,
      accountId: acc.id,
      goals,
      pains,
      strategy: `Land with the ${accounts.short[a]} sales team, prove value in one region, then expand group-wide.`,
      industryTrends: TRENDS[acc.industry ?? ''] ?? 'Budgets are moving from on-premise systems to subscriptions.',
      insights: [
        { at: at1, text: 'New CFO joined last quarter and is reviewing all software contracts.' },
        { at: at2, text: 'ทีมขายต้องการรายงานยอดขายแบบเรียลไทม์บนมือถือ' },
      ],
      handoffs: [
        { team: 'marketing', note: 'Invite their sales leaders to the Bangkok customer summit.', at: at1, done: true },
        {
          team: k % 2 === 0 ? 'customer_success' : 'product',
          note: k % 2 === 0 ? 'Plan onboarding for the second business unit.' : 'They need Thai e-Tax invoice support.',
          at: at2,
          done: false,
        },
      ],
    });
  }
  return out;
}
