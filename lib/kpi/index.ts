// The pure KPI engine: periods, the index over a Book, per-period measures, the report.
export * from './period';
export * from './ids';
export { buildKpiIndex, makeConverter, type KpiIndex, type KpiIndexOptions } from './book-index';
export { computePeriodKpis, coverageParts, type CoverageParts, type PeriodKpis } from './measures';
export * from './report';
export { dayOf, runtimeOffsetMinutes } from './days';
