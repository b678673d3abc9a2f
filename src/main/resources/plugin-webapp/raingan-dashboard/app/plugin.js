/*
 * Raingan: the round's monitor for a province's managers and reviewers (and, choosing a province, for the
 * department and the administrator). It is the first section of Cockpit's start page, where for everyone but the
 * administrator Cockpit's technical widgets are hidden, and a page of its own (#/raingan-monitor, in the top
 * navigation). The round's reporting deadline and the days left; per district the reports assigned, not yet due,
 * draft, submitted, returned, approved, overdue and not yet held, the on-time rate over the reports due so far and
 * the KPI score, each count opening its list of reports (each report opening its process instance); the overdue
 * reports; the activities not yet held; the budget with each office once and the sources as columns; exports to
 * Excel and CSV. Every date comes from the server in the Buddhist Era.
 */
import { el, call, number, money as score, table as grid, alertBox } from '../../../../../../app/raingan/shared.js';

const table = (headers, rows, foot) => grid(headers, rows, 'raingan-table', foot);

// the counts of a district row, in the order of the table, each opening its list of reports
const COUNTS = [
  ['assigned', 'ได้รับมอบหมาย'],
  ['notYetDue', 'ยังไม่ถึงกำหนดส่ง'],
  ['draft', 'ร่าง'],
  ['submitted', 'ส่งแล้ว (รอตรวจ)'],
  ['returned', 'ส่งกลับแก้ไข'],
  ['approved', 'อนุมัติ'],
  ['overdue', 'เลยกำหนด'],
  ['notHeld', 'ยังไม่ได้ดำเนินการ']
];

