/*
 * Raingan: รายงานของฉัน. A navigation bar entry in Tasklist opens the office's reports of every round: status,
 * due date, each submitted version with its area rows, files and the province's decision, the open task, the
 * office's budget table (B1-B7), filters by fiscal year, round and status; each version prints as a PDF. A second
 * part, the "พิมพ์รายงาน" tab on a report's task, lists that report's versions as PDF (for the province's review).
 * The server decides which offices the user may read; every date comes from it already in the Buddhist Era.
 */
import { el, call, money, number, fileSize as size, alertBox } from '../../../../../../app/raingan/shared.js';

const PLUGIN = 'raingan-my-reports';

function base(api) { return `${api.tasklistApi}/plugin/${PLUGIN}/${api.engine}`; }

const getJson = url => call(null, 'GET', url);

const STATUS_CLASS = {
  draft: 'label-default', submitted: 'label-info', returned: 'label-danger', approved: 'label-success',
  not_submitted: 'label-warning', not_held: 'label-warning', withdrawn: 'label-default'
};

function statusLabel(status, text) {
  return el('span', { class: `label ${STATUS_CLASS[status] || 'label-default'} raingan-status`, 'data-status': status }, text);
}

function fields(rows) {
  return el('table', { class: 'table table-condensed raingan-fields' },
    el('tbody', {}, rows.map(([label, value]) => el('tr', {}, el('th', {}, label), el('td', {}, value)))));
}

/* ---- the page ---- */

