import { defineMessages } from './define';

// Messages of the import's reasons for people (lib/io/import/reasons.ts: reasonOfIssue), the
// file-reading notes of lib/io/csv/decode.ts, and the header warnings of lib/io/import/profiles.ts.
// Keys are prefixed 'io.reason.', 'io.decode.' and 'io.header.'. A reason is shown after the row,
// column and (quoted) value, so it does not repeat them.
export const importReasonMessages = defineMessages(
  {
    'io.reason.tooLong': 'Longer than {max} characters.',
    'io.reason.empty': 'Empty; this column needs a value.',
    'io.reason.tooShort': 'Shorter than {min} characters.',
    'io.reason.tooManyValues': 'More than {max} values.',
    'io.reason.badDate': 'Not a date: expected {expected}.',
    'io.reason.notRealDate': 'Not a real calendar date.',
    'io.reason.dateYears': 'A date outside the years {first} to {last}.',
    'io.reason.notNumber': 'Not a number.',
    'io.reason.notWholeNumber': 'Not a whole number.',
    'io.reason.numberTooBig': 'Too large: at most {max}.',
    'io.reason.numberTooSmall': 'Too small: at least {min}.',
    'io.reason.numberNotAbove': 'Must be more than {min}.',
    'io.reason.amountRange': 'Not an amount that can be stored (too large or not a whole number of cents).',
    'io.reason.probabilityRange': 'Not a probability between 0 and 100%.',
    'io.reason.notCurrency': 'Not a currency code (such as THB or USD).',
    'io.reason.notEmail': 'Not an email address.',
    'io.reason.notYesNo': 'Expected yes or no.',
    'io.reason.oneOf': 'Not one of: {values}.',
    'io.reason.rule': 'Not accepted: {detail}.',
    'io.reason.invalid': 'Not a valid value.',

    'io.decode.badRows':
      '{count, plural, one {# line has} other {# lines have}} bytes that are not valid {encoding} (line numbers: {rows}); they show as "\uFFFD". If names look wrong, choose another encoding.',
    'io.decode.bomMismatch': 'The file starts with a {bom} mark, but its text is {encoding}; it was read as {encoding}.',
    'io.decode.sample': 'The text as read: {sample}',

    'io.header.duplicate': 'Columns {columns} have the same name, "{name}"; {used} is used.',
    'io.header.duplicateUnused': 'Columns {columns} have the same name, "{name}"; none of them is imported.',
  },
  {
    'io.reason.tooLong': 'ยาวเกิน {max} ตัวอักษร',
    'io.reason.empty': 'ว่างอยู่ คอลัมน์นี้ต้องมีค่า',
    'io.reason.tooShort': 'สั้นกว่า {min} ตัวอักษร',
    'io.reason.tooManyValues': 'มีค่ามากกว่า {max} ค่า',
    'io.reason.badDate': 'ไม่ใช่วันที่ ต้องเป็นรูปแบบ {expected}',
    'io.reason.notRealDate': 'ไม่ใช่วันที่ที่มีอยู่จริงในปฏิทิน',
    'io.reason.dateYears': 'เป็นวันที่นอกช่วงปี ค.ศ. {first} ถึง {last}',
    'io.reason.notNumber': 'ไม่ใช่ตัวเลข',
    'io.reason.notWholeNumber': 'ไม่ใช่จำนวนเต็ม',
    'io.reason.numberTooBig': 'มากเกินไป ต้องไม่เกิน {max}',
    'io.reason.numberTooSmall': 'น้อยเกินไป ต้องไม่ต่ำกว่า {min}',
    'io.reason.numberNotAbove': 'ต้องมากกว่า {min}',
    'io.reason.amountRange': 'เป็นจำนวนเงินที่บันทึกไม่ได้ (มากเกินไป หรือมีทศนิยมเกินหน่วยย่อยของสกุลเงิน)',
    'io.reason.probabilityRange': 'ไม่ใช่ความน่าจะเป็นระหว่าง 0 ถึง 100%',
    'io.reason.notCurrency': 'ไม่ใช่รหัสสกุลเงิน (เช่น THB หรือ USD)',
    'io.reason.notEmail': 'ไม่ใช่อีเมล',
    'io.reason.notYesNo': 'ต้องเป็น ใช่ หรือ ไม่ใช่ (yes/no)',
    'io.reason.oneOf': 'ไม่ใช่ค่าใดค่าหนึ่งต่อไปนี้: {values}',
    'io.reason.rule': 'ไม่ผ่านเงื่อนไข: {detail}',
    'io.reason.invalid': 'ค่าไม่ถูกต้อง',

    'io.decode.badRows':
      '{count, plural, other {# บรรทัด}}มีไบต์ที่ไม่ใช่ {encoding} ที่ถูกต้อง (บรรทัดที่ {rows}) จะแสดงเป็น "\uFFFD" หากชื่อดูผิด โปรดเลือกการเข้ารหัสอื่น',
    'io.decode.bomMismatch': 'ไฟล์ขึ้นต้นด้วยเครื่องหมาย {bom} แต่ข้อความเป็น {encoding} จึงอ่านเป็น {encoding}',
    'io.decode.sample': 'ข้อความที่อ่านได้: {sample}',

    'io.header.duplicate': 'คอลัมน์ {columns} มีชื่อเดียวกันว่า "{name}" ใช้คอลัมน์ {used}',
    'io.header.duplicateUnused': 'คอลัมน์ {columns} มีชื่อเดียวกันว่า "{name}" ไม่ได้นำเข้าคอลัมน์ใดเลย',
  },
);
