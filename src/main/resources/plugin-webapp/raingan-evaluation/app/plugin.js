/*
 * Raingan: the province's evaluation plan and its summary (docs/requirements/evaluation.md).
 * - "แผนประเมินผล" in Tasklist's top bar: the plan of a province and fiscal year (activities, the evaluation form
 *   and the data form, the recording window, the key topics); the province's strategy unit edits it here or imports
 *   it as CSV (nothing is saved unless every row is right: each problem is listed with its row and column), anyone
 *   who reads it exports it as CSV.
 * - "สรุปผลการประเมิน (EA3/EA4)" on the province's summary task: every office's EA3 side by side, the province's
 *   respondent-weighted figures per topic, the EA4 files; the strategy unit records and signs the province's EA3.
 * Everything a person typed is shown as text, never as markup.
 */
import { el, call, refusal as problems, alertBox } from '../../../../../../app/raingan/shared.js';

const base = api => `${api.tasklistApi}/plugin/raingan-evaluation/${api.engine}`;
const pct = v => (v === null || v === undefined) ? '-' : Number(v).toFixed(2);


/* ---- the plan ---- */

function resultLinks(api, a) {
  return el('div', { class: 'raingan-result' }, 'สรุปผลจังหวัดแล้ว: ',
    el('a', { href: `${base(api)}/results/${a.id}.xlsx`, target: '_blank' }, 'Excel'), ' · ',
    el('a', { href: `${base(api)}/results/${a.id}.pdf`, target: '_blank' }, 'PDF'));
}

