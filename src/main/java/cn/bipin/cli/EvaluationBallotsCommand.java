package cn.bipin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.bipin.scheme.SchemeRepository;
import cn.bipin.evaluation.RawBallots;

/** {@code evaluation ballots --confirm}: the one way to read raw, token-level ballots (campaign office only). */
@Command(name = "ballots", mixinStandardHelpOptions = true,
        description = {"导出原始评议票（每张票的令牌摘要、评议组、被评议单位、原始填写、采用或退回），仅供专班办公室核查。",
                "含令牌层面的信息：必须加 --confirm，且不会出现在任何榜单、反馈表或邮件中。"})
class EvaluationBallotsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", required = true, description = "方案编号，如 jinfeng-2024")
    String scheme;

    @Option(names = "--period", required = true, description = "年度，如 2024")
    String period;

    @Option(names = "--confirm", description = "确认导出含令牌信息的原始评议票")
    boolean confirm;

    @Option(names = "--out", required = true, description = "写入此 CSV 文件")
    Path out;

    private final SchemeRepository schemes;
    private final RawBallots raw;

    public EvaluationBallotsCommand(SchemeRepository schemes, RawBallots raw) {
        this.schemes = schemes;
        this.raw = raw;
    }

    @Override
    public Integer call() {
        if (!confirm) {
            throw new IllegalArgumentException("原始评议票含令牌层面的信息，仅供专班办公室核查；确认导出请加 --confirm");
        }
        schemes.load(scheme);
        int rows = raw.export(scheme, period, out);
        PrintWriter pw = spec.commandLine().getOut();
        pw.println("已导出原始评议票 " + rows + " 行：" + out.toAbsolutePath() + "（请勿外传）");
        pw.flush();
        return 0;
    }
}
