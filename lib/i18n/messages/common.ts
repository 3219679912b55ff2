import { defineMessages } from './define';

export const commonMessages = defineMessages(
  {
    'app.name': 'AE Cockpit',
    'app.tagline': 'Your deals, KPIs and next actions, beside your CRM.',
  },
  {
    'app.name': 'AE Cockpit',
    'app.tagline': 'ดีล KPI และสิ่งที่ต้องทำต่อไป อยู่ข้างๆ CRM ของคุณ',
  },
);
