-- A monthly run's review of each unit (DOMAIN §7.2, D16–D18): raw total, coefficient, scaled score, cumulative
-- completion against time progress, this month's pre-deduction, last month's deduction and its fate (RESTORED 返还 /
-- CONFIRMED 确认扣除), the published score (what total_score holds and ranks) and the lagging streak behind the
-- letters. The next month reads these rows of this month's latest completed revision. Owner: cn.bipin.results.ReviewRepository.
CREATE TABLE review_score (
    run_id            BIGINT        NOT NULL,
    unit_code         VARCHAR(64)   NOT NULL,
    raw_score         DECIMAL(7, 2) NOT NULL,
    coefficient       DECIMAL(6, 4) NOT NULL,
    scaled_score      DECIMAL(7, 2) NOT NULL,
    completion        DECIMAL(9, 4) NOT NULL,
    time_progress     DECIMAL(9, 4) NOT NULL,
    lagging           BOOLEAN       NOT NULL,
    deducted          DECIMAL(7, 2) NOT NULL,
    previous_deducted DECIMAL(7, 2) NOT NULL,
    previous_fate     VARCHAR(12),
    restored          DECIMAL(7, 2) NOT NULL,
    published_score   DECIMAL(7, 2) NOT NULL,
    lag_streak        INT           NOT NULL,
    PRIMARY KEY (run_id, unit_code)
);
