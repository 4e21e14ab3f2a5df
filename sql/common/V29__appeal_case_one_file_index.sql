-- Issue 17 budget (100,000 appeal cases): appeal_case had two indexes on file_id on H2, which creates its own index
-- for a foreign key beside ix_appeal_case_file (file_id, row_no); every row inserted and committed paid for both.
-- MariaDB had already folded them into one. One index on file_id now serves the foreign key and the reads by file
-- (the reads by run sort by file and row number anyway). Portable DDL (MariaDB and H2 in MODE=MariaDB).
ALTER TABLE appeal_case DROP CONSTRAINT fk_appeal_case_file;
DROP INDEX ix_appeal_case_file ON appeal_case;
ALTER TABLE appeal_case ADD CONSTRAINT fk_appeal_case_file FOREIGN KEY (file_id) REFERENCES appeal_file (id);
