import { IMPORT_ENTITIES, IMPORT_FIELDS, type ColumnMapping, type FieldKind, type ImportEntity } from './fields';
import { quoteCell } from './reasons';
import { detectDateFormat, isEmail, parseAmount, parseDate, parseDecimal, type DateDetection } from './values';

/**
 * Recognises CRM exports by their headers and proposes a column mapping. Aliases are
 * compared after `normalizeHeader`, so "Account.Name", "Account Name" and "account_name"
 * are the same, and Salesforce API names ("CloseDate") match their labels ("Close Date").
 */

export type Crm = 'salesforce' | 'hubspot' | 'pipedrive' | 'generic';

/** Lower case, camelCase split, punctuation to single spaces (Thai letters kept). */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9\u0E00-\u0E7F]+/g, ' ')
    .trim();
}

type Aliases = Partial<Record<string, string[]>>;
interface Profile {
  crm: Exclude<Crm, 'generic'>;
  entity: ImportEntity;
  aliases: Aliases;
}

const PROFILES: Profile[] = [
  {
    crm: 'salesforce',
    entity: 'deals',
    aliases: {
      external_id: ['Opportunity ID', 'Id', 'Opportunity 18 Digit ID'],
      name: ['Opportunity Name', 'Name'],
      account: ['Account Name', 'Account.Name', 'AccountId'],
      amount: ['Amount'],
      currency: ['Opportunity Currency', 'Amount Currency', 'CurrencyIsoCode', 'Currency'],
      stage: ['Stage', 'StageName'],
      probability: ['Probability (%)', 'Probability'],
      created: ['Created Date', 'CreatedDate'],
      close: ['Close Date', 'CloseDate'],
      owner: ['Opportunity Owner', 'Owner.Name', 'Owner Name'],
      type: ['Type'],
      next_step: ['Next Step', 'NextStep'],
      forecast_category: ['Forecast Category', 'ForecastCategoryName', 'ForecastCategory'],
      territory: ['Territory', 'Territory2.Name', 'Territory Name'],
      loss_reason: ['Loss Reason', 'Loss_Reason__c', 'Closed Lost Reason'],
      product: ['Product Name', 'Product2.Name', 'Product'],
      quantity: ['Quantity'],
      unit_price: ['Sales Price', 'UnitPrice'],
    },
  },
  {
    crm: 'salesforce',
    entity: 'accounts',
    aliases: {
      external_id: ['Account ID', 'Id'],
      name: ['Account Name', 'Name'],
      domain: ['Website'],
      industry: ['Industry'],
      territory: ['Territory', 'Billing Country', 'BillingCountry'],
      potential: ['Annual Revenue', 'AnnualRevenue'],
      currency: ['Account Currency', 'CurrencyIsoCode'],
      customer_since: ['Customer Since', 'Customer_Since__c'],
    },
  },
  {
    crm: 'salesforce',
    entity: 'contacts',
    aliases: {
      external_id: ['Contact ID', 'Id'],
      name: ['Name', 'Full Name'],
      first_name: ['First Name', 'FirstName'],
      last_name: ['Last Name', 'LastName'],
      email: ['Email'],
      phone: ['Phone', 'Mobile', 'MobilePhone'],
      title: ['Title'],
      account: ['Account Name', 'Account.Name', 'AccountId'],
    },
  },
  {
    crm: 'salesforce',
    entity: 'leads',
    aliases: {
      external_id: ['Lead ID', 'Id'],
      name: ['Name', 'Full Name'],
      company: ['Company / Account', 'Company'],
      email: ['Email'],
      source: ['Lead Source', 'LeadSource'],
      created: ['Create Date', 'Created Date', 'CreatedDate'],
      converted: ['Converted Date', 'ConvertedDate'],
      converted_deal: ['Converted Opportunity ID', 'ConvertedOpportunityId'],
    },
  },
  {
    crm: 'salesforce',
    entity: 'activities',
    aliases: {
      external_id: ['Activity ID', 'Task ID', 'Id'],
      kind: ['Task Subtype', 'TaskSubtype', 'Activity Type', 'Type'],
      at: ['Date', 'Activity Date', 'ActivityDate', 'Due Date'],
      duration: ['Duration', 'DurationInMinutes'],
      subject: ['Subject'],
      notes: ['Comments', 'Full Comments', 'Description'],
      deal: ['Opportunity', 'Opportunity Name', 'Related To'],
      account: ['Company / Account', 'Account Name', 'Account'],
      contact: ['Contact', 'Name', 'Contact Name'],
    },
  },
  {
    crm: 'hubspot',
    entity: 'deals',
    aliases: {
      external_id: ['Record ID', 'Deal ID', 'hs_object_id'],
      name: ['Deal Name', 'dealname'],
      account: ['Associated Company', 'Associated Company (Primary)', 'Company name'],
      amount: ['Amount'],
      currency: ['Currency', 'Deal currency code', 'deal_currency_code'],
      stage: ['Deal Stage', 'dealstage'],
      probability: ['Deal probability', 'hs_deal_stage_probability'],
      forecast_category: ['Forecast category', 'hs_manual_forecast_category'],
      created: ['Create Date', 'createdate'],
      close: ['Close Date', 'closedate'],
      owner: ['Deal owner', 'hubspot_owner_id'],
      type: ['Deal Type', 'dealtype'],
      next_step: ['Next step', 'hs_next_step'],
      loss_reason: ['Closed lost reason', 'closed_lost_reason'],
    },
  },
  {
    crm: 'hubspot',
    entity: 'accounts',
    aliases: {
      external_id: ['Record ID', 'Company ID', 'hs_object_id'],
      name: ['Company name', 'name'],
      domain: ['Company Domain Name', 'Website URL', 'domain'],
      industry: ['Industry'],
      territory: ['Country/Region', 'Country'],
      potential: ['Annual Revenue', 'annualrevenue'],
      customer_since: ['Became a Customer Date', 'hs_lifecyclestage_customer_date'],
    },
  },
  {
    crm: 'hubspot',
    entity: 'contacts',
    aliases: {
      external_id: ['Record ID', 'Contact ID', 'hs_object_id'],
      first_name: ['First Name', 'firstname'],
      last_name: ['Last Name', 'lastname'],
      email: ['Email'],
      phone: ['Phone Number', 'phone'],
      title: ['Job Title', 'jobtitle'],
      account: ['Associated Company', 'Associated Company (Primary)', 'Company Name'],
    },
  },
  {
    crm: 'pipedrive',
    entity: 'deals',
    aliases: {
      external_id: ['Deal - ID'],
      name: ['Deal - Title'],
      account: ['Deal - Organization', 'Deal - Organisation'],
      amount: ['Deal - Value'],
      currency: ['Deal - Currency', 'Deal - Currency of Value'],
      stage: ['Deal - Stage'],
      status: ['Deal - Status'],
      probability: ['Deal - Probability'],
      created: ['Deal - Deal created', 'Deal - Add time'],
      close: ['Deal - Expected close date', 'Deal - Deal closed on', 'Deal - Close time'],
      won_time: ['Deal - Won time'],
      lost_time: ['Deal - Lost time'],
      loss_reason: ['Deal - Lost reason'],
      owner: ['Deal - Owner'],
      next_step_due: ['Deal - Next activity date'],
      product: ['Deal - Product name', 'Product - Name'],
      quantity: ['Deal - Product quantity', 'Product - Quantity'],
      unit_price: ['Deal - Product price', 'Product - Price'],
    },
  },
  {
    crm: 'pipedrive',
    entity: 'accounts',
    aliases: {
      external_id: ['Organization - ID', 'Organisation - ID'],
      name: ['Organization - Name', 'Organisation - Name'],
      domain: ['Organization - Website', 'Organisation - Website'],
      industry: ['Organization - Industry', 'Organisation - Industry'],
      territory: ['Organization - Address country', 'Organisation - Address country'],
    },
  },
  {
    crm: 'pipedrive',
    entity: 'contacts',
    aliases: {
      external_id: ['Person - ID'],
      name: ['Person - Name'],
      first_name: ['Person - First name'],
      last_name: ['Person - Last name'],
      email: ['Person - Email', 'Person - Email - Work', 'Person - Email - Other'],
      phone: ['Person - Phone', 'Person - Phone - Work', 'Person - Phone - Mobile'],
      title: ['Person - Job title'],
      account: ['Person - Organization', 'Person - Organisation'],
    },
  },
  {
    crm: 'pipedrive',
    entity: 'activities',
    aliases: {
      external_id: ['Activity - ID'],
      kind: ['Activity - Type'],
      at: ['Activity - Due date'],
      duration: ['Activity - Duration'],
      subject: ['Activity - Subject'],
      notes: ['Activity - Note'],
      deal: ['Activity - Deal'],
      account: ['Activity - Organization', 'Activity - Organisation'],
      contact: ['Activity - Contact person'],
    },
  },
];

