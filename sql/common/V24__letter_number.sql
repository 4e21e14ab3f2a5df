-- The yearly numbers of the letters of 三函一单 (D18, e.g. 兰新考〔2023〕橙3号): one number per scheme, year, unit,
-- month and kind, given the first time the letter is issued and kept for every re-run or correction of that month,
-- so a letter never gets a second number; seq counts per scheme, year and kind. Owner: cn.bipin.letters.LetterNumbers.
CREATE TABLE letter_number (
    scheme     VARCHAR(64)  NOT NULL,
    year_no    INT          NOT NULL,
    unit_code  VARCHAR(64)  NOT NULL,
    period     VARCHAR(16)  NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    seq        INT          NOT NULL,
    number     VARCHAR(100) NOT NULL,
    run_id     BIGINT       NOT NULL,
    issued_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (scheme, year_no, unit_code, period, kind),
    CONSTRAINT uq_letter_seq UNIQUE (scheme, year_no, kind, seq)
);
