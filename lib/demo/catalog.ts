/**
 * Fixed vocabularies for the demo book. All names are invented; combining a
 * place word with a business word yields hundreds of distinct, plausible
 * companies, enough for the ~2,000 accounts of the benchmark book.
 */

import type { BuyingRole, DealType } from '../domain';

export interface PlaceWord {
  /** Thai script, or the English word for international names. */
  word: string;
  /** Romanised form, for domains and e-mail addresses. */
  latin: string;
  territory: string;
}

export interface BusinessWord {
  word: string;
  latin: string;
  industry: string;
}

export const THAI_PLACES: readonly PlaceWord[] = [
  { word: 'สยาม', latin: 'siam', territory: 'Bangkok' },
  { word: 'บางกอก', latin: 'bangkok', territory: 'Bangkok' },
  { word: 'เจ้าพระยา', latin: 'chaophraya', territory: 'Bangkok' },
  { word: 'รัตนโกสินทร์', latin: 'rattanakosin', territory: 'Bangkok' },
  { word: 'ศรีนคร', latin: 'srinakorn', territory: 'Bangkok' },
  { word: 'ล้านนา', latin: 'lanna', territory: 'Northern Thailand' },
  { word: 'เชียงใหม่', latin: 'chiangmai', territory: 'Northern Thailand' },
  { word: 'ชลบุรี', latin: 'chonburi', territory: 'Eastern Seaboard' },
  { word: 'ระยอง', latin: 'rayong', territory: 'Eastern Seaboard' },
  { word: 'แหลมฉบัง', latin: 'laemchabang', territory: 'Eastern Seaboard' },
  { word: 'อันดามัน', latin: 'andaman', territory: 'Southern Thailand' },
  { word: 'ภูเก็ต', latin: 'phuket', territory: 'Southern Thailand' },
  { word: 'อีสาน', latin: 'isan', territory: 'Northeastern Thailand' },
  { word: 'โคราช', latin: 'korat', territory: 'Northeastern Thailand' },
];

export const THAI_BUSINESSES: readonly BusinessWord[] = [
  { word: 'เทค', latin: 'tech', industry: 'Technology' },
  { word: 'ดิจิทัล', latin: 'digital', industry: 'Technology' },
  { word: 'ฟู้ดส์', latin: 'foods', industry: 'Food & Beverage' },
  { word: 'โลจิสติกส์', latin: 'logistics', industry: 'Logistics' },
  { word: 'พลาสติก', latin: 'plastic', industry: 'Manufacturing' },
  { word: 'เคมีคอล', latin: 'chemical', industry: 'Chemicals' },
  { word: 'ออโต้พาร์ท', latin: 'autoparts', industry: 'Automotive' },
  { word: 'เมดิคอล', latin: 'medical', industry: 'Healthcare' },
  { word: 'รีสอร์ท', latin: 'resort', industry: 'Hospitality' },
  { word: 'ซีเมนต์', latin: 'cement', industry: 'Construction' },
  { word: 'เทรดดิ้ง', latin: 'trading', industry: 'Wholesale & Distribution' },
  { word: 'แอโกร', latin: 'agro', industry: 'Agriculture' },
  { word: 'เอ็นเนอร์ยี่', latin: 'energy', industry: 'Energy' },
  { word: 'ฟาร์มา', latin: 'pharma', industry: 'Healthcare' },
  { word: 'รีเทล', latin: 'retail', industry: 'Retail' },
];

export const INTL_PLACES: readonly PlaceWord[] = [
  { word: 'Chao Phraya', latin: 'chaophraya', territory: 'Bangkok' },
  { word: 'Sukhumvit', latin: 'sukhumvit', territory: 'Bangkok' },
  { word: 'Lotus', latin: 'lotus', territory: 'Bangkok' },
  { word: 'Golden Triangle', latin: 'goldentriangle', territory: 'Northern Thailand' },
  { word: 'Eastern Star', latin: 'easternstar', territory: 'Eastern Seaboard' },
  { word: 'Map Ta Phut', latin: 'maptaphut', territory: 'Eastern Seaboard' },
  { word: 'Andaman', latin: 'andaman', territory: 'Southern Thailand' },
  { word: 'Saigon', latin: 'saigon', territory: 'Vietnam' },
  { word: 'Hanoi', latin: 'hanoi', territory: 'Vietnam' },
  { word: 'Mekong', latin: 'mekong', territory: 'Vietnam' },
  { word: 'Da Nang', latin: 'danang', territory: 'Vietnam' },
  { word: 'Marina', latin: 'marina', territory: 'Singapore' },
  { word: 'Northstar', latin: 'northstar', territory: 'Bangkok' },
  { word: 'Pacific Rim', latin: 'pacificrim', territory: 'Singapore' },
];