function openPage(api) {
  const existing = document.querySelector('.raingan-my-reports-page');
  if (existing) return;
  const url = base(api);
  const state = { office: '', fiscalYear: '', round: '', status: '' };
  const officeSelect = el('select', { class: 'form-control', name: 'office', 'aria-label': 'หน่วยงาน' });
  const yearSelect = el('select', { class: 'form-control', name: 'fiscalYear', 'aria-label': 'ปีงบประมาณ' });
  const roundSelect = el('select', { class: 'form-control', name: 'round', 'aria-label': 'รอบการประเมิน' },
    el('option', { value: '' }, 'ทุกรอบ'), el('option', { value: '1' }, 'รอบที่ 1 (ต.ค.-มี.ค.)'),
    el('option', { value: '2' }, 'รอบที่ 2 (เม.ย.-ก.ย.)'));
  const statusSelect = el('select', { class: 'form-control', name: 'status', 'aria-label': 'สถานะ' });
  const messages = el('div', { class: 'raingan-messages' });
  const budget = el('div', { class: 'raingan-budget' });
  const list = el('div', { class: 'raingan-report-list' });
  const close = el('button', { type: 'button', class: 'btn btn-default raingan-close', onclick: () => page.remove() },
    'ปิด กลับไปที่งาน');

  const page = el('div', { class: 'raingan-my-reports-page', role: 'dialog', 'aria-label': 'รายงานของฉัน' },
    el('div', { class: 'raingan-page-header' }, el('h2', {}, 'รายงานของฉัน'), close),
    el('form', { class: 'form-inline raingan-filters', onsubmit: e => e.preventDefault() },
      el('label', {}, 'หน่วยงาน ', officeSelect), ' ',
      el('label', {}, 'ปีงบประมาณ ', yearSelect), ' ',
      el('label', {}, 'รอบ ', roundSelect), ' ',
      el('label', {}, 'สถานะ ', statusSelect)),
    messages, budget, list);
  document.body.append(page);

  [officeSelect, yearSelect, roundSelect, statusSelect].forEach(select => {
    select.onchange = () => {
      state[select.name] = select.value;
      if (select.name === 'office') { state.fiscalYear = ''; state.round = ''; state.status = ''; }
      load();
    };
  });

  async function load() {
    messages.replaceChildren(el('p', { class: 'text-muted' }, 'กำลังโหลด...'));
    const query = new URLSearchParams(Object.entries(state).filter(([, v]) => v)).toString();
    const { status, json } = await getJson(`${url}/reports?${query}`);
    messages.replaceChildren();
    if (status !== 200) {
      messages.append(alertBox('danger', json.message || 'โหลดรายงานไม่ได้'));
      return;
    }
    fillSelects(json);
    renderBudget(json.budget);
    renderReports(json.reports);
  }

  function fillSelects(json) {
    officeSelect.replaceChildren(...json.offices.map(o => el('option', { value: o.code, selected: o.code === json.office.code },
      `${o.name} (${o.code})`)));
    officeSelect.parentElement.style.display = json.offices.length > 1 ? '' : 'none';
    const years = [...new Set(json.rounds.map(r => r.substring(0, 4)))];
    yearSelect.replaceChildren(el('option', { value: '' }, 'ทุกปี'),
      ...years.map(y => el('option', { value: y, selected: y === state.fiscalYear }, y)));
    roundSelect.value = state.round;
    statusSelect.replaceChildren(el('option', { value: '' }, 'ทุกสถานะ'),
      ...Object.entries(json.statuses).map(([code, text]) => el('option', { value: code, selected: code === state.status }, text)));
  }

  function renderBudget(b) {
    budget.replaceChildren(
      el('h3', {}, `งบประมาณของ${b.officeName} ปีงบประมาณ ${b.fiscalYear}`),
      el('table', { class: 'table table-condensed table-bordered raingan-budget-table' },
        el('thead', {}, el('tr', {}, el('th', {}, 'แหล่งงบประมาณ'), el('th', {}, 'งบ. (ได้รับจัดสรร) (บาท)'),
          el('th', {}, 'แผนการ (บาท)'), el('th', {}, 'ผลการดำเนินงาน (เบิกจ่าย) (บาท)'), el('th', {}, 'ร้อยละ'))),
        el('tbody', {}, b.lines.map(l => el('tr', { class: l.source === 'B1+B2' ? 'raingan-total' : '' },
          el('td', {}, l.source === 'B1+B2' ? l.nameTh : `(${l.source}) ${l.nameTh}`), el('td', { class: 'text-right' }, money(l.allocation)),
          el('td', { class: 'text-right' }, money(l.plan)), el('td', { class: 'text-right' }, money(l.result)),
          el('td', { class: 'text-right' }, money(l.percent)))))));
  }

  function renderReports(reports) {
    list.replaceChildren(el('h3', {}, `รายงาน ${reports.length} รายการ`));
    if (!reports.length) {
      list.append(el('p', { class: 'raingan-empty' }, 'ไม่มีรายงานตามเงื่อนไขที่เลือก'));
      return;
    }
    const body = el('tbody');
    list.append(el('table', { class: 'table table-condensed raingan-reports' },
      el('thead', {}, el('tr', {}, el('th', {}, 'ปีงบประมาณ/รอบ'), el('th', {}, 'รหัสงบประมาณ'), el('th', {}, 'แผนงาน/โครงการ'),
        el('th', {}, 'กำหนดส่ง'), el('th', {}, 'สถานะ'), el('th', {}, 'ฉบับที่ส่ง'), el('th', {}, ''))),
      body));
    reports.forEach(report => {
      const detail = el('tr', { class: 'raingan-detail' }, el('td', { colspan: '7' }, versions(report)));
      detail.style.display = 'none';
      const toggle = el('button', { type: 'button', class: 'btn btn-link raingan-toggle', onclick: () => {
        detail.style.display = detail.style.display === 'none' ? '' : 'none';
        toggle.textContent = detail.style.display === 'none' ? 'ดูรายละเอียด' : 'ซ่อนรายละเอียด';
      } }, 'ดูรายละเอียด');
      const task = report.taskId
        ? el('a', { href: `#/?task=${report.taskId}`, class: 'btn btn-primary btn-xs raingan-open-task', onclick: () => page.remove() }, 'เปิดงาน')
        : '';
      body.append(el('tr', { class: `raingan-report raingan-report-${report.status}`, 'data-key': report.businessKey },
        el('td', {}, `${report.fiscalYear} รอบที่ ${report.roundNo}`),
        el('td', { class: 'raingan-code' }, report.budgetCode),
        el('td', {}, report.projectName),
        el('td', {}, report.dueDateTh || '-', report.late ? el('div', { class: 'text-danger' }, 'เลยกำหนด') : ''),
        el('td', {}, statusLabel(report.status, report.statusTh)),
        el('td', {}, String(report.versions.length)),
        el('td', {}, task, ' ', toggle)), detail);
    });
  }

  function versions(report) {
    if (!report.versions.length) {
      return el('p', {}, report.status === 'draft' ? 'ยังไม่ได้ส่งรายงานฉบับใด' : 'ไม่มีรายงานฉบับที่ส่ง');
    }
    return el('div', {}, report.versions.map(v => el('div', { class: 'raingan-version', 'data-version': v.id },
      el('h4', {}, `ฉบับที่ ${v.revision} `, statusLabel(v.status, v.statusTh), ' ',
        el('a', { href: `${url}/versions/${v.id}/report.pdf`, target: '_blank', class: 'btn btn-default btn-xs raingan-pdf' }, 'พิมพ์ (PDF)')),
      el('p', {}, `ส่งเมื่อ ${v.submittedAtTh} โดย ${v.submittedByName} (${v.onTime ? 'ภายในกำหนด' : 'เกินกำหนด'})`),
      v.decidedAtTh ? el('p', { class: v.status === 'returned' ? 'text-danger raingan-return' : '' },
        `${v.status === 'approved' ? 'อนุมัติ' : 'ส่งกลับแก้ไข'}เมื่อ ${v.decidedAtTh} โดย ${v.decidedByName}`,
        v.returnReason ? el('strong', {}, ` เหตุผล: ${v.returnReason}`) : '') : el('p', {}, 'รอจังหวัดพิจารณา'),
      fields([
        ['ผู้รับผิดชอบ', `${v.officerName} โทรศัพท์ ${v.officerPhone}`],
        ['วันที่ดำเนินการ', `${v.startDateTh} ถึง ${v.endDateTh}`],
        ['ผลผลิต', v.output || '-'],
        ['ประเด็นความสำเร็จ', v.successPoints],
        ['เป้าหมาย / ผลการดำเนินงาน', `${number(v.targetValue)} / ${number(v.resultValue)}`],
        ['ความก้าวหน้า', `ร้อยละ ${number(v.progressPercent)}`],
        ['ค่าใช้จ่าย', `${money(v.spentBaht)} บาท`]
      ].concat(v.respondents === null ? [] : [
        ['ผลการประเมิน', `ผู้ตอบ ${number(v.respondents)} คน ความรู้ความเข้าใจร้อยละ ${number(v.knowledgePercent)} `
          + `การนำไปใช้ประโยชน์ร้อยละ ${number(v.usePercent)} ความพึงพอใจร้อยละ ${number(v.satisfactionPercent)}`]])),
      v.revision > 1 ? changed(v) : '', areas(v), files(v))));
  }

  // what the district changed from the version before, and the province's comments on that one (addressed or
  // not): the same view the reviewer has, loaded when opened
  function changed(v) {
    const body = el('div', {}, 'กำลังโหลด...');
    const box = el('details', { class: 'raingan-version-changes' }, el('summary', {}, 'สิ่งที่แก้ไขจากฉบับก่อน'), body);
    let loaded = false;
    box.addEventListener('toggle', async () => {
      if (!box.open || loaded) return;
      loaded = true;
      const { status, json } = await getJson(`${api.tasklistApi}/plugin/raingan-review-desk/${api.engine}/versions/${v.id}/changes`);
      if (status !== 200) {
        body.replaceChildren((json && json.message) || 'โหลดไม่ได้');
        return;
      }
      const parts = [el('p', {}, `เทียบกับฉบับที่ ${json.fromRevision}`),
        json.lines.length ? el('ul', {}, json.lines.map(line => el('li', {}, line))) : el('p', {}, 'ไม่มีข้อมูลที่เปลี่ยนแปลง')];
      if (json.comments.length) {
        parts.push(el('h5', {}, 'ความเห็นรายช่องของจังหวัดในฉบับก่อน'), el('ul', {}, json.comments.map(c => el('li', {},
          el('strong', {}, c.addressed ? '✔ แก้ไขแล้ว ' : '✖ ยังไม่ได้แก้ไข '), `${c.label}: "${c.comment}"`,
          c.addressed ? ` (${c.changes.join('; ')})` : ''))));
      }
      body.replaceChildren(...parts);
    });
    return box;
  }

  function areas(v) {
    if (!v.areas.length) return el('p', {}, 'ไม่มีข้อมูลพื้นที่');
    return el('div', {}, el('h5', {}, 'ข้อมูลเชิงพื้นที่'),
      el('table', { class: 'table table-condensed table-bordered raingan-areas' },
        el('thead', {}, el('tr', {}, el('th', {}, 'ลำดับ'), el('th', {}, 'พื้นที่ดำเนินการ'), el('th', {}, 'กลุ่มเป้าหมาย'),
          el('th', {}, 'จำนวน (คน)'), el('th', {}, 'ผลการดำเนินงาน'), el('th', {}, 'ค่าใช้จ่าย (บาท)'))),
        el('tbody', {}, v.areas.map(a => el('tr', {}, el('td', {}, String(a.seq)), el('td', {}, a.place),
          el('td', {}, a.targetGroup), el('td', { class: 'text-right' }, number(a.people)), el('td', {}, a.outcome),
          el('td', { class: 'text-right' }, money(a.expenseBaht)))))));
  }

  function files(v) {
    if (!v.files.length) return el('p', {}, 'ไม่มีไฟล์แนบ');
    return el('div', { class: 'raingan-files' }, el('h5', {}, 'ไฟล์แนบ'), v.files.map(f => f.photo
      ? el('figure', { class: 'raingan-photo' },
        el('img', { src: `${url}/files/${f.id}?inline=true`, alt: f.name, onclick: () => showPhoto(f) }),
        el('figcaption', {}, `${f.name} (${size(f.sizeBytes)})`))
      : el('div', { class: 'raingan-file' }, el('a', { href: `${url}/files/${f.id}`, download: f.name }, f.name), ` (${size(f.sizeBytes)})`)));
  }

  function showPhoto(f) {
    const viewer = el('div', { class: 'raingan-photo-viewer', onclick: () => viewer.remove() },
      el('img', { src: `${url}/files/${f.id}?inline=true`, alt: f.name }),
      el('p', {}, `${f.name} (คลิกเพื่อปิด)`));
    page.append(viewer);
  }

  load();
}

