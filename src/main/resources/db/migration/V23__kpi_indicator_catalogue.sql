-- The KPI indicator catalogue (seed 003): set centrally by the department, offices only enter their plans.
-- Each indicator belongs to a request level (ชั้นค่าขอ) and a service target (เป้าหมายการให้บริการหน่วยงาน)
-- and is planned by the offices listed in kpi_indicator_office: a district code, a province code (the province
-- office and all its districts) or '*' (every office).
create table raingan.kpi_indicator (
  code                varchar(32)   primary key,
  name_th             varchar(1000) not null,
  unit_th             varchar(100)  not null,
  kpi_type            varchar(32)   not null,
  level_th            varchar(200)  not null,
  service_target_code varchar(32)   not null,
  service_target_th   varchar(1000) not null,
  updated_by          varchar(64)   not null,
  updated_at          timestamp     not null,
  constraint kpi_indicator_type check (kpi_type in ('เชิงปริมาณ', 'เชิงคุณภาพ'))
);

create table raingan.kpi_indicator_office (
  kpi_code    varchar(32) not null references raingan.kpi_indicator (code) on delete cascade,
  office_code varchar(8)  not null,
  primary key (kpi_code, office_code)
);

-- a plan the province reopened is "เปิดแก้ไข" until it is signed off again
alter table raingan.kpi_plan drop constraint kpi_plan_status;
alter table raingan.kpi_plan add constraint kpi_plan_status
  check (status in ('draft', 'signed_off', 'accepted', 'reopened'));
create index kpi_plan_office on raingan.kpi_plan (office_code, fiscal_year_be);

-- the budget bureau's example indicators (seed 003's search result), planned by every office
insert into raingan.kpi_indicator (code, name_th, unit_th, kpi_type, level_th, service_target_code, service_target_th,
  updated_by, updated_at) values
('01', 'องค์กรปกครองส่วนท้องถิ่นผ่านเกณฑ์การประเมินประสิทธิภาพ (Local Performance Assessment : LPA) ไม่น้อยกว่า',
  'ร้อยละ', 'เชิงปริมาณ', '2.4 ชั้นค่าขอ >> ค่าขอกรม', '01',
  'องค์กรปกครองส่วนท้องถิ่นมีการบริหารจัดการที่ดีและมีความเข้มแข็ง', 'system', current_timestamp),
('02', 'องค์กรปกครองส่วนท้องถิ่นผ่านเกณฑ์การประเมินด้านการบริหารจัดการในระดับดีมาก ไม่น้อยกว่า',
  'ร้อยละ', 'เชิงคุณภาพ', '2.4 ชั้นค่าขอ >> ค่าขอกรม', '01',
  'องค์กรปกครองส่วนท้องถิ่นมีการบริหารจัดการที่ดีและมีความเข้มแข็ง', 'system', current_timestamp);
insert into raingan.kpi_indicator_office (kpi_code, office_code) values ('01', '*'), ('02', '*');
