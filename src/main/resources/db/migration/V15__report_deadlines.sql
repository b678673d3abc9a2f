-- An activity not yet held (seed 002's plan, issue 15): the district reports "ยังไม่ได้ดำเนินการ" with a reason and the
-- date it is now planned for; the province sees both. The report's due date (due_date) follows that plan.
alter table raingan.report add column not_held_reason varchar(4000);
alter table raingan.report add column planned_date date;
alter table raingan.report add column not_held_at timestamp;

-- "ประเด็นความสำเร็จ (อาจไม่มีข้อมูลให้กรอก)": success points are optional.
alter table raingan.report_version alter column success_points drop not null;
