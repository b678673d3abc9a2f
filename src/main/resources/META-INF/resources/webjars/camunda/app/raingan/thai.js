/*
 * Raingan: Thai and the Buddhist Era in Camunda's webapps (Tasklist, Cockpit), one module loaded by each app's
 * custom script.
 *
 * 1. Every date the webapps format with moment.js (Tasklist's and Cockpit's camDate filter, tooltips, history,
 *    comments, the list's "due" and "created") shows the Buddhist-Era year: a display format's YYYY / YY become the
 *    BE year. Machine formats (ISO, "YYYY-MM-DD...", the default format()) are left alone, so nothing sent to the
 *    engine changes. moment is the one the webapps bundle in lib/deps.js (webpack module 98024 in 7.24): it is
 *    reached through webpack's chunk callback, the documented way a chunk gets webpack's require.
 * 2. AngularJS's date filter (the history's year badge, the date pickers' titles) does the same for "yyyy" and
 *    speaks Thai month and day names.
 * 3. English text that Camunda's bundled libraries write without a translation key (form-js: "Field is required.",
 *    "Add new") is replaced by Thai as it appears.
 */
import { ERA, THAI_MONTHS, beDateTime, beLongDate, call } from './shared.js';

// Tasklist's raingan-tasklist.js takes these from here
export { ERA, THAI_MONTHS, beDateTime, beLongDate };

const THAI_MONTHS_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const THAI_DAYS = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'];
const THAI_DAYS_SHORT = ['อา.', 'จ.', 'อ.', 'พ.', 'พฤ.', 'ศ.', 'ส.'];
export { THAI_MONTHS_SHORT, THAI_DAYS_SHORT };

// ---- 1. moment.js ------------------------------------------------------------------------------------------
const MOMENT_MODULE = 98024;

function webpackRequire() {
  const chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
  let require = null;
  chunks.push([[`raingan-thai-${Date.now()}-${Math.random()}`], {}, r => { require = r; }]);
  return require;
}

/** A format meant for machines: the engine's ISO dates, query parameters. */
function isMachineFormat(format) {
  return !format || /YYYY-MM|YYYYMMDD|SSS|ZZ|\bX\b|\bx\b/.test(format) || format === 'YYYY';
}

function toBuddhistFormat(format, localeData, year) {
  let expanded = format;
  for (let i = 0; i < 3; i++) {
    expanded = expanded.replace(/(\[[^\]]*\])|(LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l)/g,
      (match, literal) => literal || localeData.longDateFormat(match) || match);
  }
  const be = year + ERA;
  return expanded.replace(/(\[[^\]]*\])|(Y{4})|(Y{2})/g, (match, literal, four, two) =>
    literal || (four ? `[${be}]` : `[${String(be).slice(-2)}]`));
}

export function patchMoment(moment) {
  if (!moment || !moment.fn || moment.fn.__rainganBuddhistEra) return;
  const format = moment.fn.format;
  moment.fn.format = function (input) {
    if (typeof input !== 'string' || isMachineFormat(input) || !this.isValid()) {
      return format.apply(this, arguments);
    }
    return format.call(this, toBuddhistFormat(input, this.localeData(), this.year()));
  };
  moment.fn.__rainganBuddhistEra = true;
}

export const moment = (() => {
  try {
    const candidate = webpackRequire()(MOMENT_MODULE);
    return candidate && typeof candidate.isMoment === 'function' ? candidate : null;
  }
  catch (e) {
    console.error('Raingan: moment.js not found, dates stay in the Christian Era', e);
    return null;
  }
})();
patchMoment(moment);

// ---- 2. AngularJS's date filter and $locale ----------------------------------------------------------------
function isMachineDateFilterFormat(format) {
  return !format || /yyyy-MM|yyyyMMdd|sss|Z/.test(format);
}

if (window.angular) {
  window.angular.module('ng').config(['$provide', $provide => {
    $provide.decorator('$locale', ['$delegate', $locale => {
      Object.assign($locale.DATETIME_FORMATS, {
        MONTH: THAI_MONTHS, SHORTMONTH: THAI_MONTHS_SHORT, STANDALONEMONTH: THAI_MONTHS,
        DAY: THAI_DAYS, SHORTDAY: THAI_DAYS_SHORT, AMPMS: ['', '']
      });
      return $locale;
    }]);
    $provide.decorator('dateFilter', ['$delegate', dateFilter => function (date, format, timezone) {
      if (typeof format !== 'string' || isMachineDateFilterFormat(format) || date === null || date === undefined || date === '') {
        return dateFilter(date, format, timezone);
      }
      const parsed = date instanceof Date ? date : new Date(date);
      if (isNaN(parsed.getTime())) return dateFilter(date, format, timezone);
      const be = String(parsed.getFullYear() + ERA);
      const buddhist = format.replace(/('[^']*')|(y{4})|(y{2})/g, (m, literal, four) =>
        literal || `'${four ? be : be.slice(-2)}'`);
      return dateFilter(date, buddhist, timezone);
    }]);
  }]);
}

