/*
 * Raingan's additions to Camunda Tasklist 7.24, loaded through customScripts in config.js.
 * Dates in the Buddhist Era and Thai for texts Camunda leaves in English: ../../raingan/thai.js.
 */
import { api, beDateTime, THAI_MONTHS, THAI_DAYS_SHORT, ERA } from '../../raingan/thai.js';

const ENGINE = 'default';
const FORMS_API = `../../../api/tasklist/plugin/raingan-forms/${ENGINE}`;
const KPI_PLANS_API = `../../../api/tasklist/plugin/raingan-kpi-plans/${ENGINE}`;
const KPI_SCORES_API = `../../../api/tasklist/plugin/raingan-kpi-scores/${ENGINE}`;

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
 * 2. The form on screen. Tasklist creates form-js's Form (webpack module 57661 in lib/deps.js) inside its own
 * directive; the Form's importSchema is wrapped here so that this script knows the form the officer works on.
 */
const current = { form: null, container: null, schemaId: null, taskId: null, saved: {}, dirty: false, pending: null };
// for the browser tests: what this script knows of the form on screen
window.rainganForm = current;

function webpackRequire() {
  const chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
  let require = null;
  chunks.push([[`raingan-tasklist-${Date.now()}`], {}, r => { require = r; }]);
  return require;
}

function taskIdOfPage() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

try {
  const Form = webpackRequire()(57661).Form;
  const importSchema = Form.prototype.importSchema;
  Form.prototype.importSchema = async function (schema, data) {
    if (schema && schema.id === 'kpi-target-plan-start') {
      // the indicator list of the KPI plan's start form: the department's catalogue, the office's indicators only
      let choices = [];
      try {
        const { status, json } = await api('GET', `${KPI_PLANS_API}/choices`);
        if (status === 200 && json) choices = json.choices;
      } catch (e) { /* the server then names the field: no indicator chosen */ }
      arguments[1] = Object.assign({}, data || {}, { indicatorChoices: choices });
    }
    if (schema && schema.id === 'kpi-round-start') {
      // Tasklist gives a start form no variables: the templates the manager's province may use come from the
      // server (the province's own and the department's); the engine still refuses another province's at submit
      let choices = [];
      try {
        const { status, json } = await api('GET', `${KPI_SCORES_API}/templates`);
        if (status === 200 && json) choices = json.choices;
      } catch (e) { /* the server then names the field: no template chosen */ }
      arguments[1] = Object.assign({}, data || {}, { templateChoices: choices });
    }
    const result = await importSchema.apply(this, arguments);
    formShown(this, schema);
    reviewerAids(schema, data);
    return result;
  };
}
catch (e) {
  console.error('Raingan: form-js not found; drafts are not kept on the server', e);
}

/*
 * 3. Nothing typed is lost: the form's values are saved on the server as the officer types (a second after the
 * last keystroke, every five seconds while something is unsaved, before switching to another tab such as
 * ไฟล์แนบ, before a submission, when the page is left), as the task's variables, so the form shows them wherever
 * the task is opened. Tasklist's own "บันทึก" (which kept values in this browser only) saves to the server too.
 */
const SAVE_AFTER_MS = 1000;
const SAVE_EVERY_MS = 5000;
let debounce = null;

function snapshot() {
  try {
    return current.form ? current.form._getSubmitData() : null;
  }
  catch (e) {
    return null;
  }
}

function changedValues() {
  const data = snapshot();
  if (!data || !current.saved) return null;
  const changed = {};
  Object.entries(data).forEach(([key, value]) => {
    if (JSON.stringify(value === undefined ? null : value) !== JSON.stringify(current.saved[key] === undefined ? null : current.saved[key])) {
      changed[key] = value === undefined ? null : value;
    }
  });
  return Object.keys(changed).length ? changed : null;
}

function statusLine() {
  if (!current.container) return null;
  let line = current.container.parentNode && current.container.parentNode.querySelector(':scope > .raingan-draft-status');
  if (!line) {
    line = document.createElement('div');
    line.className = 'raingan-draft-status';
    line.setAttribute('role', 'status');
    current.container.parentNode.insertBefore(line, current.container);
  }
  return line;
}