function openPlan(api, info) {
  document.querySelectorAll('.raingan-evaluation-page').forEach(p => p.remove());
  const provinceSelect = el('select', { class: 'form-control', name: 'province', onchange: () => load() },
    info.reads.map(p => el('option', { value: p.code }, `${p.name} (${p.code})`)));
  const yearInput = el('input', { class: 'form-control', name: 'year', type: 'number', value: String(info.year), onchange: () => load() });
  const messages = el('div', { class: 'raingan-messages', role: 'status', 'aria-live': 'polite' });
  const body = el('div', { class: 'raingan-evaluation-body' });
  const page = el('div', { class: 'raingan-evaluation-page', role: 'dialog', 'aria-label': 'แผนประเมินผล' },
    el('div', { class: 'raingan-evaluation-inner' },
      el('button', { type: 'button', class: 'btn btn-default pull-right raingan-close', onclick: () => page.remove() }, 'ปิด'),
      el('h3', {}, 'แผนประเมินผลโครงการ/กิจกรรม (EA1)'),
      el('div', { class: 'form-inline raingan-controls' }, el('label', {}, 'จังหวัด '), provinceSelect,
        el('label', {}, ' ปีงบประมาณ (พ.ศ.) '), yearInput),
      messages, body));
  document.body.append(page);
  const say = (kind, ...content) => messages.replaceChildren(alertBox(kind, ...content));

  async function load() {
    const province = provinceSelect.value;
    const year = yearInput.value;
    const { status, json } = await call(api, 'GET', `${base(api)}/plan?province=${province}&year=${year}`);
    body.replaceChildren();
    if (status !== 200) { say('danger', json.message || 'โหลดแผนไม่ได้'); return; }
    const editable = json.editable;
    const rows = json.activities.map(a => ({ ...a }));
    const table = el('tbody');
    function draw() {
      table.replaceChildren();
      if (!rows.length) table.append(el('tr', {}, el('td', { colspan: '7' }, 'ยังไม่มีแผนประเมินผลของปีนี้')));
      rows.forEach((a, i) => {
        const cells = editable ? [
          el('td', {}, el('input', { class: 'form-control input-sm', name: `no-${i}`, value: a.no || '', size: '3', onchange: e => { a.no = e.target.value; } })),
          el('td', {}, el('textarea', { class: 'form-control input-sm', name: `project-${i}`, rows: '2', onchange: e => { a.projectTh = e.target.value; } }, a.projectTh || ''),
            el('textarea', { class: 'form-control input-sm', name: `activity-${i}`, rows: '2', placeholder: 'กิจกรรม', onchange: e => { a.activityTh = e.target.value; } }, a.activityTh || ''),
            el('input', { class: 'form-control input-sm', name: `budget-${i}`, placeholder: 'รหัสงบประมาณ', value: a.budgetCode || '', onchange: e => { a.budgetCode = e.target.value; } })),
          el('td', {}, el('input', { type: 'checkbox', name: `evaluation-${i}`, checked: a.evaluationForm ? 'checked' : null, onchange: e => { a.evaluationForm = e.target.checked; } })),
          el('td', {}, el('input', { type: 'checkbox', name: `data-${i}`, checked: a.dataForm ? 'checked' : null, onchange: e => { a.dataForm = e.target.checked; } })),
          el('td', {}, el('input', { class: 'form-control input-sm', name: `rule-${i}`, value: a.deadlineRule || '', placeholder: 'by_date:2024-08-15', onchange: e => { a.deadlineRule = e.target.value; } }),
            el('input', { class: 'form-control input-sm', name: `window-${i}`, value: a.windowTh || '', placeholder: 'ภายใน ...', onchange: e => { a.windowTh = e.target.value; } })),
          el('td', {}, el('textarea', { class: 'form-control input-sm raingan-topics', name: `topics-${i}`, rows: String(Math.max(3, (a.topics || []).length + 1)),
            onchange: e => { a.topics = e.target.value.split('\n'); } }, (a.topics || []).join('\n'))),
          el('td', {}, a.recorded ? resultLinks(api, a) : '', el('button', { type: 'button', class: 'btn btn-link', onclick: () => { rows.splice(i, 1); draw(); } }, 'ลบ'))
        ] : [
          el('td', {}, a.no), el('td', {}, el('div', {}, a.projectTh), el('div', { class: 'text-muted' }, a.activityTh),
            el('div', { class: 'text-muted' }, a.budgetCode ? `รหัส ${a.budgetCode}` : 'ยังไม่เชื่อมกับบัญชีโครงการ')),
          el('td', {}, a.evaluationForm ? '✓' : '-'), el('td', {}, a.dataForm ? '✓' : '-'),
          el('td', {}, a.windowTh || a.deadlineRule || '-'),
          el('td', {}, el('ol', {}, (a.topics || []).map(t => el('li', {}, t)))), el('td', {}, a.recorded ? resultLinks(api, a) : '')
        ];
        table.append(el('tr', { class: 'raingan-plan-row' }, cells));
      });
    }
    draw();
    const fileInput = el('input', { type: 'file', accept: '.csv,text/csv', name: 'plan-csv' });
    fileInput.onchange = async () => {
      const file = fileInput.files[0];
      if (!file) return;
      const res = await call(api, 'POST', `${base(api)}/plan.csv?province=${province}&year=${year}`, await file.arrayBuffer(), { contentType: 'text/csv' });
      fileInput.value = '';
      if (res.status === 200) { say('success', res.json.message); load(); } else say('danger', problems(res.json));
    };
    const save = async () => {
      const payload = rows.map((a, i) => ({ '#line': String(i + 1), no: a.no || '', project_th: a.projectTh || '',
        activity_th: a.activityTh || '', evaluation_form: a.evaluationForm ? 'Y' : 'N', data_form: a.dataForm ? 'Y' : 'N',
        deadline_rule: a.deadlineRule || '', window_th: a.windowTh || '', budget_code: a.budgetCode || '',
        topics_th: (a.topics || []).join('\n') }));
      const res = await call(api, 'PUT', `${base(api)}/plan?province=${province}&year=${year}`, { rows: payload });
      if (res.status === 200) { say('success', res.json.message); load(); } else say('danger', problems(res.json));
    };
    body.append(
      el('p', {}, el('a', { href: `${base(api)}/plan.csv?province=${province}&year=${year}`, class: 'btn btn-default raingan-export', target: '_blank' }, 'ส่งออก CSV'),
        editable ? el('label', { class: 'btn btn-default', style: 'margin-left: 8px' }, 'นำเข้า CSV (แทนที่ทั้งแผน)', fileInput) : ''),
      editable ? el('p', { class: 'help-block' }, 'ประเด็นที่ต้องประเมิน: บรรทัดละหนึ่งประเด็น · หัวตาราง CSV: no,project_th,activity_th,evaluation_form,data_form,deadline_rule,window_th,budget_code,topics_th · หากมีแถวใดไม่ถูกต้อง จะไม่บันทึกเลยและแจ้งแถวและช่อง') : '',
      el('table', { class: 'table table-condensed raingan-plan-table' },
        el('thead', {}, el('tr', {}, el('th', {}, 'ที่'), el('th', {}, 'โครงการ / กิจกรรม'), el('th', {}, 'แบบประเมินผล'),
          el('th', {}, 'แบบจัดเก็บข้อมูล'), el('th', {}, 'ช่วงเวลาการบันทึก'), el('th', {}, 'ประเด็นสำคัญที่ต้องประเมินผล'), el('th', {}, ''))),
        table),
      editable ? el('p', {},
        el('button', { type: 'button', class: 'btn btn-default', onclick: () => { rows.push({ evaluationForm: true, dataForm: false, topics: [] }); draw(); } }, 'เพิ่มกิจกรรม'),
        ' ', el('button', { type: 'button', class: 'btn btn-primary raingan-save-plan', onclick: save }, 'บันทึกแผน')) : '');
  }
  load();
}

