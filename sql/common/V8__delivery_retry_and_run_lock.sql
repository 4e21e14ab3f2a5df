-- Mail that gets there: a delivery keeps what it needs to be retried (body, attachments) and how often it was
-- tried; PENDING rows are retried, HELD rows wait for a statistician's release.
ALTER TABLE delivery ADD COLUMN body TEXT;
ALTER TABLE delivery ADD COLUMN attachments TEXT;
ALTER TABLE delivery ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE delivery ADD COLUMN updated_at TIMESTAMP NULL;
CREATE INDEX ix_delivery_status ON delivery (status);

-- One run per period: the row exists while a run of (scheme, cycle, period) is under way.
CREATE TABLE run_lock (
    scheme      VARCHAR(64)  NOT NULL,
    cycle       VARCHAR(16)  NOT NULL,
    period      VARCHAR(16)  NOT NULL,
    run_id      BIGINT,
    owner       VARCHAR(200) NOT NULL,
    acquired_at TIMESTAMP    NOT NULL,
    PRIMARY KEY (scheme, cycle, period)
);

-- Which process runs a run, and when it last showed signs of life, so a run left STARTED by a killed JVM is found.
ALTER TABLE run ADD COLUMN owner VARCHAR(200);
ALTER TABLE run ADD COLUMN heartbeat_at TIMESTAMP NULL;
