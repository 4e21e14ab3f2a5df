-- Feedback mailed to a unit right after its file was collected from the office mailbox (issue 18): one row per
-- unit, period and set of the unit's files in the inbox (a digest of their checksums). A unit is never mailed the
-- same feedback twice for the same files, however many collect passes see them.
CREATE TABLE collect_feedback (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    scheme       VARCHAR(100) NOT NULL,
    period       VARCHAR(20)  NOT NULL,
    unit_code    VARCHAR(50)  NOT NULL,
    files_digest VARCHAR(64)  NOT NULL,
    mailed_at    TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE UNIQUE INDEX ux_collect_feedback ON collect_feedback (scheme, period, unit_code, files_digest);
