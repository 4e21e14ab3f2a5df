-- Which process is sending a delivery right now: a row left SENDING by a process that no longer exists was perhaps
-- sent, perhaps not, and is reported to the statistician rather than sent again or skipped in silence.
ALTER TABLE delivery ADD COLUMN owner VARCHAR(200);
