import type { KpiId } from '../kpi/ids';

/** The six numbers on cards, in reading order. */
export const HEADLINE_KPIS = ['total_revenue', 'pipeline_coverage', 'forecast_best_case', 'win_rate', 'average_deal_size', 'sales_cycle_days'] as const satisfies readonly KpiId[];

/** Every other KPI, grouped as the AE scorecard groups them. */
export const KPI_GROUPS = {
  revenue: ['revenue_growth_rate', 'quota_attainment', 'forecast_commit', 'average_order_value', 'territory_growth_rate'],
  pipeline: ['open_pipeline', 'weighted_pipeline', 'new_opportunities', 'opportunity_growth_rate', 'sales_cycle_days_median'],
  conversion: ['won_deals', 'lost_deals', 'deal_closure_rate', 'qualified_leads', 'ql_to_opportunity_rate'],
  customers: ['customer_acquisition_cost', 'customer_retention_rate', 'csat', 'account_penetration_rate'],
  activity: ['calls_logged', 'meetings_logged', 'emails_logged'],
} as const satisfies Record<string, readonly KpiId[]>;
export type KpiGroup = keyof typeof KPI_GROUPS;

/** For cost and cycle time lower is better: a rise is bad news. */
export const LOWER_IS_BETTER: ReadonlySet<KpiId> = new Set<KpiId>(['customer_acquisition_cost', 'sales_cycle_days', 'sales_cycle_days_median', 'lost_deals']);

/** Good, bad or neither: the colour of a change. */
export function changeTone(id: KpiId, change: number | null): 'good' | 'bad' | null {
  if (change === null || change === 0) return null;
  const sign = LOWER_IS_BETTER.has(id) ? -1 : 1;
  return sign * change > 0 ? 'good' : 'bad';
}

/**
 * How to fix a number that has no value: the options-page section that does it (its heading's
 * id, opened as options.html#<section>) and the label of the link. Reasons with no fix by hand
 * (nothing won yet, the period is over) have none.
 */
export const FIXES: Partial<Record<string, { section: string; label: string }>> = {
  'kpi.reason.no_spend': { section: 'spend-title', label: 'cockpit.fix.spend' },
  'kpi.reason.no_quota': { section: 'quota-title', label: 'cockpit.fix.quota' },
  'kpi.reason.no_fx_rate': { section: 'settings-title', label: 'cockpit.fix.fx' },
  'kpi.reason.no_target_accounts': { section: 'targets-title', label: 'cockpit.fix.targets' },
  'kpi.reason.no_catalogue': { section: 'products-title', label: 'cockpit.fix.catalogue' },
  'kpi.reason.no_created_dates': { section: 'import-title', label: 'cockpit.fix.import' },
};