/** Plain names an AE would type in a hand-made sheet, English and Thai. */
const GENERIC: Record<ImportEntity, Aliases> = {
  deals: {
    external_id: ['ID', 'Deal ID', 'External ID', 'CRM ID', 'Record ID', 'รหัสดีล'],
    name: ['Deal', 'Deal Name', 'Opportunity', 'Opportunity Name', 'Title', 'Name', 'ชื่อดีล', 'ดีล', 'ชื่อโอกาสการขาย'],
    account: ['Account', 'Account Name', 'Company', 'Customer', 'Client', 'Organization', 'Organisation', 'ลูกค้า', 'บริษัท', 'ชื่อลูกค้า', 'ชื่อบริษัท'],
    amount: ['Amount', 'Value', 'Deal Value', 'Deal Size', 'Revenue', 'Total', 'มูลค่า', 'ยอดขาย', 'จำนวนเงิน', 'มูลค่าดีล'],
    currency: ['Currency', 'Currency Code', 'สกุลเงิน'],
    stage: ['Stage', 'Deal Stage', 'Sales Stage', 'Pipeline Stage', 'ขั้นตอน', 'ขั้นตอนการขาย'],
    status: ['Status', 'Deal Status', 'สถานะ'],
    probability: ['Probability', 'Win Probability', 'Probability (%)', 'Chance', 'โอกาสปิด', 'ความน่าจะเป็น'],
    forecast_category: ['Forecast Category', 'Forecast'],
    created: ['Created', 'Created Date', 'Create Date', 'Created On', 'Date Created', 'Open Date', 'วันที่สร้าง'],
    close: ['Close Date', 'Closed Date', 'Close', 'Expected Close', 'Expected Close Date', 'Closing Date', 'วันที่ปิด', 'วันปิดการขาย', 'วันที่คาดว่าจะปิด'],
    won_time: ['Won Date', 'Won Time', 'Won On'],
    lost_time: ['Lost Date', 'Lost Time', 'Lost On'],
    owner: ['Owner', 'Deal Owner', 'Sales Rep', 'Rep', 'Salesperson', 'ผู้รับผิดชอบ', 'พนักงานขาย'],
    type: ['Type', 'Deal Type', 'ประเภท', 'ประเภทดีล'],
    territory: ['Territory', 'Region', 'เขต', 'พื้นที่', 'เขตการขาย'],
    next_step: ['Next Step', 'ขั้นตอนถัดไป'],
    next_step_due: ['Next Step Date', 'Next Step Due', 'Next Activity Date'],
    loss_reason: ['Loss Reason', 'Lost Reason', 'Reason Lost', 'เหตุผลที่แพ้'],
    product: ['Product', 'Product Name', 'สินค้า', 'ผลิตภัณฑ์'],
    quantity: ['Quantity', 'Qty', 'จำนวน'],
    unit_price: ['Unit Price', 'Sales Price', 'Price', 'ราคาต่อหน่วย'],
  },
  accounts: {
    external_id: ['ID', 'Account ID', 'Company ID', 'External ID', 'Record ID'],
    name: ['Account', 'Account Name', 'Company', 'Company Name', 'Name', 'Organization', 'Organisation', 'Customer', 'ชื่อบริษัท', 'บริษัท', 'ลูกค้า'],
    domain: ['Domain', 'Website', 'Web', 'URL', 'เว็บไซต์'],
    industry: ['Industry', 'Sector', 'อุตสาหกรรม'],
    territory: ['Territory', 'Region', 'Country', 'เขต'],
    is_target: ['Target', 'Target Account', 'Is Target'],
    potential: ['Potential', 'Wallet', 'Annual Revenue', 'ศักยภาพ'],
    currency: ['Currency', 'สกุลเงิน'],
    customer_since: ['Customer Since', 'Became Customer'],
    churned: ['Churned', 'Churn Date', 'Churned On'],
  },
  contacts: {
    external_id: ['ID', 'Contact ID', 'External ID', 'Record ID'],
    name: ['Name', 'Full Name', 'Contact', 'Contact Name', 'ชื่อ', 'ชื่อผู้ติดต่อ'],
    first_name: ['First Name', 'Given Name', 'ชื่อจริง'],
    last_name: ['Last Name', 'Surname', 'Family Name', 'นามสกุล'],
    email: ['Email', 'E-mail', 'Email Address', 'อีเมล'],
    phone: ['Phone', 'Phone Number', 'Mobile', 'Tel', 'โทรศัพท์', 'เบอร์โทร'],
    title: ['Title', 'Job Title', 'Position', 'ตำแหน่ง'],
    account: ['Account', 'Company', 'Organization', 'Organisation', 'Account Name', 'Company Name', 'บริษัท'],
    role: ['Role', 'Buying Role', 'บทบาท'],
  },
  activities: {
    external_id: ['ID', 'Activity ID', 'External ID'],
    kind: ['Type', 'Kind', 'Activity Type', 'Activity', 'ประเภท'],
    at: ['Date', 'When', 'Due Date', 'Activity Date', 'Date Time', 'วันที่'],
    duration: ['Duration', 'Duration (min)', 'Minutes', 'ระยะเวลา'],
    outcome: ['Outcome', 'Result', 'Call Result', 'ผลลัพธ์'],
    subject: ['Subject', 'Title', 'หัวข้อ'],
    notes: ['Notes', 'Note', 'Comments', 'Description', 'บันทึก'],
    deal: ['Deal', 'Opportunity', 'ดีล'],
    account: ['Account', 'Company', 'Organization', 'บริษัท'],
    contact: ['Contact', 'Person', 'ผู้ติดต่อ'],
  },
  leads: {
    external_id: ['ID', 'Lead ID', 'External ID', 'Record ID'],
    name: ['Name', 'Lead', 'Lead Name', 'Full Name', 'ชื่อ'],
    company: ['Company', 'Organization', 'Account', 'บริษัท'],
    email: ['Email', 'E-mail', 'อีเมล'],
    source: ['Source', 'Lead Source', 'Channel', 'แหล่งที่มา'],
    created: ['Created', 'Created Date', 'Create Date', 'Date', 'วันที่สร้าง'],
    qualified: ['Qualified', 'Qualified Date', 'Qualified On'],
    disqualified: ['Disqualified', 'Disqualified Date', 'Disqualified On'],
    converted: ['Converted', 'Converted Date', 'Converted On'],
    converted_deal: ['Converted Deal', 'Converted Opportunity ID', 'Deal ID'],
  },
};

