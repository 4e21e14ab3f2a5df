-- The prize document of an annual run (D13–D15), line by line in the order it is published: kind 'prize' is a
-- winner (won = TRUE) or a unit that would have won but may not (won = FALSE, note says why); kind 'excluded' is a
-- unit disqualified for the year with its reasons; kind 'statement' a unit listed for 表态发言 with the targets it
-- missed. Owner: cn.bipin.award.PrizeLedger.
CREATE TABLE prize_line (
    run_id           BIGINT         NOT NULL,
    line_no          INT            NOT NULL,
    kind             VARCHAR(12)    NOT NULL,
    prize_code       VARCHAR(64),
    prize_name       VARCHAR(100),
    pool_code        VARCHAR(64),
    competition_code VARCHAR(64),
    unit_code        VARCHAR(64)    NOT NULL,
    unit_rank        INT,
    score            DECIMAL(7, 2),
    won              BOOLEAN        NOT NULL,
    amount           DECIMAL(14, 2) NOT NULL,
    note             VARCHAR(2000)  NOT NULL,
    PRIMARY KEY (run_id, line_no)
);