function showStamp(info) {
  const line = statusLine();
  if (!line) return;
  line.classList.remove('raingan-draft-error');
  line.textContent = info && info.savedAt
    ? `บันทึกร่างล่าสุด ${beDateTime(info.savedAt)}${info.savedByName ? ` โดย ${info.savedByName}` : ''}`
    : 'ยังไม่มีร่างที่บันทึกไว้ ระบบจะบันทึกร่างให้อัตโนมัติขณะกรอก';
}

function saveDraft() {
  if (!current.taskId || !current.form) return Promise.resolve();
  if (current.pending) {
    return current.pending.then(() => saveDraft());
  }
  const changed = changedValues();
  current.dirty = false;
  if (!changed) return Promise.resolve();
  const taskId = current.taskId;
  current.pending = api('PUT', `${FORMS_API}/tasks/${taskId}/draft`, JSON.stringify({ values: changed }))
    .then(({ status, json }) => {
      if (status === 200) {
        if (taskId === current.taskId) {
          Object.assign(current.saved, JSON.parse(JSON.stringify(changed)));
          showStamp(json);
        }
        localStorage.removeItem(`camunda-form:${taskId}`);
      }
      else if (taskId === current.taskId) {
        current.dirty = true;
        const line = statusLine();
        if (line) {
          line.textContent = (json && json.message) || 'บันทึกร่างไม่ได้ ระบบจะลองใหม่';
          line.classList.add('raingan-draft-error');
        }
      }
    })
    .catch(() => { current.dirty = true; })
    .finally(() => { current.pending = null; });
  return current.pending;
}

function scheduleSave() {
  current.dirty = true;
  clearTimeout(debounce);
  debounce = setTimeout(saveDraft, SAVE_AFTER_MS);
}

setInterval(() => { if (current.dirty) saveDraft(); }, SAVE_EVERY_MS);
window.addEventListener('pagehide', () => saveDraft());
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') saveDraft(); });
// a click on a tab of the task (ไฟล์แนบ, ประวัติ, ...) or on another task saves first
document.addEventListener('mousedown', event => {
  if (event.target.closest && event.target.closest('.nav-tabs a, .tasks-list a, .task a, .filters a')) saveDraft();
}, true);

// Tasklist's "บันทึก" button and its save on a lost session wrote the values to this browser's storage only
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (this === window.localStorage && String(key).startsWith('camunda-form:')) {
    saveDraft();
    return undefined;
  }
  return setItem.apply(this, arguments);
};

function formShown(form, schema) {
  current.form = form;
  current.container = form._container || (form.get && form.get('formFieldRegistry') && null);
  if (!current.container) {
    current.container = document.querySelector('.fjs-container') && document.querySelector('.fjs-container').parentNode;
  }
  current.schemaId = schema && schema.id;
  current.taskId = taskIdOfPage();
  current.dirty = false;
  // what the form holds once it is drawn is what the server has: changes are counted from there (form-js knows
  // its fields only after it has drawn them, a moment after the import)
  current.saved = null;
  const takeBaseline = tries => {
    if (current.form !== form) return;
    const data = snapshot();
    if (data && Object.keys(data).length) {
      current.saved = JSON.parse(JSON.stringify(data));
      // values this browser kept with Tasklist's old "บันทึก" (shown by Tasklist over the server's) go to the server
      const local = current.taskId && localStorage.getItem(`camunda-form:${current.taskId}`);
      if (local) {
        try { Object.keys(JSON.parse(local)).forEach(key => { delete current.saved[key]; }); } catch (e) { /* unreadable */ }
        scheduleSave();
      }
    }
    else if (tries > 0) setTimeout(() => takeBaseline(tries - 1), 100);
    else current.saved = {};
  };
  setTimeout(() => takeBaseline(50), 0);
  // what the officer does, not form-js's own "changed" (which also fires when the form is loaded)
  const root = current.container;
  if (root && !root.__rainganWatched) {
    root.__rainganWatched = true;
    ['input', 'change'].forEach(type => root.addEventListener(type, () => scheduleSave()));
    root.addEventListener('click', event => {
      if (event.target.closest('button')) setTimeout(scheduleSave, 0);
    });
  }
  decorateDateFields();
  if (current.taskId) {
    const taskId = current.taskId;
    api('GET', `${FORMS_API}/tasks/${taskId}/draft`).then(({ status, json }) => {
      if (status === 200 && taskId === current.taskId) showStamp(json);
    });
  }
}

