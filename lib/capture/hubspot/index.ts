import { cleanLine } from '../../domain/text';
import { RecordDraft, attempt, emailsIn, finishRecord, hrefOf, isHidden, lineOf, pageLang, query, queryAll, textOf } from '../dom';
import { currencyCodeOf, dateHead, domainOf, pageDateFormat, parseMoney, parsePageDate, parsePercent } from '../locale';
import type { RecordCapture, RecordKind } from '../schema';

/**
 * HubSpot CRM record pages: /contacts/<portal>/record/0-3|0-2|0-1/<id> (deal, company, contact)
 * and the older /contacts/<portal>/deal|company|contact/<id>. Pure; never throws.
 *
 * Values are found by HubSpot's test hooks, which carry the property's internal name and so do
 * not change with the user's language: `data-test-id="highlight-property-display-<name>"` (the
 * highlights strip), `data-selenium-test` / `data-test-id="property-input-<name>"` (the "About"
 * card and the properties panel). Generated class names (styled-components hashes) are never
 * used. Associations are read from links to associated records (/record/0-2/<id>, /record/0-1/<id>),
 * whatever the card looks like. Sources: tests/fixtures/pages/SOURCES.md.
 */

const HOST = /^app(?:-[a-z0-9]+)?\.hubspot\.com$/i;
const RECORD = /^\/contacts\/(\d+)\/record\/(0-[123])\/(\d+)(?:\/|$)/;
const LEGACY = /^\/contacts\/(\d+)\/(deal|company|contact)\/(\d+)(?:\/|$)/;
const BY_TYPE: Record<string, RecordKind> = { '0-3': 'deal', '0-2': 'account', '0-1': 'contact', deal: 'deal', company: 'account', contact: 'contact' };

/** The record a URL names, or null (cheap: host test + two regexes). */
export function hubspotRecordOf(url: URL): { portal: string; kind: RecordKind; id: string } | null {
  if (!HOST.test(url.hostname)) return null;
  const m = RECORD.exec(url.pathname) ?? LEGACY.exec(url.pathname);
  if (!m) return null;
  return { portal: m[1]!, kind: BY_TYPE[m[2]!]!, id: m[3]! };
}

// ---------------------------------------------------------------- where the record is

/** The record's own panes (never the associations sidebar, never a hidden earlier page). */
export const OWN_PANES = [
  '[data-test-id="left-sidebar"]',
  '#record-page-left-sidebar',
  '[data-test-id="middle-pane"]',
  '[data-selenium-component="ProfileHighlightContainer"]',
  '[data-selenium-test="highlightedPropertySidebar"]',
  '[data-selenium-test$="-highlight-details"]',
  '[data-test-id="record-highlight-content"]',
  '[data-test-id="all-properties-panel"]',
];
export const ASSOC_PANES = ['[data-test-id="records-right-sidebar"]', '#record-page-right-sidebar'];
const ASSOC_CARDS = ['[data-test-id^="card-wrapper-ASSOCIATION"]', '[data-card-type^="ASSOCIATION"]', '[data-selenium-test^="card-id-ASSOCIATION"]'];

type Test = (el: Element) => boolean;
const is = (attr: string, v: string): Test => (el) => el.getAttribute(attr) === v;
const endsWith = (attr: string, v: string): Test => (el) => (el.getAttribute(attr) ?? '').endsWith(v);

/**
 * Pane hooks that share a wider single-attribute selector: one native walk of the document per
 * group, then each hook's own test on the group's few matches (in document order). A walk of the
 * document is most of a read's cost, and a comma-separated list of the hooks costs far more than
 * one walk in Chromium (each part tested on every element); a hook outside the groups, and an id
 * (the document's id map), is queried on its own.
 */
const HOOK_GROUPS: Array<{ wide: string; hooks: Record<string, Test> }> = [
  {
    wide: '[data-test-id$="-sidebar"]',
    hooks: { '[data-test-id="left-sidebar"]': is('data-test-id', 'left-sidebar'), '[data-test-id="records-right-sidebar"]': is('data-test-id', 'records-right-sidebar') },
  },
  {
    wide: '[data-test-id*="-pane"]',
    hooks: { '[data-test-id="middle-pane"]': is('data-test-id', 'middle-pane'), '[data-test-id="all-properties-panel"]': is('data-test-id', 'all-properties-panel') },
  },
  {
    wide: '[data-selenium-test*="highlight"]',
    hooks: {
      '[data-selenium-test="highlightedPropertySidebar"]': is('data-selenium-test', 'highlightedPropertySidebar'),
      '[data-selenium-test$="-highlight-details"]': endsWith('data-selenium-test', '-highlight-details'),
    },
  },
];

