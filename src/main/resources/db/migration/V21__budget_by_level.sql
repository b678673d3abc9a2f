-- The budget by level (seed 001: each source split into central / province / training centre). The province level
-- is what Raingan's own assignments hold; the central budget (kept by the department) and the training centres'
-- are recorded here per fiscal year and source, from the department's figures (CSV, by the administrator).
create table raingan.budget_level (
  fiscal_year_be  integer        not null,
  level           varchar(16)    not null,
  budget_source   varchar(2)     not null,
  allocation_baht numeric(16, 2) not null,
  plan_baht       numeric(16, 2),
  result_baht     numeric(16, 2) not null,
  recorded_by     varchar(64)    not null,
  recorded_at     timestamp      not null,
  primary key (fiscal_year_be, level, budget_source),
  constraint budget_level_level check (level in ('central', 'training_centre'))
);
