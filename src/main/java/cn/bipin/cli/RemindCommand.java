package cn.bipin.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.bipin.mailbox.Reminders;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;

/** {@code remind}: 催报 for one period, now. */
@Command(name = "remind", mixinStandardHelpOptions = true,
        description = {"催报：截止日之前（含当天），向某一期仍有指标未报送的单位（方案文件中该单位的 emails）发提醒邮件，列出未报送的指标；",
                "截止日之后，把仍未报齐的单位清单发给统计员（bipin.alerts.to）。调度进程按方案的 reminder_days 自动催报。"})
class RemindCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", required = true, description = "方案编号，如 jinfeng-2024")
    String schemeId;

    @Option(names = "--period", required = true, description = "期间，如 2024-07 或 2024-Q3")
    String period;

    @Option(names = "--date", description = "按哪一天催报（默认今天），如 2024-08-17")
    LocalDate date;

    private final Reminders reminders;
    private final SchemeRepository schemes;

    RemindCommand(Reminders reminders, SchemeRepository schemes) {
        this.reminders = reminders;
        this.schemes = schemes;
    }

    @Override
    public Integer call() {
        Scheme scheme = schemes.load(schemeId);
        Period p = Period.parse(period);
        LocalDate today = date != null ? date : LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Reminders.Outcome o = reminders.remind(scheme, p, today);
        PrintWriter out = spec.commandLine().getOut();
        if (o.missing().isEmpty()) {
            out.println(p.label() + "：各单位应报指标均已在收件箱中，无需催报。");
        } else if (o.overdue()) {
            out.println(p.label() + "报送已截止，" + o.missing().size() + " 个单位仍未报齐，清单已发给统计员。");
        } else {
            out.println(p.label() + "：" + o.missing().size() + " 个单位仍有指标未报送，已向 " + o.reminded().size() + " 个单位发出催报邮件"
                    + (o.withoutAddress().isEmpty() ? "。" : "；以下单位在方案文件中没有 emails，请电话催报："
                    + String.join("、", o.withoutAddress().stream()
                    .map(c -> scheme.unit(c).orElseThrow().name()).toList())));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
