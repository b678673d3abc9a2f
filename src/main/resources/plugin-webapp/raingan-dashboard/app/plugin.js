/*
 * Raingan: the province manager's dashboard on Cockpit's start page. Per district the round's reports (assigned,
 * submitted, approved, returned, overdue), the on-time rate and the KPI score; the overdue reports, each linked to
 * its process instance; the budget overview; a chart of reporting progress; exports to Excel and CSV.
 */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name.startsWith('on')) node[name] = value;
    else node.setAttribute(name, value);
  });
  children.forEach(child => node.append(child === null || child === undefined ? '' : child));
  return node;
}

const number = value => (value === null || value === undefined || value === '') ? '-' :
  Number(value).toLocaleString('th-TH', { maximumFractionDigits: 2 });

function currentRound() {
  const now = new Date();
  const month = now.getMonth() + 1;
  const fiscalYear = (month >= 10 ? now.getFullYear() + 1 : now.getFullYear()) + 543;
  const round = month >= 10 || month <= 3 ? 1 : 2;
  return { fiscalYear, round };
}

function table(headers, rows) {
  return el('table', { class: 'table table-condensed table-bordered raingan-table' },
    el('thead', {}, el('tr', {}, ...headers.map(h => el('th', {}, h)))),
    el('tbody', {}, ...rows));
}

