-- Seed 001's budget table has, per source, the allocation, the plan and the result: the plan is the amount an
-- office plans to disburse for its assignment (the allocation when the import does not say).
alter table raingan.assignment add column plan_baht numeric(14, 2);
