package cn.bipin.warning;

import cn.bipin.jdbc.RecordRows;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.bipin.run.IngestCounts;

/** The warning tables (V26, V27): city-figure files, each run's indicators with their triggers, weekly ledgers. */
@Repository
class WarningStore {

    private final JdbcClient jdbc;

    WarningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordInput(long runId, String period, String fileName, String storedPath, String checksum,
                     LocalDateTime receivedAt, CityFigures.Result result) {
        jdbc.sql("""
                INSERT INTO warning_input (run_id, period, file_name, stored_path, checksum, received_at, status, error,
                  rows_accepted, rows_rejected)
                VALUES (:run, :period, :name, :stored, :checksum, :received, :status, :error, :accepted, :rejected)""")
                .param("run", runId).param("period", period).param("name", fileName).param("stored", storedPath)
                .param("checksum", checksum).param("received", receivedAt)
                .param("status", result.refused() == null ? "ACCEPTED" : "REJECTED")
                .param("error", result.refused() != null ? result.refused()
                        : result.rejected().isEmpty() ? null : clip(String.join("\n", result.rejected())))
                .param("accepted", result.rows().size()).param("rejected", result.rejected().size()).update();
    }

    /** The reasons of the run's refused city files and rows, one line each. */
    List<String> rejections(long runId) {
        return jdbc.sql("SELECT error FROM warning_input WHERE run_id = ? AND error IS NOT NULL ORDER BY id")
                .param(runId).query(String.class).list().stream()
                .flatMap(e -> Arrays.stream(e.split("\n"))).toList();
    }

    IngestCounts counts(long runId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN status = 'ACCEPTED' THEN 1 ELSE 0 END), 0) AS files_accepted,
                       COALESCE(SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END), 0) AS files_rejected,
                       COALESCE(SUM(rows_accepted), 0) AS rows_accepted, COALESCE(SUM(rows_rejected), 0) AS rows_rejected
                FROM warning_input WHERE run_id = :run""").param("run", runId).query(RecordRows.of(IngestCounts.class)).single();
    }

    void replaceItems(long runId, List<WarningRules.Item> items) {
        jdbc.sql("DELETE FROM warning_item WHERE run_id = ?").param(runId).update();
        int position = 0;
        for (WarningRules.Item i : items) {
            jdbc.sql("""
                    INSERT INTO warning_item (run_id, position, group_code, dimension_code, unit_code, input_value,
                      annual_target, completion, time_progress, zone_growth, city_growth, city_rank, previous_rank, triggers)
                    VALUES (:run, :position, :group, :dimension, :unit, :value, :target, :completion, :progress, :zone,
                      :city, :rank, :previous, :triggers)""")
                    .param("run", runId).param("position", position++).param("group", i.group())
                    .param("dimension", i.dimension()).param("unit", i.unit()).param("value", i.value())
                    .param("target", i.annualTarget()).param("completion", i.completion())
                    .param("progress", i.timeProgress()).param("zone", i.zoneGrowth()).param("city", i.cityGrowth())
                    .param("rank", i.cityRank()).param("previous", i.previousRank())
                    .param("triggers", String.join(",", i.triggers().stream().map(Enum::name).toList())).update();
        }
    }

    /** A run's indicators in scheme order, as stored (decimals at the columns' scale). */
    List<WarningRules.Item> items(long runId) {
        return jdbc.sql("""
                SELECT group_code, dimension_code, unit_code, input_value, annual_target, completion, time_progress,
                  zone_growth, city_growth, city_rank, previous_rank, triggers
                FROM warning_item WHERE run_id = ? ORDER BY position""").param(runId)
                .query((rs, n) -> new WarningRules.Item(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getBigDecimal(9), (Integer) rs.getObject(10, Integer.class),
                        (Integer) rs.getObject(11, Integer.class), triggers(rs.getString(12)))).list();
    }

    private static List<WarningRules.Trigger> triggers(String s) {
        return s == null || s.isEmpty() ? List.of()
                : Arrays.stream(s.split(",")).map(WarningRules.Trigger::valueOf).toList();
    }

    // ---- weekly ledgers

    boolean weeklyKnown(String scheme, String checksum) {
        return jdbc.sql("SELECT COUNT(*) FROM weekly_ledger WHERE scheme = ? AND checksum = ?")
                .params(scheme, checksum).query(Long.class).single() > 0;
    }

    /** Whether the department already has an accepted file for the week (then a new one is not its first). */
    boolean weeklyReceived(String scheme, String unit, String week) {
        return jdbc.sql("SELECT COUNT(*) FROM weekly_ledger WHERE scheme = ? AND unit_code = ? AND week = ? AND status = 'ACCEPTED'")
                .params(scheme, unit, week).query(Long.class).single() > 0;
    }

    void recordWeekly(String scheme, String week, String unit, String fileName, String stored, String checksum,
                      LocalDateTime receivedAt, LocalDateTime deadline, boolean late, boolean first, String error,
                      long runId) {
        jdbc.sql("""
                INSERT INTO weekly_ledger (scheme, week, unit_code, file_name, stored_path, checksum, received_at,
                  deadline, late, first_file, status, error, run_id)
                VALUES (:scheme, :week, :unit, :name, :stored, :checksum, :received, :deadline, :late, :first, :status,
                  :error, :run)""")
                .param("scheme", scheme).param("week", week).param("unit", unit).param("name", fileName)
                .param("stored", stored).param("checksum", checksum).param("received", receivedAt)
                .param("deadline", deadline).param("late", late).param("first", first)
                .param("status", error == null ? "ACCEPTED" : "REJECTED").param("error", error).param("run", runId)
                .update();
    }

    /** One received weekly ledger that counts (the first of its department and week). */
    record Weekly(String week, String unitCode, String fileName, LocalDateTime receivedAt, LocalDateTime deadline,
                  boolean late) {
    }

    /** The first files of the weeks whose deadline falls within [from, to], by deadline and department. */
    List<Weekly> weeklyDue(String scheme, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT week, unit_code, file_name, received_at, deadline, late FROM weekly_ledger
                WHERE scheme = :scheme AND status = 'ACCEPTED' AND first_file = TRUE
                  AND deadline >= :from AND deadline < :to
                ORDER BY deadline, unit_code""")
                .param("scheme", scheme).param("from", from.atStartOfDay()).param("to", to.plusDays(1).atStartOfDay())
                .query((rs, n) -> new Weekly(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class), rs.getObject(5, LocalDateTime.class), rs.getBoolean(6)))
                .list();
    }

    /** The weekly files the run refused, with reasons. */
    List<String> weeklyRejections(long runId) {
        return jdbc.sql("SELECT file_name, error FROM weekly_ledger WHERE run_id = ? AND status = 'REJECTED' ORDER BY id")
                .param(runId).query((rs, n) -> "周台账 " + rs.getString(1) + "：" + rs.getString(2)).list();
    }


    private static String clip(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
    }
}
