/*
 * Raingan: "มอบหมายโครงการ" in Tasklist's top bar. The province's strategy unit and its manager (the administrator
 * for any province) maintain the province's assignments for a fiscal year: project, district, target, allocation,
 * plan, activity period, deadline rule, area data, evaluation; export and import as CSV for Excel; every change in
 * the log below. The server checks everything again and answers each refusal in Thai at its row and field; what
 * was typed stays in the form.
 */
import { el, call as send, number, fiscalYear, quarterDates, alertBox, table, problemTable } from '../../../../../../app/raingan/shared.js';

const FIELDS = [
  ['target', 'เป้าหมาย', 'เช่น 25'],
  ['allocationBaht', 'งบประมาณที่ได้รับจัดสรร (บาท)', 'เช่น 3,000'],
  ['planBaht', 'แผนการใช้จ่าย (บาท)', 'ว่าง = เท่างบที่จัดสรร'],
  ['activityStart', 'วันเริ่มกิจกรรม', 'วว/ดด/ปปปป (พ.ศ.)'],
  ['activityEnd', 'วันสิ้นสุดกิจกรรม', 'วว/ดด/ปปปป (พ.ศ.)'],
  ['deadlineRule', 'กำหนดส่ง', 'ว่าง = ตามโครงการ, ภายใน 15/08/2567, ภายในเดือนมิถุนายน 2567, ภายใน 7 วันหลังเสร็จสิ้นกิจกรรม']
];

