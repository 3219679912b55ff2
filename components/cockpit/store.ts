import { create } from 'zustand';
import type { PeriodPreset } from '../../lib/kpi/period';

/** Short-lived UI state of the cockpit: which period is selected (and the custom range being typed). */
interface CockpitUi {
  preset: PeriodPreset;
  custom: { start: string; end: string };
  setPreset: (p: PeriodPreset) => void;
  setCustom: (c: { start: string; end: string }) => void;
}

export const useCockpitUi = create<CockpitUi>((set) => ({
  preset: 'this_quarter',
  custom: { start: '', end: '' },
  setPreset: (preset) => set({ preset }),
  setCustom: (custom) => set({ custom }),
}));
