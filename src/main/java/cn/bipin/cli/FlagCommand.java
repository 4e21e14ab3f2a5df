package cn.bipin.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.bipin.award.ReportFlags;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;

/** {@code flag}: records that a unit's report of a period was falsified (虚报, D15), with who and when. */
@Command(name = "flag", mixinStandardHelpOptions = true,
        description = "标记某单位某期的报送为虚报（D15）：记录原因、标记人和时间；该单位当年不得评奖，年度奖励清单列明原因。",
        footer = {"", "示例：bipin flag --scheme haizhou-2019 --unit hjd --period 2019-H1 --reason \"竣工项目虚报2个\""})
class FlagCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", required = true, description = "方案编号，如 haizhou-2019")
    String scheme;

    @Option(names = "--unit", required = true, description = "单位代码")
    String unit;

    @Option(names = "--period", required = true, description = "虚报的期间，如 2019-H1、2019")
    String period;

    @Option(names = "--reason", required = true, description = "原因（列入年度奖励清单）")
    String reason;

    @Option(names = "--by", description = "标记人（默认当前系统用户）")
    String by;

    private final SchemeRepository schemes;
    private final ReportFlags flags;

    FlagCommand(SchemeRepository schemes, ReportFlags flags) {
        this.schemes = schemes;
        this.flags = flags;
    }

    @Override
    public Integer call() {
        Scheme s = schemes.load(scheme);
        var u = s.unit(unit).orElseThrow(() -> new IllegalArgumentException("单位代码 '" + unit + "' 不在方案 " + s.id()
                + " 的单位中"));
        Period p = Period.parse(period);
        if (p.year() != s.year()) {
            throw new IllegalArgumentException("期间 " + p.code() + " 不在方案 " + s.id() + " 的年度 " + s.year() + " 内");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 500) {
            throw new IllegalArgumentException("原因不能为空，且不超过 500 字");
        }
        String who = by != null && !by.isBlank() ? by.strip() : System.getProperty("user.name", "未知");
        long id = flags.add(s.id(), u.code(), p.code(), text, who, LocalDateTime.now().withNano(0));
        PrintWriter out = spec.commandLine().getOut();
        out.println("已标记（第 " + id + " 号）：" + u.name() + " " + p.label() + " 报送虚报，原因：" + text + "；标记人 " + who
                + "。该单位" + s.year() + "年不得评奖（方案 awards.disqualify 含 falsified 时），重新运行年度后生效。");
        out.flush();
        return ExitCodes.OK;
    }
}
