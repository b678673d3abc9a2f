/*
 * Raingan: คะแนนของฉัน. A navigation bar entry in Tasklist opens the KPI scores the signed-in user may read, per
 * round: their own individual indicators (level, score of 5 and percent, weight, agreed target, what the next level
 * needs, the evidence entered and the head's check) and their district's team score; a district head sees the
 * district's people and team; a province its districts' teams and people. The server decides who reads what; a
 * colleague's scores never reach a person's browser. Printable (the browser's print) and exportable as CSV.
 */
import { el, call, table, csvCell } from '../../../../../../app/raingan/shared.js';

const PLUGIN = 'raingan-kpi-scores';

function base(api) { return `${api.tasklistApi}/plugin/${PLUGIN}/${api.engine}`; }

const two = n => (n === null || n === undefined ? '-' : Number(n).toFixed(2));

function indicatorTable(indicators, withTarget) {
  const headers = ['ตัวชี้วัด', 'น้ำหนัก (ร้อยละ)'];
  if (withTarget) headers.push('ค่าเป้าหมายที่ตกลง');
  headers.push('ระดับที่ได้', 'คะแนน (เต็ม 5)', 'ร้อยละ', 'สิ่งที่ต้องทำเพื่อถึงระดับถัดไป', 'ผลที่กรอกและหลักฐาน');
  return table(headers, indicators.map(i => {
    const cells = [el('td', {}, `${i.id} ${i.name}`), el('td', { class: 'text-right' }, i.weight)];
    if (withTarget) cells.push(el('td', {}, i.target || ''));
    cells.push(el('td', { class: 'text-right raingan-level' }, String(i.level)),
      el('td', { class: 'text-right raingan-indicator-score' }, two(i.score)),
      el('td', { class: 'text-right' }, two(i.percent)),
      el('td', { class: 'raingan-next' }, i.toNextLevel || ''),
      el('td', { class: 'raingan-evidence' }, i.evidence.length ? el('ul', {}, i.evidence.map(e => el('li', {}, e))) : 'ยังไม่ได้กรอก'));
    return el('tr', { class: 'raingan-indicator', 'data-indicator': i.id }, cells);
  }), 'raingan-indicator-table');
}

function personCard(p) {
  return el('section', { class: `raingan-person${p.own ? ' raingan-own' : ''}`, 'data-person': p.personId },
    el('h4', {}, `${p.name} (${p.personId}) ${p.officeName}`, p.own ? ' ของฉัน' : ''),
    el('p', { class: 'raingan-person-score' },
      el('strong', {}, `คะแนนรายบุคคล ${two(p.score)} จาก 5 (ร้อยละ ${two(p.percent)})`), ' ',
      el('span', { class: 'raingan-state' }, p.signedOff ? `ลงนามผลคะแนนแล้ว (ฉบับที่ ${p.version})` : `${p.statusTh || ''}${p.decidedOn ? ` โดย ${p.decidedBy} เมื่อ ${p.decidedOn}` : ''}`)),
    p.returnReason && p.status === 'returned' ? el('p', { class: 'alert alert-warning' }, `เหตุผลที่ส่งกลับ: ${p.returnReason}`) : null,
    el('p', { class: 'help-block' }, p.confirmations.length ? `บันทึกข้อตกลง: ${p.confirmations.join(' และ ')}` : 'บันทึกข้อตกลง: ยังไม่ได้ยืนยัน'),
    indicatorTable(p.indicators, true));
}

function teamCard(t) {
  return el('details', { class: 'raingan-team-detail', 'data-office': t.officeCode },
    el('summary', {}, `ตัวชี้วัดทีมของ ${t.officeName}`), indicatorTable(t.indicators, false));
}

function csvOf(page) {
  const rows = [['ประเภท', 'อำเภอ', 'ผู้รับผิดชอบ', 'ตัวชี้วัด', 'น้ำหนัก', 'ระดับ', 'คะแนน (เต็ม 5)', 'ร้อยละ', 'ระดับถัดไป']];
  page.people.forEach(p => p.indicators.forEach(i => rows.push(['รายบุคคล', p.officeName, p.name, `${i.id} ${i.name}`, i.weight, i.level, two(i.score), two(i.percent), i.toNextLevel])));
  page.people.forEach(p => rows.push(['รวมรายบุคคล', p.officeName, p.name, '', '100', '', two(p.score), two(p.percent), '']));
  page.teams.forEach(t => t.indicators.forEach(i => rows.push(['ทีม', t.officeName, '', `${i.id} ${i.name}`, i.weight, i.level, two(i.score), two(i.percent), i.toNextLevel])));
  page.teams.forEach(t => rows.push(['รวมทีม', t.officeName, '', '', '100', '', two(t.score), two(t.percent), '']));
  return '\ufeff' + rows.map(r => r.map(csvCell).join(',')).join('\r\n');
}

