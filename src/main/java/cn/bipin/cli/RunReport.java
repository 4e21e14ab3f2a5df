package cn.bipin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.bipin.bulletin.MonthlyBulletinService;
import cn.bipin.run.Run;
import cn.bipin.run.RunStatus;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.submission.ReceivedFiles;

/** Tells the statistician what a run did and where everything it made is. */
@Component
class RunReport {

    private final JdbcClient jdbc;
    private final ReceivedFiles files;
    private final SchemeRepository schemes;
    private final MonthlyBulletinService bulletins;

    RunReport(JdbcClient jdbc, ReceivedFiles files, SchemeRepository schemes, MonthlyBulletinService bulletins) {
        this.jdbc = jdbc;
        this.files = files;
        this.schemes = schemes;
        this.bulletins = bulletins;
    }

    void print(Run run, PrintWriter out) {
        String took = run.finishedAt() == null ? ""
                : "，用时 " + Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0 + " 秒";
        out.printf("运行 #%d  %s  %s  第%d版  %s%s%n", run.id(), run.scheme(), run.period().label(), run.revision(),
                run.status() == RunStatus.COMPLETED ? "完成" : "失败", took);
        if (run.status() != RunStatus.COMPLETED) {
            out.println("原因：" + (run.message() == null ? "见日志" : run.message()));
            out.println("修正后可重新运行同一期，会生成新的版本。");
            out.flush();
            return;
        }
        out.printf("收到文件：本次新接收 %d 个（其中整份退回 %d 个）；数据行：采用 %d 行，退回 %d 行%n",
                run.filesAccepted() + run.filesRejected(), run.filesRejected(), run.rowsAccepted(), run.rowsRejected());
        files.forPeriod(run.scheme(), run.period().code()).stream().filter(f -> "REJECTED".equals(f.status()))
                .forEach(f -> out.println("  整份退回：" + f.fileName() + " —— " + f.error()));
        if (run.outputDir() != null) {
            Path dir = Path.of(run.outputDir());
            var bulletin = bulletins.files(schemes.load(run.scheme()), run, dir);
            out.println("榜单 PDF：   " + bulletin.pdf().toAbsolutePath());
            out.println("榜单 Excel： " + bulletin.xlsx().toAbsolutePath());
            out.println("得分 CSV：   " + bulletin.scoresCsv().toAbsolutePath());
            out.println("合计 CSV：   " + bulletin.totalsCsv().toAbsolutePath());
            out.println("各单位反馈表：" + dir.resolve("反馈").toAbsolutePath());
        }
        List<String> deliveries = jdbc.sql("""
                SELECT recipient_name, recipient_email, channel, status, eml_path, error FROM delivery
                WHERE run_id = ? ORDER BY id""").param(run.id())
                .query((rs, i) -> "  " + rs.getString("recipient_name") + " <" + rs.getString("recipient_email") + ">："
                        + switch (rs.getString("status")) {
                            case "SENT" -> "已发送";
                            case "WRITTEN" -> "未配置邮件服务器，已写入 " + Path.of(rs.getString("eml_path")).toAbsolutePath();
                            default -> "发送失败 —— " + rs.getString("error");
                        })
                .list();
        out.println(deliveries.isEmpty() ? "邮件：未发送（--no-mail）" : "邮件：");
        deliveries.forEach(out::println);
        out.flush();
    }
}