/*
 * 4. A date picker in the Buddhist Era on every date field: a text field whose description says
 * "วว/ดด/ปปปป" (how every Raingan form describes a date). Typing "17/03/2570" still works; the picker writes the
 * same text.
 */
function decorateDateFields() {
  document.querySelectorAll('.fjs-form-field').forEach(field => {
    const description = field.querySelector('.fjs-form-field-description');
    const input = field.querySelector('input[type=text]');
    if (!description || !input || !/วว\/ดด\/ปปปป/.test(description.textContent) || field.querySelector('.raingan-date-button')) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-default raingan-date-button';
    button.title = 'เลือกวันที่จากปฏิทิน';
    button.setAttribute('aria-label', 'เลือกวันที่จากปฏิทิน');
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-calendar';
    button.append(icon);
    button.addEventListener('click', () => openPicker(input, button));
    input.parentNode.classList.add('raingan-date-input');
    input.insertAdjacentElement('afterend', button);
  });
}

function parseBe(text) {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text || '');
  if (!m) return null;
  const date = new Date(Number(m[3]) - ERA, Number(m[2]) - 1, Number(m[1]));
  return isNaN(date.getTime()) ? null : date;
}

function openPicker(input, button) {
  document.querySelectorAll('.raingan-date-picker').forEach(p => p.remove());
  if (input.disabled || input.readOnly) return;
  const chosen = parseBe(input.value);
  let shown = chosen || new Date();
  let month = shown.getMonth();
  let year = shown.getFullYear();
  const picker = document.createElement('div');
  picker.className = 'raingan-date-picker';
  picker.setAttribute('role', 'dialog');
  const pad = n => String(n).padStart(2, '0');

  function pick(day) {
    input.value = `${pad(day)}/${pad(month + 1)}/${year + ERA}`;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    picker.remove();
    input.focus();
  }

  function render() {
    picker.replaceChildren();
    const head = document.createElement('div');
    head.className = 'raingan-date-head';
    const prev = document.createElement('button');
    prev.type = 'button';
    prev.textContent = '‹';
    prev.title = 'เดือนก่อน';
    prev.onclick = () => { month -= 1; if (month < 0) { month = 11; year -= 1; } render(); };
    const next = document.createElement('button');
    next.type = 'button';
    next.textContent = '›';
    next.title = 'เดือนถัดไป';
    next.onclick = () => { month += 1; if (month > 11) { month = 0; year += 1; } render(); };
    const title = document.createElement('span');
    title.className = 'raingan-date-title';
    title.textContent = `${THAI_MONTHS[month]} ${year + ERA}`;
    head.append(prev, title, next);
    const grid = document.createElement('table');
    const row = document.createElement('tr');
    THAI_DAYS_SHORT.forEach(d => { const th = document.createElement('th'); th.textContent = d; row.append(th); });
    grid.append(row);
    const first = new Date(year, month, 1).getDay();
    const days = new Date(year, month + 1, 0).getDate();
    let tr = document.createElement('tr');
    for (let i = 0; i < first; i++) tr.append(document.createElement('td'));
    for (let day = 1; day <= days; day++) {
      const td = document.createElement('td');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = String(day);
      if (chosen && chosen.getFullYear() === year && chosen.getMonth() === month && chosen.getDate() === day) b.className = 'chosen';
      b.onclick = () => pick(day);
      td.append(b);
      tr.append(td);
      if ((first + day) % 7 === 0) { grid.append(tr); tr = document.createElement('tr'); }
    }
    if (tr.children.length) grid.append(tr);
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'raingan-date-close';
    close.textContent = 'ปิด';
    close.onclick = () => picker.remove();
    picker.append(head, grid, close);
  }

  render();
  button.insertAdjacentElement('afterend', picker);
}

