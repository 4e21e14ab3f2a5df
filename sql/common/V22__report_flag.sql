-- D15: a unit's report flagged as falsified (虚报) by the campaign office, with who flagged it and when. Kept as data
-- and listed in the year's award document; a flagged unit wins no prize that year. Owner: cn.bipin.award.ReportFlags.
CREATE TABLE report_flag (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    scheme      VARCHAR(100)  NOT NULL,
    unit_code   VARCHAR(64)   NOT NULL,
    period      VARCHAR(16)   NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    flagged_by  VARCHAR(100)  NOT NULL,
    flagged_at  TIMESTAMP     NOT NULL
);

CREATE INDEX ix_report_flag_scheme ON report_flag (scheme, period);
