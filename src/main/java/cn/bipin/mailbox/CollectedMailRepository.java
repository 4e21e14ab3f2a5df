package cn.bipin.mailbox;

import cn.bipin.jdbc.RecordRows;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Owns {@code collected_mail}: what was collected from the office mailbox, one row per attachment. */
@Repository
public class CollectedMailRepository {

    private final JdbcClient jdbc;

    CollectedMailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of {@code messageIds} were collected before: one query per 500 ids, not one per message. */
    Set<String> collectedAmong(Collection<String> messageIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(messageIds));
        Set<String> known = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 500) {
            known.addAll(jdbc.sql("select distinct message_id from collected_mail where message_id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500))).query(String.class).list());
        }
        return known;
    }

    void record(CollectedMail m) {
        jdbc.sql("""
                        insert into collected_mail (message_id, sender, subject, received_at, attachment, scheme, period,
                                                    unit_code, outcome, reason, stored_file)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.messageId(), m.sender(), cut(m.subject(), 1000), m.receivedAt(), cut(m.attachment(), 500),
                        m.scheme(), m.period(), cut(m.unitCode(), 50), m.outcome(), cut(m.reason(), 2000),
                        m.storedFile())
                .update();
    }

    public List<CollectedMail> all() {
        return jdbc.sql("select * from collected_mail order by id").query(RecordRows.of(CollectedMail.class)).list();
    }

    /** Files of units' submissions from addresses not listed for the unit, oldest first. */
    public List<CollectedMail> quarantined() {
        return jdbc.sql("select * from collected_mail where outcome = ? order by id").param(CollectedMail.QUARANTINED)
                .query(RecordRows.of(CollectedMail.class)).list();
    }

    /**
     * What the statistician must look at, newest first, at most {@code limit}: files quarantined (a unit's file from an
     * address not listed for it) and attachments that could not be placed (answered to the sender with the reason).
     */
    public List<CollectedMail> waiting(int limit) {
        return jdbc.sql("select * from collected_mail where outcome in (?, ?) order by id desc")
                .params(CollectedMail.QUARANTINED, CollectedMail.ANSWERED).query(RecordRows.of(CollectedMail.class)).stream()
                .limit(limit).toList();
    }

    /** How many rows {@link #waiting} would list without a limit. */
    public int waitingCount() {
        return jdbc.sql("select count(*) from collected_mail where outcome in (?, ?)")
                .params(CollectedMail.QUARANTINED, CollectedMail.ANSWERED).query(Integer.class).single();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
