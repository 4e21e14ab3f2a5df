package cn.bipin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.bipin.report.Csv;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.evaluation.RaterTokens;
import cn.bipin.evaluation.EvaluationRules;
import cn.bipin.evaluation.EvaluationRulesLoader;

/** {@code evaluation tokens}: issues fresh rater tokens for one group and prints them for distribution. */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = {"为一个评议组发放新的评议令牌，打印出来（或写入 --out 文件）供分发。",
                "数据库只保存令牌的密钥摘要和所属评议组，不记录谁领了哪个令牌；令牌只在此时以明文出现一次，请妥善分发。",
                "部门互评（peer）组须用 --unit 指定评议单位：该单位的令牌不能评议本单位。"})
class EvaluationTokensCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", required = true, description = "方案编号，如 jinfeng-2024")
    String scheme;

    @Option(names = "--group", required = true, description = "评议组代码，如 enterprise、project_owner、peer_unit、leader")
    String group;

    @Option(names = "--count", required = true, description = "发放个数（1–100000）")
    int count;

    @Option(names = "--unit", description = "部门互评组的评议单位代码，如 fgj")
    String unit;

    @Option(names = "--out", description = "把令牌清单写入此文件（CSV：序号,评议组,令牌），不打印到屏幕")
    Path out;

    private final SchemeRepository schemes;
    private final RaterTokens tokens;

    public EvaluationTokensCommand(SchemeRepository schemes, RaterTokens tokens) {
        this.schemes = schemes;
        this.tokens = tokens;
    }

    @Override
    public Integer call() {
        Scheme s = schemes.load(scheme);
        EvaluationRules rules = EvaluationRulesLoader.load(s);
        EvaluationRules.RaterGroup g = rules.group(group).orElseThrow(() -> new IllegalArgumentException(
                "评议组 '" + group + "' 不在方案中，可选：" + String.join("、",
                        rules.groups().stream().map(EvaluationRules.RaterGroup::code).toList())));
        if (count < 1 || count > 100_000) {
            throw new IllegalArgumentException("发放个数应在 1 到 100000 之间，实际为 " + count);
        }
        if (g.peer() && (unit == null || s.unit(unit).isEmpty())) {
            throw new IllegalArgumentException(g.name() + "的令牌须用 --unit 指定评议单位（方案中的单位代码）"
                    + (unit == null ? "" : "，'" + unit + "' 不是方案中的单位"));
        }
        if (!g.peer() && unit != null) {
            throw new IllegalArgumentException(g.name() + "的令牌不按单位发放，请去掉 --unit");
        }
        List<String> issued = tokens.issue(s.id(), g.code(), unit, count);
        PrintWriter pw = spec.commandLine().getOut();
        String label = g.name() + (unit == null ? "" : "（" + s.unit(unit).orElseThrow().name() + "）");
        if (out != null) {
            write(out, label, issued);
            pw.println("已发放 " + issued.size() + " 个" + label + "评议令牌，清单已写入 " + out.toAbsolutePath());
        } else {
            pw.println("# " + s.id() + " " + label + "评议令牌 " + issued.size() + " 个（每人一个，只在此显示一次）");
            issued.forEach(pw::println);
        }
        pw.flush();
        return 0;
    }

    private static void write(Path out, String label, List<String> issued) {
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write("\uFEFF序号,评议组,令牌\r\n");
                for (int i = 0; i < issued.size(); i++) {
                    w.write((i + 1) + "," + Csv.field(label) + "," + issued.get(i) + "\r\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