// Apache ECharts, shipped with the application (org.webjars.npm:echarts), loaded once when a chart is first drawn
let echartsLoading = null;
function loadEcharts(api) {
  if (window.echarts) return Promise.resolve(window.echarts);
  if (!echartsLoading) {
    const root = api.cockpitApi.split('/api/cockpit')[0].replace(/\/[^/]*$/, '');
    echartsLoading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${root}/webjars/echarts/5.3.1/dist/echarts.min.js`;
      script.onload = () => resolve(window.echarts);
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  return echartsLoading;
}

const shortName = name => name.replace('สำนักงานพัฒนาชุมชน', '');

/** Bars per district (or office): one series per [name, values, color], Thai labels, stacked if asked. */
function barChart(api, node, names, series, { stacked = false, percent = false } = {}) {
  node.style.height = `${Math.max(160, names.length * 26 + 70)}px`;
  loadEcharts(api).then(echarts => {
    const chart = echarts.init(node, null, { renderer: 'canvas' });
    chart.setOption({
      textStyle: { fontFamily: 'sans-serif' },
      animation: false,
      grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        valueFormatter: value => number(value) + (percent ? '%' : '') },
      xAxis: { type: 'value', max: percent ? 100 : null, minInterval: percent ? 0 : 1,
        axisLabel: { formatter: value => Number(value).toLocaleString('th-TH') + (percent ? '%' : '') } },
      yAxis: { type: 'category', data: names, inverse: true },
      series: series.map(([name, data, color]) => ({ name, type: 'bar', data, itemStyle: { color },
        stack: stacked ? 'all' : undefined, barMaxWidth: 18 }))
    });
    node.setAttribute('data-drawn', 'true');
  }).catch(() => node.replaceChildren('วาดแผนภูมิไม่ได้'));
}

/** Lines over the round's weeks: x the weeks' last days (BE, from the server), one line per district, in percent. */
function lineChart(api, node, weeks, lines) {
  node.style.height = '360px';
  loadEcharts(api).then(echarts => {
    const chart = echarts.init(node, null, { renderer: 'canvas' });
    chart.setOption({
      textStyle: { fontFamily: 'sans-serif' },
      animation: false,
      grid: { left: 8, right: 24, top: 60, bottom: 30, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis',
        valueFormatter: value => number(value) + '%' },
      xAxis: { type: 'category', data: weeks.map(w => w.endTh), name: 'สิ้นสัปดาห์', nameLocation: 'middle', nameGap: 28,
        axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: value => Number(value).toLocaleString('th-TH') + '%' } },
      series: lines.map(([name, data]) => ({ name, type: 'line', data, showSymbol: weeks.length < 14 }))
    });
    node.setAttribute('data-drawn', 'true');
  }).catch(() => node.replaceChildren('วาดแผนภูมิไม่ได้'));
}

function deadlineText(round) {
  if (!round || !round.deadline) {
    return 'ยังไม่ได้เปิดรอบการรายงานนี้ (ไม่มีวันสุดท้ายของการส่งรายงาน)';
  }
  const days = round.daysLeft;
  const left = days > 0 ? `เหลืออีก ${number(days)} วัน` : days === 0 ? 'วันนี้เป็นวันสุดท้าย' : `เลยมาแล้ว ${number(-days)} วัน`;
  return `วันสุดท้ายของการส่งรายงาน ${round.deadline} (${left})`;
}

function monitor(node, { api }, standalone) {
  const base = `${api.cockpitApi}/plugin/raingan-dashboard/${api.engine}`;
  // empty: the server opens the province's current round and fills these in
  const year = el('input', { type: 'number', class: 'form-control', style: 'width: 110px; display: inline-block' });
  const roundSelect = el('select', { class: 'form-control', style: 'width: 120px; display: inline-block' },
    el('option', { value: '' }, ''), el('option', { value: '1' }, 'รอบที่ 1'), el('option', { value: '2' }, 'รอบที่ 2'));
  // the department and the administrator choose a province; a province's own people leave it empty
  const provinceInput = el('input', { type: 'text', class: 'form-control raingan-province', placeholder: 'รหัสจังหวัด เช่น 42',
    style: 'width: 150px; display: inline-block' });
  const provinceLabel = el('span', { class: 'raingan-province-choice', style: 'display: none' },
    el('label', {}, ' จังหวัด '), provinceInput, ' ');
  const provinceParam = () => provinceInput.value.trim() ? `&province=${encodeURIComponent(provinceInput.value.trim())}` : '';
  const query = () => `fiscalYear=${year.value || 0}&round=${roundSelect.value || 0}${provinceParam()}`;
  const body = el('div', { class: 'raingan-dashboard-body' });
  const nationButton = el('button', { type: 'button', class: 'btn btn-default raingan-nation-button', style: 'display: none',
    onclick: () => loadNation() }, 'ภาพรวมทั้งประเทศ');
  const list = el('div', { class: 'raingan-report-list' });

  node.append(el('section', { class: 'raingan-dashboard' + (standalone ? ' raingan-standalone' : '') },
    el('h3', {}, 'ติดตามการรายงานผลของอำเภอ'),
    el('div', { class: 'form-inline raingan-controls' },
      el('label', {}, 'ปีงบประมาณ (พ.ศ.) '), year, ' ',
      el('label', {}, ' รอบการประเมิน '), roundSelect, ' ', provinceLabel,
      el('button', { type: 'button', class: 'btn btn-primary', onclick: () => load() }, 'แสดง'), ' ', nationButton),
    body));

  function exportLinks(name, extra = '') {
    return el('span', { class: 'raingan-exports' }, ' ส่งออก: ',
      el('a', { href: `${base}/export?table=${name}&format=xlsx&${query()}${extra}` }, 'Excel'), ' | ',
      el('a', { href: `${base}/export?table=${name}&format=csv&${query()}${extra}` }, 'CSV'));
  }

  // the KPI scorecard: per district each indicator's level (and the previous round's), the weighted score, the
  // change since the previous round, and what the next levels need
  async function loadScorecard(target) {
    const response = await call(api, 'GET', `${base}/scorecard?${query()}`);
    const card = response.json;
    if (!response.ok) {
      target.replaceChildren(alertBox('danger', card.message || 'โหลดผลคะแนนตัวชี้วัดไม่ได้'));
      return;
    }
    const links = el('span', { class: 'raingan-exports' }, ' ส่งออก: ',
      el('a', { href: `${base}/scorecard/export?format=xlsx&${query()}`, class: 'raingan-scorecard-xlsx' }, 'Excel'), ' | ',
      el('a', { href: `${base}/scorecard/export?format=pdf&${query()}`, class: 'raingan-scorecard-pdf', target: '_blank' }, 'PDF'));
    const title = el('h4', { class: 'raingan-scorecard-title' }, `ผลคะแนนตัวชี้วัด (KPI) รายอำเภอ รอบที่ ${card.round} ปีงบประมาณ ${card.fiscalYear} (${card.roundPeriodTh}) `, links);
    if (!card.exists) {
      target.replaceChildren(title, el('p', { class: 'raingan-scorecard-none' }, 'จังหวัดยังไม่ได้ปิดรอบการประเมินตัวชี้วัดของรอบนี้'));
      return;
    }
    const level = (cell) => {
      const before = cell.previousLevel === null || cell.previousLevel === undefined ? '' :
        cell.level > cell.previousLevel ? ' ▲' : cell.level < cell.previousLevel ? ' ▼' : '';
      return el('td', { class: 'raingan-level', title: (cell.value === null ? 'ไม่มีผล' : `ผล ${number(cell.value)}`) +
        (cell.previousLevel === null || cell.previousLevel === undefined ? '' : ` (${card.previousRoundTh}: ระดับ ${cell.previousLevel})`) },
        String(cell.level), before);
    };
    const change = value => value === null || value === undefined ? '-' : (value > 0 ? '+' : '') + score(value);
    target.replaceChildren(title,
      el('p', { class: 'raingan-scorecard-status' }, card.signed ? `ผลที่ลงนามรับรองแล้ว: ${card.signedTh}` : 'ผลเบื้องต้น (ยังไม่ได้ลงนามรับรอง)',
        card.previousExists ? ` เทียบกับ${card.previousRoundTh}` : ` (${card.previousRoundTh}: ไม่มีผลคะแนน)`),
      el('div', { class: 'raingan-scroll' }, table(['หน่วยงาน', ...card.indicators.map(i => `${i.id} (${number(i.weight)}%)`),
        'คะแนน (เต็ม 5)', 'ร้อยละ', card.previousRoundTh, 'เปลี่ยนแปลง', 'สิ่งที่ต้องทำเพื่อเลื่อนระดับ'],
        card.lines.map(l => el('tr', { class: 'raingan-scorecard-row', 'data-office': l.officeCode },
          el('td', {}, l.officeName), ...l.cells.map(level),
          el('td', { class: 'raingan-score' }, score(l.score)), el('td', {}, score(l.percent)),
          el('td', {}, score(l.previousScore)), el('td', { class: l.change > 0 ? 'text-success' : l.change < 0 ? 'text-danger' : '' }, change(l.change)),
          el('td', { class: 'raingan-next' }, ...l.cells.filter(c => c.toNextLevel).map(c => el('div', {}, `${c.indicatorId} ${c.toNextLevel}`))))),
        el('tr', { class: 'raingan-total' }, el('th', {}, 'เฉลี่ยทั้งจังหวัด'), ...card.indicators.map(() => el('th', {}, '')),
          el('th', {}, score(card.meanScore)), el('th', {}, score(card.meanPercent)), el('th', {}, score(card.previousMeanScore)),
          el('th', {}, card.meanScore === null || card.previousMeanScore === null ? '-' : change(Math.round((card.meanScore - card.previousMeanScore) * 100) / 100)),
          el('th', {}, '')))),
      el('p', { class: 'raingan-indicators small' }, ...card.indicators.map(i => el('span', {}, `${i.id} ${i.nameTh}; `))));
  }

  async function loadProgress(target) {
    const response = await call(api, 'GET', `${base}/progress?${query()}`);
    const data = response.json;
    if (!response.ok || !data.weeks || !data.weeks.length || !data.districts.length) {
      target.replaceChildren(el('p', {}, 'ยังไม่มีความก้าวหน้ารายสัปดาห์ของรอบนี้'));
      return;
    }
    lineChart(api, target, data.weeks, data.districts.map(d => [shortName(d.officeName), d.sentPercent]));
  }

  // the province's kept evaluation results (EA3 per key topic, recorded by its strategy unit): per evaluated activity
  // the offices assigned and approved, recorded or not yet, and the province figures per topic
  async function loadEvaluation(target) {
    const response = await call(api, 'GET', `${base}/evaluation?${query()}`);
    const data = response.json;
    if (!response.ok) {
      target.replaceChildren(alertBox('danger', data.message || 'โหลดผลการประเมินผลไม่ได้'));
      return;
    }
    const links = el('span', { class: 'raingan-exports' }, ' ส่งออก: ',
      el('a', { href: `${base}/evaluation/export?format=xlsx&${query()}`, class: 'raingan-evaluation-xlsx' }, 'Excel'), ' | ',
      el('a', { href: `${base}/evaluation/export?format=csv&${query()}`, class: 'raingan-evaluation-csv' }, 'CSV'));
    const title = el('h4', { class: 'raingan-evaluation-title' }, `ผลการประเมินผลโครงการระดับจังหวัด (EA3) ปีงบประมาณ ${data.fiscalYear} `, links);
    if (!data.activities.length) {
      target.replaceChildren(title, el('p', { class: 'raingan-evaluation-none' }, 'จังหวัดยังไม่มีแผนประเมินผลของปีงบประมาณนี้'));
      return;
    }
    const percent = value => value === null || value === undefined ? '-' : score(value);
    target.replaceChildren(title,
      el('p', { class: 'raingan-evaluation-counts' }, `กิจกรรมที่ประเมินผล ${number(data.evaluated)} กิจกรรม: บันทึกผลแล้ว ${number(data.recorded)}, ยังไม่บันทึก ${number(data.notYet)}`),
      el('div', { class: 'raingan-scroll' }, table(['ข้อ', 'โครงการ/กิจกรรม', 'รายงานอนุมัติ/มอบหมาย', 'ผลระดับจังหวัด', 'ประเด็นที่ประเมิน',
        'ผู้ตอบ (คน)', 'ความรู้ความเข้าใจ (%)', 'การนำไปใช้ประโยชน์ (%)', 'ความพึงพอใจ (%)'],
        data.activities.flatMap(a => {
          const status = a.recorded ? `บันทึกแล้ว ${a.recordedAtTh} (${a.recordedBy})` : 'ยังไม่บันทึก';
          const head = rows => [
            el('td', { rowspan: String(rows) }, a.itemNo || ''),
            el('td', { rowspan: String(rows) }, a.activityTh, el('div', { class: 'small text-muted' }, `${a.budgetCode || 'ยังไม่ผูกกับโครงการในบัญชี'}`)),
            el('td', { rowspan: String(rows) }, `${number(a.approved)}/${number(a.assigned)}`),
            el('td', { rowspan: String(rows), class: a.recorded ? 'raingan-evaluation-recorded text-success' : 'raingan-evaluation-not-yet text-muted' }, status)];
          if (!a.topics.length) {
            return [el('tr', { class: 'raingan-evaluation-row', 'data-item': a.itemNo || '' }, ...head(1),
              el('td', { colspan: '5', class: 'text-muted' }, a.recorded ? '' : 'รอการบันทึกผลระดับจังหวัด'))];
          }
          return a.topics.map((t, i) => el('tr', { class: 'raingan-evaluation-row', 'data-item': a.itemNo || '' },
            ...(i === 0 ? head(a.topics.length) : []),
            el('td', { class: 'raingan-evaluation-topic' }, t.topic), el('td', {}, number(t.respondents)),
            el('td', { title: `ค่าถ่วงน้ำหนักจากอำเภอ ${percent(t.weightedKnowledge)}` }, percent(t.knowledge)),
            el('td', { title: `ค่าถ่วงน้ำหนักจากอำเภอ ${percent(t.weightedUse)}` }, percent(t.use)),
            el('td', { title: `ค่าถ่วงน้ำหนักจากอำเภอ ${percent(t.weightedSatisfaction)}` }, percent(t.satisfaction))));
        }))));
  }

  function instanceLink(id) {
    return id ? el('a', { href: `#/process-instance/${id}/runtime`, class: 'raingan-instance' }, 'เปิดดูกระบวนงาน') : '';
  }

  async function openList(category, office, officeName) {
    list.replaceChildren(el('p', {}, 'กำลังโหลด...'));
    list.scrollIntoView({ block: 'nearest' });
    const response = await call(api, 'GET', `${base}/reports?${query()}&category=${category}${office ? `&office=${office}` : ''}`);
    const data = response.json;
    if (!response.ok) {
      list.replaceChildren(alertBox('danger', data.message || 'โหลดรายการรายงานไม่ได้'));
      return;
    }
    list.replaceChildren(
      el('h4', { class: 'raingan-report-list-title' }, `รายงาน${data.categoryTh}: ${officeName} (${number(data.reports.length)} รายงาน) `,
        el('button', { type: 'button', class: 'btn btn-default btn-xs', onclick: () => list.replaceChildren() }, 'ปิดรายการ'),
        exportLinks('reports', `&category=${category}${office ? `&office=${office}` : ''}`)),
      data.reports.length ? table(['หน่วยงาน', 'รหัสงบประมาณ', 'โครงการ/กิจกรรม', 'สถานะ', 'กำหนดส่ง', ''],
        data.reports.map(r => el('tr', { class: 'raingan-report-row', 'data-key': r.businessKey },
          el('td', {}, r.officeName), el('td', {}, r.budgetCode), el('td', {}, r.projectName),
          el('td', { class: r.overdue ? 'text-danger' : '' }, r.statusTh + (r.overdue ? ' (เลยกำหนด)' : r.late ? ' (ส่งช้า)' : '')),
          el('td', {}, r.dueDate),
          el('td', {}, instanceLink(r.processInstanceId)))))
        : el('p', {}, 'ไม่มีรายงานในกลุ่มนี้'));
  }

  function countCell(value, category, office, officeName, danger) {
    if (!value) {
      return el('td', { class: 'raingan-count', 'data-category': category }, number(value));
    }
    return el('td', { class: 'raingan-count' + (danger ? ' text-danger' : ''), 'data-category': category },
      el('a', { href: '', onclick: event => { event.preventDefault(); openList(category, office, officeName); } }, number(value)));
  }

  function budgetTable(budget) {
    const sources = budget.sources;
    const headers = ['หน่วยงาน', ...sources.flatMap(s => [`${s.code} ได้รับจัดสรร`, `${s.code} เบิกจ่าย`]),
      'B1+B2 ได้รับจัดสรร', 'B1+B2 แผนการ', 'B1+B2 เบิกจ่าย', 'B1+B2 ร้อยละ'];
    const cells = row => [
      ...sources.flatMap(s => [el('td', {}, number(row.bySource[s.code].allocation)), el('td', {}, number(row.bySource[s.code].result))]),
      el('td', {}, number(row.b1b2.allocation)), el('td', {}, number(row.b1b2.plan)),
      el('td', {}, number(row.b1b2.result)), el('td', {}, number(row.b1b2.percent))];
    return el('div', { class: 'raingan-scroll' }, table(headers,
      budget.offices.map(o => el('tr', { class: 'raingan-budget-row', 'data-office': o.officeCode }, el('td', {}, o.officeName), ...cells(o))),
      el('tr', { class: 'raingan-total' }, el('th', {}, 'รวมทั้งจังหวัด'), ...cells(budget.total))));
  }

  // the latest request wins: the page's first load answering late must not replace what the user asked for since
  let latest = 0;

  async function load() {
    const mine = ++latest;
    body.replaceChildren(el('p', {}, 'กำลังโหลด...'));
    const response = await call(api, 'GET', `${base}/summary?${query()}`);
    const data = response.json;
    if (mine !== latest) return;
    body.replaceChildren();
    // the start page: the monitor first; Cockpit's own widgets only for the administrator
    const dashboard = node.closest('.dashboard');
    if (dashboard) {
      dashboard.classList.add('raingan-monitor-first');
      dashboard.classList.toggle('raingan-no-technical', !data.administrator);
    }
    if (!response.ok) {
      body.append(alertBox('danger', data.message || 'โหลดข้อมูลไม่ได้'));
      return;
    }
    if (data.nation) {
      provinceLabel.style.display = '';
      nationButton.style.display = '';
    }
    if (data.chooseProvince) {
      // the department and the administrator start from the nation
      loadNation();
      return;
    }
    year.value = String(data.fiscalYear);
    roundSelect.value = String(data.round);
    const d = data.districts;
    const progressChart = el('div', { class: 'raingan-chart raingan-chart-progress' });
    const onTimeChart = el('div', { class: 'raingan-chart raingan-chart-on-time' });
    const budgetChart = el('div', { class: 'raingan-chart raingan-chart-budget' });
    const weeklyChart = el('div', { class: 'raingan-chart raingan-chart-weekly' });
    const scorecard = el('div', { class: 'raingan-scorecard' }, el('p', {}, 'กำลังโหลดผลคะแนนตัวชี้วัด...'));
    const evaluation = el('div', { class: 'raingan-evaluation' }, el('p', {}, 'กำลังโหลดผลการประเมินผล...'));
    const totals = Object.fromEntries(COUNTS.map(([key]) => [key, d.reduce((sum, r) => sum + r[key], 0)]));
    list.replaceChildren();
    body.append(
      el('div', { class: 'raingan-round' },
        el('strong', {}, `รอบที่ ${roundSelect.value} ปีงบประมาณ ${year.value} ${data.provinceName}`), ' ',
        el('span', { class: 'raingan-deadline' }, deadlineText(data.roundInfo)),
        el('span', { class: 'raingan-round-end' }, ` สิ้นสุดรอบการประเมิน ${data.roundInfo.roundEnd}`),
        el('div', { class: 'raingan-on-time' }, 'ส่งตรงเวลาทั้งจังหวัด (ร้อยละของรายงานที่ถึงกำหนดแล้ว): ',
          el('strong', {}, data.onTimeRate === null ? 'ยังไม่มีรายงานที่ถึงกำหนด' : number(data.onTimeRate)))),
      el('h4', {}, 'รายงานรายอำเภอ ', exportLinks('districts')),
      d.length ? table(['หน่วยงาน', ...COUNTS.map(c => c[1]), 'ส่งตรงเวลา (% ของที่ถึงกำหนด)', 'คะแนน KPI (5)', 'KPI (%)'],
        d.map(r => el('tr', { class: 'raingan-district', 'data-office': r.officeCode },
          el('td', {}, r.officeName),
          ...COUNTS.map(([key]) => countCell(r[key], key, r.officeCode, r.officeName, key === 'overdue')),
          el('td', {}, number(r.onTimeRate)), el('td', {}, number(r.kpiScore)), el('td', {}, number(r.kpiPercent)))),
        el('tr', { class: 'raingan-total' }, el('th', {}, 'รวมทั้งจังหวัด'),
          ...COUNTS.map(([key]) => countCell(totals[key], key, '', 'ทั้งจังหวัด', key === 'overdue')),
          el('th', {}, number(data.onTimeRate)), el('th', {}, ''), el('th', {}, '')))
        : el('p', {}, 'ยังไม่มีรายงานในรอบนี้'),
      list,
      scorecard,
      evaluation,
      el('h4', {}, 'ความก้าวหน้าการรายงานรายอำเภอ (จำนวนรายงาน)'), progressChart,
      el('h4', {}, 'ความก้าวหน้ารายสัปดาห์ของรอบ (ร้อยละของรายงานที่ส่งแล้วอย่างน้อยหนึ่งครั้ง ณ สิ้นสัปดาห์)'), weeklyChart,
      el('h4', {}, 'ส่งตรงเวลารายอำเภอ (ร้อยละของรายงานที่ถึงกำหนดแล้ว)'), onTimeChart,
      el('h4', {}, `รายงานที่เลยกำหนดส่ง (${data.overdue.length}) `, exportLinks('overdue')),
      data.overdue.length ? table(['หน่วยงาน', 'รหัสงบประมาณ', 'โครงการ/กิจกรรม', 'กำหนดส่ง', 'เลยมา (วัน)', ''],
        data.overdue.map(o => el('tr', {},
          el('td', {}, o.officeName), el('td', {}, o.budgetCode), el('td', {}, o.projectName), el('td', {}, o.dueDate),
          el('td', { class: 'text-danger' }, number(o.daysOverdue)),
          el('td', {}, instanceLink(o.processInstanceId)))))
        : el('p', {}, 'ไม่มีรายงานเลยกำหนด'),
      el('h4', {}, `กิจกรรมที่อำเภอแจ้งว่ายังไม่ได้ดำเนินการ (${(data.notHeld || []).length}) `, exportLinks('notheld')),
      (data.notHeld || []).length ? table(['หน่วยงาน', 'รหัสงบประมาณ', 'โครงการ/กิจกรรม', 'เหตุผล', 'คาดว่าจะแล้วเสร็จ', 'กำหนดส่งใหม่', ''],
        data.notHeld.map(n => el('tr', { class: 'raingan-not-held-row' },
          el('td', {}, n.officeName), el('td', {}, n.budgetCode), el('td', {}, n.projectName), el('td', {}, n.reason),
          el('td', {}, n.plannedDate), el('td', {}, n.dueDate),
          el('td', {}, instanceLink(n.processInstanceId)))))
        : el('p', {}, 'ไม่มีกิจกรรมที่แจ้งว่ายังไม่ได้ดำเนินการ'),
      el('h4', {}, `งบประมาณปี ${year.value} `, exportLinks('budget')),
      budgetTable(data.budget),
      el('h4', {}, 'งบประมาณ B1+B2: เบิกจ่ายเทียบกับแผน (บาท)'), budgetChart);
    const names = d.map(r => shortName(r.officeName));
    barChart(api, progressChart, names, [
      ['อนุมัติ', d.map(r => r.approved), '#2e7d32'],
      ['ส่งแล้ว (รอตรวจ)', d.map(r => r.submitted), '#64b5f6'],
      ['ยังไม่ถึงกำหนดส่ง (ร่าง/ส่งกลับแก้ไข)', d.map(r => r.notYetDue), '#bdbdbd'],
      ['เลยกำหนด', d.map(r => r.overdue), '#c62828'],
      ['ยังไม่ได้ดำเนินการ', d.map(r => r.notHeld), '#8d6e63']], { stacked: true });
    barChart(api, onTimeChart, names, [['ส่งตรงเวลา', d.map(r => r.onTimeRate === null ? 0 : Number(r.onTimeRate)), '#1f6fb2']],
      { percent: true });
    const offices = data.budget.offices;
    barChart(api, budgetChart, offices.map(o => shortName(o.officeName)), [
      ['แผนการ', offices.map(o => Number(o.b1b2.plan)), '#90caf9'],
      ['เบิกจ่าย', offices.map(o => Number(o.b1b2.result)), '#1565c0']]);
    loadScorecard(scorecard);
    loadEvaluation(evaluation);
    loadProgress(weeklyChart);
  }

  async function loadNation() {
    const mine = ++latest; // a province's page still loading must not replace the nation
    body.replaceChildren(el('p', {}, 'กำลังโหลด...'));
    const response = await call(api, 'GET', `${base}/nation?fiscalYear=${year.value || 0}&round=${roundSelect.value || 0}`);
    const data = response.json;
    // nor an earlier national page answering late the one asked for since
    if (mine !== latest) return;
    body.replaceChildren();
    if (!response.ok) {
      body.append(alertBox('danger', data.message || 'โหลดข้อมูลไม่ได้'));
      return;
    }
    year.value = String(data.fiscalYear);
    roundSelect.value = String(data.round);
    const p = data.provinces;
    const sum = key => p.reduce((total, r) => total + Number(r[key]), 0);
    const allocation = sum('allocation');
    const nationEvaluation = el('div', { class: 'raingan-evaluation raingan-nation-evaluation' }, el('p', {}, 'กำลังโหลดผลการประเมินผล...'));
    const result = sum('result');
    body.append(
      el('h4', { class: 'raingan-nation-title' }, `ภาพรวมทั้งประเทศ รอบที่ ${data.round} ปีงบประมาณ ${data.fiscalYear} `, nationExports('nation')),
      el('p', {}, 'ส่งตรงเวลาทั้งประเทศ (ร้อยละของรายงานที่ถึงกำหนดแล้ว): ',
        el('strong', {}, data.onTimeRate === null ? 'ยังไม่มีรายงานที่ถึงกำหนด' : number(data.onTimeRate)),
        ' เลือกจังหวัดเพื่อดูรายอำเภอ'),
      p.length ? el('div', { class: 'raingan-scroll' }, table(['จังหวัด', ...COUNTS.map(c => c[1]), 'ส่งตรงเวลา (%)',
        'คะแนน KPI เฉลี่ยของอำเภอ (5)', 'B1+B2 ได้รับจัดสรร', 'B1+B2 เบิกจ่าย', 'B1+B2 ร้อยละ'],
        p.map(r => el('tr', { class: 'raingan-province-row', 'data-province': r.provinceCode },
          el('td', {}, el('a', { href: '', class: 'raingan-province-link', onclick: event => {
            event.preventDefault();
            provinceInput.value = r.provinceCode;
            load();
          } }, r.provinceName.replace('สำนักงานพัฒนาชุมชน', ''))),
          ...COUNTS.map(([key]) => el('td', { class: key === 'overdue' && r[key] ? 'text-danger' : '' }, number(r[key]))),
          el('td', {}, number(r.onTimeRate)), el('td', {}, number(r.kpiScore)),
          el('td', {}, number(r.allocation)), el('td', {}, number(r.result)), el('td', {}, number(r.percent)))),
        el('tr', { class: 'raingan-total' }, el('th', {}, 'รวมทั้งประเทศ'),
          ...COUNTS.map(([key]) => el('th', {}, number(sum(key)))),
          el('th', {}, number(data.onTimeRate)), el('th', {}, ''),
          el('th', {}, number(allocation)), el('th', {}, number(result)),
          el('th', {}, allocation ? number(Math.round(result * 10000 / allocation) / 100) : '0'))))
        : el('p', {}, 'ยังไม่มีรายงานในรอบนี้'),
      levelsTable(data.budgetByLevel),
      nationEvaluation);
    loadNationEvaluation(nationEvaluation);
  }

  // per province with an evaluation plan: its evaluated activities, recorded and not yet; a province opens its page
  async function loadNationEvaluation(target) {
    const response = await call(api, 'GET', `${base}/nation/evaluation?fiscalYear=${year.value || 0}`);
    const data = response.json;
    if (!response.ok) {
      target.replaceChildren(alertBox('danger', data.message || 'โหลดผลการประเมินผลไม่ได้'));
      return;
    }
    const title = el('h4', { class: 'raingan-evaluation-title' }, `ผลการประเมินผลโครงการระดับจังหวัด (EA3) ปีงบประมาณ ${data.fiscalYear} `, nationExports('evaluation'));
    if (!data.provinces.length) {
      target.replaceChildren(title, el('p', { class: 'raingan-evaluation-none' }, 'ยังไม่มีจังหวัดที่มีแผนประเมินผลของปีงบประมาณนี้'));
      return;
    }
    target.replaceChildren(title, el('div', { class: 'raingan-scroll' }, table(['จังหวัด', 'กิจกรรมที่ประเมินผล', 'บันทึกผลแล้ว', 'ยังไม่บันทึก',
      'รายงานอนุมัติ/มอบหมาย'],
      data.provinces.map(r => el('tr', { class: 'raingan-evaluation-province', 'data-province': r.provinceCode },
        el('td', {}, el('a', { href: '', class: 'raingan-province-link', onclick: event => {
          event.preventDefault();
          provinceInput.value = r.provinceCode;
          load();
        } }, r.provinceName.replace('สำนักงานพัฒนาชุมชน', ''))),
        el('td', {}, number(r.evaluated)), el('td', { class: 'text-success' }, number(r.recorded)),
        el('td', { class: r.notYet ? 'text-danger' : '' }, number(r.notYet)),
        el('td', {}, `${number(r.approved)}/${number(r.assigned)}`))))));
  }

  function nationExports(name) {
    const period = `fiscalYear=${year.value || 0}&round=${roundSelect.value || 0}`;
    return el('span', { class: 'raingan-exports' }, ' ส่งออก: ',
      el('a', { href: `${base}/nation/export?table=${name}&format=xlsx&${period}` }, 'Excel'), ' | ',
      el('a', { href: `${base}/nation/export?table=${name}&format=csv&${period}` }, 'CSV'));
  }

  // the Sa Kaeo manual's table for the nation: per source the central, province and training-centre budget, national totals
  function levelsTable(levels) {
    const LEVELS = [['central', 'ส่วนกลาง'], ['province', 'จังหวัด'], ['training_centre', 'ศูนย์ศึกษา']];
    const cells = row => [
      ...LEVELS.flatMap(([key]) => [el('td', {}, number(row.byLevel[key].allocation)), el('td', {}, number(row.byLevel[key].result))]),
      el('td', { class: 'raingan-national' }, number(row.total.allocation)), el('td', {}, number(row.total.plan)),
      el('td', { class: 'raingan-national' }, number(row.total.result)), el('td', {}, number(row.total.percent))];
    return el('div', { class: 'raingan-levels' },
      el('h4', {}, `งบประมาณตามระดับ ปีงบประมาณ ${levels.fiscalYear} (บาท) `, nationExports('levels')),
      el('p', { class: 'small' }, 'จังหวัด: ผลรวมการมอบหมายงบประมาณของทุกจังหวัดในระบบ และการเบิกจ่ายตามรายงานที่อนุมัติแล้ว; ส่วนกลางและศูนย์ศึกษา: ',
        levels.recorded ? `ตามตัวเลขของกรม (${levels.recordedTh})` : 'ยังไม่ได้บันทึกตัวเลขของกรม (แสดงเป็น 0)'),
      el('div', { class: 'raingan-scroll' }, table(['แหล่งงบประมาณ',
        ...LEVELS.flatMap(([, name]) => [`${name} ได้รับจัดสรร`, `${name} เบิกจ่าย`]),
        'รวมทั้งประเทศ ได้รับจัดสรร', 'รวมทั้งประเทศ แผนการ', 'รวมทั้งประเทศ เบิกจ่าย', 'ร้อยละ'],
        levels.sources.map(r => el('tr', { class: 'raingan-level-row', 'data-source': r.source }, el('td', {}, `(${r.source}) ${r.nameTh}`), ...cells(r))),
        el('tr', { class: 'raingan-total raingan-level-total' }, el('th', {}, levels.b1b2.nameTh), ...cells(levels.b1b2)))));
  }

  load();
}

export default [
  {
    // the start page's first section
    id: 'raingan-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node, context) => monitor(node, context, false)
  },
  {
    // a page of its own: #/raingan-monitor
    id: 'raingan-monitor-page',
    pluginPoint: 'cockpit.route',
    properties: { path: '/raingan-monitor' },
    render: (node, context) => monitor(node, context, true)
  },
  {
    id: 'raingan-monitor-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: {
      pagePath: '#/raingan-monitor',
      checkActive: path => path.includes('#/raingan-monitor')
    },
    render: node => node.append(el('a', { href: '#/raingan-monitor', class: 'raingan-monitor-link' }, 'ติดตามรอบการรายงาน'))
  }
];
