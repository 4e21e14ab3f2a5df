package cn.bipin.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.bipin.scheme.Dimension;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/** Writes the submission templates of a period: one per unit that takes part in a competition of that cycle. */
@Service
public class SubmissionTemplates {

    private final SubmissionTemplateWriter writer;

    SubmissionTemplates(SubmissionTemplateWriter writer) {
        this.writer = writer;
    }

    /** The file name a unit's template gets, e.g. 报送表_2024-06_liangtian_良田镇.xlsx. */
    public static String fileName(Unit unit, Period period) {
        return SubmissionTemplateWriter.fileName(unit, period);
    }

    /** Writes the templates into {@code dir}; {@code onlyUnit} (a unit code) limits it to one unit. */
    public List<Path> write(Scheme scheme, Period period, String onlyUnit, Path dir) {
        if (onlyUnit != null && scheme.unit(onlyUnit).isEmpty()) {
            throw new IllegalArgumentException("单位代码 '" + onlyUnit + "' 不在方案 " + scheme.id() + " 中");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> written = new ArrayList<>();
        for (Unit unit : scheme.units()) {
            if (onlyUnit != null && !onlyUnit.equals(unit.code())) {
                continue;
            }
            List<Dimension> dimensions = scheme.reportedDimensionsFor(unit.code(), period.cycle());
            if (dimensions.isEmpty()) {
                continue;
            }
            Path file = dir.resolve(fileName(unit, period));
            writer.write(scheme, unit, period, dimensions, file);
            written.add(file);
        }
        return written;
    }
}