new MutationObserver(() => { if (document.querySelector('.fjs-form-field')) decorateDateFields(); })
  .observe(document.documentElement, { childList: true, subtree: true });

/*
 * 5. Refusals: the engine prefixes a refused form with English ("Cannot submit task form <id>: ",
 * "Cannot instantiate process definition <id>: "); that prefix is removed before Tasklist shows the message. The
 * server names each problem "field label: reason", joined by " | ": each is shown in red at its field, and the
 * list once above the form (the toast stays short, off the buttons).
 */
const ENGLISH_PREFIX = /^(Cannot submit task form \S+: |Cannot instantiate process definition \S+: |Cannot complete task \S+: )/;

function clearFieldErrors() {
  document.querySelectorAll('.raingan-form-error').forEach(e => e.remove());
  document.querySelectorAll('.raingan-form-invalid').forEach(e => e.classList.remove('raingan-form-invalid'));
  document.querySelectorAll('.raingan-refusal').forEach(e => e.remove());
}

const normalise = text => (text || '').replace(/\*/g, '').replace(/\s+/g, '').trim();

function labelOf(field) {
  const label = field.querySelector(':scope > label, :scope > .fjs-form-field-label, label');
  return label ? normalise(label.textContent) : '';
}

/** The form field a problem's label names: same label, or one label starting with the other (longest wins). */
function fieldFor(label) {
  let scope = document;
  let wanted = label;
  const area = /^พื้นที่ที่\s*(\d+)\s+(.*)$/.exec(label);
  if (area) {
    const rows = document.querySelectorAll('.fjs-repeat-row-container');
    scope = rows[Number(area[1]) - 1] || document;
    wanted = area[2];
  }
  const target = normalise(wanted);
  const unit = (/\(([^)]*)\)\s*$/.exec(wanted) || [])[1];
  let best = null;
  let bestScore = 0;
  scope.querySelectorAll('.fjs-form-field').forEach(field => {
    if (field.querySelector('.fjs-form-field')) return;
    const own = labelOf(field);
    if (!own) return;
    let score = 0;
    if (own === target) score = 1000;
    else if (own.startsWith(target) || target.startsWith(own)) score = Math.min(own.length, target.length) + 100;
    else {
      let common = 0;
      while (common < own.length && own[common] === target[common]) common++;
      if (common >= 6 && (!unit || own.endsWith(normalise(`(${unit})`)))) score = common;
      else if (/ยืนยัน/.test(target) && field.querySelector('input[type=checkbox]')) score = 50;
    }
    if (score > bestScore) { bestScore = score; best = field; }
  });
  return best;
}

function showRefusal(message) {
  clearFieldErrors();
  const parts = message.split(' | ');
  let heading = '';
  const first = parts[0].split(': ');
  if (first.length >= 3) {
    // "ส่งรายงานไม่ได้ กรุณาแก้ไข: label: reason"
    heading = `${first[0]}:`;
    parts[0] = first.slice(1).join(': ');
  }
  const box = document.createElement('div');
  box.className = 'alert alert-danger raingan-refusal';
  box.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = heading || 'ส่งข้อมูลไม่ได้ กรุณาแก้ไข:';
  const list = document.createElement('ul');
  parts.forEach(problem => {
    const colon = problem.indexOf(': ');
    const label = colon > 0 ? problem.slice(0, colon) : '';
    const reason = colon > 0 ? problem.slice(colon + 2) : problem;
    const li = document.createElement('li');
    li.textContent = problem;
    list.append(li);
    const field = label && fieldFor(label);
    if (field) {
      field.classList.add('raingan-form-invalid');
      const note = document.createElement('div');
      note.className = 'raingan-form-error';
      note.textContent = reason;
      field.append(note);
      li.classList.add('raingan-linked');
      li.onclick = () => field.scrollIntoView({ block: 'center' });
    }
  });
  box.append(title, list, document.createTextNode('ข้อมูลที่กรอกไว้ยังอยู่ครบและบันทึกเป็นร่างแล้ว'));
  if (current.container && current.container.parentNode) {
    current.container.parentNode.insertBefore(box, current.container);
  }
  const marked = document.querySelector('.raingan-form-invalid');
  (marked || box).scrollIntoView({ block: 'center' });
}

