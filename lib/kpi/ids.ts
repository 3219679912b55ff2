import type { BookTable } from '../domain/book';
import type { kpiMessages } from '../i18n/messages/kpi';

/** Stable KPI ids, in display order: the stats CSV columns and the UI use them. */
export const KPI_IDS = [
  'total_revenue',
  'revenue_growth_rate',
  'average_deal_size',
  'qualified_leads',
  'ql_to_opportunity_rate',
  'new_opportunities',
  'opportunity_growth_rate',
  'win_rate',
  'deal_closure_rate',
  'customer_acquisition_cost',
  'customer_retention_rate',
  'average_order_value',
  'sales_cycle_days',
  'sales_cycle_days_median',
  'csat',
  'territory_growth_rate',
  'account_penetration_rate',
  'quota_attainment',
  'pipeline_coverage',
  'weighted_pipeline',
  'forecast_commit',
  'forecast_best_case',
  'won_deals',
  'lost_deals',
  'open_pipeline',
  'calls_logged',
  'meetings_logged',
  'emails_logged',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

/**
 * money: integer minor units of the reporting currency; count: whole number;
 * rate: a fraction in [0, 1]; ratio: a fraction that can be negative or above 1
 * (growth, attainment); multiple: a ratio read as "3.2×" (pipeline coverage, the same
 * figure the next actions quote); days: calendar days.
 */
export type KpiUnit = 'money' | 'count' | 'rate' | 'ratio' | 'multiple' | 'days';

export const KPI_UNITS: Record<KpiId, KpiUnit> = {
  total_revenue: 'money',
  revenue_growth_rate: 'ratio',
  average_deal_size: 'money',
  qualified_leads: 'count',
  ql_to_opportunity_rate: 'rate',
  new_opportunities: 'count',
  opportunity_growth_rate: 'ratio',
  win_rate: 'rate',
  deal_closure_rate: 'rate',
  customer_acquisition_cost: 'money',
  customer_retention_rate: 'rate',
  average_order_value: 'money',
  sales_cycle_days: 'days',
  sales_cycle_days_median: 'days',
  csat: 'rate',
  territory_growth_rate: 'ratio',
  account_penetration_rate: 'rate',
  quota_attainment: 'ratio',
  pipeline_coverage: 'multiple',
  weighted_pipeline: 'money',
  forecast_commit: 'money',
  forecast_best_case: 'money',
  won_deals: 'count',
  lost_deals: 'count',
  open_pipeline: 'money',
  calls_logged: 'count',
  meetings_logged: 'count',
  emails_logged: 'count',
};

/**
 * How "change" compares a value with the previous period's: rates, ratios and multiples by
 * difference (0.30 → 0.35 is +0.05; 2.5× → 3.1× is +0.6), everything else relative ((v − p) / |p|).
 */
export type ChangeKind = 'absolute' | 'relative';
export function changeKindOf(id: KpiId): ChangeKind {
  const u = KPI_UNITS[id];
  return u === 'rate' || u === 'ratio' || u === 'multiple' ? 'absolute' : 'relative';
}

/** A message key of lib/i18n/messages/kpi.ts that explains a null value. */
export type KpiReasonKey = Extract<keyof (typeof kpiMessages)['en'], `kpi.reason.${string}`>;

export interface KpiReason {
  key: KpiReasonKey;
  params?: Record<string, string | number>;
}

/** A message key of lib/i18n/messages/kpi.ts that says what a value leaves out. */
export type KpiExclusionKey = Extract<keyof (typeof kpiMessages)['en'], `kpi.excluded.${string}`>;

/**
 * Records a value leaves out because a date it needs is unknown or impossible (a deal
 * with no created date, a won deal closed before it was created): never replaced by a
 * substitute. The UI shows `key` with `{ count }` beside the value (or beside the
 * reason when every record was left out and the value is null).
 */
export interface KpiExclusion {
  key: KpiExclusionKey;
  /** How many records were left out (always > 0). */
  count: number;
}

/** Records behind a number, grouped by the table they live in (for drill-down). */
export interface RecordGroup {
  table: BookTable;
  ids: string[];
}
