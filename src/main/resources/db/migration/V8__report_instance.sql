-- The dashboard links each report to its process instance in Cockpit.
alter table raingan.report add column process_instance_id varchar(64);
create index report_round_status on raingan.report (round_key, status, due_date);
