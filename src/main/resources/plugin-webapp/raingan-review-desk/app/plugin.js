/*
 * Raingan: "รายงานรอพิจารณา" in Tasklist's top bar, for a province's reviewers (กลุ่มงานยุทธศาสตร์ฯ). The province's
 * submitted reports in one list, at a glance (on time or late, spending against the allocation, warnings in amber);
 * tick several and approve them in one action. Each is approved on the server exactly as one by one; a report
 * that changed or was taken meanwhile is left out and named with its Thai reason. Everything a person typed is
 * shown as text, never as markup.
 */
import { el, call as send, number as baht, alertBox } from '../../../../../../app/raingan/shared.js';

function openDesk(api, provinces, me) {
  const base = `${api.tasklistApi}/plugin/raingan-review-desk/${api.engine}`;
  document.querySelectorAll('.raingan-review-desk-page').forEach(p => p.remove());
  const provinceSelect = el('select', { class: 'form-control', name: 'province', onchange: () => load() },
    ...provinces.map(p => el('option', { value: p.code }, `${p.name} (${p.code})`)));
  const messages = el('div', { class: 'raingan-messages', role: 'status', 'aria-live': 'polite' });
  const body = el('div', { class: 'raingan-review-desk-body' });
  const page = el('div', { class: 'raingan-review-desk-page', role: 'dialog', 'aria-label': 'รายงานรอพิจารณา' },
    el('div', { class: 'raingan-review-desk-inner' },
      el('button', { type: 'button', class: 'btn btn-default pull-right raingan-close', onclick: () => page.remove() }, 'ปิด'),
      el('h3', {}, 'รายงานรอพิจารณา'),
      el('div', { class: 'form-inline raingan-controls' }, el('label', {}, 'จังหวัด '), provinceSelect),
      messages, body));
  document.body.append(page);
  let loaded = [];

  const call = (method, url, payload) => send(api, method, url, payload);

  function say(kind, ...content) {
    messages.replaceChildren(alertBox(kind, ...content));
  }

  const selected = () => [...body.querySelectorAll('input.raingan-pick:checked')].map(box => loaded[Number(box.value)]);

  function refreshButton() {
    const n = selected().length;
    body.querySelectorAll('.raingan-approve-selected').forEach(b => {
      b.disabled = n === 0;
      b.textContent = n ? `อนุมัติ ${n} รายการที่เลือก` : 'อนุมัติรายการที่เลือก';
    });
  }

  async function approveSelected() {
    const picked = selected();
    if (!picked.length) { say('warning', 'กรุณาเลือกรายงานที่จะอนุมัติอย่างน้อย 1 รายการ'); return; }
    body.querySelectorAll('button').forEach(b => { b.disabled = true; });
    const res = await call('POST', `${base}/approve`,
      { reports: picked.map(r => ({ businessKey: r.businessKey, versionId: r.versionId })) });
    if (res.status !== 200) {
      say('danger', res.json.message || `อนุมัติไม่ได้ (${res.status})`);
      refreshButton();
      return;
    }
    const approved = res.json.approved || [];
    const refused = res.json.refused || [];
    await load(false);
    say(refused.length ? 'warning' : 'success',
      el('strong', { class: 'raingan-approve-result' }, res.json.message),
      approved.length ? el('ul', { class: 'raingan-approved' },
        ...approved.map(r => el('li', {}, `${r.officeName}: ${r.projectName} (ส่งครั้งที่ ${r.revision})`))) : '',
      refused.length ? el('div', {}, el('p', {}, 'ไม่ได้อนุมัติ:'), el('ul', { class: 'raingan-refused' },
        ...refused.map(r => el('li', { 'data-key': r.businessKey }, el('strong', {}, r.title || r.businessKey), ': ', r.reason)))) : '');
  }

  function row(r, i) {
    const over = r.allocationBaht !== null && r.allocationBaht !== undefined && Number(r.spentBaht) > Number(r.allocationBaht);
    return el('tr', { 'data-key': r.businessKey, class: r.assignee ? 'raingan-taken' : '' },
      el('td', {}, el('input', { type: 'checkbox', class: 'raingan-pick', value: String(i),
        'aria-label': `เลือก ${r.officeName} ${r.projectName}`, onchange: refreshButton })),
      el('td', {}, r.officeName),
      el('td', {}, el('div', {}, r.projectName), el('small', { class: 'text-muted' }, r.budgetCode),
        r.changes && r.changes.length ? el('details', { class: 'raingan-changes' },
          el('summary', {}, `แก้ไขจากฉบับก่อน ${r.changes.length} รายการ`),
          el('ul', {}, ...r.changes.map(line => el('li', {}, line)))) : ''),
      el('td', { class: 'text-center' }, String(r.revision)),
      el('td', {}, r.submittedAtTh || '-', el('br'),
        el('span', { class: r.onTime ? 'label label-success' : 'label label-warning' }, r.onTime ? 'ตรงเวลา' : 'ล่าช้า')),
      el('td', { class: 'text-right' + (over ? ' raingan-amber' : '') }, `${baht(r.spentBaht)} / ${baht(r.allocationBaht)}`),
      el('td', { class: r.spendingWarning ? 'raingan-amber' : '' }, r.spendingWarning ? `⚠ ${r.spendingWarning}` : '-'),
      el('td', {}, r.assigneeName ? `รับงานโดย ${r.assigneeName}` : '-'),
      el('td', {}, el('a', { href: `#/?task=${encodeURIComponent(r.taskId)}`, class: 'btn btn-default btn-xs raingan-open',
        onclick: event => openTask(event, r) }, 'เปิดตรวจ')));
  }

  /** Opens the review task, taken by the reviewer on the way (no separate รับงาน); someone else's stays theirs. */
  async function openTask(event, r) {
    event.preventDefault();
    if (!r.assignee) {
      await call('POST', `${api.engineApi}/task/${encodeURIComponent(r.taskId)}/claim`, { userId: me });
    }
    page.remove();
    window.location.hash = `#/?task=${encodeURIComponent(r.taskId)}`;
  }

  async function load(clear = true) {
    if (clear) messages.replaceChildren();
    body.replaceChildren(el('p', {}, 'กำลังโหลด...'));
    const res = await call('GET', `${base}/reports?province=${encodeURIComponent(provinceSelect.value)}`);
    if (res.status !== 200) { body.replaceChildren(); say('danger', res.json.message || `โหลดไม่ได้ (${res.status})`); return; }
    loaded = res.json.reports || [];
    if (!loaded.length) { body.replaceChildren(el('p', { class: 'raingan-none' }, 'ไม่มีรายงานรอพิจารณา')); return; }
    const all = el('input', { type: 'checkbox', class: 'raingan-pick-all', 'aria-label': 'เลือกทั้งหมด', onchange: () => {
      body.querySelectorAll('input.raingan-pick').forEach(b => { b.checked = all.checked; });
      refreshButton();
    } });
    const approve = () => el('button', { type: 'button', class: 'btn btn-success raingan-approve-selected', disabled: true,
      onclick: approveSelected }, 'อนุมัติรายการที่เลือก');
    body.replaceChildren(
      el('p', {}, `${res.json.province.name}: รอพิจารณา ${res.json.total ?? loaded.length} รายการ ` +
        '(เลือกรายงานที่ตรวจแล้วถูกต้อง แล้วกดอนุมัติ การส่งกลับแก้ไขให้เปิดตรวจทีละรายงานและระบุเหตุผล)'),
      res.json.total > loaded.length ? el('p', { class: 'text-warning raingan-batch-note' },
        `แสดง ${loaded.length} รายการแรก (อนุมัติได้ครั้งละไม่เกิน ${res.json.maxBatch} รายการ) ` +
        'เมื่ออนุมัติแล้ว รายการที่เหลือจะแสดงต่อ') : '',
      approve(),
      el('table', { class: 'table table-condensed table-hover raingan-review-table' },
        el('thead', {}, el('tr', {}, el('th', {}, el('label', {}, all, ' ทั้งหมด')), el('th', {}, 'หน่วยงาน'),
          el('th', {}, 'โครงการ/กิจกรรม'), el('th', {}, 'ส่งครั้งที่'), el('th', {}, 'ส่งเมื่อ'),
          el('th', {}, 'ใช้จ่าย / จัดสรร (บาท)'), el('th', {}, 'คำเตือน'), el('th', {}, 'ผู้พิจารณา'), el('th', {}, ''))),
        el('tbody', {}, ...loaded.map(row))),
      approve());
  }

  load();
}

async function render(node, { api }) {
  const base = `${api.tasklistApi}/plugin/raingan-review-desk/${api.engine}`;
  const { status, json } = await send(api, 'GET', `${base}/provinces`);
  if (status !== 200 || !json.provinces || !json.provinces.length) return;
  node.append(el('a', { href: '', class: 'raingan-review-desk-link', role: 'button', onclick: event => {
    event.preventDefault();
    openDesk(api, json.provinces, json.userId);
  } }, el('span', { class: 'glyphicon glyphicon-check' }), ' รายงานรอพิจารณา'));
}

export default {
  id: 'raingan-review-desk',
  pluginPoint: 'tasklist.navbar.action',
  priority: 190,
  render
};
