/*
 * Raingan: the one module the webapp plugins share (plugin-webapp/<id>/app/plugin.js), and thai.js with them.
 * Nothing here runs on import: only functions and constants.
 *
 * How a plugin reaches it: Camunda 7.24 loads a plugin's page part as an ES module from
 * <webapp root>/api/<tasklist|cockpit>/plugin/<id>/static/app/plugin.js (ProcessEnginesFilter's plugin package:
 * location ".../api/<app>/plugin/<id>/static/app", main "plugin.js"), so from there
 *   import { el } from '../../../../../../app/raingan/shared.js';
 * is <webapp root>/app/raingan/shared.js, whatever the webapp's path. thai.js and Tasklist's raingan-tasklist.js
 * import it under the same address: the browser runs it once per page.
 *
 * The fiscal year here is th.raingan.thai.FiscalYear's (SharedModuleBrowserTest compares them day by day).
 */

/** The Buddhist Era is the Christian year plus 543. */
export const ERA = 543;

export const THAI_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม',
  'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];

const pad = n => String(n).padStart(2, '0');

// ---- the page's elements -----------------------------------------------------------------------------------

/**
 * An element: attributes set as given (an "on..." one is the event handler; null, undefined and false leave the
 * attribute out), children appended as text or nodes (arrays flattened one level, null and undefined as nothing).
 * Everything a person typed arrives here as text, never as markup.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name.startsWith('on')) node[name] = value;
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  });
  children.flat().forEach(child => node.append(child === null || child === undefined ? '' : child));
  return node;
}

/** A Bootstrap message box: kind is success, info, warning or danger. */
export function alertBox(kind, ...content) {
  return el('div', { class: `alert alert-${kind}` }, ...content);
}

/** A table with a header row; rows are tr elements (or arrays of them), foot an optional tfoot row. */
export function table(headers, rows, cls = '', foot = null) {
  return el('table', { class: `table table-condensed table-bordered ${cls}`.trim() },
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows),
    foot ? el('tfoot', {}, foot) : null);
}

/**
 * A refusal's problems, one row each: [row or line, field or column, why], as the server names them (a row of a
 * CSV, or "-" where the problem has no row).
 */
export function problemTable(headers, problems, cls = 'raingan-import-errors', rowClass = 'raingan-import-error') {
  return table(headers, problems.map(([row, field, why]) => el('tr', { class: rowClass },
    el('td', {}, row === null || row === undefined || row === '' ? '-' : String(row)), el('td', {}, field), el('td', {}, why))),
  cls);
}

/** A refusal answered as {message, problems: ["field: why", ...]}: the heading and the list. */
export function refusal(json, fallback = 'บันทึกไม่ได้') {
  const problems = (json && json.problems) || [];
  return el('div', {}, el('strong', {}, (json && json.message) || fallback),
    problems.length ? el('ul', {}, problems.map(p => el('li', {}, p))) : '');
}

// ---- the server ----------------------------------------------------------------------------------------------

export const OFFLINE = 'ติดต่อเซิร์ฟเวอร์ไม่ได้ กรุณาลองใหม่';

function csrfToken(api) {
  if (api && api.CSRFToken) return api.CSRFToken;
  const cookie = (document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/) || [])[1];
  return cookie ? decodeURIComponent(cookie) : null;
}

const answer = (status, json) => ({ status, ok: status >= 200 && status < 300, json });

const isRaw = body => typeof body === 'string' || body instanceof Blob || body instanceof ArrayBuffer
  || body instanceof FormData || ArrayBuffer.isView(body);

/**
 * One request to the server with the webapp's CSRF token (from the plugin's api, else the webapp's cookie) and
 * JSON back: resolves to {status, ok, json}, json {} when the answer is not JSON, status 0 with a Thai message when
 * the server cannot be reached. A body that is an object goes as JSON; a string, file or buffer as it is, with
 * options.contentType (JSON by default). options.onProgress(share) follows an upload; options.keepalive lets a
 * request outlive the page.
 */
