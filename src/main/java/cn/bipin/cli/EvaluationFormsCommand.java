package cn.bipin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.evaluation.EvaluationInbox;
import cn.bipin.evaluation.EvaluationRules;
import cn.bipin.evaluation.BallotForms;
import cn.bipin.evaluation.EvaluationRulesLoader;

/** {@code evaluation forms}: writes each rater group's blank ballot form (.xlsx and CSV). */
@Command(name = "forms", mixinStandardHelpOptions = true,
        description = "为每个评议组生成评议表（.xlsx，一人一份；CSV，多人汇总用），列出全部被评议单位和评议项目。")
class EvaluationFormsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", required = true, description = "方案编号，如 jinfeng-2024")
    String scheme;

    @Option(names = "--out", description = "输出目录（默认 data/templates/<方案>/<年>-evaluation）")
    Path out;

    private final SchemeRepository schemes;
    private final BallotForms forms;

    public EvaluationFormsCommand(SchemeRepository schemes, BallotForms forms) {
        this.schemes = schemes;
        this.forms = forms;
    }

    @Override
    public Integer call() {
        Scheme s = schemes.load(scheme);
        EvaluationRules rules = EvaluationRulesLoader.load(s);
        String period = Integer.toString(s.year());
        Path dir = out != null ? out : Path.of("data", "templates", s.id(), EvaluationInbox.folder(period));
        List<Path> written = forms.write(s, rules, period, dir);
        PrintWriter pw = spec.commandLine().getOut();
        pw.println("已生成 " + written.size() + " 个评议表：" + dir.toAbsolutePath());
        written.forEach(f -> pw.println("  " + f.getFileName()));
        pw.flush();
        return 0;
    }
}