function render(node, { api }) {
  const base = `${api.cockpitApi}/plugin/raingan-dashboard/${api.engine}`;
  const { fiscalYear, round } = currentRound();
  const year = el('input', { type: 'number', value: String(fiscalYear), class: 'form-control', style: 'width: 110px; display: inline-block' });
  const roundSelect = el('select', { class: 'form-control', style: 'width: 120px; display: inline-block' },
    el('option', { value: '1' }, 'รอบที่ 1'), el('option', { value: '2' }, 'รอบที่ 2'));
  roundSelect.value = String(round);
  // the department and the administrator choose a province; a province's own people leave it empty
  const provinceInput = el('input', { type: 'text', class: 'form-control raingan-province', placeholder: 'รหัสจังหวัด เช่น 42',
    style: 'width: 150px; display: inline-block' });
  const provinceParam = () => provinceInput.value.trim() ? `&province=${encodeURIComponent(provinceInput.value.trim())}` : '';
  const body = el('div', { class: 'raingan-dashboard-body' });

  node.append(el('section', { class: 'raingan-dashboard' },
    el('h3', {}, 'ติดตามการรายงานผลของอำเภอ'),
    el('div', { class: 'form-inline raingan-controls' },
      el('label', {}, 'ปีงบประมาณ (พ.ศ.) '), year, ' ',
      el('label', {}, ' รอบการประเมิน '), roundSelect, ' ',
      el('label', {}, ' จังหวัด (กรม/ผู้ดูแลระบบ) '), provinceInput, ' ',
      el('button', { type: 'button', class: 'btn btn-primary', onclick: () => load() }, 'แสดง')),
    body));

  function exportLinks(name) {
    const query = `fiscalYear=${year.value}&round=${roundSelect.value}${provinceParam()}`;
    return el('span', { class: 'raingan-exports' }, ' ส่งออก: ',
      el('a', { href: `${base}/export?table=${name}&format=xlsx&${query}` }, 'Excel'), ' | ',
      el('a', { href: `${base}/export?table=${name}&format=csv&${query}` }, 'CSV'));
  }

  async function load() {
    body.replaceChildren(el('p', {}, 'กำลังโหลด...'));
    const response = await fetch(`${base}/summary?fiscalYear=${year.value}&round=${roundSelect.value}${provinceParam()}`,
      { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const data = await response.json().catch(() => ({}));
    body.replaceChildren();
    if (!response.ok) {
      body.append(el('div', { class: 'alert alert-danger' }, data.message || 'โหลดข้อมูลไม่ได้'));
      return;
    }
    const d = data.districts;
    body.append(
      el('h4', {}, `รายงานรอบ ${data.roundKey} รายอำเภอ `, exportLinks('districts')),
      d.length ? table(['หน่วยงาน', 'ได้รับมอบหมาย', 'ส่งแล้ว (รอตรวจ)', 'อนุมัติ', 'ส่งกลับแก้ไข', 'เลยกำหนด', 'ยังไม่ได้ดำเนินการ', 'ส่งตรงเวลา (% ของที่ถึงกำหนด)', 'คะแนน KPI (5)', 'KPI (%)'],
        d.map(r => el('tr', { class: 'raingan-district', 'data-office': r.officeCode },
          el('td', {}, r.officeName), el('td', {}, number(r.assigned)), el('td', {}, number(r.submitted)),
          el('td', {}, number(r.approved)), el('td', {}, number(r.returned)),
          el('td', { class: r.overdue ? 'text-danger' : '' }, number(r.overdue)),
          el('td', { class: r.notHeld ? 'text-warning raingan-not-held' : 'raingan-not-held' }, number(r.notHeld)),
          el('td', {}, number(r.onTimeRate)), el('td', {}, number(r.kpiScore)), el('td', {}, number(r.kpiPercent)))))
        : el('p', {}, 'ยังไม่มีรายงานในรอบนี้'),
      el('h4', {}, 'ความก้าวหน้าการรายงาน (ร้อยละของรายงานที่ส่งแล้วและอนุมัติแล้ว)'),
      el('div', { class: 'raingan-chart' }, ...d.map(r => {
        const sent = r.assigned ? (r.submitted + r.approved) * 100 / r.assigned : 0;
        const approved = r.assigned ? r.approved * 100 / r.assigned : 0;
        return el('div', { class: 'raingan-bar-row' },
          el('span', { class: 'raingan-bar-label' }, r.officeName.replace('สำนักงานพัฒนาชุมชน', '')),
          el('span', { class: 'raingan-bar' },
            el('span', { class: 'raingan-bar-approved', style: `width: ${approved}%` }),
            el('span', { class: 'raingan-bar-sent', style: `width: ${Math.max(0, sent - approved)}%` })),
          el('span', {}, ` ${number(sent)}%`));
      })),
      el('h4', {}, `รายงานที่เลยกำหนดส่ง (${data.overdue.length}) `, exportLinks('overdue')),
      data.overdue.length ? table(['หน่วยงาน', 'รหัสงบประมาณ', 'โครงการ/กิจกรรม', 'กำหนดส่ง', 'เลยมา (วัน)', ''],
        data.overdue.map(o => el('tr', {},
          el('td', {}, o.officeName), el('td', {}, o.budgetCode), el('td', {}, o.projectName), el('td', {}, o.dueDate),
          el('td', { class: 'text-danger' }, number(o.daysOverdue)),
          el('td', {}, o.processInstanceId ? el('a', { href: `#/process-instance/${o.processInstanceId}/runtime` }, 'เปิดใน Cockpit') : ''))))
        : el('p', {}, 'ไม่มีรายงานเลยกำหนด'),
      el('h4', {}, `กิจกรรมที่อำเภอแจ้งว่ายังไม่ได้ดำเนินการ (${(data.notHeld || []).length}) `, exportLinks('notheld')),
      (data.notHeld || []).length ? table(['หน่วยงาน', 'รหัสงบประมาณ', 'โครงการ/กิจกรรม', 'เหตุผล', 'คาดว่าจะแล้วเสร็จ', 'กำหนดส่งใหม่', ''],
        data.notHeld.map(n => el('tr', { class: 'raingan-not-held-row' },
          el('td', {}, n.officeName), el('td', {}, n.budgetCode), el('td', {}, n.projectName), el('td', {}, n.reason),
          el('td', {}, n.plannedDate), el('td', {}, n.dueDate),
          el('td', {}, n.processInstanceId ? el('a', { href: `#/process-instance/${n.processInstanceId}/runtime` }, 'เปิดใน Cockpit') : ''))))
        : el('p', {}, 'ไม่มีกิจกรรมที่แจ้งว่ายังไม่ได้ดำเนินการ'),
      el('h4', {}, `งบประมาณปี ${year.value} `, exportLinks('budget')),
      table(['หน่วยงาน', 'แหล่งงบประมาณ', 'งบ. (ได้รับจัดสรร)', 'แผนการ', 'ผลการดำเนินงาน (เบิกจ่าย)', 'ร้อยละ'],
        data.budget.flatMap(office => office.lines.filter(l => l.source === 'B1+B2' || Number(l.allocation) > 0).map(l =>
          el('tr', {}, el('td', {}, office.officeName), el('td', {}, `(${l.source}) ${l.nameTh}`),
            el('td', {}, number(l.allocation)), el('td', {}, number(l.plan)), el('td', {}, number(l.result)),
            el('td', {}, number(l.percent)))))));
  }

  load();
}

export default {
  id: 'raingan-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render
};