export const INTL_BUSINESSES: readonly BusinessWord[] = [
  { word: 'Logistics', latin: 'logistics', industry: 'Logistics' },
  { word: 'Foods', latin: 'foods', industry: 'Food & Beverage' },
  { word: 'Manufacturing', latin: 'mfg', industry: 'Manufacturing' },
  { word: 'Petrochem', latin: 'petrochem', industry: 'Energy' },
  { word: 'Retail Group', latin: 'retail', industry: 'Retail' },
  { word: 'Hospitality', latin: 'hospitality', industry: 'Hospitality' },
  { word: 'Software', latin: 'software', industry: 'Technology' },
  { word: 'Electronics', latin: 'electronics', industry: 'Electronics' },
  { word: 'Agritech', latin: 'agritech', industry: 'Agriculture' },
  { word: 'Healthcare', latin: 'health', industry: 'Healthcare' },
  { word: 'Capital', latin: 'capital', industry: 'Financial Services' },
  { word: 'Insurance', latin: 'insure', industry: 'Financial Services' },
  { word: 'Properties', latin: 'properties', industry: 'Real Estate' },
  { word: 'Textiles', latin: 'textiles', industry: 'Manufacturing' },
];

/** Company suffix and web domain by territory. */
export function intlForm(territory: string): { suffix: string; tld: string } {
  if (territory === 'Vietnam') return { suffix: 'JSC', tld: 'com.vn' };
  if (territory === 'Singapore') return { suffix: 'Pte. Ltd.', tld: 'com.sg' };
  return { suffix: 'Co., Ltd.', tld: 'co.th' };
}

/** Territories that mostly buy in the foreign currency. */
export const FOREIGN_TERRITORIES: ReadonlySet<string> = new Set(['Vietnam', 'Singapore']);

// ------------------------------------------------------------------ people

export const THAI_FIRST = [
  'Somchai', 'Suda', 'Anan', 'Pimchanok', 'Kittipong', 'Nattaya', 'Wichai', 'Ploy', 'Thanawat', 'Siriporn',
  'Chaiwat', 'Kanokwan', 'Prasert', 'Jiraporn', 'Arthit', 'Malee', 'Nopparat', 'Wanida', 'Teerapat', 'Duangjai',
] as const;
export const THAI_LAST = [
  'Jaidee', 'Srisuk', 'Rattanakul', 'Wongsawat', 'Chaiyaphum', 'Boonmee', 'Kaewmanee', 'Thongdee', 'Saetang',
  'Phromma', 'Siriwat', 'Chantarasri', 'Limsakul', 'Suwannarat', 'Intharachai',
] as const;
/** A few contacts are kept in Thai script, as an AE would type them. */
export const THAI_SCRIPT_NAMES = [
  'สมชาย ใจดี', 'สุดา ศรีสุข', 'วิชัย บุญมี', 'นภา แก้วมณี', 'ประเสริฐ ทองดี', 'กนกวรรณ รัตนกุล',
] as const;
export const VN_NAMES = [
  'Nguyen Van An', 'Tran Thi Mai', 'Le Minh Tuan', 'Pham Thu Ha', 'Hoang Duc Long', 'Vo Thi Lan', 'Dang Quoc Bao',
] as const;
export const SG_NAMES = [
  'Tan Wei Ming', 'Lim Hui Min', 'Rajesh Kumar', 'Sarah Ong', 'Daniel Lee', 'Priya Nair', 'Marcus Goh',
] as const;

export const TITLES: Record<BuyingRole, readonly string[]> = {
  decision_maker: ['CEO', 'Managing Director', 'CFO', 'CIO', 'VP Sales', 'COO'],
  champion: ['IT Manager', 'Head of Sales Operations', 'Digital Transformation Lead', 'CRM Manager'],
  influencer: ['Procurement Manager', 'Finance Manager', 'Head of Marketing', 'Operations Manager'],
  user: ['Sales Executive', 'Business Analyst', 'Customer Service Supervisor', 'Key Account Manager'],
  blocker: ['Legal Counsel', 'IT Security Lead', 'Group Procurement Director'],
};

/** The AE whose book this is. */
export const AE_NAME = 'Ploy Srisuk';

// ------------------------------------------------------------------ catalogue

export interface CatalogueItem {
  name: string;
  sku: string;
  /** List price per unit, in major units of the book's currency (THB-sized). */
  listMajor: number;
  /** Seat-priced products are sold in tens of units; the rest in ones. */
  perSeat: boolean;
}

