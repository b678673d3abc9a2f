-- A person's profile (seed 001: ชื่อ สกุล, ตำแหน่ง, หน่วยงาน, สังกัดกลุ่มงาน/ฝ่าย, โทรศัพท์, อีเมลแอดเดรส, วันที่ลงทะเบียน).
-- Office and role are no longer stored: they follow from the user's Camunda groups (district-<code>,
-- province-<code>-review, province-<code>-manager, department). The Thai first and last name and the e-mail are the
-- Camunda user's own fields (Camunda Admin shows and edits them); this table holds the rest, keyed by user id.
create table raingan.profile (
  user_id       varchar(64)  primary key,
  position_th   varchar(255),
  section_th    varchar(255),
  phone         varchar(32),
  registered_on date         not null,
  updated_at    timestamp,
  updated_by    varchar(64)
);

insert into raingan.profile (user_id, position_th, phone, registered_on)
  select user_id, position_th, phone, current_date from raingan.officer;

drop table raingan.officer;