// ---------------------------------------------------------------- lookup tables, built once

type AliasIndex = Map<string, string>; // normalised header → field

function indexOf(aliases: Aliases): AliasIndex {
  const m: AliasIndex = new Map();
  for (const [field, list] of Object.entries(aliases)) {
    for (const a of list ?? []) {
      const key = normalizeHeader(a);
      if (!m.has(key)) m.set(key, field);
    }
  }
  return m;
}

const PROFILE_INDEX = PROFILES.map((p) => ({ ...p, index: indexOf(p.aliases) }));
const GENERIC_INDEX = Object.fromEntries(IMPORT_ENTITIES.map((e) => [e, indexOf(GENERIC[e])])) as Record<ImportEntity, AliasIndex>;

/** Normalised aliases used by exactly one CRM: seeing one is evidence for that CRM. */
const DISTINCTIVE = (() => {
  const owners = new Map<string, Set<string>>();
  for (const p of PROFILE_INDEX) {
    for (const key of p.index.keys()) {
      const s = owners.get(key) ?? new Set<string>();
      s.add(p.crm);
      owners.set(key, s);
    }
  }
  const out = new Map<string, string>();
  for (const [key, s] of owners) if (s.size === 1) out.set(key, [...s][0]!);
  return out;
})();

export interface ProfileDetection {
  crm: Crm;
  entity: ImportEntity;
  /** Share of headers the profile recognises, 0–1. */
  confidence: number;
}

