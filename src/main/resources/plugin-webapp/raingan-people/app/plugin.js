/*
 * Raingan: "ข้อมูลของฉัน" (my profile, the Sa Kaeo manual's fields) from Tasklist's user menu and navbar: a user sees their
 * profile and changes their own phone and e-mail. The administrator and a province's manager also get
 * "บุคลากร": the people of their offices (edit a profile, office and role) and the CSV onboarding, which lists every
 * refused row and, on request, takes the valid ones; new users' one-time passwords are shown here, once.
 * The server checks everything again.
 */
import { el, call, alertBox as box, problemTable } from '../../../../../../app/raingan/shared.js';

const request = (api, method, url, body, contentType) => call(api, method, url, body, { contentType });

function dialog(title) {
  const body = el('div', { class: 'raingan-dialog-body' });
  const overlay = el('div', { class: 'raingan-overlay', role: 'dialog', 'aria-label': title },
    el('div', { class: 'raingan-dialog' },
      el('button', { type: 'button', class: 'btn btn-default raingan-close', onclick: () => overlay.remove() }, 'ปิด'),
      el('h3', {}, title), body));
  overlay.onclick = event => { if (event.target === overlay) overlay.remove(); };
  document.body.append(overlay);
  return body;
}

/* The seeds' save question, inside the dialog (a native confirm would block the page): "ใช่" runs the save. */
function ask(after, onYes) {
  const old = after.parentNode.querySelector('.raingan-ask');
  if (old) old.remove();
  const box = el('div', { class: 'alert alert-info raingan-ask', role: 'alertdialog' }, 'คุณต้องการบันทึกข้อมูล ใช่หรือไม่ ',
    el('button', { type: 'button', class: 'btn btn-primary btn-sm raingan-ask-yes', onclick: () => { box.remove(); onYes(); } }, 'ใช่'), ' ',
    el('button', { type: 'button', class: 'btn btn-default btn-sm', onclick: () => box.remove() }, 'ยกเลิก'));
  after.after(box);
  box.querySelector('.raingan-ask-yes').focus();
}

function alertBox(text, kind) {
  const node = box(kind, text);
  node.setAttribute('role', 'alert');
  return node;
}

/* The fields a problem names, in the order the server names them ("อีเมล", "โทรศัพท์"). */
function showProblems(problems, fieldBoxes, messages) {
  (problems || []).forEach(p => {
    const box = fieldBoxes[p.field];
    if (box) box.append(el('span', { class: 'raingan-field-error' }, p.message));
    else messages.append(alertBox(`${p.field}: ${p.message}`, 'danger'));
  });
}

async function openMyProfile(api, base) {
  const body = dialog('ข้อมูลของฉัน');
  body.append(el('p', {}, 'กำลังโหลด...'));
  const { status, json } = await request(api, 'GET', `${base}/me`);
  body.replaceChildren();
  if (status !== 200) {
    body.append(alertBox((json && json.message) || 'โหลดข้อมูลไม่ได้', 'danger'));
    return;
  }
  const messages = el('div', { class: 'raingan-messages' });
  const phone = el('input', { type: 'tel', class: 'form-control', id: 'raingan-my-phone', name: 'phone', value: json.phone || '', maxlength: '32' });
  const email = el('input', { type: 'email', class: 'form-control', id: 'raingan-my-email', name: 'email', value: json.email || '', maxlength: '254' });
  const phoneBox = el('td', {}, phone);
  const emailBox = el('td', {}, email);
  const row = (label, value) => el('tr', {}, el('th', {}, label), el('td', {}, value || '-'));
  const save = el('button', { type: 'button', class: 'btn btn-primary', id: 'raingan-my-save' }, 'บันทึก');
  body.append(messages,
    el('table', { class: 'table table-bordered raingan-profile-table' }, el('tbody', {},
      row('ชื่อ สกุล', json.displayName),
      row('ตำแหน่ง', json.position),
      row('หน่วยงาน', json.officeName),
      row('บทบาท', json.roleName),
      row('สังกัดกลุ่มงาน/ฝ่าย', json.section),
      el('tr', {}, el('th', {}, el('label', { for: 'raingan-my-phone' }, 'โทรศัพท์')), phoneBox),
      el('tr', {}, el('th', {}, el('label', { for: 'raingan-my-email' }, 'อีเมลแอดเดรส')), emailBox),
      row('วันที่ลงทะเบียน', json.registeredOn),
      row('รหัสผู้ใช้', json.userId))),
    el('p', { class: 'help-block' }, 'ท่านแก้ไขได้เฉพาะโทรศัพท์และอีเมล ระบบส่งการแจ้งเตือนไปที่อีเมลนี้ ข้อมูลอื่นแก้ไขโดยผู้ดูแลระบบหรือพัฒนาการจังหวัด'),
    save);
  save.onclick = () => ask(save, async () => {
    messages.replaceChildren();
    body.querySelectorAll('.raingan-field-error').forEach(n => n.remove());
    const res = await request(api, 'PUT', `${base}/me`, JSON.stringify({ phone: phone.value, email: email.value }), 'application/json');
    if (res.status === 200) {
      phone.value = res.json.phone || '';
      email.value = res.json.email || '';
      messages.append(alertBox(res.json.message || 'จัดเก็บข้อมูลเรียบร้อยแล้ว', 'success'));
    } else {
      messages.append(alertBox((res.json && res.json.message) || 'บันทึกไม่ได้', 'danger'));
      showProblems(res.json && res.json.problems, { 'โทรศัพท์': phoneBox, 'อีเมล': emailBox }, messages);
    }
  });
}

