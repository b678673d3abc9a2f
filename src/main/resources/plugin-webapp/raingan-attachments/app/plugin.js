/*
 * Raingan: the "ไฟล์แนบ" tab of a report's task in Tasklist. Lists the report's photos and documents; while the
 * district's draft is open, uploads several files at once (each with its progress), and deletes files not yet
 * submitted. The server checks everything again: type by content, 2 MB per file, who may see the report.
 */
import { el, call, fileSize as size, beDateTime, alertBox } from '../../../../../../app/raingan/shared.js';

const MAX_BYTES = 2 * 1024 * 1024;
// a photo is taken up to this size and made to fit 2 MB on the server (AttachmentService.MAX_UPLOAD_BYTES)
const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

function render(node, { api, taskId }) {
  const base = `${api.tasklistApi}/plugin/raingan-attachments/${api.engine}`;
  const list = el('tbody');
  const messages = el('div', { class: 'raingan-messages' });
  const input = el('input', { type: 'file', multiple: 'multiple', accept: '.jpg,.jpeg,.png,.pdf,.doc,.docx,.xls,.xlsx' });
  // the browser's own file chooser says "Choose Files / No file chosen" in the browser's language: it sits, nearly
  // transparent, over a Thai button
  const uploadBox = el('div', { class: 'raingan-upload' },
    el('label', { class: 'btn btn-default raingan-choose' }, 'เลือกไฟล์ (เลือกได้หลายไฟล์)', input),
    el('p', { class: 'help-block' },
      'รูปภาพ เอกสาร PDF เอกสารเวิร์ด หรือตาราง Excel ไม่เกินไฟล์ละ 2 เมกะไบต์ — รูปภาพที่ใหญ่กว่านั้นระบบจะย่อให้อัตโนมัติ'));
  uploadBox.style.display = 'none';
  // a named slot (the evaluation plan's EA4 data form): its files are marked with the slot's kind
  const SLOT_NAMES = { 'ea4': 'แบบจัดเก็บข้อมูล (EA4)', 'ea4-province': 'ไฟล์สรุปแบบจัดเก็บข้อมูล (EA4) ของจังหวัด' };
  const slotInput = el('input', { type: 'file', multiple: 'multiple', name: 'slot-file', accept: '.jpg,.jpeg,.png,.pdf,.doc,.docx,.xls,.xlsx' });
  const slotLabel = el('span', {}, '');
  const slotBox = el('div', { class: 'raingan-upload raingan-slot' },
    el('label', { class: 'btn btn-primary raingan-choose' }, slotLabel, slotInput),
    el('p', { class: 'help-block' }, 'ต้องแนบอย่างน้อย 1 ไฟล์ก่อนส่ง (เลือกได้หลายไฟล์ ไม่เกินไฟล์ละ 2 เมกะไบต์)'));
  slotBox.style.display = 'none';
  let slot = null;
  const progress = el('div', { class: 'raingan-progress' });
  // photos are shown here, in the tab; a PDF opens in the browser's own viewer (a new tab: the webapp's security
  // headers forbid framing it), never as a download
  const viewer = el('div', { class: 'raingan-viewer', role: 'region', 'aria-label': 'ดูไฟล์' });

  node.append(
    el('div', { class: 'raingan-attachments' },
      messages, slotBox, uploadBox, progress, viewer,
      el('table', { class: 'table table-condensed' },
        el('thead', {}, el('tr', {},
          el('th', {}, 'ไฟล์'), el('th', {}, 'ขนาด'), el('th', {}, 'แนบโดย'), el('th', {}, 'เมื่อ'), el('th', {}, ''))),
        list)));

  function say(text, kind) {
    messages.append(alertBox(kind, text));
  }

  const request = (method, url, body, onProgress) => call(api, method, url, body, { onProgress });

  async function load() {
    const { status, json } = await request('GET', `${base}/tasks/${taskId}/attachments`);
    list.replaceChildren();
    if (status !== 200) {
      say((json && json.message) || 'โหลดรายการไฟล์ไม่ได้', 'danger');
      return;
    }
    uploadBox.style.display = json.editable ? '' : 'none';
    slot = json.slot || null;
    slotLabel.textContent = slot ? `แนบ${SLOT_NAMES[slot] || slot}` : '';
    slotBox.style.display = json.editable && slot ? '' : 'none';
    if (!json.files.length) {
      list.append(el('tr', {}, el('td', { colspan: '5' }, 'ยังไม่มีไฟล์แนบ')));
    }
    json.files.forEach(file => {
      const photo = /^image\/(jpeg|png)$/.test(file.type);
      const pdf = file.type === 'application/pdf';
      const inline = `${base}/attachments/${file.id}?inline=true`;
      const link = el('a', { href: photo || pdf ? inline : `${base}/attachments/${file.id}`, target: '_blank', class: 'raingan-file' }, file.name);
      if (photo) {
        link.onclick = event => {
          event.preventDefault();
          const close = el('button', { type: 'button', class: 'btn btn-default btn-sm', onclick: () => viewer.replaceChildren() }, 'ปิด');
          const image = el('img', { src: inline, alt: file.name, class: 'raingan-viewer-image' });
          viewer.replaceChildren(el('div', { class: 'raingan-viewer-head' }, el('strong', {}, file.name), ' ', close), image);
          viewer.scrollIntoView({ block: 'nearest' });
        };
      }
      const shrunk = file.originalSize > file.size ? ` (ย่อจาก ${size(file.originalSize)})` : '';
      const actions = el('td');
      if (json.editable && !file.submitted) {
        actions.append(el('button', {
          type: 'button', class: 'btn btn-link', onclick: async () => {
            if (!window.confirm(`ต้องการลบไฟล์ "${file.name}" ใช่หรือไม่`)) return;
            const res = await request('DELETE', `${base}/tasks/${taskId}/attachments/${file.id}`);
            if (res.status !== 204) say((res.json && res.json.message) || 'ลบไฟล์ไม่ได้', 'danger');
            load();
          }
        }, 'ลบ'));
      } else if (file.submitted) {
        actions.append('ส่งแล้ว');
      }
      const marker = file.kind ? el('span', { class: 'label label-info raingan-kind' }, SLOT_NAMES[file.kind] || file.kind) : '';
      list.append(el('tr', {}, el('td', {}, marker, marker ? ' ' : '', link), el('td', {}, size(file.size) + shrunk),
        el('td', {}, file.uploadedBy), el('td', {}, beDateTime(file.uploadedAt)), actions));
    });
  }

  const upload = (chooser, kind) => async () => {
    messages.replaceChildren();
    const files = Array.from(chooser.files);
    await Promise.all(files.map(async file => {
      const bar = el('div', { class: 'progress-bar', role: 'progressbar', style: 'width: 0%' }, '0%');
      const row = el('div', {}, el('span', {}, file.name + ' '), el('div', { class: 'progress' }, bar));
      progress.append(row);
      if (file.size > MAX_BYTES && !/^image\/(jpeg|png)$/.test(file.type)) {
        say(`ไฟล์ "${file.name}" มีขนาด ${size(file.size)} เกิน 2 เมกะไบต์ ที่กำหนด กรุณาลดขนาดไฟล์แล้วแนบใหม่`, 'danger');
        row.remove();
        return;
      }
      if (file.size > MAX_PHOTO_BYTES) {
        say(`รูปภาพ "${file.name}" มีขนาด ${size(file.size)} เกิน 20 เมกะไบต์ ที่รับได้ กรุณาย่อภาพแล้วแนบใหม่`, 'danger');
        row.remove();
        return;
      }
      const url = `${base}/tasks/${taskId}/attachments?name=${encodeURIComponent(file.name)}` +
        (kind ? `&kind=${encodeURIComponent(kind)}` : '');
      const res = await request('POST', url, file, share => {
        bar.style.width = `${Math.round(share * 100)}%`;
        bar.textContent = `${Math.round(share * 100)}%`;
      });
      row.remove();
      if (res.status === 200) say(`แนบไฟล์ "${res.json.name}" เรียบร้อยแล้ว`, 'success');
      else say((res.json && res.json.message) || `แนบไฟล์ "${file.name}" ไม่ได้`, 'danger');
    }));
    chooser.value = '';
    load();
  };
  input.onchange = upload(input, null);
  slotInput.onchange = () => upload(slotInput, slot)();

  load();
}

export default {
  id: 'raingan-attachments',
  pluginPoint: 'tasklist.task.detail',
  priority: 9,
  properties: { label: 'ไฟล์แนบ' },
  render
};