/**
 * The matches of pane selectors under `root`: for each selector, what `querySelectorAll` gives
 * (tests/unit/capture/hubspot.test.ts checks it on random trees), each group's walk run once per
 * read and only when one of its hooks is asked for.
 */
export class PaneHooks {
  private readonly wide = new Map<string, Element[]>();
  constructor(private readonly root: ParentNode) {}
  /** Every match of `selector`, in document order. */
  matches(selector: string): Element[] {
    for (const g of HOOK_GROUPS) {
      const test = g.hooks[selector];
      if (!test) continue;
      let els = this.wide.get(g.wide);
      if (!els) {
        els = queryAll(this.root, g.wide);
        this.wide.set(g.wide, els);
      }
      return els.filter(test);
    }
    return queryAll(this.root, selector);
  }
  /** dom.ts queryAllOf: each selector's matches in document order, in selector order, each element once. */
  queryAllOf(selectors: readonly string[]): Element[] {
    const out: Element[] = [];
    for (const s of selectors) for (const el of this.matches(s)) if (!out.includes(el)) out.push(el);
    return out;
  }
}

/** Visible panes, outermost only (a pane inside an already chosen one is skipped). */
function visiblePanes(hooks: PaneHooks, selectors: readonly string[]): Element[] {
  const out: Element[] = [];
  for (const el of hooks.queryAllOf(selectors)) {
    if (out.some((p) => p.contains(el))) continue;
    if (isHidden(el)) continue;
    // A pane holding an already chosen one replaces it (outermost wins whatever the selector order).
    for (let i = out.length - 1; i >= 0; i--) if (el.contains(out[i]!)) out.splice(i, 1);
    out.push(el);
  }
  return out;
}

// ---------------------------------------------------------------- properties

interface Prop {
  name: string;
  label: string;
  value: Element;
  /** The value's text (textOf), read once with the largest limit any use needs (TEXT_MAX); a shorter use slices it, which is what textOf with that limit gives. */
  text: string;
}

/** lineOf(value, 2000)'s limit (2000 × 4 + 256), above the 8000 of the raw pair. */
const TEXT_MAX = 8256;

const DISPLAY = 'highlight-property-display-';
const INPUT = 'property-input-';
const SEL_INPUTS = `[data-selenium-test^="${INPUT}"]`;
const TID_INPUTS = `[data-test-id^="${INPUT}"]`;
const DISPLAYS = `[data-test-id^="${DISPLAY}"]`;

/**
 * The label shown with a property. The rows are found by walking up from the value to its pane
 * (the record pane it was found in, inclusive: a highlight item or property row is part of the
 * pane's own markup) with plain attribute reads — what `closest` with these selectors finds
 * within the pane, without selector matching on every ancestor up to the document.
 */
function labelNear(el: Element, name: string, pane: Element): string {
  let item: Element | null = null;
  let row: Element | null = null;
  const stop = pane.parentElement;
  for (let e: Element | null = el; e && e !== stop && !(item && row); e = e.parentElement) {
    const ti = e.getAttribute('data-test-id');
    if (!item && ti !== null && ti.startsWith('highlight-property-item-')) item = e;
    if (!row) {
      const up = e.parentElement;
      if (ti === 'crm-property-list-item' || ti === name || (up !== null && up.localName === 'ul' && up.getAttribute('data-selenium-test') === 'profile-properties-list')) row = e;
    }
  }
  if (item && item.firstElementChild && item.firstElementChild !== el && !item.firstElementChild.contains(el)) {
    const l = lineOf(item.firstElementChild, 100).replace(/\s*:$/, '');
    if (l) return l;
  }
  row ??= el.parentElement;
  const labelEl = row ? labelIn(row, name) : null;
  const l = labelEl ? lineOf(labelEl, 100).replace(/\s*:$/, '') : '';
  return l || name;
}

