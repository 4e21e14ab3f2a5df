package cn.bipin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import cn.bipin.appeal.AppealTemplateWriter;
import cn.bipin.project.ProjectTemplateWriter;
import cn.bipin.submission.SubmissionTemplates;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.SchemeRepository;

/** {@code template}: writes each unit's submission template for a period. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "生成各单位某一期的报送模板（.xlsx），发给各单位填报后放回收件箱。",
        footer = {"", "示例：bipin template --scheme jinfeng-2024 --period 2024-07"})
class TemplateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", required = true, description = "方案编号，如 jinfeng-2024")
    String scheme;

    @Option(names = "--period", required = true, description = "期间，如 2024-07")
    String period;

    @Option(names = "--unit", description = "只生成这个单位（单位代码），默认全部参赛单位")
    String unit;

    @Option(names = "--out", description = "输出目录（默认 data/templates/<方案>/<期间>）")
    Path out;

    private final SchemeRepository schemes;
    private final SubmissionTemplates templates;

    private final AppealTemplateWriter appealTemplate;

    private final ProjectTemplateWriter projectTemplate;

    TemplateCommand(SchemeRepository schemes, SubmissionTemplates templates, AppealTemplateWriter appealTemplate,
            ProjectTemplateWriter projectTemplate) {
        this.schemes = schemes;
        this.templates = templates;
        this.appealTemplate = appealTemplate;
        this.projectTemplate = projectTemplate;
    }

    @Override
    public Integer call() {
        var s = schemes.load(scheme);
        Period p = Period.parse(period);
        Path dir = out != null ? out : Path.of("data", "templates", s.id(), p.code());
        List<Path> written = templates.write(s, p, unit, dir);
        PrintWriter pw = spec.commandLine().getOut();
        pw.println("已生成 " + written.size() + " 个报送模板：" + dir.toAbsolutePath());
        written.forEach(f -> pw.println("  " + f.getFileName()));
        Path ledger = unit == null ? appealTemplate.writeIfConfigured(s, dir) : null;
        if (ledger != null) {
            pw.println("企业诉求台账模板（各单位填写后放进 data/inbox/" + s.id() + "/" + s.year() + "-appeals/）：" + ledger.getFileName());
        }
        Path projects = unit == null ? projectTemplate.writeIfConfigured(s, dir) : null;
        if (projects != null) {
            pw.println("项目清单模板（各单位填写后放进 data/inbox/" + s.id() + "/" + s.year() + "-projects/）：" + projects.getFileName());
        }
        pw.flush();
        return ExitCodes.OK;
    }
}
