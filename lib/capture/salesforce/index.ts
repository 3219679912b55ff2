import { cleanLine } from '../../domain/text';
import {
  RecordDraft,
  attempt,
  definitionPairs,
  emailsIn,
  finishRecord,
  hrefOf,
  isHidden,
  queryAllOf,
  lineOf,
  linesOf,
  pageLang,
  query,
  queryAll,
  queryFirst,
  textOf,
} from '../dom';
import { dateHead, domainOf, pageDateFormat, parseMoney, parsePageDate, parsePercent } from '../locale';
import type { CapturedPerson, RecordCapture, RecordKind } from '../schema';
import { idFromHref, to18 } from './id';

/**
 * Salesforce Lightning record pages: /lightning/r/<Object>/<id>/view for Opportunity (a deal),
 * Account, Contact and Lead. Pure: reads the DOM it is given (live, saved or parsed), never throws,
 * never runs page code. Selectors and their sources: tests/fixtures/pages/SOURCES.md.
 *
 * Lightning keeps the pages of earlier records in the document after in-app navigation (standard
 * navigation: one `.oneContent` per page, only the shown one `active`; console: one
 * `.tabContent.oneConsoleTab` per tab, likewise). The reader reads the record home inside the
 * active, unhidden page host only — never the first match in the document.
 */

export { to18 } from './id';

const OBJECTS = { Opportunity: 'deal', Account: 'account', Contact: 'contact', Lead: 'lead' } as const satisfies Record<string, RecordKind>;
type SfObject = keyof typeof OBJECTS;

