-- An assignment as the province's letter assigns it (seed 002): the activity's planned period ("ไตรมาส ๓-๔",
-- a year-long project: the whole fiscal year), its own deadline rule (empty: the project's rule), whether the
-- report asks for part 2 (area data) and for the evaluation summary (empty: the project's setting).
alter table raingan.assignment add column activity_start date;
alter table raingan.assignment add column activity_end date;
alter table raingan.assignment add column deadline_rule varchar(64);
alter table raingan.assignment add column needs_area_data boolean default true not null;
alter table raingan.assignment add column evaluation_required boolean;

-- A report whose activity is not yet held (reported with a reason and a planned date), and one withdrawn because
-- the province removed its assignment.
alter table raingan.report drop constraint report_status;
alter table raingan.report add constraint report_status
  check (status in ('draft', 'submitted', 'returned', 'approved', 'not_submitted', 'not_held', 'withdrawn'));
