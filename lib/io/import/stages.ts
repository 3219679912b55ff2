import type { DealStatus, DealType, ForecastCategory } from '../../domain/records';
import { wordKey } from '../../domain/primitives';
import type { StageRule } from '../../settings/schema';

/**
 * How a CRM's words for a deal become our status, probability, forecast category and type: the
 * one copy, used by the importer (rows.ts) and by page capture (lib/db/capture.ts). Maps are keyed
 * by wordKey (case, spaces, '-' and '_' ignored).
 */

export const STATUS_WORDS: Record<string, DealStatus | 'deleted'> = {
  open: 'open',
  won: 'won',
  lost: 'lost',
  deleted: 'deleted',
  closedwon: 'won',
  closedlost: 'lost',
  เปิด: 'open',
  ชนะ: 'won',
  แพ้: 'lost',
};

export const FORECAST_WORDS: Record<string, ForecastCategory> = {
  pipeline: 'pipeline',
  bestcase: 'best_case',
  commit: 'commit',
  committed: 'commit',
  closed: 'commit',
  closedwon: 'commit',
  omitted: 'omitted',
  omit: 'omitted',
  notforecasted: 'omitted',
};

/**
 * CRM deal-type words → our four types. Salesforce's standard picklist (New Customer, Existing
 * Customer - Upgrade / Replacement / Downgrade) and its sample values (New Business, Existing
 * Business, Add-On Business, Services, Renewal) included; the CRM's own words are kept in
 * `typeLabel` too, since a downgrade or a replacement is not quite a renewal.
 */
export const TYPE_WORDS: Record<string, DealType> = {
  newbusiness: 'new_business',
  new: 'new_business',
  newcustomer: 'new_business',
  existingbusiness: 'upsell',
  existingcustomer: 'upsell',
  upsell: 'upsell',
  existingbusinessupgrade: 'upsell',
  existingcustomerupgrade: 'upsell',
  expansion: 'upsell',
  upgrade: 'upsell',
  crosssell: 'cross_sell',
  addonbusiness: 'cross_sell',
  addon: 'cross_sell',
  services: 'cross_sell',
  renewal: 'renewal',
  existingbusinessrenewal: 'renewal',
  existingcustomerreplacement: 'renewal',
  existingcustomerdowngrade: 'renewal',
};

function buildStageIndex(rules: readonly StageRule[]): Map<string, StageRule> {
  const m = new Map<string, StageRule>();
  for (const r of rules) m.set(wordKey(r.stage), r);
  return m;
}

const stageIndexCache = new WeakMap<readonly StageRule[], Map<string, StageRule>>();

/** The stage rules by wordKey of their stage name, built once per rules list. */
export function stageIndexOf(rules: readonly StageRule[]): Map<string, StageRule> {
  let m = stageIndexCache.get(rules);
  if (!m) {
    m = buildStageIndex(rules);
    stageIndexCache.set(rules, m);
  }
  return m;
}

/**
 * Status, probability and forecast category of a deal from its stated status (if any), the rule
 * of its stage (if known), a stated probability and forecast category. Won is 1 / commit, lost 0 /
 * omitted; an open deal takes its stage rule's values, else the stated probability (or 0.1) in
 * pipeline. Unknown stages are open (even "Verbal Won" is not won) until the AE maps them.
 */
export function dealStateOf(
  status: DealStatus | null,
  rule: StageRule | undefined,
  probability: number | null,
  forecast: ForecastCategory | undefined,
): { status: DealStatus; probability: number; forecastCategory: ForecastCategory } {
  const st: DealStatus = status ?? (rule ? rule.status : 'open');
  if (st === 'won') return { status: st, probability: 1, forecastCategory: 'commit' };
  if (st === 'lost') return { status: st, probability: 0, forecastCategory: 'omitted' };
  const base = rule && rule.status === 'open' ? { probability: rule.probability, forecastCategory: rule.forecastCategory } : { probability: probability ?? 0.1, forecastCategory: 'pipeline' as ForecastCategory };
  return { status: st, probability: base.probability, forecastCategory: forecast ?? base.forecastCategory };
}

/** Our deal type for a CRM's type words; null when no word matches. */
export function dealTypeOf(label: string): DealType | null {
  return TYPE_WORDS[wordKey(label)] ?? null;
}
