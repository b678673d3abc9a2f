-- KPI target plans (seed 003): one per office, fiscal year and indicator. Signed off = locked.
create table raingan.kpi_plan (
  business_key   varchar(160)   primary key,
  fiscal_year_be integer        not null,
  office_code    varchar(8)     not null references raingan.org_unit (code),
  kpi_code       varchar(32)    not null,
  kpi_name       varchar(1000)  not null,
  unit_th        varchar(100),
  kpi_type       varchar(32),
  status         varchar(16)    not null,
  values_json    varchar(20000) not null,
  warnings       varchar(4000),
  updated_by     varchar(64)    not null,
  updated_at     timestamp      not null,
  signed_off_by  varchar(64),
  signed_off_at  timestamp,
  constraint kpi_plan_status check (status in ('draft', 'signed_off', 'accepted')),
  constraint kpi_plan_once unique (fiscal_year_be, office_code, kpi_code)
);
