import { defineMessages } from './define';

// Messages of lib/kpi and its UI. Keys are prefixed 'kpi.'.
// Formulas say in words exactly what lib/kpi computes (see lib/kpi/README.md); keep both in step.
export const kpiMessages = defineMessages(
  {
    'kpi.total_revenue.name': 'Total revenue',
    'kpi.total_revenue.formula':
      'Sum of the amounts of deals won with a close date in the period, each converted to the reporting currency',
    'kpi.revenue_growth_rate.name': 'Revenue growth rate',
    'kpi.revenue_growth_rate.formula':
      '(Total revenue of the period − total revenue of the previous period) ÷ total revenue of the previous period',
    'kpi.average_deal_size.name': 'Average deal size',
    'kpi.average_deal_size.formula': 'Total revenue ÷ number of deals won in the period',
    'kpi.qualified_leads.name': 'Qualified leads',
    'kpi.qualified_leads.formula': 'Number of leads whose qualified date is in the period',
    'kpi.ql_to_opportunity_rate.name': 'Qualified lead to opportunity rate',
    'kpi.ql_to_opportunity_rate.formula':
      'Leads qualified in the period that became a deal on or before the as-of date ÷ all leads qualified in the period; a lead with no conversion date whose deal has no created date is left out',
    'kpi.new_opportunities.name': 'New opportunities',
    'kpi.new_opportunities.formula': 'Number of deals created in the period; deals with no created date are in no period',
    'kpi.opportunity_growth_rate.name': 'Opportunity growth rate',
    'kpi.opportunity_growth_rate.formula':
      '(New opportunities of the period − new opportunities of the previous period) ÷ new opportunities of the previous period',
    'kpi.win_rate.name': 'Win rate',
    'kpi.win_rate.formula':
      'Deals won ÷ (deals won + deals lost), over deals with a close date in the period; open deals are left out',
    'kpi.deal_closure_rate.name': 'Deal closure rate',
    'kpi.deal_closure_rate.formula':
      'Deals created in the period and won on or before the as-of date ÷ all deals created in the period, open ones included; deals with no created date are left out',
    'kpi.customer_acquisition_cost.name': 'Customer acquisition cost',
    'kpi.customer_acquisition_cost.formula':
      'Sales and marketing spend dated in the period ÷ new customers (accounts that became customers in the period)',
    'kpi.customer_retention_rate.name': 'Customer retention rate',
    'kpi.customer_retention_rate.formula':
      '(Customers at the end of the period − new customers who are still customers at the end) ÷ customers on the day before the period starts',
    'kpi.average_order_value.name': 'Average order value',
    'kpi.average_order_value.formula':
      'Total revenue ÷ number of orders; each line item of a won deal is one order, and a won deal without line items is one order',
    'kpi.sales_cycle_days.name': 'Sales cycle (mean days)',
    'kpi.sales_cycle_days.formula':
      'Mean of the calendar days from created date to close date, over deals won in the period; deals with no created date, or closed before they were created, are left out',
    'kpi.sales_cycle_days_median.name': 'Sales cycle (median days)',
    'kpi.sales_cycle_days_median.formula':
      'Median of the calendar days from created date to close date, over deals won in the period; deals with no created date, or closed before they were created, are left out',
    'kpi.csat.name': 'Customer satisfaction (CSAT)',
    'kpi.csat.formula': 'CSAT responses in the period scoring 4 or 5 ÷ all CSAT responses in the period',
    'kpi.territory_growth_rate.name': 'Territory growth rate',
    'kpi.territory_growth_rate.formula':
      '(New-business revenue of the period − new-business revenue of the previous period) ÷ new-business revenue of the previous period, for all your territories together and for each one',
    'kpi.account_penetration_rate.name': 'Account penetration rate',
    'kpi.account_penetration_rate.formula':
      'Target accounts that are customers at the end of the period ÷ all target accounts; per account, catalogue products bought ÷ products in the catalogue',
    'kpi.quota_attainment.name': 'Quota attainment',
    'kpi.quota_attainment.formula':
      'Total revenue ÷ quota for the period; a quota that only partly overlaps the period counts by its share of days',
    'kpi.pipeline_coverage.name': 'Pipeline coverage',
    'kpi.pipeline_coverage.formula':
      'Open deals expected to close from the as-of date to the end of the period ÷ (quota − revenue won up to the as-of date)',
    'kpi.weighted_pipeline.name': 'Weighted pipeline',
    'kpi.weighted_pipeline.formula': 'Sum of amount × probability over open deals expected to close in the period',
    'kpi.forecast_commit.name': 'Forecast (commit)',
    'kpi.forecast_commit.formula':
      'Total revenue + amounts of open commit deals expected to close in the period',
    'kpi.forecast_best_case.name': 'Forecast (best case)',
    'kpi.forecast_best_case.formula':
      'Forecast (commit) + amounts of open best-case deals expected to close in the period',
    'kpi.won_deals.name': 'Won deals',
    'kpi.won_deals.formula': 'Number of deals won with a close date in the period',
    'kpi.lost_deals.name': 'Lost deals',
    'kpi.lost_deals.formula': 'Number of deals lost with a close date in the period',
    'kpi.open_pipeline.name': 'Open pipeline',
    'kpi.open_pipeline.formula': 'Sum of the amounts of open deals expected to close in the period',
    'kpi.calls_logged.name': 'Calls logged',
    'kpi.calls_logged.formula': 'Number of calls dated in the period, up to the as-of date',
    'kpi.meetings_logged.name': 'Meetings logged',
    'kpi.meetings_logged.formula': 'Number of meetings dated in the period, up to the as-of date',
    'kpi.emails_logged.name': 'Emails logged',
    'kpi.emails_logged.formula': 'Number of emails dated in the period, up to the as-of date',

    'kpi.reason.no_fx_rate': 'No exchange rate for {currency}: add one in Settings',
    'kpi.reason.missing_amount': '{count} won deals have no amount',
    'kpi.reason.no_won_deals': 'No deals won in this period',
    'kpi.reason.no_previous_revenue': 'No revenue in the previous period to compare with',
    'kpi.reason.no_qualified_leads': 'No leads qualified in this period',
    'kpi.reason.no_previous_opportunities': 'No deals created in the previous period to compare with',
    'kpi.reason.no_closed_deals': 'No deals won or lost in this period',
    'kpi.reason.no_new_opportunities': 'No deals created in this period',
    'kpi.reason.no_spend': 'No spend entered for this period',
    'kpi.reason.no_new_customers': 'No new customers in this period',
    'kpi.reason.no_customers_at_start': 'No customers at the start of this period',
    'kpi.reason.no_csat': 'No CSAT responses in this period',
    'kpi.reason.no_previous_new_business': 'No new-business revenue in the previous period to compare with',
    'kpi.reason.no_target_accounts': 'No accounts are marked as targets',
    'kpi.reason.no_quota': 'No quota entered for this period',
    'kpi.reason.period_over': 'This period is over: no pipeline is left to cover',
    'kpi.reason.quota_reached': 'Quota already reached: nothing is left to cover',
    'kpi.reason.no_catalogue': 'No active products in the catalogue',
    'kpi.reason.no_created_dates': 'None of the deals this needs has a created date',
    'kpi.reason.no_valid_cycles': 'No deal won in this period has a created date on or before its close date',
    'kpi.reason.no_conversion_dates':
      'Every lead qualified in this period became a deal with no created date: when they converted is unknown',

    'kpi.excluded.deals_no_created_date':
      '{count, plural, one {# deal has no created date and is left out} other {# deals have no created date and are left out}}',
    'kpi.excluded.won_no_created_date':
      '{count, plural, one {# won deal has no created date and is left out} other {# won deals have no created date and are left out}}',
    'kpi.excluded.won_closed_before_created':
      '{count, plural, one {# won deal closes before it was created and is left out} other {# won deals close before they were created and are left out}}',
    'kpi.excluded.leads_deal_no_created_date':
      '{count, plural, one {# lead became a deal with no created date (when is unknown) and is left out} other {# leads became deals with no created date (when is unknown) and are left out}}',

    'kpi.period.this_month': 'This month',
    'kpi.period.last_month': 'Last month',
    'kpi.period.this_quarter': 'This quarter',
    'kpi.period.last_quarter': 'Last quarter',
    'kpi.period.this_year': 'This year',
    'kpi.period.last_year': 'Last year',
    'kpi.period.trailing_30': 'Last 30 days',
    'kpi.period.trailing_90': 'Last 90 days',
    'kpi.period.custom': 'Custom',
    'kpi.period.previous': 'Previous period',
    'kpi.trend.month': 'Last 12 months',
    'kpi.trend.quarter': 'Last 8 quarters',

    'kpi.change.up': 'Up {value} on the previous period',
    'kpi.change.down': 'Down {value} on the previous period',
    'kpi.change.same': 'Same as the previous period',
    'kpi.change.none': 'Nothing to compare with',

    'kpi.territory.unassigned': 'No territory',
    'kpi.territory.all': 'All territories',
    'kpi.penetration.bought': '{bought} of {catalogue} products bought',
    'kpi.penetration.white_space': 'Not bought yet',
    'kpi.drilldown.title': 'Records behind this number',
  },
  {
    'kpi.total_revenue.name': 'รายได้รวม',
    'kpi.total_revenue.formula':
      'ผลรวมมูลค่าของดีลที่ชนะซึ่งมีวันปิดการขายอยู่ในช่วงเวลานี้ โดยแปลงแต่ละดีลเป็นสกุลเงินที่ใช้รายงาน',
    'kpi.revenue_growth_rate.name': 'อัตราการเติบโตของรายได้',
    'kpi.revenue_growth_rate.formula': '(รายได้รวมของช่วงนี้ − รายได้รวมของช่วงก่อนหน้า) ÷ รายได้รวมของช่วงก่อนหน้า',
    'kpi.average_deal_size.name': 'มูลค่าดีลเฉลี่ย',
    'kpi.average_deal_size.formula': 'รายได้รวม ÷ จำนวนดีลที่ชนะในช่วงเวลานี้',
    'kpi.qualified_leads.name': 'ลีดที่ผ่านการคัดกรอง',
    'kpi.qualified_leads.formula': 'จำนวนลีดที่มีวันที่ผ่านการคัดกรองอยู่ในช่วงเวลานี้',
    'kpi.ql_to_opportunity_rate.name': 'อัตราการเปลี่ยนลีดที่ผ่านการคัดกรองเป็นโอกาสการขาย',
    'kpi.ql_to_opportunity_rate.formula':
      'ลีดที่ผ่านการคัดกรองในช่วงนี้และกลายเป็นดีลภายในวันที่อ้างอิง ÷ ลีดทั้งหมดที่ผ่านการคัดกรองในช่วงนี้ ไม่นับลีดที่ไม่มีวันที่เปลี่ยนเป็นดีลและดีลของลีดนั้นไม่มีวันที่สร้าง',
    'kpi.new_opportunities.name': 'โอกาสการขายใหม่',
    'kpi.new_opportunities.formula': 'จำนวนดีลที่สร้างขึ้นในช่วงเวลานี้ ดีลที่ไม่มีวันที่สร้างไม่อยู่ในช่วงใดเลย',
    'kpi.opportunity_growth_rate.name': 'อัตราการเติบโตของโอกาสการขาย',
    'kpi.opportunity_growth_rate.formula':
      '(โอกาสการขายใหม่ของช่วงนี้ − โอกาสการขายใหม่ของช่วงก่อนหน้า) ÷ โอกาสการขายใหม่ของช่วงก่อนหน้า',
    'kpi.win_rate.name': 'อัตราการชนะดีล',
    'kpi.win_rate.formula':
      'ดีลที่ชนะ ÷ (ดีลที่ชนะ + ดีลที่แพ้) นับเฉพาะดีลที่มีวันปิดการขายอยู่ในช่วงนี้ ไม่รวมดีลที่ยังเปิดอยู่',
    'kpi.deal_closure_rate.name': 'อัตราการปิดดีล',
    'kpi.deal_closure_rate.formula':
      'ดีลที่สร้างในช่วงนี้และชนะภายในวันที่อ้างอิง ÷ ดีลทั้งหมดที่สร้างในช่วงนี้ รวมดีลที่ยังเปิดอยู่ ไม่นับดีลที่ไม่มีวันที่สร้าง',
    'kpi.customer_acquisition_cost.name': 'ต้นทุนการได้มาซึ่งลูกค้า',
    'kpi.customer_acquisition_cost.formula':
      'ค่าใช้จ่ายฝ่ายขายและการตลาดที่ลงวันที่ในช่วงนี้ ÷ จำนวนลูกค้าใหม่ (บัญชีที่กลายเป็นลูกค้าในช่วงนี้)',
    'kpi.customer_retention_rate.name': 'อัตราการรักษาลูกค้า',
    'kpi.customer_retention_rate.formula':
      '(ลูกค้า ณ สิ้นช่วง − ลูกค้าใหม่ที่ยังเป็นลูกค้าอยู่ ณ สิ้นช่วง) ÷ ลูกค้า ณ วันก่อนเริ่มช่วง',
    'kpi.average_order_value.name': 'มูลค่าคำสั่งซื้อเฉลี่ย',
    'kpi.average_order_value.formula':
      'รายได้รวม ÷ จำนวนคำสั่งซื้อ โดยแต่ละรายการสินค้าของดีลที่ชนะนับเป็นหนึ่งคำสั่งซื้อ และดีลที่ชนะซึ่งไม่มีรายการสินค้านับเป็นหนึ่งคำสั่งซื้อ',
    'kpi.sales_cycle_days.name': 'รอบการขาย (ค่าเฉลี่ย วัน)',
    'kpi.sales_cycle_days.formula':
      'ค่าเฉลี่ยของจำนวนวันตามปฏิทินตั้งแต่วันที่สร้างดีลถึงวันปิดการขาย ของดีลที่ชนะในช่วงนี้ ไม่นับดีลที่ไม่มีวันที่สร้างหรือปิดการขายก่อนวันที่สร้าง',
    'kpi.sales_cycle_days_median.name': 'รอบการขาย (มัธยฐาน วัน)',
    'kpi.sales_cycle_days_median.formula':
      'มัธยฐานของจำนวนวันตามปฏิทินตั้งแต่วันที่สร้างดีลถึงวันปิดการขาย ของดีลที่ชนะในช่วงนี้ ไม่นับดีลที่ไม่มีวันที่สร้างหรือปิดการขายก่อนวันที่สร้าง',
    'kpi.csat.name': 'ความพึงพอใจของลูกค้า (CSAT)',
    'kpi.csat.formula': 'คำตอบ CSAT ในช่วงนี้ที่ได้คะแนน 4 หรือ 5 ÷ คำตอบ CSAT ทั้งหมดในช่วงนี้',
    'kpi.territory_growth_rate.name': 'อัตราการเติบโตของเขตการขาย',
    'kpi.territory_growth_rate.formula':
      '(รายได้จากธุรกิจใหม่ของช่วงนี้ − รายได้จากธุรกิจใหม่ของช่วงก่อนหน้า) ÷ รายได้จากธุรกิจใหม่ของช่วงก่อนหน้า คิดรวมทุกเขตการขายของคุณและแยกแต่ละเขต',
    'kpi.account_penetration_rate.name': 'อัตราการเจาะบัญชีลูกค้า',
    'kpi.account_penetration_rate.formula':
      'บัญชีเป้าหมายที่เป็นลูกค้า ณ สิ้นช่วง ÷ บัญชีเป้าหมายทั้งหมด และรายบัญชี: สินค้าในแคตตาล็อกที่ซื้อแล้ว ÷ สินค้าทั้งหมดในแคตตาล็อก',
    'kpi.quota_attainment.name': 'การบรรลุเป้าการขาย',
    'kpi.quota_attainment.formula':
      'รายได้รวม ÷ เป้าการขายของช่วงนี้ โดยเป้าที่คาบเกี่ยวกับช่วงนี้เพียงบางส่วนจะคิดตามสัดส่วนจำนวนวัน',
    'kpi.pipeline_coverage.name': 'ความครอบคลุมของไปป์ไลน์',
    'kpi.pipeline_coverage.formula':
      'ดีลที่ยังเปิดอยู่ซึ่งคาดว่าจะปิดตั้งแต่วันที่อ้างอิงถึงสิ้นช่วง ÷ (เป้าการขาย − รายได้ที่ชนะแล้วถึงวันที่อ้างอิง)',
    'kpi.weighted_pipeline.name': 'ไปป์ไลน์ถ่วงน้ำหนัก',
    'kpi.weighted_pipeline.formula': 'ผลรวมของมูลค่า × ความน่าจะเป็น ของดีลที่ยังเปิดอยู่ซึ่งคาดว่าจะปิดในช่วงนี้',
    'kpi.forecast_commit.name': 'ยอดคาดการณ์ (คอมมิต)',
    'kpi.forecast_commit.formula': 'รายได้รวม + มูลค่าของดีลที่ยังเปิดอยู่ในกลุ่มคอมมิตซึ่งคาดว่าจะปิดในช่วงนี้',
    'kpi.forecast_best_case.name': 'ยอดคาดการณ์ (กรณีดีที่สุด)',
    'kpi.forecast_best_case.formula':
      'ยอดคาดการณ์ (คอมมิต) + มูลค่าของดีลที่ยังเปิดอยู่ในกลุ่มกรณีดีที่สุดซึ่งคาดว่าจะปิดในช่วงนี้',
    'kpi.won_deals.name': 'ดีลที่ชนะ',
    'kpi.won_deals.formula': 'จำนวนดีลที่ชนะซึ่งมีวันปิดการขายอยู่ในช่วงนี้',
    'kpi.lost_deals.name': 'ดีลที่แพ้',
    'kpi.lost_deals.formula': 'จำนวนดีลที่แพ้ซึ่งมีวันปิดการขายอยู่ในช่วงนี้',
    'kpi.open_pipeline.name': 'ไปป์ไลน์ที่ยังเปิดอยู่',
    'kpi.open_pipeline.formula': 'ผลรวมมูลค่าของดีลที่ยังเปิดอยู่ซึ่งคาดว่าจะปิดในช่วงนี้',
    'kpi.calls_logged.name': 'การโทรที่บันทึก',
    'kpi.calls_logged.formula': 'จำนวนการโทรที่ลงวันที่ในช่วงนี้ จนถึงวันที่อ้างอิง',
    'kpi.meetings_logged.name': 'การประชุมที่บันทึก',
    'kpi.meetings_logged.formula': 'จำนวนการประชุมที่ลงวันที่ในช่วงนี้ จนถึงวันที่อ้างอิง',
    'kpi.emails_logged.name': 'อีเมลที่บันทึก',
    'kpi.emails_logged.formula': 'จำนวนอีเมลที่ลงวันที่ในช่วงนี้ จนถึงวันที่อ้างอิง',

    'kpi.reason.no_fx_rate': 'ไม่มีอัตราแลกเปลี่ยนสำหรับ {currency} กรุณาเพิ่มในหน้าการตั้งค่า',
    'kpi.reason.missing_amount': 'ดีลที่ชนะ {count} รายการยังไม่มีมูลค่า',
    'kpi.reason.no_won_deals': 'ไม่มีดีลที่ชนะในช่วงเวลานี้',
    'kpi.reason.no_previous_revenue': 'ช่วงก่อนหน้าไม่มีรายได้ให้เปรียบเทียบ',
    'kpi.reason.no_qualified_leads': 'ไม่มีลีดที่ผ่านการคัดกรองในช่วงเวลานี้',
    'kpi.reason.no_previous_opportunities': 'ช่วงก่อนหน้าไม่มีดีลที่สร้างขึ้นให้เปรียบเทียบ',
    'kpi.reason.no_closed_deals': 'ไม่มีดีลที่ชนะหรือแพ้ในช่วงเวลานี้',
    'kpi.reason.no_new_opportunities': 'ไม่มีดีลที่สร้างขึ้นในช่วงเวลานี้',
    'kpi.reason.no_spend': 'ยังไม่ได้บันทึกค่าใช้จ่ายสำหรับช่วงเวลานี้',
    'kpi.reason.no_new_customers': 'ไม่มีลูกค้าใหม่ในช่วงเวลานี้',
    'kpi.reason.no_customers_at_start': 'ไม่มีลูกค้า ณ ต้นช่วงเวลานี้',
    'kpi.reason.no_csat': 'ไม่มีคำตอบ CSAT ในช่วงเวลานี้',
    'kpi.reason.no_previous_new_business': 'ช่วงก่อนหน้าไม่มีรายได้จากธุรกิจใหม่ให้เปรียบเทียบ',
    'kpi.reason.no_target_accounts': 'ยังไม่มีบัญชีที่ถูกกำหนดเป็นเป้าหมาย',
    'kpi.reason.no_quota': 'ยังไม่ได้กำหนดเป้าการขายสำหรับช่วงเวลานี้',
    'kpi.reason.period_over': 'ช่วงเวลานี้สิ้นสุดแล้ว ไม่มีไปป์ไลน์เหลือให้ครอบคลุม',
    'kpi.reason.quota_reached': 'บรรลุเป้าการขายแล้ว ไม่มียอดเหลือให้ครอบคลุม',
    'kpi.reason.no_catalogue': 'ไม่มีสินค้าที่ใช้งานอยู่ในแคตตาล็อก',
    'kpi.reason.no_created_dates': 'ดีลที่ต้องใช้ในการคำนวณไม่มีวันที่สร้างเลย',
    'kpi.reason.no_valid_cycles': 'ไม่มีดีลที่ชนะในช่วงนี้ที่มีวันที่สร้างก่อนหรือตรงกับวันปิดการขาย',
    'kpi.reason.no_conversion_dates':
      'ลีดทุกรายการที่ผ่านการคัดกรองในช่วงนี้กลายเป็นดีลที่ไม่มีวันที่สร้าง จึงไม่ทราบว่าเปลี่ยนเป็นดีลเมื่อใด',

    'kpi.excluded.deals_no_created_date': 'ดีล {count} รายการไม่มีวันที่สร้าง จึงไม่ถูกนับรวม',
    'kpi.excluded.won_no_created_date': 'ดีลที่ชนะ {count} รายการไม่มีวันที่สร้าง จึงไม่ถูกนับรวม',
    'kpi.excluded.won_closed_before_created': 'ดีลที่ชนะ {count} รายการมีวันปิดการขายก่อนวันที่สร้าง จึงไม่ถูกนับรวม',
    'kpi.excluded.leads_deal_no_created_date':
      'ลีด {count} รายการกลายเป็นดีลที่ไม่มีวันที่สร้าง (ไม่ทราบว่าเมื่อใด) จึงไม่ถูกนับรวม',

    'kpi.period.this_month': 'เดือนนี้',
    'kpi.period.last_month': 'เดือนที่แล้ว',
    'kpi.period.this_quarter': 'ไตรมาสนี้',
    'kpi.period.last_quarter': 'ไตรมาสที่แล้ว',
    'kpi.period.this_year': 'ปีนี้',
    'kpi.period.last_year': 'ปีที่แล้ว',
    'kpi.period.trailing_30': '30 วันที่ผ่านมา',
    'kpi.period.trailing_90': '90 วันที่ผ่านมา',
    'kpi.period.custom': 'กำหนดเอง',
    'kpi.period.previous': 'ช่วงก่อนหน้า',
    'kpi.trend.month': '12 เดือนล่าสุด',
    'kpi.trend.quarter': '8 ไตรมาสล่าสุด',

    'kpi.change.up': 'เพิ่มขึ้น {value} จากช่วงก่อนหน้า',
    'kpi.change.down': 'ลดลง {value} จากช่วงก่อนหน้า',
    'kpi.change.same': 'เท่ากับช่วงก่อนหน้า',
    'kpi.change.none': 'ไม่มีข้อมูลให้เปรียบเทียบ',

    'kpi.territory.unassigned': 'ไม่ระบุเขตการขาย',
    'kpi.territory.all': 'ทุกเขตการขาย',
    'kpi.penetration.bought': 'ซื้อแล้ว {bought} จาก {catalogue} สินค้า',
    'kpi.penetration.white_space': 'ยังไม่ได้ซื้อ',
    'kpi.drilldown.title': 'รายการที่อยู่เบื้องหลังตัวเลขนี้',
  },
);
