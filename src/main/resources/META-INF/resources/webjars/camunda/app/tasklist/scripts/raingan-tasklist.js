/*
 * Raingan's additions to Camunda Tasklist 7.24, loaded through customScripts in config.js.
 */

/*
 * 1. Forms with a dynamic list can be completed.
 * Tasklist 7.24 bundles form-js 1.8.7, whose "changed" event reports every field inside a dynamic list with an
 * empty error list, e.g. {"Field_place": []}. Tasklist counts the keys of that object and so keeps the complete
 * button disabled for any form with a dynamic list (the district report's area rows). An object of exactly that
 * shape, every key a form field id ("Field_...", the prefix all Raingan forms use) and every value an empty list,
 * is read here as having no keys. Every other object is left alone.
 */
const ownKeys = Object.keys;

function isEmptyErrorMap(object, keys) {
  return keys.length > 0 && keys.every(
    key => key.startsWith('Field_') && Array.isArray(object[key]) && object[key].length === 0);
}

Object.keys = function (object) {
  const keys = ownKeys(object);
  return object && typeof object === 'object' && isEmptyErrorMap(object, keys) ? [] : keys;
};

/*
 * 2. A completed form says so, as the department's reporting system did (seed 001: "จัดเก็บข้อมูลเรียบร้อยแล้ว").
 * Tasklist itself only returns to the list; this shows a notice when the engine accepted a task's form.
 */
const COMPLETED = /\/task\/[^/]+\/(submit-form|complete)$/;

function showSaved() {
  const notice = document.createElement('div');
  notice.className = 'alert alert-success raingan-saved';
  notice.setAttribute('role', 'status');
  notice.textContent = 'จัดเก็บข้อมูลเรียบร้อยแล้ว';
  notice.style.cssText = 'position:fixed;right:24px;bottom:48px;z-index:2000;font-size:16px;';
  document.body.appendChild(notice);
  setTimeout(() => notice.remove(), 6000);
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (method === 'POST' && COMPLETED.test(String(url).split('?')[0])) {
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        showSaved();
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

export default [];