/* ---- the navigation bar entry ---- */

const navbar = {
  id: 'raingan-my-reports',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render(node, { api }) {
    const link = el('a', { href: '', class: 'raingan-my-reports-link', onclick: e => { e.preventDefault(); openPage(api); } },
      el('span', { class: 'glyphicon glyphicon-folder-open' }), ' ', el('span', {}, 'รายงานของฉัน'));
    node.append(link);
    if (/[?&]myReports=1/.test(window.location.hash)) openPage(api);
  }
};

/* ---- the report's task: its versions as PDF ---- */

const taskTab = {
  id: 'raingan-report-print',
  pluginPoint: 'tasklist.task.detail',
  priority: 8,
  properties: { label: 'พิมพ์รายงาน' },
  async render(node, { api, taskId }) {
    const box = el('div', { class: 'raingan-report-print' }, el('p', { class: 'text-muted' }, 'กำลังโหลด...'));
    node.append(box);
    const { status, json } = await getJson(`${base(api)}/tasks/${taskId}/versions`);
    box.replaceChildren();
    if (status === 404) {
      box.append(el('p', {}, 'งานนี้ไม่มีรายงานฉบับที่ส่งให้พิมพ์'));
      return;
    }
    if (status !== 200) {
      box.append(el('p', { class: 'text-danger' }, (json && json.message) || 'โหลดรายการรายงานไม่ได้ กรุณาลองใหม่'));
      return;
    }
    if (!json.versions.length) {
      box.append(el('p', {}, 'ยังไม่มีรายงานฉบับที่ส่ง'));
      return;
    }
    box.append(el('ul', { class: 'list-unstyled' }, json.versions.map(v => el('li', {},
      el('a', { href: `${base(api)}/versions/${v.id}/report.pdf`, target: '_blank', class: 'raingan-pdf' },
        `ฉบับที่ ${v.revision} (${v.statusTh}) ส่งเมื่อ ${v.submittedAtTh} โดย ${v.submittedByName}: พิมพ์ (PDF)`)))));
  }
};

export default [navbar, taskTab];