/*
 * 6. Say what happened: a completed form "จัดเก็บข้อมูลเรียบร้อยแล้ว" (the Sa Kaeo manual), a district report
 * "ส่งรายงานให้จังหวัดพิจารณาแล้ว", an opened round "เปิดรอบแล้ว: n รายงาน m อำเภอ".
 */
function notice(text) {
  const box = document.createElement('div');
  box.className = 'alert alert-success raingan-saved';
  box.setAttribute('role', 'status');
  box.textContent = text;
  document.body.appendChild(box);
  setTimeout(() => box.remove(), 8000);
}

async function roundOpened(processInstanceId) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { status, json } = await api('GET', `${FORMS_API}/rounds/${processInstanceId}`);
    if (status === 200) {
      notice(`จัดเก็บข้อมูลเรียบร้อยแล้ว ${json.message}`);
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  notice('จัดเก็บข้อมูลเรียบร้อยแล้ว');
}

const TASK_SUBMIT = /\/task\/[^/]+\/(submit-form|complete)$/;
const START_SUBMIT = /\/process-definition\/[^/]+\/submit-form$/;
const FORM_VARIABLES = /\/task\/[^/]+\/form-variables$/;

/** The refusal as Tasklist's toast shows it: without the engine's English prefix, one short line. */
function toastBody(text) {
  let json;
  try { json = JSON.parse(text); } catch (e) { return text; }
  if (!json || typeof json.message !== 'string') return text;
  const message = json.message.replace(ENGLISH_PREFIX, '');
  const short = message.split(' | ').length > 1 || message.split(': ').length > 2
    ? `${message.split(': ')[0]} (ดูรายละเอียดที่ช่องซึ่งมีข้อความสีแดง)` : message;
  return JSON.stringify(Object.assign({}, json, { message: short }));
}

function refusalMessage(text) {
  try {
    const json = JSON.parse(text);
    return json && typeof json.message === 'string' ? json.message.replace(ENGLISH_PREFIX, '') : null;
  }
  catch (e) {
    return null;
  }
}

// whichever way Tasklist's HTTP client reads a refused form's answer (responseText or response, on load or on
// readystatechange), it reads the Thai one
const ORIGINAL = {};
['responseText', 'response'].forEach(name => {
  const descriptor = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, name);
  ORIGINAL[name] = descriptor.get;
  Object.defineProperty(XMLHttpRequest.prototype, name, {
    configurable: true,
    enumerable: descriptor.enumerable,
    get() {
      const value = descriptor.get.call(this);
      if (this.__rainganRefusal && this.readyState === 4 && this.status >= 400 && typeof value === 'string') {
        return toastBody(value);
      }
      return value;
    }
  });
});

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const path = String(url).split('?')[0];
  const xhr = this;
  if (method === 'POST' && (TASK_SUBMIT.test(path) || START_SUBMIT.test(path))) {
    const schemaId = current.schemaId;
    const isStart = START_SUBMIT.test(path);
    this.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        clearFieldErrors();
        if (isStart && schemaId === 'reporting-round-start') {
          let id = null;
          try { id = JSON.parse(xhr.responseText).id; } catch (e) { id = null; }
          if (id) roundOpened(id);
        }
        else if (schemaId === 'district-draft') {
          notice('จัดเก็บข้อมูลเรียบร้อยแล้ว ส่งรายงานให้จังหวัดพิจารณาแล้ว');
        }
        else {
          notice(isStart ? 'จัดเก็บข้อมูลเรียบร้อยแล้ว เริ่มกระบวนงานแล้ว' : 'จัดเก็บข้อมูลเรียบร้อยแล้ว');
        }
      }
      else if (xhr.status >= 400) {
        const message = refusalMessage(ORIGINAL.responseText.call(xhr));
        if (message) showRefusal(message);
      }
    });
    this.__rainganRefusal = true;
    if (!isStart) {
      // the draft is saved before the submission: a refused submission keeps it on the server too
      const send = this.send;
      this.send = function (body) {
        saveDraft().finally(() => send.call(xhr, body));
      };
    }
  }
  else if (method === 'GET' && FORM_VARIABLES.test(path)) {
    // the form is (re)loaded, e.g. back from the ไฟล์แนบ tab: it waits for a save under way
    const send = this.send;
    this.send = function (body) {
      (current.pending || Promise.resolve()).finally(() => send.call(xhr, body));
    };
  }
  else if (method !== 'GET' && /\/(process-definition|task)\//.test(path)) {
    this.__rainganRefusal = true;
  }
  return open.call(this, method, url, ...rest);
};