/** The element after `e` in document order within `root`'s subtree (descendants only); null after the last. */
function nextIn(e: Element, root: Element): Element | null {
  if (e.firstElementChild) return e.firstElementChild;
  for (let n: Element | null = e; n && n !== root; n = n.parentElement) if (n.nextElementSibling) return n.nextElementSibling;
  return null;
}

/**
 * A property row's label element: what
 * `row.querySelector('[data-selenium-test="property-label-<name>"]') ??
 *  row.querySelector('[data-selenium-test*="property-label"], [data-test-id*="property-label"], label')`
 * gives, from one walk over the row's few descendants with attribute reads instead of two selector
 * queries per property (tests/unit/capture/hubspot.test.ts checks the two agree on random rows).
 */
export function labelIn(row: Element, name: string): Element | null {
  const exact = `property-label-${name}`;
  let loose: Element | null = null;
  for (let e = nextIn(row, row); e; e = nextIn(e, row)) {
    const st = e.getAttribute('data-selenium-test');
    if (st === exact) return e;
    if (loose === null && ((st !== null && st.includes('property-label')) || e.localName === 'label' || (e.getAttribute('data-test-id') ?? '').includes('property-label'))) loose = e;
  }
  return loose;
}

interface PaneScan {
  props: Map<string, Prop>;
  /** The record's title element: the first pane's (in pane order) that has one, by hook preference. */
  title: Element | null;
}

/**
 * The record's own panes, searched by their hooks (a native query per hook and pane, never a walk
 * over every element in script): every property by internal name (the first shown wins) and the
 * title element. Order: the
 * properties card first (data-selenium-test then data-test-id inputs, pane by pane; one value per
 * property), then the highlights strip, which may decorate a value ('Contract sent (Sales Pipeline)').
 * Association cards inside the record's own panes are skipped (their hooks belong to the associated record).
 */
function scanPanes(panes: Element[]): PaneScan {
  const seleniumInputs: Element[][] = [];
  const testIdInputs: Element[][] = [];
  const displays: Array<[Element, Element]> = [];
  const cards: Element[] = [];
  let title: Element | null = null;
  for (const pane of panes) {
    // Each hook by its own native query over the pane (its descendants, in document order).
    seleniumInputs.push(queryAll(pane, SEL_INPUTS));
    testIdInputs.push(queryAll(pane, TID_INPUTS));
    for (const el of queryAll(pane, DISPLAYS)) displays.push([el, pane]);
    for (const c of ASSOC_CARDS) for (const el of queryAll(pane, c)) cards.push(el);
    if (!title) {
      const t = query(pane, '[data-test-id="highlight-record-label"]') ?? query(pane, '[data-selenium-test="highlightTitle"]');
      if (t && lineOf(t, 300)) title = t;
    }
  }
  const props = new Map<string, Prop>();
  const add = (el: Element, pane: Element, attr: string, prefix: string) => {
    if (cards.length && cards.some((c) => c.contains(el))) return;
    const name = (el.getAttribute(attr) ?? '').slice(prefix.length);
    if (!name || props.has(name)) return;
    props.set(name, { name, label: labelNear(el, name, pane), value: el, text: textOf(el, TEXT_MAX) });
  };
  for (let i = 0; i < panes.length; i++) {
    for (const el of seleniumInputs[i]!) add(el, panes[i]!, 'data-selenium-test', INPUT);
    for (const el of testIdInputs[i]!) add(el, panes[i]!, 'data-test-id', INPUT);
  }
  for (const [el, pane] of displays) add(el, pane, 'data-test-id', DISPLAY);
  return { props, title };
}

/** A property's value as shown, one line of at most 2000 (lineOf); an input shows its value attribute. */
function valueText(p: Prop): string {
  const t = cleanLine(p.text, 2000);
  if (t) return t;
  const el = p.value;
  const input = el.matches('input, textarea') ? el : query(el, 'input, textarea');
  return cleanLine(input?.getAttribute('value') ?? '', 2000);
}

// ---------------------------------------------------------------- associations