function problemsTable(problems) {
  return problemTable(['แถวที่', 'คอลัมน์', 'เหตุผล'], problems.map(p => [p.line || '-', p.field, p.message]), 'raingan-problems', null);
}

function importSection(api, base, onImported) {
  const input = el('input', { type: 'file', accept: '.csv,text/csv', id: 'raingan-import-file' });
  const check = el('button', { type: 'button', class: 'btn btn-primary', id: 'raingan-import-check' }, 'ตรวจสอบและนำเข้า');
  const result = el('div', { class: 'raingan-import-result' });
  const section = el('section', { class: 'raingan-import' },
    el('h4', {}, 'นำเข้าผู้ใช้จากไฟล์ CSV'),
    el('p', { class: 'help-block' },
      'หัวตาราง: office_code,user_id,first_name_th,last_name_th,position_th,section_th,email,phone,role ',
      '(role: district = อำเภอ, reviewer = ผู้ตรวจรายงาน, manager = พัฒนาการจังหวัด, department = กรม) ',
      'รับไฟล์ UTF-8 และ Windows-874/TIS-620 (CSV จาก Excel ภาษาไทย) ถ้ามีแถวผิด ระบบยังไม่บันทึกผู้ใช้ใดจนกว่าท่านสั่งนำเข้าเฉพาะแถวที่ถูกต้อง'),
    el('div', { class: 'form-inline' }, input, ' ', check), result);

  async function send(takeValidRows) {
    const file = input.files[0];
    result.replaceChildren();
    if (!file) {
      result.append(alertBox('กรุณาเลือกไฟล์ CSV', 'warning'));
      return;
    }
    result.append(el('p', {}, 'กำลังตรวจสอบ...'));
    const res = await request(api, 'POST', `${base}/import?takeValidRows=${takeValidRows}`, file, 'text/csv');
    result.replaceChildren();
    const r = res.json || {};
    result.append(alertBox(r.message || 'นำเข้าไม่ได้', r.written ? 'success' : 'danger'));
    if (r.encoding) result.append(el('p', {}, `การเข้ารหัสไฟล์: ${r.encoding} · ${r.rows} แถว · ถูกต้อง ${r.valid} แถว`));
    if (r.problems && r.problems.length) result.append(problemsTable(r.problems));
    if (!r.written && r.valid > 0 && r.problems && r.problems.length) {
      result.append(el('button', { type: 'button', class: 'btn btn-warning', id: 'raingan-import-valid', onclick: () => send(true) },
        `นำเข้าเฉพาะแถวที่ถูกต้อง (${r.valid} แถว)`));
    }
    if (r.created && r.created.length) {
      result.append(el('div', { class: 'alert alert-warning' },
        'รหัสผ่านครั้งแรกแสดงที่นี่ครั้งเดียวเท่านั้น กรุณาแจ้งผู้ใช้แต่ละคนก่อนปิดหน้านี้ และให้ผู้ใช้เปลี่ยนรหัสผ่านเองที่เมนูผู้ใช้ > "โปรไฟล์ของฉัน"'),
      el('table', { class: 'table table-condensed table-bordered raingan-passwords' },
        el('thead', {}, el('tr', {}, el('th', {}, 'แถวที่'), el('th', {}, 'รหัสผู้ใช้'), el('th', {}, 'ชื่อ สกุล'), el('th', {}, 'หน่วยงาน'), el('th', {}, 'รหัสผ่านครั้งแรก'))),
        el('tbody', {}, ...r.created.map(c => el('tr', {}, el('td', {}, String(c.line)), el('td', {}, c.userId), el('td', {}, c.name),
          el('td', {}, c.officeName), el('td', {}, el('code', {}, c.password)))))));
      onImported();
    }
  }
  check.onclick = () => send(false);
  return section;
}

