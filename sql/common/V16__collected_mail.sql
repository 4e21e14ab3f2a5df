-- Mail collected from the office mailbox (issue 18): one row per attachment (or one for a message without any), so
-- the statistician can see who sent which file, when it arrived and where it went. A message id found here is never
-- collected again.
CREATE TABLE collected_mail (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id   VARCHAR(500)  NOT NULL,
    sender       VARCHAR(320),
    subject      VARCHAR(1000),
    received_at  TIMESTAMP     NOT NULL,
    attachment   VARCHAR(500),
    scheme       VARCHAR(100),
    period       VARCHAR(20),
    unit_code    VARCHAR(50),
    outcome      VARCHAR(12)   NOT NULL,
    reason       VARCHAR(2000),
    stored_file  VARCHAR(1000),
    collected_at TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX ix_collected_mail_message ON collected_mail (message_id);
