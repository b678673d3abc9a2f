-- The offices a KPI round closes, fixed by the server when the round is frozen (issue 29): each office's part, the
-- notifications and a reopening are taken from here, never from a process variable a completion could overwrite.
create table raingan.kpi_round_office (
  round_key    varchar(32)  not null references raingan.kpi_round (round_key),
  office_code  varchar(8)   not null,
  primary key (round_key, office_code)
);

insert into raingan.kpi_round_office (round_key, office_code)
select distinct k.round_key, r.office_code from raingan.kpi_round k join raingan.report r on r.round_key = k.round_key;
