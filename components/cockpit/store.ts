import { create } from 'zustand';
import type { KpiId } from '../../lib/kpi/ids';
import type { PeriodPreset } from '../../lib/kpi/period';

/** Short-lived UI state of the cockpit: which period is selected (and the custom range being typed), which drill-down is open. */
interface CockpitUi {
  preset: PeriodPreset;
  custom: { start: string; end: string };
  setPreset: (p: PeriodPreset) => void;
  setCustom: (c: { start: string; end: string }) => void;
  /** The KPI whose drill-down is open (one at a time: only its records are built). */
  drill: KpiId | null;
  setDrill: (id: KpiId | null) => void;
}

export const useCockpitUi = create<CockpitUi>((set) => ({
  preset: 'this_quarter',
  custom: { start: '', end: '' },
  setPreset: (preset) => set({ preset }),
  setCustom: (custom) => set({ custom }),
  drill: null,
  setDrill: (drill) => set({ drill }),
}));
