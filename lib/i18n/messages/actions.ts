import { defineMessages } from './define';

// Messages of lib/actions and its UI. Keys are prefixed 'actions.'.
// Reason params: `*Minor` are money in minor units beside {currency}; dates are YYYY-MM-DD;
// {penetration} is a fraction and {ratio}/{target} are multiples. The UI formats them before translating.
export const actionsMessages = defineMessages(
  {
    'actions.title': 'Next actions',
    'actions.empty': 'Nothing needs you right now.',
    'actions.due': 'Due {date}',
    'actions.overdue': 'Overdue',
    'actions.markDone': 'Done',
    'actions.snooze': 'Snooze',

    'actions.kind.overdue_next_step': 'Overdue next step',
    'actions.kind.close_date_passed': 'Close date passed',
    'actions.kind.stale_deal': 'Stale deal',
    'actions.kind.closing_without_meeting': 'Closing without a meeting',
    'actions.kind.lead_not_converted': 'Lead not converted',
    'actions.kind.customer_untouched': 'Customer not contacted',
    'actions.kind.low_csat': 'Low CSAT',
    'actions.kind.cross_sell': 'Cross-sell opportunity',
    'actions.kind.low_coverage': 'Low pipeline coverage',

    'actions.reason.overdue_next_step': 'Next step “{nextStep}” on {deal} was due {due}, {days, plural, one {# day} other {# days}} ago.',
    'actions.reason.overdue_next_step.untitled': 'The next step on {deal} was due {due}, {days, plural, one {# day} other {# days}} ago.',
    'actions.reason.close_date_passed': '{deal} was expected to close on {closeOn}, {days, plural, one {# day} other {# days}} ago, and is still open.',
    'actions.reason.stale_deal': 'No activity on {deal} for {days, plural, one {# day} other {# days}} (last on {lastActivity}).',
    'actions.reason.stale_deal.never': 'No activity on {deal} since it was created on {createdOn}, {days, plural, one {# day} other {# days}} ago.',
    'actions.reason.closing_without_meeting':
      '{deal} is due to close on {closeOn}, in {days, plural, one {# day} other {# days}}, and no meeting has been logged.',
    'actions.reason.lead_not_converted': '{lead} was qualified on {qualifiedOn}, {days, plural, one {# day} other {# days}} ago, and is not a deal yet.',
    'actions.reason.customer_untouched':
      'No contact with customer {account} for {days, plural, one {# day} other {# days}} (last on {lastTouch}): retention risk.',
    'actions.reason.low_csat': '{account} gave a CSAT score of {score}/5 on {on} and has had no follow-up.',
    'actions.reason.cross_sell':
      '{account} buys {bought} of {catalogue} products ({penetration}) with a potential of {potentialMinor}.',
    'actions.reason.low_coverage':
      'Pipeline covers {ratio}× the remaining quota of {remainingQuotaMinor}, below the {target}× target. Add {gapMinor} of pipeline.',

    'actions.suggest.log_call': 'Call and log it',
    'actions.suggest.log_meeting': 'Book a meeting',
    'actions.suggest.log_email': 'Send a check-in email',
    'actions.suggest.update_close_date': 'Update close date',
    'actions.suggest.set_next_step': 'Set next step',
    'actions.suggest.convert_lead': 'Convert to deal',
    'actions.suggest.follow_up_csat': 'Follow up with customer',
    'actions.suggest.plan_cross_sell': 'Plan cross-sell',
    'actions.suggest.prospect': 'Prospect for new pipeline',
  },
  {
    'actions.title': 'สิ่งที่ควรทำต่อไป',
    'actions.empty': 'ตอนนี้ยังไม่มีอะไรที่ต้องทำ',
    'actions.due': 'ครบกำหนด {date}',
    'actions.overdue': 'เลยกำหนด',
    'actions.markDone': 'เสร็จแล้ว',
    'actions.snooze': 'เลื่อนไว้ก่อน',

    'actions.kind.overdue_next_step': 'ขั้นตอนถัดไปเลยกำหนด',
    'actions.kind.close_date_passed': 'เลยวันปิดการขายแล้ว',
    'actions.kind.stale_deal': 'ดีลไม่มีความเคลื่อนไหว',
    'actions.kind.closing_without_meeting': 'ใกล้ปิดการขายแต่ยังไม่มีการประชุม',
    'actions.kind.lead_not_converted': 'ลีดยังไม่ได้แปลงเป็นดีล',
    'actions.kind.customer_untouched': 'ไม่ได้ติดต่อลูกค้านาน',
    'actions.kind.low_csat': 'ความพึงพอใจต่ำ',
    'actions.kind.cross_sell': 'โอกาสขายสินค้าเพิ่ม',
    'actions.kind.low_coverage': 'ไปป์ไลน์ไม่พอกับเป้า',

    'actions.reason.overdue_next_step': 'ขั้นตอนถัดไป “{nextStep}” ของ {deal} ครบกำหนดเมื่อ {due} เลยมาแล้ว {days} วัน',
    'actions.reason.overdue_next_step.untitled': 'ขั้นตอนถัดไปของ {deal} ครบกำหนดเมื่อ {due} เลยมาแล้ว {days} วัน',
    'actions.reason.close_date_passed': '{deal} ควรปิดการขายภายใน {closeOn} ผ่านมาแล้ว {days} วัน แต่ดีลยังเปิดอยู่',
    'actions.reason.stale_deal': '{deal} ไม่มีกิจกรรมมา {days} วันแล้ว (ครั้งล่าสุดเมื่อ {lastActivity})',
    'actions.reason.stale_deal.never': '{deal} ยังไม่มีกิจกรรมเลยตั้งแต่สร้างเมื่อ {createdOn} ผ่านมา {days} วันแล้ว',
    'actions.reason.closing_without_meeting':
      '{deal} มีกำหนดปิดการขายวันที่ {closeOn} อีก {days} วัน แต่ยังไม่มีการประชุมกับลูกค้าเลย',
    'actions.reason.lead_not_converted': '{lead} ผ่านการคัดกรองเมื่อ {qualifiedOn} ผ่านมา {days} วันแล้ว แต่ยังไม่ได้เปิดเป็นดีล',
    'actions.reason.customer_untouched':
      'ไม่ได้ติดต่อลูกค้า {account} มา {days} วันแล้ว (ครั้งล่าสุดเมื่อ {lastTouch}) เสี่ยงเสียลูกค้า',
    'actions.reason.low_csat': '{account} ให้คะแนนความพึงพอใจ {score}/5 เมื่อ {on} และยังไม่มีใครติดตามผล',
    'actions.reason.cross_sell':
      '{account} ซื้อสินค้าไปแล้ว {bought} จาก {catalogue} รายการ ({penetration}) ยังมีศักยภาพอีก {potentialMinor}',
    'actions.reason.low_coverage':
      'ไปป์ไลน์ครอบคลุมแค่ {ratio} เท่าของโควตาที่เหลือ {remainingQuotaMinor} ต่ำกว่าเป้า {target} เท่า ควรเพิ่มไปป์ไลน์อีก {gapMinor}',

    'actions.suggest.log_call': 'โทรหาแล้วบันทึกไว้',
    'actions.suggest.log_meeting': 'นัดประชุม',
    'actions.suggest.log_email': 'ส่งอีเมลทักทายลูกค้า',
    'actions.suggest.update_close_date': 'อัปเดตวันปิดการขาย',
    'actions.suggest.set_next_step': 'กำหนดขั้นตอนถัดไป',
    'actions.suggest.convert_lead': 'เปิดเป็นดีล',
    'actions.suggest.follow_up_csat': 'ติดตามผลกับลูกค้า',
    'actions.suggest.plan_cross_sell': 'วางแผนเสนอขายเพิ่ม',
    'actions.suggest.prospect': 'หาลูกค้าใหม่เข้าไปป์ไลน์',
  },
);
