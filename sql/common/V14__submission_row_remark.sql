-- A note on an accepted row that was read with a correction the unit should know about, e.g. a unit code written
-- in another case or with a trailing space, matched to the unit.
ALTER TABLE submission_row ADD COLUMN remark VARCHAR(1000);