function editForm(api, base, person, onSaved) {
  const fields = [['firstName', 'ชื่อ'], ['lastName', 'นามสกุล'], ['position', 'ตำแหน่ง'], ['section', 'สังกัดกลุ่มงาน/ฝ่าย'],
    ['phone', 'โทรศัพท์'], ['email', 'อีเมล'], ['officeCode', 'หน่วยงาน'], ['role', 'บทบาท']];
  const inputs = {};
  const boxes = {};
  const messages = el('div');
  const rows = fields.map(([name, label]) => {
    inputs[name] = el('input', { class: 'form-control', name, value: person[name] || '' });
    boxes[label] = el('td', {}, inputs[name]);
    return el('tr', {}, el('th', {}, label), boxes[label]);
  });
  const save = el('button', { type: 'button', class: 'btn btn-primary' }, 'บันทึก');
  save.onclick = () => ask(save, async () => {
    messages.replaceChildren();
    Object.values(boxes).forEach(b => b.querySelectorAll('.raingan-field-error').forEach(n => n.remove()));
    const body = {};
    fields.forEach(([name]) => { body[name] = inputs[name].value; });
    const res = await request(api, 'PUT', `${base}/users/${encodeURIComponent(person.userId)}`, JSON.stringify(body), 'application/json');
    if (res.status === 200) {
      messages.append(alertBox('จัดเก็บข้อมูลเรียบร้อยแล้ว', 'success'));
      onSaved();
    } else {
      messages.append(alertBox((res.json && res.json.message) || 'บันทึกไม่ได้', 'danger'));
      showProblems(res.json && res.json.problems, boxes, messages);
    }
  });
  return el('div', { class: 'raingan-edit' }, el('h4', {}, `แก้ไขข้อมูล ${person.displayName} (${person.userId})`), messages,
    el('table', { class: 'table table-bordered raingan-profile-table' }, el('tbody', {}, ...rows)),
    el('p', { class: 'help-block' }, 'บทบาท: district, reviewer, manager หรือ department; หน่วยงานเปลี่ยนกลุ่มของผู้ใช้ใน Camunda'), save);
}

async function openPeople(api, base, me) {
  const body = dialog('บุคลากร');
  const select = el('select', { class: 'form-control', id: 'raingan-people-office', style: 'display: inline-block; width: auto' });
  const list = el('div');
  const edit = el('div');
  body.append(importSection(api, base, () => load()), el('hr'),
    el('div', { class: 'form-inline' }, el('label', {}, 'หน่วยงาน '), select), edit, list);
  const offices = await request(api, 'GET', `${base}/offices`);
  if (offices.status !== 200) {
    list.append(alertBox((offices.json && offices.json.message) || 'โหลดหน่วยงานไม่ได้', 'danger'));
    return;
  }
  offices.json.forEach(o => select.append(el('option', { value: o.code }, `${o.code} ${o.name}`)));
  if (me.permissions.province) select.value = me.permissions.province;
  select.onchange = () => load();

  async function load() {
    edit.replaceChildren();
    list.replaceChildren(el('p', {}, 'กำลังโหลด...'));
    const res = await request(api, 'GET', `${base}/offices/${encodeURIComponent(select.value)}`);
    list.replaceChildren();
    if (res.status !== 200) {
      list.append(alertBox((res.json && res.json.message) || 'โหลดรายชื่อไม่ได้', 'danger'));
      return;
    }
    list.append(el('table', { class: 'table table-condensed table-bordered raingan-people-table' },
      el('thead', {}, el('tr', {}, ...['รหัสผู้ใช้', 'ชื่อ สกุล', 'ตำแหน่ง', 'บทบาท', 'สังกัดกลุ่มงาน/ฝ่าย', 'โทรศัพท์', 'อีเมล', 'วันที่ลงทะเบียน', '']
        .map(h => el('th', {}, h)))),
      el('tbody', {}, ...res.json.map(p => el('tr', {},
        el('td', {}, p.userId), el('td', {}, p.displayName), el('td', {}, p.position || '-'), el('td', {}, p.roleName),
        el('td', {}, p.section || '-'), el('td', {}, p.phone || '-'), el('td', {}, p.email || '-'), el('td', {}, p.registeredOn || '-'),
        el('td', {}, el('button', { type: 'button', class: 'btn btn-link', onclick: () => {
          edit.replaceChildren(editForm(api, base, p, () => load()));
          edit.scrollIntoView();
        } }, 'แก้ไข')))))));
  }
  load();
}

function addToUserMenu(open) {
  const attach = () => {
    const menu = document.querySelector('li.account ul.dropdown-menu');
    if (!menu || menu.querySelector('.raingan-my-profile')) return Boolean(menu);
    const link = el('a', { href: '', onclick: event => { event.preventDefault(); open(); } }, 'ข้อมูลของฉัน');
    menu.prepend(el('li', { class: 'raingan-my-profile' }, link));
    return true;
  };
  if (!attach()) {
    const observer = new MutationObserver(() => { if (attach()) observer.disconnect(); });
    observer.observe(document.body, { childList: true, subtree: true });
  }
}

function render(node, { api }) {
  const base = `${api.tasklistApi}/plugin/raingan-people/${api.engine}`;
  const openMine = () => openMyProfile(api, base);
  const mine = el('a', { href: '', class: 'raingan-nav-my-profile', onclick: event => { event.preventDefault(); openMine(); } },
    el('span', { class: 'glyphicon glyphicon-user' }), ' ข้อมูลของฉัน');
  node.append(mine);
  addToUserMenu(openMine);
  request(api, 'GET', `${base}/me`).then(({ status, json }) => {
    if (status === 200 && json.permissions && json.permissions.manage) {
      node.append(' ', el('a', { href: '', class: 'raingan-nav-people', onclick: event => { event.preventDefault(); openPeople(api, base, json); } },
        el('span', { class: 'glyphicon glyphicon-list-alt' }), ' บุคลากร'));
    }
  });
}

export default {
  id: 'raingan-people',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render
};