// ---- 3. English written by bundled libraries ---------------------------------------------------------------
const TEXTS = new Map([
  ['Field is required.', 'กรุณากรอกช่องนี้'],
  ['Add new', 'เพิ่มรายการ'],
  ['Remove', 'ลบ'],
  ['Expand', 'แสดงทั้งหมด'],
  ['Collapse', 'ย่อ'],
  ['Search', 'ค้นหา'],
  ['Select', 'เลือก'],
  ['No options', 'ไม่มีตัวเลือก'],
  ['Value must be a number.', 'ต้องเป็นตัวเลข'],
  ['Choose Files', 'เลือกไฟล์'],
  ['No file chosen', 'ยังไม่ได้เลือกไฟล์'],
  ['Toggle this section', 'แสดงหรือซ่อนส่วนนี้'],
  ['Actions', 'การดำเนินการ'],
  ['Toggle navigation', 'แสดงหรือซ่อนเมนู'],
  ['Close', 'ปิด'],
  ['Loading...', 'กำลังโหลด...'],
]);
const PATTERNS = [
  [/^Field must have minimum length of (\d+)\.$/, 'ต้องยาวอย่างน้อย $1 ตัวอักษร'],
  [/^Field must have maximum length of (\d+)\.$/, 'ยาวได้ไม่เกิน $1 ตัวอักษร'],
  [/^Field must have minimum value of (.+)\.$/, 'ต้องไม่น้อยกว่า $1'],
  [/^Field must have maximum value of (.+)\.$/, 'ต้องไม่มากกว่า $1'],
  [/^Field must match pattern (.+)\.$/, 'รูปแบบไม่ถูกต้อง'],
  [/^Field must be a valid email\.$/, 'ต้องเป็นอีเมลที่ถูกต้อง'],
  [/^Field must be a valid (.+)\.$/, 'รูปแบบไม่ถูกต้อง'],
];

// a date variable as Cockpit's variable table writes it ("2027-03-17T16:59:59"), as the offices read it
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;

export function thaiText(text) {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const iso = ISO_DATE_TIME.exec(trimmed);
  if (iso) {
    return text.replace(trimmed, `${iso[3]}/${iso[2]}/${Number(iso[1]) + ERA} ${iso[4]}:${iso[5]}:${iso[6]}`);
  }
  if (TEXTS.has(trimmed)) return text.replace(trimmed, TEXTS.get(trimmed));
  for (const [pattern, thai] of PATTERNS) {
    if (pattern.test(trimmed)) return text.replace(trimmed, trimmed.replace(pattern, thai));
  }
  return null;
}

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const thai = thaiText(node.nodeValue);
    if (thai !== null && thai !== node.nodeValue) node.nodeValue = thai;
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE || node.closest('script,style,textarea,input')) return;
  for (const name of ['title', 'aria-label', 'placeholder', 'uib-tooltip']) {
    const value = node.getAttribute(name);
    const thai = value && thaiText(value);
    if (thai && thai !== value) node.setAttribute(name, thai);
  }
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      const thai = thaiText(n.nodeValue);
      if (thai !== null && thai !== n.nodeValue) n.nodeValue = thai;
    }
    else {
      for (const name of ['title', 'aria-label', 'placeholder', 'uib-tooltip']) {
        const value = n.getAttribute(name);
        const thai = value && thaiText(value);
        if (thai && thai !== value) n.setAttribute(name, thai);
      }
    }
  }
}

export function translateAsItAppears(root = document.body) {
  translateNode(root);
  new MutationObserver(mutations => mutations.forEach(m => {
    if (m.type === 'characterData') translateNode(m.target);
    else if (m.type === 'attributes') translateNode(m.target);
    else m.addedNodes.forEach(translateNode);
  })).observe(root, { childList: true, subtree: true, characterData: true, attributes: true,
    attributeFilter: ['title', 'aria-label', 'placeholder', 'uib-tooltip'] });
}

if (document.body) translateAsItAppears();
else document.addEventListener('DOMContentLoaded', () => translateAsItAppears());

/**
 * Fetch with the webapps' CSRF header, JSON both ways; resolves to {status, json}. A save still running when the
 * page closes is finished (keepalive, for bodies small enough for it).
 */
export function api(method, url, body) {
  return call(null, method, url, body, { keepalive: method !== 'GET' && (!body || body.length < 60000) });
}