/** Which CRM and record type a header row most likely comes from. */
export function detectProfile(headers: readonly string[]): ProfileDetection {
  const norm = headers.map(normalizeHeader);
  let best: { crm: Crm; entity: ImportEntity; matched: number; distinctive: number } | null = null;
  for (const p of PROFILE_INDEX) {
    let matched = 0;
    let distinctive = 0;
    for (const h of norm) {
      if (!p.index.has(h)) continue;
      matched++;
      if (DISTINCTIVE.get(h) === p.crm) distinctive++;
    }
    if (distinctive === 0) continue;
    const better =
      !best ||
      distinctive + matched > best.distinctive + best.matched ||
      (distinctive + matched === best.distinctive + best.matched && matched > best.matched);
    if (better) best = { crm: p.crm, entity: p.entity, matched, distinctive };
  }
  if (best && best.matched >= 2) {
    return { crm: best.crm, entity: best.entity, confidence: round2(best.matched / Math.max(1, norm.length)) };
  }
  let entity: ImportEntity = 'deals';
  let matched = 0;
  for (const e of IMPORT_ENTITIES) {
    const idx = GENERIC_INDEX[e];
    const n = norm.filter((h) => idx.has(h)).length;
    if (n > matched) {
      matched = n;
      entity = e;
    }
  }
  return { crm: 'generic', entity, confidence: round2(matched / Math.max(1, norm.length)) };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

// ---------------------------------------------------------------- mapping proposal

/** What a column's sample values look like, for CSVs whose headers say nothing useful. */
export type ValueShape = 'empty' | 'date' | 'amount' | 'percent' | 'email' | 'currency' | 'number' | 'text';

export function sniffColumn(values: readonly string[]): ValueShape {
  const vs = values.map((v) => v.trim()).filter((v) => v !== '');
  if (vs.length === 0) return 'empty';
  if (vs.every(isEmail)) return 'email';
  if (vs.every((v) => /^[A-Z]{3}$/.test(v))) return 'currency';
  if (vs.every((v) => /^-?\d+(\.\d+)?\s?%$/.test(v))) return 'percent';
  if (detectDateFormat(vs)) return 'date';
  if (vs.every((v) => parseDecimal(v) !== null)) return 'number';
  if (vs.every((v) => { const r = parseAmount(v, 'THB'); return r.ok; })) return 'amount';
  return 'text';
}

/** Second words that make a header about something else: "Contact owner", "Deal ID". */
const QUALIFIER_STOP = new Set(['owner', 'id', 'by', 'type', 'count', 'number', 'source', 'status', 'stage']);

const SHAPE_FITS: Record<FieldKind, ValueShape[]> = {
  id: ['text', 'number'],
  text: ['text'],
  date: ['date'],
  amount: ['amount', 'number'],
  currency: ['currency'],
  percent: ['percent', 'number'],
  number: ['number'],
  email: ['email'],
  bool: ['text', 'number'],
};

/**
 * Proposes field → column for an entity: the CRM's own aliases first, then plain-English
 * and Thai names, then names that contain an alias ("Expected close (quarter)"), and last,
 * for fields still unmapped, columns whose values have the right shape (emails, amounts with
 * currency, percentages, dates: the earlier of two date columns is `created`). Each column
 * is used once. Unmapped fields are null.
 */
export function proposeMapping(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
  entity: ImportEntity,
  crm?: Crm,
): ColumnMapping {
  const norm = headers.map(normalizeHeader);
  const mapping: ColumnMapping = {};
  for (const d of IMPORT_FIELDS[entity]) mapping[d.field] = null;
  const used = new Set<number>();
  const assign = (field: string, i: number) => {
    if (mapping[field] !== null || used.has(i)) return;
    mapping[field] = i;
    used.add(i);
  };

  const profileIndexes = PROFILE_INDEX.filter((p) => p.entity === entity && (!crm || crm === 'generic' || p.crm === crm)).map(
    (p) => p.index,
  );
  // Exact aliases, in order of authority.
  for (const idx of [...profileIndexes, GENERIC_INDEX[entity]]) {
    norm.forEach((h, i) => {
      const field = idx.get(h);
      if (field) assign(field, i);
    });
  }

  const shapes = headers.map((_, i) => sniffColumn(sampleRows.map((r) => r[i] ?? '')));
  const kinds = new Map(IMPORT_FIELDS[entity].map((d) => [d.field, d.kind]));

  // Headers that contain an alias as whole words, longest alias first, when the values fit.
  // A one-word alias only counts as the header's first word with at most one qualifier
  // ("Value (THB)"), so "Contact owner" is not taken for the contact's name.
  const containing = [...GENERIC_INDEX[entity].entries()].filter(([a]) => a.length >= 4).sort((a, b) => b[0].length - a[0].length);
  norm.forEach((h, i) => {
    if (used.has(i)) return;
    const padded = ` ${h} `;
    const words = h.split(' ');
    for (const [alias, field] of containing) {
      if (mapping[field] !== null || !padded.includes(` ${alias} `)) continue;
      if (!alias.includes(' ') && (words[0] !== alias || words.length > 2 || QUALIFIER_STOP.has(words[1] ?? ''))) continue;
      const shape = shapes[i]!;
      if (shape !== 'empty' && !SHAPE_FITS[kinds.get(field)!].includes(shape)) continue;
      assign(field, i);
      break;
    }
  });

  // Value sniffing for what is still missing.
  const free = (shape: ValueShape) => shapes.map((s, i) => (s === shape && !used.has(i) ? i : -1)).filter((i) => i >= 0);
  const firstFree = (field: string, shape: ValueShape) => {
    if (!(field in mapping) || mapping[field] !== null) return;
    const i = free(shape)[0];
    if (i !== undefined) assign(field, i);
  };
  firstFree('email', 'email');
  firstFree('currency', 'currency');
  firstFree('probability', 'percent');
  firstFree('amount', 'amount');
  // Only the dates every record has are guessed from values; optional ones (churned…) are left to the AE.
  const dateFields = (['created', 'at'] as const).filter((f) => mapping[f] === null);
  const dateCols = free('date');
  if (entity === 'deals' && mapping.created === null && mapping.close === null && dateCols.length >= 2) {
    const [a, b] = [dateCols[0]!, dateCols[1]!];
    const firstA = medianDate(sampleRows.map((r) => r[a] ?? ''));
    const firstB = medianDate(sampleRows.map((r) => r[b] ?? ''));
    const [early, late] = firstA !== null && firstB !== null && firstB < firstA ? [b, a] : [a, b];
    assign('created', early);
    assign('close', late);
  } else if (entity === 'deals' && (mapping.created === null) !== (mapping.close === null) && dateCols.length > 0) {
    // One of the two deal dates is named and one date column is left: it is the other one.
    assign(mapping.created === null ? 'created' : 'close', dateCols[0]!);
  } else if (dateFields.length > 0 && dateCols.length > 0) {
    assign(dateFields[0]!, dateCols[0]!);
  }
  return mapping;
}

function medianDate(values: string[]): string | null {
  const det = detectDateFormat(values);
  if (!det) return null;
  const format = det.ambiguous ? det.candidates[0]! : det.format;
  const ds = values
    .map((v) => parseDate(v, format))
    .flatMap((r) => (r.ok && r.value ? [r.value] : []))
    .sort();
  return ds[Math.floor(ds.length / 2)] ?? null;
}

/** Per date field, the format read from its column's values (null: no recognisable dates). */
export function detectMappedDateFormats(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  entity: ImportEntity,
): Record<string, DateDetection | null> {
  const out: Record<string, DateDetection | null> = {};
  for (const d of IMPORT_FIELDS[entity]) {
    const i = mapping[d.field];
    if (d.kind !== 'date' || i === null || i === undefined || i >= headers.length) continue;
    // Detection depends only on which values occur, not how often: distinct values are enough,
    // and a 100k-row export repeats a few hundred dates.
    const distinct = new Set<string>();
    for (const r of rows) distinct.add(r[i] ?? '');
    out[d.field] = detectDateFormat([...distinct]);
  }
  // One file is written in one locale: a column whose day/month order is open takes the order
  // another date column of the same file settles (Close Date 3/20/2026 settles Created 1/10/2026).
  for (const [field, det] of Object.entries(out)) {
    if (!det?.ambiguous) continue;
    const settled = Object.values(out).find((o) => o && !o.ambiguous && det.candidates.includes(o.format));
    if (settled && !settled.ambiguous) out[field] = { ambiguous: false, format: settled.format, buddhistEra: det.buddhistEra };
  }
  return out;
}

// ---------------------------------------------------------------- remembering mappings

/** cyrb53: a fast, well-mixed 53-bit string hash. Not cryptographic; used for keys only. */
export function hash53(s: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Stable key of a header row (order matters, case and punctuation do not), for Settings.importMappings. */
export function headerSetKey(headers: readonly string[]): string {
  return `h${headers.length}-${hash53(headers.map(normalizeHeader).join('\u001f'))}`;
}

/** Mapping as stored in Settings.importMappings: field → header text. */
export function mappingToStored(mapping: ColumnMapping, headers: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, i] of Object.entries(mapping)) {
    if (i !== null && i !== undefined && headers[i] !== undefined) out[field] = headers[i]!;
  }
  return out;
}

