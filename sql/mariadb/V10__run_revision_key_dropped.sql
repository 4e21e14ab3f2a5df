-- The revision key of a run becomes (scheme, kind, period, revision): the old one is dropped here, per dialect.
ALTER TABLE run DROP INDEX uk_run_revision;
