/**
 * A plain-code check of a deal draft against the rules of dealSchema, for the import's happy
 * path: zod's safeParse copies every object it validates and was a fifth of a 100k-deal import.
 * It must be SOUND: true only for drafts dealSchema accepts (tests hold it to that against the
 * real schema, on boundary values). It may be stricter: a draft it refuses goes through zod,
 * which then names the fault. Calendar dates are checked by shape: the importer only puts
 * dates from parseDate or localDateOf, which are real days.
 */

const DEAL_STATUS = new Set(['open', 'won', 'lost']);
const FORECAST = new Set(['commit', 'best_case', 'pipeline', 'omitted']);
const DEAL_TYPE = new Set(['new_business', 'upsell', 'cross_sell', 'renewal']);
const SITES = new Set(['salesforce', 'hubspot', 'pipedrive', 'gmail', 'outlook', 'csv', 'manual', 'demo']);

const str = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'string' && v.length >= min && v.length <= max;
const strOrNull = (v: unknown, max: number): boolean => v === null || (typeof v === 'string' && v.length <= max);
const idOrNull = (v: unknown): boolean => v === null || str(v, 1, 200);
const instant = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;

function isDateShape(v: unknown): boolean {
  if (typeof v !== 'string' || v.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = v.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}
const dateOrNull = (v: unknown): boolean => v === null || isDateShape(v);

function isCurrency(v: unknown): boolean {
  if (typeof v !== 'string' || v.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = v.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

function lineItemsValid(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const li of v as Array<Record<string, unknown>>) {
    if (typeof li !== 'object' || li === null) return false;
    if (!idOrNull(li.productId) || !str(li.productName, 1, 300)) return false;
    const q = li.quantity;
    if (typeof q !== 'number' || !Number.isFinite(q) || q <= 0 || q > 1e9) return false;
    if (!Number.isSafeInteger(li.unitPriceMinor)) return false;
  }
  return true;
}

function provenanceValid(v: unknown): boolean {
  if (v === null) return true;
  if (typeof v !== 'object') return false;
  const p = v as Record<string, unknown>;
  return SITES.has(p.site as string) && strOrNull(p.url, 4000) && strOrNull(p.externalId, 500) && instant(p.capturedAt);
}

/** Keys of dealSchema; a draft with any other key is left to zod (which would strip it). */
const DEAL_KEYS = new Set([
  'id', 'createdAt', 'updatedAt', 'name', 'accountId', 'amountMinor', 'currency', 'stage', 'status', 'probability',
  'forecastCategory', 'type', 'typeLabel', 'createdOn', 'closeOn', 'lossReason', 'nextStep', 'nextStepDue', 'territory',
  'ownerName', 'primaryContactId', 'lineItems', 'provenance', 'sourceKey', 'lastTouchAt', 'lastMeetingAt',
]);

/**
 * True when `d`, with every dealSchema key present (no defaults to fill), is a valid Deal as it
 * stands, so it can be stored without going through zod.
 */
export function dealDraftValid(d: Record<string, unknown>): boolean {
  let keys = 0;
  for (const k in d) {
    if (!DEAL_KEYS.has(k)) return false;
    keys++;
  }
  if (keys !== DEAL_KEYS.size) return false;
  const p = d.probability;
  const amount = d.amountMinor;
  return (
    str(d.id, 1, 200) &&
    instant(d.createdAt) &&
    instant(d.updatedAt) &&
    str(d.name, 1, 300) &&
    idOrNull(d.accountId) &&
    (amount === null || (Number.isSafeInteger(amount) && (amount as number) >= 0)) &&
    isCurrency(d.currency) &&
    str(d.stage, 1, 200) &&
    DEAL_STATUS.has(d.status as string) &&
    typeof p === 'number' && p >= 0 && p <= 1 &&
    FORECAST.has(d.forecastCategory as string) &&
    DEAL_TYPE.has(d.type as string) &&
    dateOrNull(d.createdOn) &&
    strOrNull(d.typeLabel, 200) &&
    dateOrNull(d.closeOn) &&
    strOrNull(d.lossReason, 500) &&
    strOrNull(d.nextStep, 500) &&
    dateOrNull(d.nextStepDue) &&
    strOrNull(d.territory, 200) &&
    strOrNull(d.ownerName, 200) &&
    idOrNull(d.primaryContactId) &&
    lineItemsValid(d.lineItems) &&
    provenanceValid(d.provenance) &&
    (d.sourceKey === null || typeof d.sourceKey === 'string') &&
    (d.lastTouchAt === null || instant(d.lastTouchAt)) &&
    (d.lastMeetingAt === null || instant(d.lastMeetingAt))
  );
}
