-- One row per attempt to deliver a bulletin to one recipient, so a leader's
-- office can be told exactly what reached whom, and a failed send can be retried.
-- Portable DDL: runs unchanged on MariaDB and on H2 in MODE=MariaDB.
CREATE TABLE delivery (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id          BIGINT,
    recipient_name  VARCHAR(100),
    recipient_email VARCHAR(254)  NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    channel         VARCHAR(8)    NOT NULL,
    status          VARCHAR(8)    NOT NULL,
    error           TEXT,
    eml_path        VARCHAR(1000),
    created_at      TIMESTAMP     NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX ix_delivery_run ON delivery (run_id);