/** Stored mapping back to column indexes for this file's headers; fields whose header is gone are null. */
export function mappingFromStored(
  stored: Record<string, string>,
  headers: readonly string[],
  entity: ImportEntity,
): ColumnMapping {
  const norm = headers.map(normalizeHeader);
  const mapping: ColumnMapping = {};
  for (const d of IMPORT_FIELDS[entity]) {
    const h = stored[d.field];
    const i = h === undefined ? -1 : norm.indexOf(normalizeHeader(h));
    mapping[d.field] = i >= 0 ? i : null;
  }
  return mapping;
}

export type MapSpecResult = { ok: true; mapping: ColumnMapping } | { ok: false; error: string; params: Record<string, string> };

/**
 * Reads the headless `--map field=Column,field=Column` option on top of a base mapping.
 * `date` is accepted for the activities field `at`. Errors name the field or column.
 */
export function applyMapSpec(
  spec: string,
  headers: readonly string[],
  entity: ImportEntity,
  base: ColumnMapping = {},
): MapSpecResult {
  const mapping: ColumnMapping = { ...base };
  const norm = headers.map(normalizeHeader);
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const rawField = (eq < 0 ? part : part.slice(0, eq)).trim();
    const column = eq < 0 ? '' : part.slice(eq + 1).trim();
    const field = entity === 'activities' && rawField === 'date' ? 'at' : rawField;
    if (!IMPORT_FIELDS[entity].some((d) => d.field === field)) {
      return { ok: false, error: 'io.error.unknownField', params: { field: rawField } };
    }
    const i = headers.indexOf(column) >= 0 ? headers.indexOf(column) : norm.indexOf(normalizeHeader(column));
    if (i < 0) return { ok: false, error: 'io.error.unknownColumn', params: { column } };
    mapping[field] = i;
  }
  return { ok: true, mapping };
}

