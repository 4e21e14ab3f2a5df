package cn.bipin.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeException;
import cn.bipin.scheme.SchemeRepository;
import cn.bipin.targets.TargetFile;
import cn.bipin.targets.TargetImportException;
import cn.bipin.targets.TargetTable;

/** {@code targets}: the 任务分解表 — written pre-filled, or a filled one imported into the scheme's targets. */
@Command(name = "targets", mixinStandardHelpOptions = true,
        description = {"年度目标任务分解表：不带 --file 时生成该方案的任务分解表（.xlsx，已填入现行目标）；",
                "带 --file 时导入填好的表，写入 jobs/targets/<方案>.yaml（原文件保存在 jobs/targets/history/），此后计分按新目标。",
                "表中有任何问题（未知单位或指标、漏填、不参赛单位填了目标、不是数字）时整表不导入，并逐条列出行、列和值。"},
        footer = {"", "示例：bipin targets --scheme jinfeng-2024",
                "      bipin targets --scheme jinfeng-2024 --file 任务分解表.xlsx"})
class TargetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", required = true, description = "方案编号，如 jinfeng-2024")
    String schemeId;

    @Option(names = "--file", description = "填好的任务分解表（.xlsx）")
    Path file;

    @Option(names = "--out", description = "生成的表放在哪里（默认 data/templates/<方案>/任务分解表_<方案>.xlsx）")
    Path out;

    private final SchemeRepository schemes;

    TargetsCommand(SchemeRepository schemes) {
        this.schemes = schemes;
    }

    @Override
    public Integer call() {
        Scheme scheme = schemes.load(schemeId);
        PrintWriter pw = spec.commandLine().getOut();
        if (TargetTable.indicators(scheme).isEmpty()) {
            pw.println("方案 " + scheme.id() + " 没有按各单位目标计分（target_ratio）的指标，不需要任务分解表");
            pw.flush();
            return ExitCodes.OK;
        }
        if (file == null) {
            Path to = out != null ? out : Path.of("data", "templates", scheme.id(), "任务分解表_" + scheme.id() + ".xlsx");
            TargetTable.write(scheme, to);
            pw.println("已生成任务分解表（已填入现行目标）：" + to.toAbsolutePath());
            pw.println("填好后导入：make targets SCHEME=" + scheme.id() + " FILE=" + to);
            pw.flush();
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("找不到文件 " + file);
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        try {
            TargetFile.Written w = TargetFile.importTable(scheme, file, LocalDateTime.now());
            pw.println("已导入任务分解表 " + file.getFileName() + "，写入 " + w.file()
                    + (w.kept() == null ? "" : "（原文件保存为 " + w.kept() + "）"));
            if (w.changes().isEmpty()) {
                pw.println("目标与导入前相同，没有变化。");
            } else {
                pw.println("目标变化 " + w.changes().size() + " 项：");
                w.changes().forEach(c -> pw.println("  " + c));
                pw.println("已发布的榜单不会自动改变；需要按新目标重算的期间请重新运行（make month / make quarter）。");
            }
            pw.flush();
            return ExitCodes.OK;
        } catch (TargetImportException e) {
            err.println(e.getMessage() + "，现行目标不变：");
            e.problems().forEach(p -> err.println("  " + p));
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (SchemeException e) {
            err.println("导入后方案文件校验失败，已恢复原目标：" + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
    }
}
