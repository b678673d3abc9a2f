/*
 * Raingan: แผนตัวชี้วัด (the KPI target program manual's "โปรแกรมบันทึกตัวชี้วัดของเป้าหมายการให้บริการหน่วยงาน"). A navigation bar entry in
 * Tasklist opens the search: fiscal year, level (ชั้นค่าขอ), office and service target; the table lists each
 * indicator with code, name, unit, type, total and quarters 1-4 (read-only: the plan is typed in its task), its
 * status and what the reader may do: แก้ไข opens the plan's task while it is open, ตรวจ the province's check, ดู
 * shows a signed-off plan. Excel export of the search. Below, the department's indicator catalogue and its CSV
 * import (department and administrator). The server decides which offices the reader may see.
 */
const PLUGIN = 'raingan-kpi-plans';

import { el, call, fiscalYear, table, problemTable, alertBox } from '../../../../../../app/raingan/shared.js';

function base(api) { return `${api.tasklistApi}/plugin/${PLUGIN}/${api.engine}`; }


const STATUS_CLASS = { draft: 'label-default', signed_off: 'label-info', accepted: 'label-success', reopened: 'label-warning' };

function openPage(api) {
  if (document.querySelector('.raingan-kpi-plans-page')) return;
  const url = base(api);
  const state = { fiscalYear: String(fiscalYear()), level: '', office: '', serviceTarget: '', page: 0, size: 15 };
  const yearSelect = el('select', { class: 'form-control', name: 'fiscalYear', 'aria-label': 'ปีงบประมาณ' });
  const levelSelect = el('select', { class: 'form-control', name: 'level', 'aria-label': 'ชั้น' });
  const officeSelect = el('select', { class: 'form-control', name: 'office', 'aria-label': 'หน่วยงาน' });
  const targetSelect = el('select', { class: 'form-control', name: 'serviceTarget', 'aria-label': 'เป้าหมายการให้บริการหน่วยงาน' });
  const messages = el('div', { class: 'raingan-messages', role: 'status' });
  const results = el('div', { class: 'raingan-plan-results' });
  const catalogueBox = el('div', { class: 'raingan-catalogue' });
  const exportLink = el('a', { class: 'btn btn-default raingan-export', href: '#' }, 'ส่งออก Excel');
  let filled = false;

  const page = el('div', { class: 'raingan-kpi-plans-page', role: 'dialog', 'aria-label': 'แผนตัวชี้วัด' },
    el('div', { class: 'raingan-page-header' },
      el('h2', {}, 'บันทึกตัวชี้วัดของเป้าหมายการให้บริการหน่วยงาน'),
      el('button', { type: 'button', class: 'btn btn-default raingan-close', onclick: () => page.remove() }, 'ปิด กลับไปที่งาน')),
    el('h4', {}, 'ระบุเงื่อนไข'),
    el('form', { class: 'form-inline raingan-filters', onsubmit: e => { e.preventDefault(); search(); } },
      el('label', {}, 'ปีงบประมาณ ', yearSelect), ' ',
      el('label', {}, 'ชั้น ', levelSelect), ' ',
      el('label', {}, 'หน่วยงาน ', officeSelect), ' ',
      el('label', {}, 'เป้าหมายการให้บริการหน่วยงาน ', targetSelect), ' ',
      el('button', { type: 'submit', class: 'btn btn-primary raingan-search' }, el('span', { class: 'glyphicon glyphicon-search' }), ' ค้นหา'), ' ',
      el('button', { type: 'button', class: 'btn btn-default raingan-reset', onclick: () => {
        Object.assign(state, { fiscalYear: String(fiscalYear()), level: '', office: '', serviceTarget: '', page: 0 });
        load();
      } }, 'ยกเลิก'), ' ', exportLink),
    messages, results, catalogueBox);
  document.body.append(page);

  function query(withPage) {
    const q = new URLSearchParams();
    ['fiscalYear', 'level', 'office', 'serviceTarget'].forEach(k => { if (state[k]) q.set(k, state[k]); });
    if (withPage) { q.set('page', state.page); q.set('size', state.size); }
    return q.toString();
  }

  function search() {
    state.fiscalYear = yearSelect.value;
    state.level = levelSelect.value;
    state.office = officeSelect.value;
    state.serviceTarget = targetSelect.value;
    state.page = 0;
    load();
  }

  async function load() {
    messages.replaceChildren(el('p', { class: 'text-muted' }, 'กำลังค้นหา...'));
    const { status, json } = await call(api, 'GET', `${url}/plans?${query(true)}`);
    messages.replaceChildren();
    if (status !== 200) {
      messages.append(alertBox('danger', json.message || 'ค้นหาไม่ได้'));
      return;
    }
    fillFilters(json);
    exportLink.setAttribute('href', `${url}/plans/export?${query(false)}`);
    renderRows(json);
    if (!filled) { filled = true; loadCatalogue(json.canEditCatalogue); }
  }

  function options(select, all, list, value) {
    select.replaceChildren(el('option', { value: '' }, all),
      ...list.map(([v, text]) => el('option', { value: v, selected: String(v) === String(value) }, text)));
    select.value = value || '';
  }

  function fillFilters(json) {
    const years = [...new Set([fiscalYear(), ...json.years])].sort((a, b) => b - a);
    options(yearSelect, 'ทุกปี', years.map(y => [y, String(y)]), state.fiscalYear);
    options(levelSelect, 'ทุกชั้น', json.levels.map(l => [l, l]), state.level);
    options(officeSelect, json.offices.length > 1 ? 'ทุกหน่วยงาน' : 'หน่วยงานของท่าน',
      json.offices.map(o => [o.code, `${o.code} ${o.name}`]), state.office);
    options(targetSelect, 'ทุกเป้าหมาย', json.serviceTargets.map(t => [t.code, `${t.code} ${t.name}`]), state.serviceTarget);
  }

  function renderRows(json) {
    results.replaceChildren();
    if (!json.rows.length) {
      results.append(el('p', { class: 'raingan-empty' }, 'ไม่พบแผนตัวชี้วัดตามเงื่อนไข (เริ่มจัดทำแผนได้ที่ "เริ่มกระบวนงาน" > "แผนค่าเป้าหมายตัวชี้วัด")'));
      return;
    }
    const head = el('thead', {},
      el('tr', {}, el('th', { rowspan: 2 }, ''), el('th', { rowspan: 2 }, 'รหัส'), el('th', { rowspan: 2 }, 'ชื่อตัวชี้วัด'),
        el('th', { rowspan: 2 }, 'หน่วยนับ'), el('th', { rowspan: 2 }, 'ประเภทตัวชี้วัด'),
        el('th', { colspan: 5, class: 'text-center' }, 'ค่าเป้าหมาย'), el('th', { rowspan: 2 }, 'หน่วยงาน'),
        el('th', { rowspan: 2 }, 'ปีงบประมาณ'), el('th', { rowspan: 2 }, 'สถานะ')),
      el('tr', {}, ['รวม', 'ไตรมาส1', 'ไตรมาส2', 'ไตรมาส3', 'ไตรมาส4'].map(h => el('th', { class: 'text-right' }, h))));
    const body = el('tbody', {});
    json.rows.forEach(r => body.append(...rowOf(r)));
    const from = json.page * json.size + 1;
    const to = json.page * json.size + json.rows.length;
    const pages = Math.max(1, Math.ceil(json.count / json.size));
    results.append(
      el('table', { class: 'table table-bordered table-condensed raingan-plan-table' }, head, body),
      el('div', { class: 'raingan-pager form-inline' },
        el('button', { type: 'button', class: 'btn btn-default btn-sm raingan-prev', disabled: json.page === 0 ? 'disabled' : null,
          onclick: () => { state.page -= 1; load(); } }, '‹ ก่อนหน้า'), ' ',
        el('span', { class: 'raingan-page-info' }, `หน้า: ${json.page + 1} / ${pages} จำนวนแถว: ${json.size} แสดง ${from}-${to} จาก ${json.count} รายการ`), ' ',
        el('button', { type: 'button', class: 'btn btn-default btn-sm raingan-next', disabled: to >= json.count ? 'disabled' : null,
          onclick: () => { state.page += 1; load(); } }, 'ถัดไป ›')));
  }

  function rowOf(r) {
    const detail = el('tr', { class: 'raingan-plan-detail', style: 'display: none' }, el('td', { colspan: 13 }));
    let action = el('span', { class: 'text-muted raingan-no-action' }, 'อยู่ระหว่างจัดทำ');
    if (r.action === 'edit') {
      action = el('a', { href: `#/?task=${encodeURIComponent(r.taskId)}`, class: 'btn btn-primary btn-xs raingan-edit',
        onclick: () => page.remove() }, 'แก้ไข');
    } else if (r.action === 'review') {
      action = el('a', { href: `#/?task=${encodeURIComponent(r.taskId)}`, class: 'btn btn-primary btn-xs raingan-review',
        onclick: () => page.remove() }, 'ตรวจ');
    } else if (r.action === 'view') {
      action = el('button', { type: 'button', class: 'btn btn-default btn-xs raingan-view', onclick: () => view(r, detail) }, 'ดู');
    }
    const warning = r.warnings.length
      ? el('div', { class: 'raingan-warning text-warning', title: r.warnings.join('\n') }, '⚠ ', r.warnings.join(' / '))
      : null;
    const tr = el('tr', { class: 'raingan-plan-row', 'data-key': r.businessKey, 'data-status': r.status },
      el('td', {}, action), el('td', {}, r.kpiCode), el('td', {}, r.kpiName, warning), el('td', {}, r.unitTh),
      el('td', {}, r.kpiType), el('td', { class: 'text-right raingan-total' }, r.total),
      r.quarters.map((q, i) => el('td', { class: `text-right raingan-q${i + 1}` }, q)),
      el('td', {}, `${r.officeCode} ${r.officeName}`), el('td', {}, String(r.fiscalYear)),
      el('td', {}, el('span', { class: `label ${STATUS_CLASS[r.status] || 'label-default'} raingan-status` }, r.statusTh)));
    return [tr, detail];
  }

  async function view(r, detail) {
    if (detail.style.display !== 'none') { detail.style.display = 'none'; return; }
    const cell = detail.firstChild;
    cell.replaceChildren(el('p', { class: 'text-muted' }, 'กำลังโหลด...'));
    detail.style.display = '';
    const { status, json } = await call(api, 'GET', `${url}/plan?key=${encodeURIComponent(r.businessKey)}`);
    if (status !== 200) { cell.replaceChildren(el('p', { class: 'text-danger' }, (json && json.message) || 'โหลดแผนไม่ได้')); return; }
    cell.replaceChildren(
      el('p', {}, el('strong', {}, `${json.plan.kpiCode} ${json.plan.kpiName}`), ` หน่วยนับ: ${json.plan.unitTh} ประเภทตัวชี้วัด: ${json.plan.kpiType} ปีงบประมาณ ${json.plan.fiscalYear} (อ่านอย่างเดียว: ${json.plan.statusTh})`),
      table(['รายการ', 'ค่า'], json.fields.map(f => el('tr', { 'data-field': f.field }, el('th', {}, f.label), el('td', {}, f.value || '-'))), 'raingan-plan-values'));
  }

  async function loadCatalogue(canEdit) {
    const { status, json } = await call(api, 'GET', `${url}/catalogue`);
    if (status !== 200) return;
    const errors = el('div', { class: 'raingan-import-result' });
    const parts = [el('h3', {}, 'บัญชีตัวชี้วัด (กำหนดโดยกรม หน่วยงานแก้ไขไม่ได้)'),
      el('a', { class: 'btn btn-default btn-sm raingan-catalogue-export', href: `${url}/catalogue/export` }, 'ส่งออก CSV (Excel)')];
    if (canEdit) {
      const chosen = el('span', { class: 'raingan-file-name' }, 'ยังไม่ได้เลือกไฟล์');
      const file = el('input', { type: 'file', accept: '.csv,text/csv', name: 'csv', class: 'raingan-file-input',
        onchange: () => { chosen.textContent = file.files.length ? file.files[0].name : 'ยังไม่ได้เลือกไฟล์'; } });
      parts.push(' ', el('label', { class: 'btn btn-default btn-sm raingan-choose' }, 'เลือกไฟล์ CSV', file), ' ', chosen, ' ',
        el('button', { type: 'button', class: 'btn btn-primary btn-sm raingan-import', onclick: async () => {
          errors.replaceChildren();
          if (!file.files.length) { errors.append(alertBox('warning', 'กรุณาเลือกไฟล์ CSV')); return; }
          const res = await call(api, 'POST', `${url}/catalogue/import`, await file.files[0].arrayBuffer(), { contentType: 'text/csv' });
          if (res.status === 200) { errors.append(alertBox('success', res.json.message)); loadCatalogue(canEdit); load(); return; }
          errors.append(alertBox('danger', res.json.message || 'นำเข้าไม่ได้'));
          if (res.json.errors && res.json.errors.length) {
            errors.append(problemTable(['แถว', 'คอลัมน์', 'เหตุผล'], res.json.errors.map(e => [e.line, e.column, e.message])));
          }
        } }, 'นำเข้า'),
        el('p', { class: 'help-block' }, 'หัวตาราง: รหัส, ชื่อตัวชี้วัด, หน่วยนับ, ประเภทตัวชี้วัด (เชิงปริมาณ หรือ เชิงคุณภาพ), ชั้น, รหัสเป้าหมายการให้บริการ, เป้าหมายการให้บริการหน่วยงาน, หน่วยงานที่จัดทำแผน (รหัสอำเภอ รหัสจังหวัด หรือ * คั่นด้วยช่องว่าง) ทั้งไฟล์ถูกต้องจึงบันทึก'),
        errors);
    }
    parts.push(table(['รหัส', 'ชื่อตัวชี้วัด', 'หน่วยนับ', 'ประเภทตัวชี้วัด', 'ชั้น', 'เป้าหมายการให้บริการหน่วยงาน', 'หน่วยงานที่จัดทำแผน'],
      json.indicators.map(i => el('tr', { class: 'raingan-indicator', 'data-code': i.code }, el('td', {}, i.code), el('td', {}, i.nameTh),
        el('td', {}, i.unitTh), el('td', {}, i.type), el('td', {}, i.levelTh), el('td', {}, `${i.serviceTargetCode} ${i.serviceTargetTh}`),
        el('td', {}, i.offices.map(o => o === '*' ? 'ทุกหน่วยงาน' : o).join(' ')))), 'raingan-catalogue-table'));
    catalogueBox.replaceChildren(...parts);
  }

  load();
}

const navbar = {
  id: 'raingan-kpi-plans',
  pluginPoint: 'tasklist.navbar.action',
  priority: 190,
  render(node, { api }) {
    node.append(el('a', { href: '', class: 'raingan-kpi-plans-link', onclick: e => { e.preventDefault(); openPage(api); } },
      el('span', { class: 'glyphicon glyphicon-stats' }), ' ', el('span', {}, 'แผนตัวชี้วัด')));
    if (/[?&]kpiPlans=1/.test(window.location.hash)) openPage(api);
  }
};

export default [navbar];
