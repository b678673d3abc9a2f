-- Offices of the Community Development Department: the department, provinces and districts.
create schema if not exists raingan;

create table raingan.org_unit (
  code        varchar(8)   primary key,
  level       varchar(16)  not null,
  parent_code varchar(8)   references raingan.org_unit (code),
  name_th     varchar(255) not null,
  name_en     varchar(255) not null,
  constraint org_unit_level check (level in ('department', 'province', 'district'))
);

-- Which office a user works for, and the profile notifications use (seed 004).
create table raingan.officer (
  user_id     varchar(64)  primary key,
  office_code varchar(8)   not null references raingan.org_unit (code),
  role        varchar(16)  not null,
  position_th varchar(255),
  phone       varchar(32),
  constraint officer_role check (role in ('district', 'reviewer', 'manager', 'admin'))
);
create index officer_office on raingan.officer (office_code);