function openPage(api, provinces) {
  const base = `${api.tasklistApi}/plugin/raingan-assignments/${api.engine}`;
  document.querySelectorAll('.raingan-assignments-page').forEach(p => p.remove());
  const provinceSelect = el('select', { class: 'form-control', name: 'province' },
    ...provinces.map(p => el('option', { value: p.code }, `${p.name} (${p.code})`)));
  const yearInput = el('input', { type: 'text', class: 'form-control', name: 'fiscalYear', value: String(fiscalYear()), style: 'width: 90px' });
  const messages = el('div', { class: 'raingan-messages', role: 'status' });
  const body = el('div', { class: 'raingan-assignments-body' });
  const page = el('div', { class: 'raingan-assignments-page', role: 'dialog', 'aria-label': 'มอบหมายโครงการ' },
    el('div', { class: 'raingan-assignments-inner' },
      el('button', { type: 'button', class: 'btn btn-default pull-right raingan-close', onclick: () => page.remove() }, 'ปิด'),
      el('h3', {}, 'มอบหมายโครงการให้อำเภอ'),
      el('div', { class: 'form-inline raingan-controls' },
        el('label', {}, 'จังหวัด '), provinceSelect, ' ',
        el('label', {}, ' ปีงบประมาณ (พ.ศ.) '), yearInput, ' ',
        el('button', { type: 'button', class: 'btn btn-primary raingan-show', onclick: () => load() }, 'แสดง')),
      messages, body));
  document.body.append(page);

  function say(text, kind) {
    messages.replaceChildren(alertBox(kind, text));
  }

  /** A save's message, and its warnings (saved, not refused) each at its row and field. */
  function saySaved(prefix, json) {
    say(`${prefix}${json.message}`, 'success');
    const warnings = json.warnings || [];
    if (!warnings.length) return;
    messages.append(el('div', { class: 'alert alert-warning raingan-save-warnings' },
      el('strong', {}, 'คำเตือน (บันทึกแล้ว ไม่ได้ปฏิเสธ): '),
      table(['แถว', 'ช่อง', 'คำเตือน'], warnings.map(w =>
        el('tr', { class: 'raingan-save-warning', 'data-field': w.field },
          el('td', {}, w.row === null || w.row === undefined ? '-' : String(w.row)),
          el('td', {}, w.label), el('td', {}, w.message))), 'raingan-warnings')));
  }

  function query() {
    return `fiscalYear=${encodeURIComponent(yearInput.value)}&province=${encodeURIComponent(provinceSelect.value)}`;
  }

  /** The server's answer; what was typed stays in the form when it cannot be reached. */
  async function call(method, url, body, contentType) {
    const res = await send(api, method, url, body, { contentType });
    if (res.status === 0) res.json.message += ' ข้อมูลที่กรอกยังอยู่';
    return res;
  }

  /** The form for one assignment: new (project and office to choose) or an existing one's values. */
  function form(data, row, onSave, onCancel) {
    const inputs = {};
    const errors = {};
    const errorAt = name => (errors[name] = el('div', { class: 'text-danger raingan-error', 'data-field': name }));
    const group = (name, label, control) => el('div', { class: 'form-group raingan-field', 'data-field': name },
      el('label', { for: control.id }, label), control, errorAt(name));
    const id = name => `raingan-${row ? row.id : 'new'}-${name}`;
    const parts = [];
    if (!row) {
      inputs.budgetCode = el('select', { class: 'form-control', id: id('budgetCode'), name: 'budgetCode' },
        el('option', { value: '' }, '-- เลือกโครงการ --'),
        ...data.projects.map(p => el('option', { value: p.budgetCode }, `${p.budgetCode} ${p.name}`)));
      inputs.officeCode = el('select', { class: 'form-control', id: id('officeCode'), name: 'officeCode' },
        el('option', { value: '' }, '-- เลือกหน่วยงาน --'),
        ...data.offices.map(o => el('option', { value: o.code }, `${o.name} (${o.code})`)));
      parts.push(group('budgetCode', 'โครงการ/กิจกรรม', inputs.budgetCode), group('officeCode', 'หน่วยงาน', inputs.officeCode));
    }
    FIELDS.forEach(([name, label, hint]) => {
      inputs[name] = el('input', { type: 'text', class: 'form-control', id: id(name), name, placeholder: hint,
        value: row ? (row[name] || '') : '' });
      parts.push(group(name, label, inputs[name]));
    });
    const quarter = el('select', { class: 'form-control', id: id('quarter'), onchange: () => {
      const [from, to] = quarter.value.split('-').map(Number);
      if (!from) return;
      const [start, end] = quarterDates(Number(yearInput.value), from, to);
      inputs.activityStart.value = start;
      inputs.activityEnd.value = end;
    } }, el('option', { value: '' }, '-- เลือกไตรมาส --'),
      ...[['1-1', 'ไตรมาส 1'], ['2-2', 'ไตรมาส 2'], ['3-3', 'ไตรมาส 3'], ['4-4', 'ไตรมาส 4'], ['1-2', 'ไตรมาส 1-2'],
        ['3-4', 'ไตรมาส 3-4'], ['1-4', 'ทั้งปีงบประมาณ']].map(([v, t]) => el('option', { value: v }, t)));
    parts.splice(row ? 3 : 5, 0, group('quarter', 'ช่วงดำเนินกิจกรรม (เลือกไตรมาส หรือพิมพ์วันที่)', quarter));
    inputs.needsAreaData = el('select', { class: 'form-control', id: id('needsAreaData'), name: 'needsAreaData' },
      el('option', { value: 'Y' }, 'ต้องกรอก'), el('option', { value: 'N' }, 'ไม่ต้องกรอก'));
    inputs.needsAreaData.value = row && row.needsAreaData === false ? 'N' : 'Y';
    inputs.evaluationRequired = el('select', { class: 'form-control', id: id('evaluationRequired'), name: 'evaluationRequired' },
      el('option', { value: '' }, 'ตามโครงการ'), el('option', { value: 'Y' }, 'ต้องประเมินผล'), el('option', { value: 'N' }, 'ไม่ต้องประเมินผล'));
    inputs.evaluationRequired.value = !row || row.evaluationRequired === null ? '' : (row.evaluationRequired ? 'Y' : 'N');
    parts.push(group('needsAreaData', 'ข้อมูลเชิงพื้นที่ (ส่วนที่ 2)', inputs.needsAreaData),
      group('evaluationRequired', 'แบบประเมินผล', inputs.evaluationRequired));
    const general = el('div', { class: 'raingan-form-message' });
    const save = el('button', { type: 'button', class: 'btn btn-primary raingan-save', onclick: async () => {
      Object.values(errors).forEach(e => e.replaceChildren());
      general.replaceChildren();
      const values = {};
      Object.entries(inputs).forEach(([name, input]) => { values[name] = input.value; });
      save.disabled = true;
      const { status, json } = await onSave(values);
      save.disabled = false;
      if (status === 200) return;
      (json.errors || []).forEach(e => {
        const at = errors[e.field] || (e.field === 'activityPeriod' ? errors.activityStart : null);
        if (at) at.append(el('div', {}, `${e.label}: ${e.message}`));
        else general.append(el('div', { class: 'alert alert-danger' }, e.text || e.message));
      });
      general.prepend(el('div', { class: 'alert alert-danger' }, json.message || 'บันทึกไม่ได้'));
    } }, row ? 'บันทึกการแก้ไข' : 'เพิ่มการมอบหมาย');
    return el('div', { class: 'raingan-assignment-form', 'data-id': row ? String(row.id) : 'new' },
      general, el('div', { class: 'raingan-grid' }, ...parts),
      el('div', {}, save, ' ', onCancel ? el('button', { type: 'button', class: 'btn btn-default', onclick: onCancel }, 'ยกเลิกการแก้ไข') : ''));
  }


  function rowOf(data, a, columns) {
    const tr = el('tr', { class: `raingan-assignment${a.withdrawn ? ' raingan-withdrawn text-muted' : ''}`, 'data-id': String(a.id),
      'data-budget': a.budgetCode, 'data-office': a.officeCode },
      el('td', {}, el('strong', {}, a.budgetCode), el('br'), a.projectName),
      el('td', {}, a.officeName),
      el('td', { class: 'raingan-target' }, `${number(a.target)} ${a.unitTh || ''}`),
      el('td', { class: 'raingan-allocation' }, number(a.allocationBaht)),
      el('td', {}, a.planBaht === '' ? 'เท่างบจัดสรร' : number(a.planBaht)),
      el('td', {}, a.activityPeriod || 'ไม่ระบุ'),
      el('td', { class: 'raingan-rule' }, a.deadlineRule || (a.projectRule ? `ตามโครงการ (${a.projectRule})` : 'ตามโครงการ (กำหนดส่งของรอบ)'),
        ...(a.warnings || []).map(w => el('div', { class: 'text-warning raingan-warning', 'data-field': 'deadlineRule' }, `⚠ ${w}`))),
      el('td', {}, a.needsAreaData ? 'ต้องกรอก' : 'ไม่ต้องกรอก'),
      el('td', {}, a.evaluationRequired === null ? `ตามโครงการ (${a.projectEvaluation ? 'ต้อง' : 'ไม่ต้อง'})` : (a.evaluationRequired ? 'ต้องประเมินผล' : 'ไม่ต้องประเมินผล')));
    const actions = el('td', { class: 'raingan-actions' });
    tr.append(actions);
    const detail = el('tr', { class: 'raingan-detail' }, el('td', { colspan: String(columns) }));
    detail.style.display = 'none';
    const open = content => { detail.firstChild.replaceChildren(content); detail.style.display = ''; };
    const close = () => { detail.style.display = 'none'; detail.firstChild.replaceChildren(); };
    if (a.withdrawn) {
      actions.append(el('div', {}, `ยกเลิกแล้ว ${a.withdrawnAt || ''} โดย ${a.withdrawnBy || ''}: ${a.withdrawnReason || ''}`));
    }
    actions.append(el('button', { type: 'button', class: 'btn btn-default btn-sm raingan-edit', onclick: () =>
      open(form(data, a, async values => {
        const res = await call('PUT', `${base}/assignments/${a.id}`, values);
        if (res.status === 200) { await load(); saySaved('', res.json); }
        return res;
      }, close)) }, a.withdrawn ? 'มอบหมายอีกครั้ง' : 'แก้ไข'));
    if (!a.withdrawn) {
      actions.append(' ', el('button', { type: 'button', class: 'btn btn-danger btn-sm raingan-withdraw', onclick: () => {
        const reason = el('input', { type: 'text', class: 'form-control', name: 'reason', placeholder: 'เหตุผลที่ยกเลิกการมอบหมาย (จำเป็น)' });
        const error = el('div', { class: 'text-danger raingan-error', 'data-field': 'reason' });
        open(el('div', { class: 'form-inline raingan-withdraw-form' }, el('label', {}, 'เหตุผล '), reason, ' ',
          el('button', { type: 'button', class: 'btn btn-danger', onclick: async () => {
            if (!window.confirm(`ยกเลิกการมอบหมายโครงการ ${a.budgetCode} ของ ${a.officeName} ใช่หรือไม่ รายงานที่ยังไม่ได้ส่งจะถูกปิด`)) return;
            const res = await call('POST', `${base}/assignments/${a.id}/withdraw`, { reason: reason.value });
            if (res.status === 200) { await load(); say(res.json.message, 'success'); }
            else error.replaceChildren(((res.json.errors || [])[0] || {}).message || res.json.message || 'ยกเลิกไม่ได้');
          } }, 'ยืนยันยกเลิกการมอบหมาย'), ' ',
          el('button', { type: 'button', class: 'btn btn-default', onclick: close }, 'ไม่ยกเลิก'), error));
      } }, 'ยกเลิกการมอบหมาย'));
    }
    return [tr, detail];
  }

  function importBox() {
    const chosen = el('span', { class: 'raingan-file-name' }, 'ยังไม่ได้เลือกไฟล์');
    const file = el('input', { type: 'file', accept: '.csv,text/csv', name: 'csv', class: 'raingan-file-input',
      onchange: () => { chosen.textContent = file.files.length ? file.files[0].name : 'ยังไม่ได้เลือกไฟล์'; } });
    const result = el('div', { class: 'raingan-import-result' });
    const send = el('button', { type: 'button', class: 'btn btn-default raingan-import', onclick: async () => {
      result.replaceChildren();
      if (!file.files.length) { result.append(el('div', { class: 'alert alert-warning' }, 'กรุณาเลือกไฟล์ CSV')); return; }
      const content = await file.files[0].arrayBuffer();
      const res = await call('POST', `${base}/import?${query()}`, content, 'text/csv');
      if (res.status === 200) { await load(); saySaved(`นำเข้าไฟล์ "${file.files[0].name}" แล้ว: `, res.json); return; }
      result.append(el('div', { class: 'alert alert-danger' }, res.json.message || 'นำเข้าไม่ได้'));
      if ((res.json.errors || []).length) {
        result.append(problemTable(['แถว', 'ช่อง', 'เหตุผล'], res.json.errors.map(e => [e.row, e.label, e.message])));
      }
    } }, 'นำเข้า');
    return el('div', { class: 'raingan-csv' },
      el('a', { class: 'btn btn-default raingan-export', href: `${base}/export?${query()}` }, 'ส่งออก CSV (Excel)'), ' ',
      el('label', {}, ' นำเข้า CSV (หัวตารางเดียวกับไฟล์ที่ส่งออก; ทั้งไฟล์ถูกต้องจึงบันทึก) '),
      el('label', { class: 'btn btn-default raingan-choose' }, 'เลือกไฟล์ CSV', file), ' ', chosen, ' ', send,
      el('p', { class: 'help-block' }, 'ช่วงดำเนินกิจกรรม เช่น "ไตรมาส ๓-๔" หรือ "01/04/2567 - 30/06/2567"; กำหนดส่ง เช่น "ภายใน ๑๕ สิงหาคม ๒๕๖๗"; ข้อมูลเชิงพื้นที่/แบบประเมินผล: ใช่ หรือ ไม่ใช่ (ว่าง = ตามโครงการ)'),
      result);
  }

  async function load() {
    const { status, json } = await call('GET', `${base}/assignments?${query()}`);
    body.replaceChildren();
    if (status !== 200) { say(json.message || 'โหลดข้อมูลไม่ได้', 'danger'); return; }
    messages.replaceChildren();
    const headers = ['รหัสงบประมาณ / โครงการ', 'หน่วยงาน', 'เป้าหมาย', 'งบจัดสรร (บาท)', 'แผน (บาท)', 'ช่วงดำเนินกิจกรรม', 'กำหนดส่ง', 'ส่วนที่ 2', 'ประเมินผล', ''];
    const active = json.assignments.filter(a => !a.withdrawn).length;
    body.append(
      el('h4', {}, `${json.provinceName} ปีงบประมาณ ${json.fiscalYear}: มอบหมาย ${active} รายการ`),
      importBox(),
      json.assignments.length
        ? table(headers, json.assignments.flatMap(a => rowOf(json, a, headers.length)), 'raingan-assignments-table')
        : el('p', {}, json.projects.length ? 'ยังไม่มีการมอบหมายในปีนี้' : 'ยังไม่มีบัญชีโครงการของจังหวัดในปีนี้'),
      el('h4', {}, 'เพิ่มการมอบหมาย'),
      json.projects.length ? form(json, null, async values => {
        const res = await call('POST', `${base}/assignments?${query()}`, values);
        if (res.status === 200) { await load(); saySaved('', res.json); }
        return res;
      }) : el('p', {}, '-'),
      el('h4', {}, 'ประวัติการเปลี่ยนแปลง'),
      json.changes.length ? table(['เมื่อ', 'โดย', 'โครงการ / หน่วยงาน', 'การเปลี่ยนแปลง', 'ช่อง', 'เดิม', 'ใหม่', 'ที่มา'],
        json.changes.map(c => el('tr', { class: 'raingan-change' }, el('td', {}, c.at), el('td', {}, c.by),
          el('td', {}, `${c.budgetCode} / ${c.officeCode}`), el('td', {}, c.action), el('td', {}, c.field),
          el('td', {}, c.oldValue), el('td', {}, c.newValue), el('td', {}, c.source))), 'raingan-changes')
        : el('p', {}, 'ยังไม่มีการเปลี่ยนแปลง'));
  }

  load();
}

async function render(node, { api }) {
  const base = `${api.tasklistApi}/plugin/raingan-assignments/${api.engine}`;
  const { status, json } = await send(api, 'GET', `${base}/provinces`);
  if (status !== 200 || !json.provinces || !json.provinces.length) return;
  node.append(el('a', { href: '', class: 'raingan-assignments-link', role: 'button', onclick: event => {
    event.preventDefault();
    openPage(api, json.provinces);
  } }, el('span', { class: 'glyphicon glyphicon-list-alt' }), ' มอบหมายโครงการ'));
}

export default {
  id: 'raingan-assignments',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render
};
