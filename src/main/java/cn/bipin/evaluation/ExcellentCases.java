package cn.bipin.evaluation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.bipin.scheme.Scheme;

/**
 * 年度优秀案例: nominated cases ({@code case_no,unit_code,title,summary,nominated_at}) and vote counts
 * ({@code case_no,votes}), both CSV. A case re-sent under the same number replaces the earlier version; vote rows
 * add up. The bulletin lists the top N by votes, ties by earlier nomination.
 */
@Component
class ExcellentCases {

    /** A case as the bulletin lists it. */
    record Case(String caseNo, String unit, String title, String summary, LocalDateTime nominatedAt, int votes) {
    }

    static final String CASES_LAYOUT = "case_no,unit_code,title,summary,nominated_at";
    static final String VOTES_LAYOUT = "case_no,votes";
    private static final Map<String, String> ALIASES = Map.of("案例编号", "case_no", "单位代码", "unit_code",
            "案例名称", "title", "标题", "title", "简介", "summary", "摘要", "summary", "推荐时间", "nominated_at",
            "票数", "votes");
    private static final Logger log = LoggerFactory.getLogger(ExcellentCases.class);

    private final EvaluationInbox inbox;
    private final EvaluationInputs inputs;

    ExcellentCases(EvaluationInbox inbox, EvaluationInputs inputs) {
        this.inbox = inbox;
        this.inputs = inputs;
    }

    /** Reads new case files, then new vote files (whose case numbers must be known by then). */
    void ingest(Scheme scheme, String period, long runId) {
        for (EvaluationInbox.NewFile f : inbox.register(scheme.id(), period, EvaluationInbox.Kind.CASES, runId)) {
            read(f, CASES_LAYOUT, (line, at) -> caseRow(scheme, f, line, at));
        }
        Set<String> known = new HashSet<>(inputs.acceptedCaseNumbers(scheme.id(), period));
        for (EvaluationInbox.NewFile f : inbox.register(scheme.id(), period, EvaluationInbox.Kind.VOTES, runId)) {
            read(f, VOTES_LAYOUT, (line, at) -> voteRow(known, f, line, at));
        }
    }

    private interface RowHandler {
        boolean accept(CsvRecords.Line line, Map<String, Integer> at);
    }

    private void read(EvaluationInbox.NewFile f, String layout, RowHandler handler) {
        if (!EvaluationInbox.extension(f.name()).equals("csv")) {
            inbox.reject(f.id(), "文件 " + f.name() + "：请使用 CSV（" + layout + "）");
            return;
        }
        List<String> columns = List.of(layout.split(","));
        int[] counts = new int[2];
        Map<String, Integer> at = new LinkedHashMap<>();
        try {
            CsvRecords.read(f.path(), line -> {
                if (line.blank()) {
                    return;
                }
                if (at.isEmpty()) {
                    for (int i = 0; i < line.fields().size(); i++) {
                        String raw = line.field(i);
                        at.put(ALIASES.getOrDefault(raw, raw.toLowerCase(Locale.ROOT)), i);
                    }
                    List<String> missing = columns.stream().filter(c -> !at.containsKey(c)).toList();
                    if (!missing.isEmpty()) {
                        throw new BallotFileRejectedException(f.name(), "第" + line.number() + "行列名不对：缺少列 "
                                + String.join("、", missing) + "；应为 " + layout);
                    }
                    return;
                }
                counts[handler.accept(line, at) ? 0 : 1]++;
            });
            inbox.finish(f.id(), counts[0], counts[1]);
            log.info("{}：采用 {} 行，退回 {} 行", f.name(), counts[0], counts[1]);
        } catch (BallotFileRejectedException e) {
            inbox.reject(f.id(), e.getMessage());
        }
    }

    private boolean caseRow(Scheme scheme, EvaluationInbox.NewFile f, CsvRecords.Line line, Map<String, Integer> at) {
        String where = "文件 " + f.name() + " 第" + line.number() + "行";
        String caseNo = line.field(at.get("case_no"));
        String unit = line.field(at.get("unit_code"));
        String title = line.field(at.get("title"));
        String summary = line.field(at.get("summary"));
        String when = line.field(at.get("nominated_at"));
        List<String> problems = new ArrayList<>();
        if (caseNo.isEmpty()) {
            problems.add("案例编号：未填写");
        }
        if (scheme.unit(unit).isEmpty()) {
            problems.add("单位代码：'" + unit + "' 不是本方案的单位");
        }
        if (title.isEmpty()) {
            problems.add("案例名称：未填写");
        }
        LocalDateTime nominated = dateTime(when);
        if (nominated == null) {
            problems.add("推荐时间：'" + when + "' 不是日期（如 2024-11-20 或 2024-11-20 09:30）");
        }
        String error = problems.isEmpty() ? null : where + " " + String.join("；", problems);
        inputs.insertCase(f.id(), line.number(), cut(caseNo, 64), cut(unit, 64), cut(title, 500), cut(summary, 4000),
                nominated, error);
        return error == null;
    }

    private boolean voteRow(Set<String> known, EvaluationInbox.NewFile f, CsvRecords.Line line, Map<String, Integer> at) {
        String where = "文件 " + f.name() + " 第" + line.number() + "行";
        String caseNo = line.field(at.get("case_no"));
        String raw = line.field(at.get("votes"));
        Integer votes = null;
        String error = null;
        if (!known.contains(caseNo)) {
            error = where + " 案例编号：'" + caseNo + "' 不是已推荐的案例";
        } else {
            try {
                votes = Integer.valueOf(raw);
                if (votes < 0) {
                    error = where + " 票数：'" + raw + "' 不能为负数";
                    votes = null;
                }
            } catch (NumberFormatException e) {
                error = where + " 票数：'" + raw + "' 不是整数";
            }
        }
        inputs.insertVote(f.id(), line.number(), cut(caseNo, 64), votes, error);
        return error == null;
    }

    /** The top {@code n} cases: latest version of each case, votes summed; most votes first, then earlier nomination. */
    List<Case> top(String scheme, String period, int n) {
        Map<String, Case> latest = new LinkedHashMap<>();
        for (EvaluationInputs.CaseRow c : inputs.acceptedCases(scheme, period)) {
            latest.put(c.caseNo(), new Case(c.caseNo(), c.unitCode(), c.title(), c.summary(), c.nominatedAt(), 0));
        }
        Map<String, Integer> votes = new LinkedHashMap<>();
        inputs.voteCounts(scheme, period).forEach(v -> votes.put(v.caseNo(), v.votes()));
        return latest.values().stream()
                .map(c -> new Case(c.caseNo(), c.unit(), c.title(), c.summary(), c.nominatedAt(),
                        votes.getOrDefault(c.caseNo(), 0)))
                .sorted(Comparator.comparingInt(Case::votes).reversed().thenComparing(Case::nominatedAt)
                        .thenComparing(Case::caseNo))
                .limit(n).toList();
    }

    static LocalDateTime dateTime(String s) {
        String t = s.strip().replace('/', '-').replace('T', ' ');
        for (String pattern : List.of("yyyy-M-d H:mm:ss", "yyyy-M-d H:mm")) {
            try {
                return LocalDateTime.parse(t, DateTimeFormatter.ofPattern(pattern));
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        try {
            return LocalDate.parse(t, DateTimeFormatter.ofPattern("yyyy-M-d")).atStartOfDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