// ---------------------------------------------------------------- duplicate header names

/** Spreadsheet letter of a 0-based column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A header row with one name on several columns, as data for the preview and the CLI. */
export interface HeaderWarning {
  /** i18n key of lib/i18n/messages/import-reasons.ts: 'io.header.duplicate' or 'io.header.duplicateUnused'. */
  key: 'io.header.duplicate' | 'io.header.duplicateUnused';
  /** name: the header as written in the first column (quoted short); columns: "C, F" (letters); used: the letter mapped ('' for none). */
  params: { name: string; columns: string; used: string };
  /** 0-based indexes of the columns sharing the name, in file order. */
  columns: number[];
  /** The index the mapping reads, or null when it reads none of them. */
  used: number | null;
}

/**
 * Columns whose headers are the same name (compared as the mapping compares them, after
 * normalizeHeader: "Amount" and "amount " are one name), with the column the mapping reads.
 * Names map to the first such column (aliases, a stored mapping, `--map amount=Amount`), so the
 * others are silently left out; this says which one is used. A mapping that reads two of them
 * for different fields is the AE's choice, and gets no warning.
 */
export function duplicateHeaderWarnings(headers: readonly string[], mapping: ColumnMapping): HeaderWarning[] {
  const groups = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key === '') return;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  const mapped = new Set<number>();
  for (const i of Object.values(mapping)) if (i !== null && i !== undefined) mapped.add(i);
  const out: HeaderWarning[] = [];
  for (const cols of groups.values()) {
    if (cols.length < 2) continue;
    const usedCols = cols.filter((i) => mapped.has(i));
    if (usedCols.length > 1) continue;
    const used = usedCols[0] ?? null;
    out.push({
      key: used === null ? 'io.header.duplicateUnused' : 'io.header.duplicate',
      params: { name: quoteCell(headers[cols[0]!]!), columns: cols.map(columnLetter).join(', '), used: used === null ? '' : columnLetter(used) },
      columns: cols,
      used,
    });
  }
  return out;
}