/*
 * 7. The list and the task's header say the date itself, not only "อีก 4 เดือน": the date Tasklist shows in the
 * tooltip (Buddhist Era, see thai.js) is written beside the relative time.
 */
function showAbsoluteDates() {
  document.querySelectorAll('.tasks-list .due-date [am-time-ago], [cam-tasklist-task-meta] .due-date [am-time-ago]').forEach(span => {
    const tooltip = span.getAttribute('uib-tooltip');
    if (!tooltip) return;
    // the day itself (the time stays in the tooltip): the header's line is narrow
    const text = tooltip.replace(/^วัน\S+ที่\s*/, '').replace(/\s*เวลา.*$/, '');
    let label = span.parentNode.querySelector(':scope > .raingan-date');
    if (!label) {
      label = document.createElement('span');
      label.className = 'raingan-date';
      span.insertAdjacentElement('beforebegin', label);
    }
    if (label.textContent !== `${text} · `) label.textContent = `${text} · `;
  });
}
// Tasklist's list card has the tooltip "task.assignee" (an unevaluated expression): it names the assignee
function fixAssigneeTooltips() {
  document.querySelectorAll('.tasks-list .assignee[uib-tooltip="task.assignee"]').forEach(card => {
    card.setAttribute('uib-tooltip', card.textContent.trim());
  });
  // a report the province returned stands out in the list (its name, from the server, says so)
  document.querySelectorAll('.tasks-list li.task').forEach(item => {
    const title = item.querySelector('h4.task');
    const returned = !!title && title.textContent.trim().startsWith('ส่งกลับแก้ไข:');
    if (item.classList.contains('raingan-returned') !== returned) item.classList.toggle('raingan-returned', returned);
  });
}

new MutationObserver(fixAssigneeTooltips).observe(document.documentElement, { childList: true, subtree: true });
new MutationObserver(showAbsoluteDates).observe(document.documentElement, { childList: true, subtree: true });

/*
 * 8. The reviewer's desk in Tasklist itself (issue 17).
 * - Say where: a report the province returned shows each comment of the return at its field of the draft (or at
 *   the top of its area row), as text (textContent: never markup), and keeps showing it while form-js redraws.
 * - Fewer clicks: the review form's decision is two buttons, อนุมัติ and ส่งกลับแก้ไข, in place of the decision
 *   radio and Tasklist's "ส่งข้อมูล" (which they drive, so the engine sees exactly the same submission); and a
 *   review task nobody has taken is taken on opening with Tasklist's own รับงาน (a task someone else has stays
 *   theirs: Tasklist shows no รับงาน then, and a claim lost to someone in the same instant is refused by the engine).
 * - Check at a glance: the review form's warnings ("⚠ ...") are shown in amber.
 */
const ENGINE_API = `../../../api/engine/engine/${ENGINE}`;
const reviewer = { comments: [], schemaId: null };
window.rainganReviewer = reviewer;

function rowsOf(value) {
  if (!value) return [];
  if (typeof value === 'string') {
    try { return JSON.parse(value) || []; } catch (e) { return []; }
  }
  return Array.isArray(value) ? value : [];
}

