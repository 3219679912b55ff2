import { defineMessages } from './define';

// Messages of lib/kpi and its UI. Keys are prefixed 'kpi.'.
export const kpiMessages = defineMessages({}, {});