export const PRODUCTS: readonly CatalogueItem[] = [
  { name: 'Core Platform (annual, per seat)', sku: 'CORE-SEAT-Y', listMajor: 4_800, perSeat: true },
  { name: 'Analytics Add-on (per seat)', sku: 'ANL-SEAT-Y', listMajor: 1_800, perSeat: true },
  { name: 'Mobile Field Sales (per seat)', sku: 'MOB-SEAT-Y', listMajor: 900, perSeat: true },
  { name: 'Integration Hub', sku: 'INT-HUB-Y', listMajor: 180_000, perSeat: false },
  { name: 'Premium Support', sku: 'SUP-PREM-Y', listMajor: 120_000, perSeat: false },
  { name: 'Implementation Services', sku: 'SVC-IMPL', listMajor: 250_000, perSeat: false },
  { name: 'Data Migration', sku: 'SVC-MIGR', listMajor: 150_000, perSeat: false },
  { name: 'Training Workshop (per day)', sku: 'SVC-TRAIN-D', listMajor: 45_000, perSeat: false },
];

/** Product indexes each deal type draws its line items from (first is always included). */
export const LINE_ITEM_PLANS: Record<DealType, readonly number[][]> = {
  new_business: [
    [0, 5],
    [0, 5, 7],
    [0, 3, 5],
    [0, 6, 5, 7],
  ],
  upsell: [[0], [0, 7], [0, 2]],
  cross_sell: [[1], [2], [3], [1, 7], [3, 6]],
  renewal: [[0, 4], [0], [0, 1, 4]],
};

// ------------------------------------------------------------------ deal text

export const DEAL_SUFFIX: Record<DealType, readonly string[]> = {
  new_business: ['Platform rollout', 'Sales cloud pilot', 'CRM replacement', 'Digital sales transformation', 'Group-wide rollout'],
  upsell: ['Seat expansion', 'Additional business unit', 'Regional office expansion'],
  cross_sell: ['Analytics add-on', 'Mobile field sales', 'Integration Hub', 'Data migration project'],
  renewal: ['Annual renewal', 'Multi-year renewal', 'Subscription renewal'],
};

export const NEXT_STEPS = [
  'Send revised proposal',
  'Schedule demo with IT team',
  'Follow up on legal review',
  'Confirm budget with CFO',
  'Book onsite workshop',
  'Share ROI calculation',
  'Answer security questionnaire',
  'Align on implementation timeline',
  'ส่งใบเสนอราคาฉบับแก้ไข',
  'นัดประชุมกับฝ่ายจัดซื้อ',
] as const;

export const LOSS_REASONS = [
  'Price too high',
  'Chose a competitor',
  'No budget this year',
  'No decision / went dark',
  'Project postponed',
  'Missing feature',
  'Built in-house',
  'ราคาสูงกว่าคู่แข่ง',
] as const;

export const LEAD_SOURCES = ['Website', 'Referral', 'Event', 'LinkedIn', 'Cold outreach', 'Partner', 'Webinar'] as const;

// ------------------------------------------------------------------ activity text

export const SUBJECTS = {
  call: ['Discovery call', 'Follow-up call', 'Pricing discussion', 'Check-in with champion', 'โทรติดตามใบเสนอราคา'],
  email: ['Sent proposal', 'Shared case study', 'Recap of meeting', 'Pricing questions', 'Intro to solution engineer'],
  meeting: ['Product demo', 'Onsite workshop', 'Executive briefing', 'Quarterly business review', 'ประชุมสรุปความต้องการ'],
  note: ['Budget confirmed for next quarter', 'Competitor also in the deal', 'Champion moving to new role', 'Procurement process notes'],
  task: ['Prepare proposal', 'Send contract draft', 'Update mutual action plan', 'Book follow-up meeting', 'ส่งเอกสารสัญญา'],
} as const;

export const NOTES = [
  '',
  '',
  '',
  'Customer wants phased rollout starting with Bangkok HQ.',
  'Asked for references in the same industry.',
  'IT prefers SSO with Azure AD.',
  'ลูกค้าขอส่วนลดเพิ่มเติม 5%',
] as const;

// ------------------------------------------------------------------ CSAT and plans

export const CSAT_COMMENTS: Record<number, readonly string[]> = {
  1: ['Support tickets take days to answer.', 'ระบบล่มบ่อย ไม่พอใจมาก'],
  2: ['Onboarding was confusing for our team.', 'Reports are too slow.'],
  3: ['OK overall, some features missing.', ''],
  4: ['Good product, responsive team.', 'ใช้งานง่าย', ''],
  5: ['Excellent support!', 'Our sales team loves it.', 'บริการดีมาก', ''],
};

export const PLAN_GOALS = [
  'Expand to all regional sales offices',
  'Cut quote-to-cash cycle by 30%',
  'Single customer view across business units',
  'Move field sales onto mobile',
] as const;
export const PLAN_PAINS = [
  'Forecasts built manually in spreadsheets',
  'No visibility into partner pipeline',
  'Legacy CRM is slow and unsupported',
  'Data scattered across LINE chats and e-mail',
] as const;
