package cn.bipin.monthly;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.bipin.demo.TemplateFiller;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.submission.SubmissionTemplates;

/**
 * The June 2024 inbox of {@code testville-2024} used by the job tests. Each file and its expected outcome:
 * <pre>
 * d1 发展和改革局   template   6 accepted             (start rate 0.45, corrected below)
 * d1 correction    CSV        1 accepted             (start rate 50%, received later: this version counts)
 * d2 商务和投资促进局 CSV        3 accepted, 4 rejected (not in C4; repeated row; May's period; unknown unit x9)
 * t1 良田镇        template   6 accepted, LATE        (received 2024-07-22, deadline 2024-07-20)
 * t2 丰登镇        template   4 accepted, 2 rejected  (registration rate empty; revenue '12,3O0')
 * t3 满城北街街道   nothing                          (未报送)
 * 损坏.xlsx         corrupt    rejected as a whole
 * </pre>
 */
public final class MonthlyFixture {

    public static final Period JUNE = Period.month(2024, 6);

    private MonthlyFixture() {
    }

    public static void writeJuneInbox(Scheme scheme, SubmissionTemplates templates, Path inboxDir) throws IOException {
        Path dir = inboxDir.resolve(scheme.id()).resolve(JUNE.code());
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory("templates");
        templates.write(scheme, JUNE, null, work);
        LocalDateTime onTime = LocalDateTime.of(2024, 7, 10, 9, 0);

        fill(work, dir, scheme, "d1", values("c2_start_rate", d("0.45"), "c2_invest_completion", d("0.40"),
                "c2_registration_rate", d("0.90"), "c4_revenue", d("20000"), "c4_growth", d("0.10"), "c4_new_firms", d("4")),
                onTime);
        csv(dir.resolve("发展和改革局-更正.csv"), onTime.plusDays(2),
                "unit_code,period,dimension_code,value",
                "d1,2024-06,c2_start_rate,50%");
        csv(dir.resolve("商务和投资促进局.csv"), onTime.plusHours(1),
                "unit_code,period,dimension_code,value,note",
                "d2,2024-06,c2_start_rate,30%,",
                "d2,2024-06,c2_invest_completion,0.55,",
                "d2,2024-06,c2_registration_rate,100%,全部入库",
                "d2,2024-06,c4_revenue,5000,",
                "d2,2024-06,c2_start_rate,35%,重复",
                "d2,2024-05,c2_invest_completion,50%,",
                "x9,2024-06,c2_start_rate,50%,");
        fill(work, dir, scheme, "t1", values("c2_start_rate", d("0.60"), "c2_invest_completion", d("0.25"),
                "c2_registration_rate", d("0.80"), "c4_revenue", d("40000"), "c4_growth", d("-0.05"), "c4_new_firms", d("2")),
                LocalDateTime.of(2024, 7, 22, 15, 30));
        fill(work, dir, scheme, "t2", values("c2_start_rate", d("0.20"), "c2_invest_completion", d("0.30"),
                "c2_registration_rate", "", "c4_revenue", "12,3O0", "c4_growth", d("0.25"), "c4_new_firms", d("0")),
                onTime.plusHours(3));
        Files.write(dir.resolve("损坏.xlsx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    }

    private static void fill(Path work, Path dir, Scheme scheme, String unitCode, Map<String, Object> values,
            LocalDateTime received) throws IOException {
        String name = SubmissionTemplates.fileName(scheme.unit(unitCode).orElseThrow(), JUNE);
        Path out = dir.resolve(name);
        TemplateFiller.fill(work.resolve(name), values, out);
        Files.setLastModifiedTime(out, FileTime.from(received.atZone(ZoneId.systemDefault()).toInstant()));
    }

    private static void csv(Path file, LocalDateTime received, String... lines) throws IOException {
        Files.writeString(file, "\uFEFF" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(received.atZone(ZoneId.systemDefault()).toInstant()));
    }

    private static Map<String, Object> values(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }
}
