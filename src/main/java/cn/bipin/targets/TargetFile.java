package cn.bipin.targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.bipin.report.Figures;
import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.SchemeException;
import cn.bipin.scheme.SchemeLoader;
import cn.bipin.scheme.Unit;

/**
 * Writes imported targets to {@code jobs/targets/<scheme>.yaml} in the scheme file's own {@code targets:} form, so a
 * statistician can read (and, if need be, edit) what was imported. The file it replaces is kept under
 * {@code jobs/targets/history/}; the scheme is loaded again with the new file before the command reports success, and
 * the old file is put back if that load fails.
 */
public final class TargetFile {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** What an import changed: the file written, the one kept, and each target that moved. */
    public record Written(Path file, Path kept, List<String> changes) {
    }

    private TargetFile() {
    }

    /** Reads the filled table and writes its targets; nothing is written when the table is refused. */
    public static Written importTable(Scheme scheme, Path table, LocalDateTime at) {
        return write(scheme, TargetTable.read(scheme, table), table.getFileName().toString(), at);
    }

    static Written write(Scheme scheme, Map<String, Map<String, BigDecimal>> imported, String sourceName,
            LocalDateTime at) {
        Path file = SchemeLoader.targetsFile(scheme.source(), scheme.id());
        StringBuilder yaml = new StringBuilder();
        yaml.append("# ").append(scheme.title()).append(scheme.year()).append("年度目标任务分解（方案 ").append(scheme.id())
                .append("）\n# 由 bipin targets 于 ").append(at.toLocalDate()).append(' ')
                .append(at.toLocalTime().withNano(0)).append(" 导入自 ").append(sourceName.replace('\n', ' '))
                .append("。\n# 这里的指标按本文件的目标计分，替代方案文件 targets: 中的同一指标；重新导入会替换本文件，原文件保存在 history/。\n")
                .append("targets:\n");
        List<String> changes = new ArrayList<>();
        for (Dimension d : TargetTable.indicators(scheme)) {
            Map<String, BigDecimal> perUnit = imported.get(d.code());
            if (perUnit == null) {
                continue;
            }
            yaml.append("  ").append(d.code()).append(":   # ").append(d.name()).append("（").append(d.measure()).append("）\n");
            for (Unit u : scheme.units()) {
                BigDecimal v = perUnit.get(u.code());
                if (v == null) {
                    continue;
                }
                yaml.append("    ").append(u.code()).append(": ").append(Figures.plain(v)).append("   # ").append(u.name()).append('\n');
                BigDecimal before = scheme.target(d, u.code()).orElse(null);
                if (before == null || before.compareTo(v) != 0) {
                    changes.add(u.name() + " · " + d.name() + "：" + TargetTable.shown(d, before) + " → " + TargetTable.shown(d, v));
                }
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path kept = null;
            if (Files.exists(file)) {
                Path history = file.getParent().resolve("history");
                Files.createDirectories(history);
                kept = history.resolve(scheme.id() + "-" + at.format(STAMP) + ".yaml");
                Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
            }
            Path part = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(part, yaml, StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try {
                SchemeLoader.load(scheme.source());
            } catch (SchemeException e) {
                if (kept != null) {
                    Files.copy(kept, file, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.delete(file);
                }
                throw e;
            }
            return new Written(file, kept, changes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