function reviewerAids(schema, data) {
  reviewer.schemaId = schema && schema.id;
  // a resubmission's review: the sections the district did not change are folded (one click shows them)
  reviewer.changed = reviewer.schemaId === 'province-review' && data && data.changesText
    ? String(data.changedSections || '').split(',').filter(Boolean) : null;
  reviewer.unfolded = new Set();
  reviewer.comments = reviewer.schemaId === 'district-draft' ? rowsOf(data && data.returnComments) : [];
  document.querySelectorAll('.raingan-field-comment').forEach(e => e.remove());
  setTimeout(applyReviewerAids, 0);
}

function commentPlace(comment) {
  if (comment.row) {
    const rows = document.querySelectorAll('.fjs-repeat-row-container');
    return rows[Number(comment.row) - 1] || null;
  }
  return fieldFor(comment.label);
}

function showComments() {
  reviewer.comments.forEach((comment, i) => {
    const place = commentPlace(comment);
    if (!place || place.querySelector(`:scope > .raingan-field-comment[data-comment="${i}"]`)) return;
    const note = document.createElement('div');
    note.className = 'raingan-field-comment';
    note.setAttribute('role', 'note');
    note.dataset.comment = String(i);
    note.dataset.target = comment.target || '';
    const head = document.createElement('strong');
    head.textContent = comment.row ? `ความเห็นจากจังหวัดต่อ${comment.label}: ` : 'ความเห็นจากจังหวัด: ';
    const text = document.createElement('span');
    text.textContent = comment.comment || '';
    note.append(head, text);
    if (comment.row) place.prepend(note);
    else place.append(note);
  });
}

function markWarnings() {
  document.querySelectorAll('.fjs-form-field-text').forEach(block => {
    const heading = block.querySelector('h3');
    const warning = !!heading && heading.textContent.trim().startsWith('⚠');
    if (block.classList.contains('raingan-warning') !== warning) block.classList.toggle('raingan-warning', warning);
  });
}

// form-js 1.8.7 gives its radios no value: the decision's options are found by their labels
const DECISION_LABELS = { approve: 'อนุมัติ', return: 'ส่งกลับแก้ไข' };
function radioOf(value) {
  const field = fieldFor('ผลการพิจารณา');
  if (!field) return null;
  const label = Array.from(field.querySelectorAll('label'))
    .find(l => l.querySelector('input[type=radio]') && l.textContent.trim() === DECISION_LABELS[value]);
  return label ? label.querySelector('input[type=radio]') : null;
}

function completeButton() {
  return document.querySelector('.form-actions button.btn-primary[ng-click="complete()"]');
}

function decide(value) {
  const radio = radioOf(value);
  const complete = completeButton();
  if (!radio || !complete) return;
  clearFieldErrors();
  if (!radio.checked) radio.click();
  if (value === 'return') {
    const reason = fieldFor('เหตุผลที่ส่งกลับแก้ไข');
    const box = reason && reason.querySelector('textarea');
    if (box && !box.value.trim()) {
      showRefusal('ส่งกลับแก้ไขไม่ได้: เหตุผลที่ส่งกลับแก้ไข: กรุณาพิมพ์เหตุผลให้อำเภอทราบว่าต้องแก้ไขอะไร');
      box.focus();
      return;
    }
  }
  // Tasklist enables its button once form-js has taken the choice
  let tries = 40;
  const press = () => {
    if (!complete.disabled) complete.click();
    else if (tries-- > 0) setTimeout(press, 50);
  };
  setTimeout(press, 0);
}

function decisionButtons() {
  const actions = document.querySelector('.form-actions');
  if (reviewer.schemaId !== 'province-review' || !actions || !radioOf('approve')) {
    document.querySelectorAll('.raingan-decision').forEach(e => e.remove());
    document.querySelectorAll('.raingan-decision-actions').forEach(e => e.classList.remove('raingan-decision-actions'));
    return;
  }
  const radioField = radioOf('approve').closest('.fjs-form-field');
  if (radioField && !radioField.classList.contains('raingan-hidden')) radioField.classList.add('raingan-hidden');
  if (actions.querySelector('.raingan-decision')) return;
  actions.classList.add('raingan-decision-actions');
  const box = document.createElement('span');
  box.className = 'raingan-decision';
  [['return', 'ส่งกลับแก้ไข', 'btn btn-warning raingan-return'], ['approve', 'อนุมัติ', 'btn btn-success raingan-approve']]
    .forEach(([value, text, css]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = css;
      button.textContent = text;
      button.addEventListener('click', () => decide(value));
      box.append(button);
    });
  actions.append(box);
}