export const COMPANY_LINK = 'a[href*="/record/0-2/"], a[href*="/company/"]';
export const CONTACT_LINK = 'a[href*="/record/0-1/"], a[href*="/contact/"]';

/**
 * The links to associated records under `scope`, in document order: what
 * `querySelectorAll(COMPANY_LINK)`, `(CONTACT_LINK)` and `(COMPANY_LINK + ', ' + CONTACT_LINK)` give,
 * from one `a[href]` query and substring tests on the attribute (tests/unit/capture/hubspot.test.ts
 * checks they agree on random trees).
 */
export function recordLinks(scope: ParentNode): { companies: Element[]; contacts: Element[]; all: Element[] } {
  const companies: Element[] = [];
  const contacts: Element[] = [];
  const all: Element[] = [];
  for (const a of queryAll(scope, 'a[href]')) {
    const h = a.getAttribute('href') ?? '';
    const company = h.includes('/record/0-2/') || h.includes('/company/');
    const contact = h.includes('/record/0-1/') || h.includes('/contact/');
    if (company) companies.push(a);
    if (contact) contacts.push(a);
    if (company || contact) all.push(a);
  }
  return { companies, contacts, all };
}
const ID_IN = /\/(?:record\/0-[12]|company|contact)\/(\d+)(?:[/?#]|$)/;

// ---------------------------------------------------------------- the reader

export function readHubspot(root: ParentNode, url: URL): RecordCapture | null {
  const rec = hubspotRecordOf(url);
  if (!rec) return null;
  const d = new RecordDraft();
  attempt(() => readRecord(d, root, url, rec.kind));
  return finishRecord(d, { site: 'hubspot', kind: rec.kind, url, externalId: rec.id });
}

const PIPELINE_IN_STAGE = /^(.*\S)\s+\(([^()]+)\)$/;

function readRecord(d: RecordDraft, root: ParentNode, url: URL, kind: RecordKind): void {
  d.want('name');
  if (kind === 'deal') d.want('amountMinor', 'currency', 'stage', 'pipeline', 'closeOn', 'createdOn', 'ownerName', 'nextStep', 'accountName', 'people');
  if (kind === 'account') d.want('domain', 'industry', 'accountType', 'ownerName', 'city', 'country');
  if (kind === 'contact') d.want('title', 'accountName', 'emails', 'phone');

  const hooks = new PaneHooks(root);
  const panes = visiblePanes(hooks, OWN_PANES);
  if (panes.length === 0) return;
  const lang = pageLang(root);
  const { props, title } = scanPanes(panes);
  for (const p of props.values()) d.addRaw(p.label, p.text.length > 8000 ? p.text.slice(0, 8000) : p.text);
  const get = (...names: string[]) => {
    for (const n of names) {
      const p = props.get(n);
      if (p) {
        const v = valueText(p);
        if (v && v !== '--') return v;
      }
    }
    return '';
  };

  attempt(() => {
    let name = title ? lineOf(title, 300) : '';
    if (!name) name = get('dealname', 'name');
    if (!name && kind === 'contact') name = cleanLine(`${get('firstname')} ${get('lastname')}`, 300);
    d.set('name', cleanLine(name, 300));
  });

  const dateValues = [...props.values()].map((p) => p.text.slice(0, 200)).filter((v) => dateHead(v) !== null);
  const dateFormat = pageDateFormat(dateValues, lang);
  const owner = () => {
    // 'Maria Garcia (maria@acme.com)' → the name.
    const o = get('hubspot_owner_id');
    return cleanLine(o.replace(/\s*\([^()]*@[^()]*\)\s*$/, ''), 200);
  };

  // The record's 'Create date' (createdate; hs_createdate on some objects), a date-time in the
  // user's locale: its date. Read on any kind that shows it; wanted on deals (the app keeps it there).
  attempt(() => d.set('createdOn', parsePageDate(get('createdate', 'hs_createdate'), dateFormat)));

  if (kind === 'deal') {
    attempt(() => {
      const code = currencyCodeOf(get('deal_currency_code'));
      const money = parseMoney(get('amount'), lang, code);
      if (money) {
        d.set('amountMinor', money.minor);
        d.set('currency', money.currency);
      }
    });
    attempt(() => {
      const stage = get('dealstage');
      const pipeline = get('pipeline');
      // The highlights strip words it 'Stage (Pipeline)': split when the brackets name the pipeline (or no pipeline is shown).
      const m = PIPELINE_IN_STAGE.exec(stage);
      const split = m && (!pipeline || m[2] === pipeline);
      d.set('stage', cleanLine(split ? m[1]! : stage, 200));
      d.set('pipeline', cleanLine(split && !pipeline ? m[2]! : pipeline, 200));
    });
    attempt(() => d.set('closeOn', parsePageDate(get('closedate'), dateFormat)));
    attempt(() => d.set('ownerName', owner()));
    attempt(() => d.set('nextStep', cleanLine(get('hs_next_step'), 500)));
    attempt(() => d.set('dealType', cleanLine(get('dealtype'), 200)));
    attempt(() => {
      const p = parsePercent(get('hs_deal_stage_probability'), lang);
      if (p !== null) d.set('probability', p);
    });
  }
  if (kind === 'account') {
    attempt(() => {
      const site = get('website');
      d.set('website', cleanLine(site, 500));
      d.set('domain', domainOf(get('domain')) ?? (site ? domainOf(site) : null));
    });
    attempt(() => d.set('industry', cleanLine(get('industry'), 200)));
    attempt(() => d.set('accountType', cleanLine(get('type'), 200)));
    attempt(() => d.set('ownerName', owner()));
    attempt(() => d.set('city', cleanLine(get('city'), 200)));
    attempt(() => d.set('country', cleanLine(get('country'), 200)));
  }
  if (kind === 'contact') {
    attempt(() => d.set('title', cleanLine(get('jobtitle'), 200)));
    attempt(() => d.set('accountName', cleanLine(get('company'), 300)));
    attempt(() => {
      const emails: string[] = [];
      for (const n of ['email', 'hs_additional_emails', 'work_email']) {
        const p = props.get(n);
        if (p) for (const e of emailsIn(p.value)) if (!emails.includes(e)) emails.push(e);
      }
      d.set('emails', emails.slice(0, 50));
    });
    attempt(() => d.set('phone', cleanLine(get('phone', 'mobilephone'), 50)));
  }

  attempt(() => readAssociations(d, hooks, url, kind));
}

function readAssociations(d: RecordDraft, hooks: PaneHooks, url: URL, kind: RecordKind): void {
  const right = visiblePanes(hooks, ASSOC_PANES);
  // Without the sidebar (older layouts), association cards wherever they are shown.
  const scopes = right.length ? right : visiblePanes(hooks, ASSOC_CARDS);
  for (const scope of scopes) {
    const links = recordLinks(scope);
    if (kind !== 'account') {
      for (const a of links.companies) {
        const name = lineOf(a, 300);
        const id = ID_IN.exec(hrefOf(a, url)?.pathname ?? '')?.[1];
        if (!name || !id) continue;
        if (d.set('accountName', name) && d.fields.accountName === name) d.set('accountExternalId', id);
        break;
      }
    }
    if (kind === 'deal') {
      const contacts = links.contacts;
      if (contacts.length || query(scope, '[data-test-id*="ASSOCIATION"][data-test-id*="0-1"], [data-selenium-test*="ASSOCIATION"][data-selenium-test*="0-1"]')) {
        d.found('people');
      }
      // The scope's record links, searched once: a tile is the largest ancestor (below the scope,
      // at most 8 up) holding no other of them — tileAround's answer, counted with contains().
      for (const a of contacts) {
        const id = ID_IN.exec(hrefOf(a, url)?.pathname ?? '')?.[1] ?? null;
        const tile = tileIn(a, links.all, scope);
        d.addPerson({ name: lineOf(a, 300) || null, email: emailsIn(tile, 1)[0] ?? null, role: null, title: null, externalId: id });
      }
    }
  }
}

function tileIn(link: Element, links: readonly Element[], stop: Element, maxUp = 8): Element {
  let tile = link;
  for (let p = link.parentElement, i = 0; p && p !== stop && i < maxUp; p = p.parentElement, i++) {
    let n = 0;
    for (const l of links) if (l !== p && p.contains(l) && ++n > 1) break;
    if (n > 1) break;
    tile = p;
  }
  return tile;
}