export function call(api, method, url, body, options = {}) {
  const raw = body === undefined || isRaw(body);
  const payload = body === undefined ? null : (raw ? body : JSON.stringify(body));
  // JSON unless told otherwise; a file or buffer without a type goes with the browser's own
  const contentType = !raw ? 'application/json'
    : options.contentType || (typeof body === 'string' ? 'application/json' : null);
  const token = csrfToken(api);
  const parse = text => {
    try { return text ? JSON.parse(text) : {}; } catch (e) { return {}; }
  };
  if (options.onProgress) {
    return new Promise(resolve => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      if (token) xhr.setRequestHeader('X-XSRF-TOKEN', token);
      xhr.setRequestHeader('Accept', 'application/json');
      if (payload !== null && contentType) xhr.setRequestHeader('Content-Type', contentType);
      xhr.upload.onprogress = e => e.lengthComputable && options.onProgress(e.loaded / e.total);
      xhr.onload = () => resolve(answer(xhr.status, parse(xhr.responseText)));
      xhr.onerror = () => resolve(answer(0, { message: OFFLINE }));
      xhr.send(payload);
    });
  }
  const headers = Object.assign({ Accept: 'application/json' }, token ? { 'X-XSRF-TOKEN': token } : {},
    payload !== null && contentType ? { 'Content-Type': contentType } : {});
  return fetch(url, { method, headers, credentials: 'same-origin', body: payload, keepalive: Boolean(options.keepalive) })
    .then(async response => answer(response.status, parse(await response.text())))
    .catch(() => answer(0, { message: OFFLINE }));
}

// ---- numbers -------------------------------------------------------------------------------------------------

const plain = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2 });
const twoDecimals = new Intl.NumberFormat('th-TH', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const missing = value => value === null || value === undefined || value === '';

/** 3,000 or 12.5; "-" for nothing. */
export const number = value => missing(value) ? '-' : plain.format(Number(value));

/** Baht and scores with two decimals: 3,000.00; "-" for nothing. */
export const money = value => missing(value) ? '-' : twoDecimals.format(Number(value));

/** A file's size in Thai: 820 กิโลไบต์, 1.5 เมกะไบต์. */
export function fileSize(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} เมกะไบต์` : `${Math.max(1, Math.round(bytes / 1024))} กิโลไบต์`;
}

// ---- CSV files made in the browser -------------------------------------------------------------------------

const FORMULA_START = '=+-@\t\r';
const CSV_NUMBER = /^[-+]?(\d[\d,]*)?\.?\d+([eE][-+]?\d+)?%?$/;
const needsQuote = text => text.length > 0 && (text[0] === "'" ? needsQuote(text.slice(1))
  : FORMULA_START.includes(text[0]) && !CSV_NUMBER.test(text) && text !== '-');

/**
 * A CSV cell a spreadsheet will not run as a formula: th.raingan.thai.SafeText.csvCell's rule (a leading ' before
 * = + - @, a tab or a carriage return; a number left alone), quoted for the CSV (SharedModuleBrowserTest compares).
 */
export function csvCell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return `"${(needsQuote(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

// ---- dates in the Buddhist Era -------------------------------------------------------------------------------

/** 27/11/2569 14:30 น. */
export function beDateTime(value) {
  const d = new Date(value);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear() + ERA} ${pad(d.getHours())}:${pad(d.getMinutes())} น.`;
}

/** 27/11/2569 */
export function beDate(value) {
  const d = new Date(value);
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear() + ERA}`;
}

/** 27 พฤศจิกายน 2569 */
export function beLongDate(value) {
  const d = new Date(value);
  return `${d.getDate()} ${THAI_MONTHS[d.getMonth()]} ${d.getFullYear() + ERA}`;
}

// ---- the fiscal year (ปีงบประมาณ), as th.raingan.thai.FiscalYear ------------------------------------------------

/** The fiscal year (BE) a day falls in: 1 October starts the next one. Today's by default, in the browser's time. */
export function fiscalYear(date = new Date()) {
  return (date.getMonth() + 1 >= 10 ? date.getFullYear() + 1 : date.getFullYear()) + ERA;
}

/** The fiscal year's first day: 1 October of the year before. */
export function fiscalYearStart(yearBe) {
  return new Date(yearBe - ERA - 1, 9, 1);
}

/** The fiscal year's last day: 30 September. */
export function fiscalYearEnd(yearBe) {
  return new Date(yearBe - ERA, 8, 30);
}

/** The last day of a round: round 1 ends 31 March, round 2 with the fiscal year. */
export function roundEnd(yearBe, round) {
  return round === 1 ? new Date(yearBe - ERA, 2, 31) : fiscalYearEnd(yearBe);
}

/** The first and last day (dd/mm/yyyy, BE) of quarters from..to (1-4) of a fiscal year, as the date fields take them. */
export function quarterDates(yearBe, from, to) {
  const start = fiscalYearStart(yearBe);
  const first = new Date(start.getFullYear(), start.getMonth() + 3 * (from - 1), 1);
  const last = new Date(start.getFullYear(), start.getMonth() + 3 * to, 0);
  return [beDate(first), beDate(last)];
}