// the page's review task, taken once on opening when nobody has it
const claimed = new Set();
function autoClaim() {
  const claim = document.querySelector('[cam-tasklist-task-meta] button.claim, button.claim');
  const taskId = taskIdOfPage();
  if (!claim || !taskId || claimed.has(taskId)) return;
  claimed.add(taskId);
  reviewable(taskId).then(take => {
    if (!take || taskIdOfPage() !== taskId) return;
    const button = document.querySelector('[cam-tasklist-task-meta] button.claim, button.claim');
    if (button && !button.disabled) button.click();
  });
}

/** A review task nobody has, and the signed-in user is one of its reviewers (not, say, the administrator). */
async function reviewable(taskId) {
  const id = encodeURIComponent(taskId);
  const task = await api('GET', `${ENGINE_API}/task/${id}`);
  if (task.status !== 200 || !task.json || task.json.assignee || task.json.taskDefinitionKey !== 'Task_ProvinceReview') return false;
  const links = await api('GET', `${ENGINE_API}/task/${id}/identity-links?type=candidate`);
  const candidates = (links.json || []).map(l => l.groupId).filter(Boolean);
  const me = await api('GET', `../../../api/admin/auth/user/${ENGINE}`);
  if (me.status !== 200 || !me.json || !me.json.userId) return false;
  const mine = await api('GET', `${ENGINE_API}/identity/groups?userId=${encodeURIComponent(me.json.userId)}`);
  const groups = ((mine.json && mine.json.groups) || []).map(g => g.id);
  return candidates.some(g => groups.includes(g));
}

const SECTIONS = [['ส่วนที่ 1', 'part1'], ['ส่วนที่ 2', 'areas'], ['แบบสรุปการประเมินผล', 'evaluation']];

function foldUnchanged() {
  if (!reviewer.changed) return;
  document.querySelectorAll('.fjs-container .fjs-form-field-grouplike').forEach(group => {
    const label = group.querySelector(':scope > label');
    const section = label && SECTIONS.find(([prefix]) => label.textContent.trim().startsWith(prefix));
    if (!section || reviewer.changed.includes(section[1])) return;
    const folded = !reviewer.unfolded.has(section[1]);
    if (group.classList.contains('raingan-folded') !== folded) group.classList.toggle('raingan-folded', folded);
    let toggle = group.querySelector(':scope > .raingan-fold-toggle');
    if (!toggle) {
      toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.className = 'btn btn-link raingan-fold-toggle';
      toggle.addEventListener('click', () => {
        if (reviewer.unfolded.has(section[1])) reviewer.unfolded.delete(section[1]);
        else reviewer.unfolded.add(section[1]);
        foldUnchanged();
      });
      label.insertAdjacentElement('afterend', toggle);
    }
    const text = folded ? 'ไม่มีการแก้ไขจากฉบับก่อน (ย่อไว้) แสดง' : 'ไม่มีการแก้ไขจากฉบับก่อน ย่อ';
    if (toggle.textContent !== text) toggle.textContent = text;
  });
}

function applyReviewerAids() {
  foldUnchanged();
  if (reviewer.comments.length) showComments();
  markWarnings();
  decisionButtons();
  autoClaim();
}

new MutationObserver(applyReviewerAids).observe(document.documentElement, { childList: true, subtree: true });

/*
 * 9. Controls no Raingan role can use are not shown (see user-styles.css); the returned report is marked in the
 * list by its name ("ส่งกลับแก้ไข: ..."), given by the server.
 */
document.documentElement.classList.add('raingan-tasklist');

export default [];