const navbar = {
  id: 'raingan-evaluation',
  pluginPoint: 'tasklist.navbar.action',
  priority: 180,
  async render(node, { api }) {
    const { status, json } = await call(api, 'GET', `${base(api)}/provinces`);
    if (status !== 200 || !json.reads || !json.reads.length) return;
    node.append(el('a', { href: '', class: 'raingan-evaluation-link', role: 'button', onclick: e => { e.preventDefault(); openPlan(api, json); } },
      el('span', { class: 'glyphicon glyphicon-list-alt' }), ' แผนประเมินผล'));
  }
};

/* ---- the province's summary task ---- */

function measures(t) {
  return [el('td', { class: 'raingan-num' }, `${t.knowledgeCount} (${pct(t.knowledgePercent)})`),
    el('td', { class: 'raingan-num' }, `${t.useCount} (${pct(t.usePercent)})`),
    el('td', { class: 'raingan-num' }, `${t.satisfactionCount} (${pct(t.satisfactionPercent)})`)];
}

const summaryTab = {
  id: 'raingan-evaluation-summary',
  pluginPoint: 'tasklist.task.detail',
  priority: 7,
  properties: { label: 'สรุปผลการประเมิน (EA3/EA4)' },
  async render(node, { api, taskId }) {
    const box = el('div', { class: 'raingan-evaluation-summary' }, el('p', { class: 'text-muted' }, 'กำลังโหลด...'));
    node.append(box);
    const messages = el('div', { class: 'raingan-messages', role: 'status', 'aria-live': 'polite' });
    async function load() {
      const { status, json } = await call(api, 'GET', `${base(api)}/tasks/${taskId}/summary`);
      box.replaceChildren(messages);
      if (status === 404) { box.append(el('p', {}, 'งานนี้ไม่ใช่งานสรุปผลการประเมินระดับจังหวัด')); return; }
      if (status !== 200) { box.append(el('p', { class: 'text-danger' }, json.message || 'โหลดไม่ได้')); return; }
      const a = json.activity;
      box.append(el('h4', {}, a.activityTh), el('p', { class: 'text-muted' }, a.projectTh),
        el('p', {}, `หน่วยงานที่ได้รับอนุมัติรายงาน ${json.approvedDistricts} จาก ${json.districts.length} หน่วยงาน · ผู้ตอบแบบประเมินรวม ${json.respondents} คน`));
      const header = el('tr', {}, el('th', {}, 'ประเด็นที่ประเมิน'), el('th', {}, 'หน่วยงาน'), el('th', { class: 'raingan-num' }, 'ผู้ตอบ (คน)'),
        el('th', { class: 'raingan-num' }, 'ความรู้ความเข้าใจ คน (ร้อยละ)'), el('th', { class: 'raingan-num' }, 'การนำไปใช้ประโยชน์ คน (ร้อยละ)'),
        el('th', { class: 'raingan-num' }, 'ความพึงพอใจ คน (ร้อยละ)'), el('th', {}, 'ผลระดับจังหวัด (ร้อยละ)'));
      const tbody = el('tbody');
      const inputs = [];
      const recorded = json.result;
      json.weighted.forEach((w, i) => {
        json.districts.forEach(d => {
          const t = d.topics.find(x => x.topic === w.topic && !x.own);
          tbody.append(el('tr', { class: 'raingan-district' }, el('td', {}, w.topic), el('td', {}, d.officeName),
            el('td', { class: 'raingan-num' }, d.approved ? String(d.respondents) : 'ยังไม่อนุมัติ'), t ? measures(t) : [el('td'), el('td'), el('td')], el('td')));
        });
        const r = recorded && recorded.topics[i];
        const fields = ['knowledge', 'use', 'satisfaction'].map(m => el('input', { class: 'form-control input-sm raingan-pct', name: `province-${m}-${i}`,
          value: r ? String(r[m]) : (w[m] === null ? '' : String(w[m])), disabled: recorded ? 'disabled' : null, 'aria-label': `ผลระดับจังหวัด ${m} ประเด็นที่ ${i + 1}` }));
        inputs.push(fields);
        tbody.append(el('tr', { class: 'raingan-weighted' }, el('td', {}, w.topic), el('td', {}, 'ภาพรวมจังหวัด (ถ่วงน้ำหนักตามจำนวนผู้ตอบ)'),
          el('td', { class: 'raingan-num' }, String(w.respondents)), el('td', { class: 'raingan-num' }, pct(w.knowledge)),
          el('td', { class: 'raingan-num' }, pct(w.use)), el('td', { class: 'raingan-num' }, pct(w.satisfaction)),
          el('td', { class: 'form-inline' }, fields)));
      });
      const own = [];
      json.districts.forEach(d => d.topics.filter(t => t.own).forEach(t => own.push(el('tr', {}, el('td', {}, t.topic), el('td', {}, d.officeName),
        el('td', { class: 'raingan-num' }, String(d.respondents)), measures(t), el('td')))));
      box.append(el('table', { class: 'table table-condensed table-bordered raingan-summary-table' }, el('thead', {}, header), tbody));
      if (own.length) box.append(el('h5', {}, 'ประเด็นเพิ่มเติมของหน่วยงาน'), el('table', { class: 'table table-condensed table-bordered' }, el('thead', {}, header.cloneNode(true)), el('tbody', {}, own)));
      const ea4 = [];
      json.districts.forEach(d => d.ea4.forEach(f => ea4.push(el('li', {}, `${d.officeName}: `, el('a', { href: `${base(api)}/files/${f.id}`, target: '_blank' }, f.name)))));
      json.provinceEa4.forEach(f => ea4.push(el('li', {}, 'จังหวัด (สรุป): ', el('a', { href: `${base(api)}/files/${f.id}`, target: '_blank' }, f.name))));
      box.append(el('h5', {}, 'แบบจัดเก็บข้อมูล (EA4)'), ea4.length ? el('ul', { class: 'raingan-ea4' }, ea4) : el('p', {}, 'ยังไม่มีไฟล์ EA4'),
        a.dataForm ? el('p', { class: 'help-block' }, 'แนบไฟล์สรุป EA4 ของจังหวัดในแท็บ "ไฟล์แนบ" (ช่อง แบบจัดเก็บข้อมูล EA4) ก่อนบันทึก') : '');
      const reason = el('textarea', { class: 'form-control', name: 'adjustReason', rows: '2', disabled: recorded ? 'disabled' : null },
        recorded && recorded.adjustReason ? recorded.adjustReason : '');
      box.append(el('div', { class: 'form-group' }, el('label', {}, 'เหตุผลที่ปรับจากค่าถ่วงน้ำหนัก (ต้องระบุเมื่อผลระดับจังหวัดต่างจากค่าที่คำนวณ)'), reason));
      box.append(el('p', {},
        el('a', { href: `${base(api)}/tasks/${taskId}/summary.xlsx`, class: 'btn btn-default raingan-xlsx', target: '_blank' }, 'ส่งออก Excel'), ' ',
        el('a', { href: `${base(api)}/tasks/${taskId}/summary.pdf`, class: 'btn btn-default raingan-pdf', target: '_blank' }, 'พิมพ์ (PDF)'), ' ',
        recorded ? el('strong', {}, 'บันทึกและลงนามแล้ว') : el('button', { type: 'button', class: 'btn btn-primary raingan-record', onclick: async () => {
          const payload = { adjustReason: reason.value, topics: inputs.map(([k, u, s]) => ({ knowledge: k.value, use: u.value, satisfaction: s.value })) };
          const res = await call(api, 'POST', `${base(api)}/tasks/${taskId}/summary`, payload);
          if (res.status === 200) { messages.replaceChildren(alertBox('success', res.json.message)); }
          else messages.replaceChildren(alertBox('danger', problems(res.json)));
          messages.scrollIntoView({ block: 'center' });
          // the task is done: Tasklist takes it off the list; the kept result stays exportable from the plan page
          if (res.status === 200) box.querySelectorAll('button.raingan-record, input, textarea').forEach(b => { b.disabled = true; });
        } }, 'บันทึกและลงนาม')));
    }
    load();
  }
};

export default [navbar, summaryTab];