const HOST = /(?:^|\.)(?:lightning\.force\.com|my\.salesforce\.com)$/i;
const PATH = /^\/lightning\/r\/(Opportunity|Account|Contact|Lead)\/([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\/view\/?$/;

/** The record a URL names, or null when it is not a Lightning record page of the four objects (cheap: host + one regex). */
export function salesforceRecordOf(url: URL): { object: SfObject; kind: RecordKind; id: string } | null {
  if (!HOST.test(url.hostname)) return null;
  const m = PATH.exec(url.pathname);
  if (!m) return null;
  const object = m[1] as SfObject;
  const id = to18(m[2]!);
  return id ? { object, kind: OBJECTS[object], id } : null;
}

// ---------------------------------------------------------------- the visible record

const PAGE_HOST = '.oneContent, .tabContent, .oneConsoleTab';
const PAGE_HOSTS = ['.oneContent', '.tabContent', '.oneConsoleTab'];
/** Record homes, most specific first; each is queried on its own (see queryAllOf). */
const RECORD_HOMES = ['one-record-home-flexipage2', '.oneRecordHomeFlexipage2Wrapper', 'records-record-home', 'force-record-home'];

/** Inside a page host Lightning is not showing: a `.oneContent` / console tab without `active`. */
function inInactiveHost(el: Element): boolean {
  for (let h = el.closest(PAGE_HOST); h; h = h.parentElement ? h.parentElement.closest(PAGE_HOST) : null) {
    if (!h.classList.contains('active')) return true;
  }
  return false;
}

/**
 * The container of the record Lightning shows: the first record home that is neither hidden (by
 * attribute or class) nor inside an inactive page host; else the active page host itself; else,
 * on a page with neither (a bare saved fragment), the root.
 */
export function activeRecordRoot(root: ParentNode): ParentNode | null {
  let homes: Element[] = [];
  for (const sel of RECORD_HOMES) {
    homes = queryAll(root, sel);
    if (homes.length) break;
  }
  for (const h of homes) if (!inInactiveHost(h) && !isHidden(h)) return h;
  const hosts = queryAllOf(root, PAGE_HOSTS);
  for (const h of hosts) if (h.classList.contains('active') && !inInactiveHost(h) && !isHidden(h)) return h;
  if (homes.length || hosts.length) return null;
  return root;
}

// ---------------------------------------------------------------- fields as shown

interface Item {
  /** API name from `data-target-selection-name="sfdc:RecordField.<Object>.<Field>"` (locale-independent). */
  api: string | null;
  label: string;
  value: Element;
  /** The layout item itself (label and value): what a value element may not hold, such as Created By's date beside the creator. */
  el: Element;
  /** The value's text, read once (textOf, uncleaned, capped). */
  text: string;
}

const ITEM_TEXT_MAX = 8000;
const item = (api: string | null, label: string, value: Element, el: Element): Item => ({ api, label, value, el, text: textOf(value, ITEM_TEXT_MAX) });
/** An item's value as one clean line of at most `max`. */
const lineOfItem = (it: Item, max: number) => cleanLine(it.text.length > max * 4 + 256 ? it.text.slice(0, max * 4 + 256) : it.text, max);

const SELECTION = '[data-target-selection-name^="sfdc:RecordField."]';

function apiOf(item: Element): string | null {
  // On the item itself, a wrapper a few levels up, or inside it: attribute reads, no ancestor walk to the root.
  let sel: string | null = null;
  for (let n: Element | null = item, i = 0; n && i < 4 && !sel; n = n.parentElement, i++) sel = n.getAttribute('data-target-selection-name');
  if (!sel) sel = query(item, SELECTION)?.getAttribute('data-target-selection-name') ?? null;
  if (!sel || !sel.startsWith('sfdc:RecordField.')) return null;
  const last = sel.slice(sel.lastIndexOf('.') + 1);
  return last || null;
}

/** Every label → value item of the record: highlights panel first, then the detail layout. */
function itemsOf(scope: ParentNode): Item[] {
  const items: Item[] = [];
  for (const h of queryAll(scope, 'records-highlights-details-item')) {
    const labelEl = query(h, '.slds-text-title, p[title]');
    const label = cleanLine(labelEl?.getAttribute('title') || textOf(labelEl, 400), 100);
    const value = query(h, '.fieldComponent') ?? labelEl?.nextElementSibling ?? null;
    if (label && value) items.push(item(apiOf(h), label, value, h));
  }
  for (const it of queryAll(scope, 'records-record-layout-item')) {
    const label = cleanLine(it.getAttribute('field-label') || textOf(query(it, '.test-id__field-label'), 400), 100);
    const value = queryFirst(it, ['[data-output-element-id="output-field"]', '.test-id__field-value', '.slds-form-element__static']);
    if (label && value) items.push(item(apiOf(it), label, value, it));
  }
  // Aura record layouts (older orgs, some objects): .test-id__field-label beside .test-id__field-value.
  for (const l of queryAll(scope, '.test-id__field-label')) {
    if (l.closest('records-record-layout-item')) continue;
    const box = l.closest('.slds-form-element, .forcePageBlockItem') ?? l.parentElement?.parentElement ?? null;
    const value = box ? query(box, '.test-id__field-value') : null;
    const label = cleanLine(textOf(l, 400), 100);
    if (label && value) items.push(item(box ? apiOf(box) : null, label, value, box ?? value));
  }
  return items;
}

class Fields {
  constructor(private readonly items: Item[]) {}
  /** The first item with one of these API names, else one of these (English) labels. */
  find(apis: readonly string[], labels: readonly RegExp[]): Item | null {
    for (const it of this.items) if (it.api && apis.includes(it.api)) return it;
    for (const it of this.items) if (labels.some((re) => re.test(it.label))) return it;
    return null;
  }
}

const LOOKUP_LINK = 'records-hoverable-link a, force-lookup a, a[data-refid="recordId"], a[data-recordid], a[href*="/lightning/r/"]';

/** A lookup (account, owner) as shown: its link's text and the record it points at. */
function lookupOf(value: Element, base: URL): { name: string; id: string | null } {
  const a = query(value, LOOKUP_LINK);
  const name = lineOf(a ?? value, 300);
  const data = a?.getAttribute('data-recordid');
  const id = (data ? to18(data) : null) ?? idFromHref(hrefOf(a, base)?.pathname);
  return { name, id };
}

/** An address as lines (lightning-formatted-address: one block per line), the last one the country. */
function cityCountry(value: Element): { city: string | null; country: string | null } {
  const box = query(value, 'lightning-formatted-address a, lightning-formatted-address') ?? value;
  const lines = linesOf(box, 200);
  if (lines.length < 2) return { city: null, country: null };
  const country = lines[lines.length - 1]!;
  const cityLine = lines[lines.length - 2]!;
  // 'Berlin, BE 10115' / 'San Francisco, CA 94105' → before the comma; '10115 Berlin' → without the code.
  let city = cityLine.includes(',') ? cityLine.slice(0, cityLine.indexOf(',')) : cityLine;
  city = city.replace(/^\d[\d -]*\s+/, '').replace(/\s+\d[\d -]*$/, '').trim();
  return { city: city || null, country };
}

// ---------------------------------------------------------------- the created date

/**
 * 'Created By' (CreatedById) shows the creator and when: a lookup to the user, then the date-time in
 * the user's locale ('Ann Lee, 3/14/2026, 10:02 AM', '14/03/2026 10:02') in `records-modstamp`.
 * 'Created Date' (CreatedDate), where a layout shows it, is the date-time alone. Labels as
 * Salesforce translates them, for items without an API-name hook.
 */
const CREATED_DATE_LABELS = [/^(created date|created on|fecha de creaci[oó]n|date de cr[ée]ation|erstellungsdatum|erstellt am|data de cria[cç][aã]o|data di creazione|data creazione|作成日(時)?|วันที่สร้าง)$/i];
const CREATED_BY_LABELS = [/^(created by|creado por|cr[ée][ée] par|erstellt von|criado por|creato da|作成者|สร้างโดย)$/i];
const MODSTAMP = ['records-modstamp lightning-formatted-text', 'records-modstamp'];

/**
 * The text that holds the record's created date-time: the modstamp's, else the item's text after
 * the creator's name (so a name with digits, 'Integration User 2', is never read as a date); ''
 * when the item shows nothing after the name.
 */
function createdText(it: Item): string {
  const stamp = queryFirst(it.el, MODSTAMP);
  if (stamp) return textOf(stamp, 200);
  const whole = it.el === it.value ? it.text : textOf(it.el, ITEM_TEXT_MAX);
  const link = query(it.el, LOOKUP_LINK);
  const name = link ? textOf(link, 400) : '';
  const at = name ? whole.indexOf(name) : -1;
  return (at >= 0 ? whole.slice(at + name.length) : whole).slice(0, 200);
}

// ---------------------------------------------------------------- the reader

const L = (s: string) => new RegExp(`^${s}$`, 'i');

export function readSalesforce(root: ParentNode, url: URL): RecordCapture | null {
  const rec = salesforceRecordOf(url);
  if (!rec) return null;
  const d = new RecordDraft();
  attempt(() => readRecord(d, root, url, rec.object));
  return finishRecord(d, { site: 'salesforce', kind: rec.kind, url, externalId: rec.id });
}

function readRecord(d: RecordDraft, root: ParentNode, url: URL, object: SfObject): void {
  const kind = OBJECTS[object];
  d.want('name');
  if (kind === 'deal') d.want('accountName', 'amountMinor', 'currency', 'stage', 'probability', 'closeOn', 'nextStep', 'ownerName', 'dealType', 'people');
  if (kind === 'account') d.want('website', 'domain', 'industry', 'accountType', 'ownerName', 'city', 'country');
  if (kind === 'contact' || kind === 'lead') d.want('title', 'accountName', 'emails', 'phone');
  // The app keeps a created date on deals and leads (a new lead cannot be saved without one).
  if (kind === 'deal' || kind === 'lead') d.want('createdOn');

  const scope = activeRecordRoot(root);
  if (!scope) return;
  const lang = pageLang(root);
  const items = itemsOf(scope);
  for (const it of items) d.addRaw(it.label, it.text);
  const f = new Fields(items);
  const text = (apis: string[], labels: RegExp[], max: number) => {
    const it = f.find(apis, labels);
    return it ? lineOfItem(it, max) : '';
  };

  // The record's title: the highlights panel's primary field; else the Name field.
  attempt(() => {
    const hl = query(scope, 'records-highlights2');
    const primary = (hl && queryFirst(hl, ['[slot="primaryField"]', 'h1'])) ?? queryFirst(scope, ['[slot="primaryField"]', '.slds-page-header__title', 'h1']);
    d.set('name', lineOf(primary, 300) || text(['Name'], [L('(opportunity |account |contact |lead )?name')], 300));
  });

  // Dates: every date-looking value of the record settles the page's format together.
  let created: string | null = null;
  attempt(() => {
    const it = f.find(['CreatedDate'], CREATED_DATE_LABELS) ?? f.find(['CreatedById'], CREATED_BY_LABELS);
    if (it) created = createdText(it);
  });
  const dateValues = items.map((it) => it.text.slice(0, 200)).filter((v) => dateHead(v) !== null);
  if (created !== null && dateHead(created) !== null) dateValues.push(created);
  const dateFormat = pageDateFormat(dateValues, lang);
  // Any kind whose page shows it; wanted (above) where the app keeps it.
  attempt(() => {
    if (created !== null) d.set('createdOn', parsePageDate(created, dateFormat));
  });

  if (kind === 'deal') {
    attempt(() => {
      const acc = f.find(['AccountId'], [L('account( name)?')]);
      if (acc) {
        const { name, id } = lookupOf(acc.value, url);
        d.set('accountName', cleanLine(name, 300));
        if (id) d.set('accountExternalId', id);
      }
    });
    attempt(() => {
      const amount = f.find(['Amount'], [L('amount')]);
      const money = amount ? parseMoney(amount.text.slice(0, 400), lang) : null;
      if (money) {
        d.set('amountMinor', money.minor);
        d.set('currency', money.currency);
      }
    });
    attempt(() => d.set('stage', text(['StageName'], [L('stage')], 200)));
    attempt(() => {
      const p = f.find(['Probability'], [/^probability/i]);
      const v = p ? parsePercent(lineOfItem(p, 50), lang) : null;
      if (v !== null) d.set('probability', v);
    });
    attempt(() => {
      const c = f.find(['CloseDate'], [L('close date')]);
      if (c) d.set('closeOn', parsePageDate(c.text.slice(0, 200), dateFormat));
    });
    attempt(() => d.set('nextStep', text(['NextStep'], [L('next step')], 500)));
    attempt(() => d.set('dealType', text(['Type'], [L('(opportunity )?type')], 200)));
    attempt(() => readOwner(d, f, url));
    attempt(() => readContactRoles(d, scope, url));
  }

  if (kind === 'account') {
    attempt(() => {
      const site = text(['Website'], [L('website')], 500);
      d.set('website', site);
      if (site) d.set('domain', domainOf(site));
    });
    attempt(() => d.set('industry', text(['Industry'], [L('industry')], 200)));
    attempt(() => d.set('accountType', text(['Type'], [L('(account )?type')], 200)));
    attempt(() => readOwner(d, f, url));
    attempt(() => {
      d.set('city', text(['BillingCity'], [L('billing city')], 200));
      d.set('country', text(['BillingCountry'], [L('billing country')], 200));
      const addr = f.find(['BillingAddress'], [L('billing address')]);
      if (addr) {
        const { city, country } = cityCountry(addr.value);
        d.set('city', city);
        d.set('country', country);
      }
    });
  }

  if (kind === 'contact' || kind === 'lead') {
    attempt(() => d.set('title', text(['Title'], [L('title')], 200)));
    attempt(() => {
      if (kind === 'lead') d.set('accountName', text(['Company'], [L('company')], 300));
      else {
        const acc = f.find(['AccountId'], [L('account( name)?')]);
        if (acc) {
          const { name, id } = lookupOf(acc.value, url);
          d.set('accountName', cleanLine(name, 300));
          if (id) d.set('accountExternalId', id);
        }
      }
    });
    attempt(() => {
      const emails: string[] = [];
      for (const it of items) {
        if (!(it.api ? /email/i.test(it.api) : /e-?mail/i.test(it.label))) continue;
        for (const e of emailsIn(it.value)) if (!emails.includes(e) && emails.length < 50) emails.push(e);
      }
      d.set('emails', emails);
    });
    attempt(() => d.set('phone', text(['Phone', 'MobilePhone'], [L('phone'), L('mobile')], 50)));
  }
}

function readOwner(d: RecordDraft, f: Fields, url: URL): void {
  const o = f.find(['OwnerId'], [/^(opportunity |account |contact |lead )?owner$/i]);
  if (o) d.set('ownerName', cleanLine(lookupOf(o.value, url).name, 200));
}

// ---------------------------------------------------------------- contact roles

const ROLE_LISTS = ['lst-related-list-single-container', 'force-related-list-single-container', '.forceRelatedListSingleContainer', 'article[aria-label]'];
// Column labels as Salesforce translates them (English, Spanish, French, German, Italian, Portuguese, Thai, Japanese).
const ROLE_LABEL = /^(role|funci[oó]n|r[oô]le|rolle|ruolo|papel|fun[cç][aã]o|บทบาท|ロール|役割)$/i;
const TITLE_LABEL = /^(title|cargo|puesto|titre|fonction|titel|position|titolo|t[ií]tulo|ตำแหน่ง|役職)$/i;
const CONTACT_LINKS = ['a[href*="/lightning/r/Contact/"]', 'a[href*="/lightning/r/003"]', 'a[data-recordid^="003"]'];

/** The Contact Roles related list: its header links to …/related/OpportunityContactRoles/view (any language), or it is labelled so. */
function contactRolesList(scope: ParentNode): Element | null {
  for (const sel of ROLE_LISTS) {
    for (const l of queryAll(scope, sel)) {
      if (query(l, 'a[href*="/related/OpportunityContactRoles/"]')) return l;
      const label = l.getAttribute('aria-label') ?? l.getAttribute('title') ?? '';
      if (/contact roles/i.test(label)) return l;
    }
  }
  return null;
}

function readContactRoles(d: RecordDraft, scope: ParentNode, url: URL): void {
  const list = contactRolesList(scope);
  if (!list) return;
  d.found('people');
  let rows = queryAll(list, 'tbody tr');
  if (rows.length === 0) rows = queryAll(list, 'lst-related-preview-card');
  if (rows.length === 0) rows = queryAll(list, 'article.slds-tile, li.slds-item');
  for (const row of rows) {
    const link = queryFirst(row, CONTACT_LINKS);
    if (!link) continue;
    const cells = queryAll(row, '[data-label]');
    const pairs = cells.length ? [] : definitionPairs(row);
    const cell = (re: RegExp): string | null => {
      for (const c of cells) if (re.test(c.getAttribute('data-label') ?? '')) return lineOf(c, 200) || null;
      for (const p of pairs) if (re.test(p.label)) return lineOf(p.value, 200) || null;
      return null;
    };
    const data = link.getAttribute('data-recordid');
    const person: CapturedPerson = {
      name: lineOf(link, 300) || null,
      email: emailsIn(row, 1)[0] ?? null,
      role: cell(ROLE_LABEL),
      title: cell(TITLE_LABEL),
      externalId: (data ? to18(data) : null) ?? idFromHref(hrefOf(link, url)?.pathname),
    };
    d.addPerson(person);
  }
}
