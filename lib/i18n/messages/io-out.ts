import { defineMessages } from './define';

// Messages of export (lib/io/export) and backup/restore (lib/io/backup).
// Keys are prefixed 'io.out.' and 'io.backup.'.
export const ioOutMessages = defineMessages(
  {
    'io.out.stats.title': 'Export personal stats (CSV)',
    'io.out.stats.help':
      'One row per period with every KPI. Rates are fractions (0.25 = 25%), money is in {currency}, empty cells mean not enough data.',
    'io.out.stats.range': 'Range',
    'io.out.stats.granularity': 'One row per',
    'io.out.granularity.month': 'Month',
    'io.out.granularity.quarter': 'Quarter',
    'io.out.granularity.year': 'Year',
    'io.out.granularity.all': 'Whole range',
    'io.out.raw.title': 'Export raw data (CSV)',
    'io.out.raw.help': 'Deals, activities, accounts and contacts in files the importer reads back as they are.',
    'io.out.table.deals': 'Deals',
    'io.out.table.activities': 'Activities',
    'io.out.table.accounts': 'Accounts',
    'io.out.table.contacts': 'Contacts',
    'io.out.download': 'Download',
    'io.out.formula_note':
      "Text that starts with = + - or @ gets a leading ' so spreadsheets show it as text instead of running it as a formula.",
    'io.out.done': 'Exported {count} rows.',
    'io.out.progress': 'Computing row {done} of {total}…',
    'io.out.cancel': 'Cancel',
    'io.out.cancelled': 'Export cancelled; nothing was downloaded.',
    'io.out.range.notDate': '{value} is not a date written YYYY-MM-DD.',
    'io.out.range.years': '{value} is outside the dates a report can cover ({first} to {last}).',
    'io.out.range.reversed': 'The range ends ({to}) before it starts ({from}).',
    'io.out.range.tooManyMonths':
      '{from} to {to} is {count} months; one export has at most {max} rows ({years} years). Choose a shorter range, or one row per quarter or year.',
    'io.out.range.tooManyQuarters':
      '{from} to {to} is {count} quarters; one export has at most {max} rows ({years} years). Choose a shorter range, or one row per year.',
    'io.out.range.tooManyYears':
      '{from} to {to} is {count} years; one export has at most {max} rows. Choose a shorter range.',

    'io.backup.title': 'Backup and restore',
    'io.backup.create': 'Download a backup',
    'io.backup.create_help': 'A single file with all your data and settings. Keep it somewhere safe.',
    'io.backup.restore': 'Restore from a backup…',
    'io.backup.restore_confirm':
      'Replace everything in AE Cockpit with the backup of {date} ({count} records)? Your current data will be deleted.',
    'io.backup.restored': 'Restored {count} records.',
    'io.backup.untouched': 'Nothing was changed.',
    'io.backup.empty': 'The file is empty. Nothing was restored.',
    'io.backup.not_json': 'This file is not an AE Cockpit backup (it is not JSON). Nothing was restored.',
    'io.backup.truncated':
      'The backup file is incomplete: it ends in the middle of the data, probably cut off during download or copy. Nothing was restored.',
    'io.backup.not_backup': 'This file is not an AE Cockpit backup. Nothing was restored.',
    'io.backup.newer_version':
      'This backup was made by a newer version of AE Cockpit (backup format {version}; this version reads up to {supported}). Update the extension, then try again. Nothing was restored.',
    'io.backup.newer_schema':
      'This backup was made by a newer version of AE Cockpit (data version {version}; this version reads up to {supported}). Update the extension, then try again. Nothing was restored.',
    'io.backup.no_migration':
      'This backup is from an old version (data version {version}) that can no longer be upgraded. Nothing was restored.',
    'io.backup.migration_failed':
      'Upgrading this backup from data version {version} failed: {detail}. Nothing was restored.',
    'io.backup.missing_table': 'The backup has no "{table}" table. Nothing was restored.',
    'io.backup.unknown_table': 'The backup has an unknown table "{table}". Nothing was restored.',
    'io.backup.invalid_settings': 'The backup\'s settings are invalid ({location}: {problem}). Nothing was restored.',
    'io.backup.invalid_record':
      'The backup has {count} invalid record(s); the first is {location}: {problem}. Nothing was restored.',
    'io.backup.duplicate_id': 'The backup has two records with the id "{id}" in "{table}". Nothing was restored.',
    'io.backup.disk_full':
      'The disk is full: there is not enough space to save the data. Free some disk space and try again. Nothing was changed.',
    'io.backup.write_failed': 'Saving failed ({detail}). Nothing was changed.',
  },
  {
    'io.out.stats.title': 'ส่งออกสถิติส่วนตัว (CSV)',
    'io.out.stats.help':
      'หนึ่งแถวต่อหนึ่งช่วงเวลา พร้อม KPI ทุกตัว อัตราเป็นทศนิยม (0.25 = 25%) จำนวนเงินเป็น {currency} ช่องว่างหมายถึงข้อมูลไม่พอคำนวณ',
    'io.out.stats.range': 'ช่วงวันที่',
    'io.out.stats.granularity': 'หนึ่งแถวต่อ',
    'io.out.granularity.month': 'เดือน',
    'io.out.granularity.quarter': 'ไตรมาส',
    'io.out.granularity.year': 'ปี',
    'io.out.granularity.all': 'ทั้งช่วง',
    'io.out.raw.title': 'ส่งออกข้อมูลดิบ (CSV)',
    'io.out.raw.help': 'ดีล กิจกรรม บัญชีลูกค้า และผู้ติดต่อ ในรูปแบบไฟล์ที่นำเข้ากลับได้ทันที',
    'io.out.table.deals': 'ดีล',
    'io.out.table.activities': 'กิจกรรม',
    'io.out.table.accounts': 'บัญชีลูกค้า',
    'io.out.table.contacts': 'ผู้ติดต่อ',
    'io.out.download': 'ดาวน์โหลด',
    'io.out.formula_note':
      "ข้อความที่ขึ้นต้นด้วย = + - หรือ @ จะมีเครื่องหมาย ' นำหน้า เพื่อให้โปรแกรมสเปรดชีตแสดงเป็นข้อความ ไม่ใช่คำนวณเป็นสูตร",
    'io.out.done': 'ส่งออกแล้ว {count} แถว',
    'io.out.progress': 'กำลังคำนวณแถวที่ {done} จาก {total}…',
    'io.out.cancel': 'ยกเลิก',
    'io.out.cancelled': 'ยกเลิกการส่งออกแล้ว ไม่ได้ดาวน์โหลดไฟล์',
    'io.out.range.notDate': '{value} ไม่ใช่วันที่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)',
    'io.out.range.years': '{value} อยู่นอกช่วงวันที่ที่รายงานครอบคลุมได้ ({first} ถึง {last})',
    'io.out.range.reversed': 'วันสิ้นสุด ({to}) อยู่ก่อนวันเริ่มต้น ({from})',
    'io.out.range.tooManyMonths':
      '{from} ถึง {to} คือ {count} เดือน การส่งออกหนึ่งครั้งมีได้ไม่เกิน {max} แถว ({years} ปี) โปรดเลือกช่วงที่สั้นลง หรือหนึ่งแถวต่อไตรมาสหรือต่อปี',
    'io.out.range.tooManyQuarters':
      '{from} ถึง {to} คือ {count} ไตรมาส การส่งออกหนึ่งครั้งมีได้ไม่เกิน {max} แถว ({years} ปี) โปรดเลือกช่วงที่สั้นลง หรือหนึ่งแถวต่อปี',
    'io.out.range.tooManyYears': '{from} ถึง {to} คือ {count} ปี การส่งออกหนึ่งครั้งมีได้ไม่เกิน {max} แถว โปรดเลือกช่วงที่สั้นลง',

    'io.backup.title': 'สำรองและกู้คืนข้อมูล',
    'io.backup.create': 'ดาวน์โหลดไฟล์สำรองข้อมูล',
    'io.backup.create_help': 'ไฟล์เดียวที่มีข้อมูลและการตั้งค่าทั้งหมดของคุณ เก็บไว้ในที่ปลอดภัย',
    'io.backup.restore': 'กู้คืนจากไฟล์สำรอง…',
    'io.backup.restore_confirm':
      'แทนที่ข้อมูลทั้งหมดใน AE Cockpit ด้วยไฟล์สำรองวันที่ {date} ({count} รายการ) ใช่ไหม ข้อมูลปัจจุบันจะถูกลบ',
    'io.backup.restored': 'กู้คืนแล้ว {count} รายการ',
    'io.backup.untouched': 'ไม่มีการเปลี่ยนแปลงข้อมูลใดๆ',
    'io.backup.empty': 'ไฟล์ว่างเปล่า ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.not_json': 'ไฟล์นี้ไม่ใช่ไฟล์สำรองของ AE Cockpit (ไม่ใช่ JSON) ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.truncated':
      'ไฟล์สำรองไม่สมบูรณ์ ข้อมูลขาดหายตอนท้าย อาจเกิดจากการดาวน์โหลดหรือคัดลอกไม่เสร็จ ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.not_backup': 'ไฟล์นี้ไม่ใช่ไฟล์สำรองของ AE Cockpit ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.newer_version':
      'ไฟล์สำรองนี้สร้างจาก AE Cockpit เวอร์ชันที่ใหม่กว่า (รูปแบบไฟล์ {version} เวอร์ชันนี้อ่านได้ถึง {supported}) โปรดอัปเดตส่วนขยายแล้วลองอีกครั้ง ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.newer_schema':
      'ไฟล์สำรองนี้สร้างจาก AE Cockpit เวอร์ชันที่ใหม่กว่า (ข้อมูลเวอร์ชัน {version} เวอร์ชันนี้อ่านได้ถึง {supported}) โปรดอัปเดตส่วนขยายแล้วลองอีกครั้ง ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.no_migration':
      'ไฟล์สำรองนี้มาจากเวอร์ชันเก่า (ข้อมูลเวอร์ชัน {version}) ที่ไม่สามารถอัปเกรดได้แล้ว ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.migration_failed': 'อัปเกรดไฟล์สำรองจากข้อมูลเวอร์ชัน {version} ไม่สำเร็จ: {detail} ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.missing_table': 'ไฟล์สำรองไม่มีตาราง "{table}" ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.unknown_table': 'ไฟล์สำรองมีตารางที่ไม่รู้จัก "{table}" ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.invalid_settings': 'การตั้งค่าในไฟล์สำรองไม่ถูกต้อง ({location}: {problem}) ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.invalid_record':
      'ไฟล์สำรองมีรายการที่ไม่ถูกต้อง {count} รายการ รายการแรกคือ {location}: {problem} ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.duplicate_id': 'ไฟล์สำรองมีสองรายการที่ใช้รหัส "{id}" ซ้ำกันในตาราง "{table}" ไม่ได้กู้คืนข้อมูลใดๆ',
    'io.backup.disk_full':
      'พื้นที่ดิสก์เต็ม ไม่มีที่ว่างพอสำหรับบันทึกข้อมูล โปรดลบไฟล์ที่ไม่ใช้เพื่อเพิ่มพื้นที่แล้วลองอีกครั้ง ไม่มีการเปลี่ยนแปลงข้อมูลใดๆ',
    'io.backup.write_failed': 'บันทึกไม่สำเร็จ ({detail}) ไม่มีการเปลี่ยนแปลงข้อมูลใดๆ',
  },
);