function openPage(api) {
  if (document.querySelector('.raingan-kpi-scores-page')) return;
  const url = base(api);
  const roundSelect = el('select', { class: 'form-control', name: 'round', 'aria-label': 'รอบการประเมิน' });
  const messages = el('div', { class: 'raingan-messages', role: 'status' });
  const results = el('div', { class: 'raingan-score-results' });
  let current = null;
  let asked = 0;
  const exportButton = el('button', { type: 'button', class: 'btn btn-default raingan-export', onclick: () => {
    if (!current) return;
    const link = el('a', { href: URL.createObjectURL(new Blob([csvOf(current)], { type: 'text/csv;charset=utf-8' })),
      download: `คะแนนตัวชี้วัด-${current.roundNo}-${current.fiscalYear}.csv` });
    document.body.append(link); link.click(); link.remove();
  } }, 'ส่งออก CSV');
  const page = el('div', { class: 'raingan-kpi-scores-page', role: 'dialog', 'aria-label': 'คะแนนของฉัน' },
    el('div', { class: 'raingan-page-header' },
      el('h2', {}, 'คะแนนของฉัน'),
      el('span', { class: 'raingan-actions' },
        el('button', { type: 'button', class: 'btn btn-default raingan-print', onclick: () => window.print() }, 'พิมพ์'), ' ',
        exportButton, ' ',
        el('button', { type: 'button', class: 'btn btn-default raingan-close', onclick: () => { page.remove(); document.body.classList.remove('raingan-printing-scores'); } }, 'ปิด กลับไปที่งาน'))),
    el('form', { class: 'form-inline raingan-filters', onsubmit: e => e.preventDefault() },
      el('label', {}, 'รอบการประเมิน ', roundSelect)),
    messages, results);
  document.body.append(page);
  document.body.classList.add('raingan-printing-scores');
  roundSelect.onchange = () => show(roundSelect.value);

  async function show(round) {
    messages.replaceChildren();
    results.replaceChildren(el('p', {}, 'กำลังโหลด...'));
    const mine = ++asked;
    const res = await call(api, 'GET', `${url}/scores?round=${encodeURIComponent(round)}`);
    if (mine !== asked) return; // another round was chosen meanwhile
    if (res.status !== 200) {
      results.replaceChildren();
      messages.append(el('div', { class: 'alert alert-danger' }, (res.json && res.json.message) || 'โหลดคะแนนไม่ได้'));
      return;
    }
    const p = current = res.json;
    const parts = [el('p', { class: 'raingan-round-state' },
      `รอบที่ ${p.roundNo}/${p.fiscalYear} ${p.provinceName} แม่แบบ ${p.template}: `,
      p.signedOff ? `ลงนามผลคะแนนแล้วโดย ${p.signedOffBy} เมื่อ ${p.signedOffOn}` : 'ยังไม่ได้ลงนาม คะแนนคำนวณจากผลที่กรอกขณะนี้')];
    parts.push(el('h3', {}, 'ตัวชี้วัดรายบุคคล'));
    if (p.people.length) parts.push(...p.people.map(personCard));
    else parts.push(el('p', { class: 'raingan-empty' }, 'ไม่มีตัวชี้วัดรายบุคคลที่ท่านดูได้ในรอบนี้'));
    parts.push(el('h3', {}, 'คะแนนทีม (ตัวชี้วัดของอำเภอ)'));
    if (p.teams.length) {
      parts.push(table(['อำเภอ', 'คะแนน (เต็ม 5)', 'ร้อยละ', 'สถานะ'], p.teams.map(t => el('tr', { class: 'raingan-team', 'data-office': t.officeCode },
        el('td', {}, t.officeName), el('td', { class: 'text-right raingan-team-score' }, two(t.score)),
        el('td', { class: 'text-right' }, two(t.percent)), el('td', {}, t.signedOff ? 'ลงนามแล้ว' : 'ยังไม่ได้ลงนาม'))), 'raingan-team-table'));
      parts.push(...p.teams.map(teamCard));
    } else parts.push(el('p', { class: 'raingan-empty' }, 'ไม่มีคะแนนทีมที่ท่านดูได้ในรอบนี้'));
    results.replaceChildren(...parts);
  }

  (async () => {
    const res = await call(api, 'GET', `${url}/rounds`);
    const rounds = (res.status === 200 && res.json && res.json.rounds) || [];
    if (!rounds.length) {
      messages.append(el('div', { class: 'alert alert-info raingan-no-rounds' }, 'ยังไม่มีรอบการประเมินตัวชี้วัดที่ท่านดูคะแนนได้'));
      return;
    }
    rounds.forEach(r => roundSelect.append(el('option', { value: r.round }, `${r.label}${r.signedOff ? ' (ลงนามแล้ว)' : ''}`)));
    const wanted = /[?&]kpiRound=([^&]+)/.exec(window.location.hash);
    if (wanted && rounds.some(r => r.round === decodeURIComponent(wanted[1]))) roundSelect.value = decodeURIComponent(wanted[1]);
    show(roundSelect.value);
  })();
}

const navbar = {
  id: 'raingan-kpi-scores',
  pluginPoint: 'tasklist.navbar.action',
  priority: 185,
  render(node, { api }) {
    node.append(el('a', { href: '', class: 'raingan-kpi-scores-link', onclick: e => { e.preventDefault(); openPage(api); } },
      el('span', { class: 'glyphicon glyphicon-star' }), ' ', el('span', {}, 'คะแนนของฉัน')));
    if (/[?&]kpiScores=1/.test(window.location.hash)) openPage(api);
  }
};

export default [navbar];
