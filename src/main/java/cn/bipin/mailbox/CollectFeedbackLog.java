package cn.bipin.mailbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Owns {@code collect_feedback}: which feedback (unit, period, set of files) was mailed right after collection. */
@Repository
class CollectFeedbackLog {

    private final JdbcClient jdbc;

    CollectFeedbackLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean mailed(String scheme, String period, String unitCode, String filesDigest) {
        return jdbc.sql("""
                        select count(*) from collect_feedback
                        where scheme = ? and period = ? and unit_code = ? and files_digest = ?""")
                .params(scheme, period, unitCode, filesDigest).query(Integer.class).single() > 0;
    }

    void record(String scheme, String period, String unitCode, String filesDigest) {
        jdbc.sql("insert into collect_feedback (scheme, period, unit_code, files_digest) values (?, ?, ?, ?)")
                .params(scheme, period, unitCode, filesDigest).update();
    }
}
