#!/usr/bin/env python3
"""Builds the webapps' th.json from Camunda's en.json and our Thai translations.

Usage: tools/build-webapp-th.py <unpacked camunda-webapp-webjar> [folder of new translations: APP-N.json]

Run it after a Camunda upgrade: the translations already in th.json are kept, new English keys are added.

Every English key is kept; a key with a Thai translation gets it, any other keeps its English text, so English
is the fallback label by label. Placeholders ({{...}}) must match the English ones or the script stops.
"""
import glob, json, os, re, sys

webjar = sys.argv[1]
parts = sys.argv[2] if len(sys.argv) > 2 else None
app_dir = os.path.join(webjar, 'META-INF/resources/webjars/camunda/app')
out_dir = os.path.join(os.path.dirname(__file__), '..', 'src/main/resources/META-INF/resources/webjars/camunda/app')

DATE_LOCALES_TH = {
    "calendar": {"lastDay": "[เมื่อวานนี้ เวลา] LT", "lastWeek": "[วัน]dddd[ที่แล้ว เวลา] LT",
                 "nextDay": "[พรุ่งนี้ เวลา] LT", "nextWeek": "dddd[หน้า เวลา] LT",
                 "sameDay": "[วันนี้ เวลา] LT", "sameElse": "L"},
    "longDateFormat": {"L": "DD/MM/YYYY", "LL": "D MMMM YYYY", "LLL": "D MMMM YYYY [เวลา] LT",
                       "LLLL": "[วัน]dddd[ที่] D MMMM YYYY [เวลา] LT", "LT": "HH:mm"},
    "months": ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
               "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"],
    "monthsShort": ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."],
    "relativeTime": {"M": "1 เดือน", "MM": "%d เดือน", "d": "1 วัน", "dd": "%d วัน", "future": "อีก %s",
                     "h": "1 ชั่วโมง", "hh": "%d ชั่วโมง", "m": "1 นาที", "mm": "%d นาที", "past": "%sที่แล้ว",
                     "s": "ไม่กี่วินาที", "y": "1 ปี", "yy": "%d ปี"},
    "week": {"dow": 0, "doy": 6},
    "weekdays": ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"],
    "weekdaysMin": ["อา.", "จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส."],
    "weekdaysShort": ["อา.", "จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส."],
}

# the sources' own words where the reporting system's screens say them (the Sa Kaeo manual, docs/requirements/overview.md: "กดเพื่อส่งรายงาน")
# and the apps' names, the login page's vendor ("CAMUNDA") and empty values in Thai (issue 16: no English on screen)
NAMES = {'APP_VENDOR': 'รายงาน', 'TASKLIST_APP': 'ระบบงาน', 'COCKPIT_APP': 'ติดตามงาน', 'ADMIN_APP': 'ผู้ดูแลระบบ',
         'CAM_WIDGET_VARIABLES_TABLE_NULL': 'ไม่มีค่า', 'CAM_WIDGET_VARIABLE_NULL': 'ไม่มีค่า',
         'CAM_WIDGET_VARIABLE_UNDEFINED': 'ไม่ได้กำหนด'}
OVERRIDES = {
    'tasklist': {'COMPLETE': 'ส่งข้อมูล', 'Complete': 'ส่งข้อมูล', **NAMES},
    'cockpit': NAMES,
    'admin': NAMES,
    'welcome': {**NAMES, 'TASKLIST': 'ระบบงาน', 'COCKPIT': 'ติดตามงาน', 'ADMIN': 'ผู้ดูแลระบบ'},
}

placeholder = re.compile(r'\{\{[^}]*\}\}')


def tidy(value):
    """Thai without English glosses: "(deployment)" dropped, "ID" read as รหัส, the product named as the system."""
    if not re.search('[\u0E00-\u0E7F]', value):
        return value
    value = re.sub(r'\s*\((?:[A-Za-z][A-Za-z .-]*)\)', '', value)
    value = re.sub(r'\bID\b', 'รหัส', value)
    value = value.replace('ใช้งาน Camunda', 'ใช้งานระบบรายงาน').replace('สู่ Camunda', 'สู่ระบบรายงาน')
    value = value.replace('หน้าต้อนรับของ Camunda', 'หน้าแรกของระบบ').replace('เว็บแอป Camunda', 'เว็บแอป')
    value = value.replace('process engine', 'เครื่องมือประมวลผล').replace('"null"', 'ว่าง')
    return value

for app in ('admin', 'cockpit', 'tasklist', 'welcome'):
    en = json.load(open(os.path.join(app_dir, app, 'locales/en.json'), encoding='utf-8-sig'))
    target = os.path.join(out_dir, app, 'locales/th.json')
    thai = json.load(open(target, encoding='utf-8'))['labels'] if os.path.exists(target) else {}
    for part in sorted(glob.glob(os.path.join(parts, app + '-*.json')) if parts else []):
        thai.update(json.load(open(part, encoding='utf-8')))
    thai.update(OVERRIDES.get(app, {}))
    labels, missing = {}, 0
    for key, english in en['labels'].items():
        value = thai.get(key)
        if value is None:
            missing += 1
            value = english
        elif value == '' and english != '':
            value = '\u200b'  # an English plural "s": nothing in Thai, but an empty label would show its key
        if sorted(placeholder.findall(value)) != sorted(placeholder.findall(english)):
            sys.exit(f'{app} {key}: placeholders differ: {english!r} / {value!r}')
        labels[key] = tidy(value)
    result = {'labels': labels}
    if 'dateLocales' in en:
        result = {'dateLocales': DATE_LOCALES_TH, 'labels': labels}
    os.makedirs(os.path.join(out_dir, app, 'locales'), exist_ok=True)
    with open(target, 'w', encoding='utf-8') as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    print(f'{app}: {len(labels)} labels, {len(labels) - missing} in Thai, {missing} kept in English')
