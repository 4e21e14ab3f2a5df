package cn.bipin.submission;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whose and which period's submission a received file is, read from its content (the template's 单位代码 and 期间
 * cells, or a CSV's first row), before it is put in an inbox; or, when it cannot be read, why not, in Chinese.
 *
 * @param unitCode as written in the file, trimmed; null with a problem
 * @param period   as written in the file, trimmed; null with a problem
 * @param problem  null when the file was read; else the whole-file reason, without the file name
 */
public record SubmissionHeader(String unitCode, String period, String problem) {

    public static SubmissionHeader read(Path file) {
        try (SubmissionFileReader reader = SubmissionFileReader.open(file)) {
            Optional<RawRow> first = reader.next();
            if (first.isEmpty()) {
                return failed("文件中没有数据行");
            }
            String unit = first.get().unitCode() == null ? "" : first.get().unitCode().trim();
            String period = first.get().period() == null ? "" : first.get().period().trim();
            if (unit.isEmpty()) {
                return failed("没有填写单位代码");
            }
            if (period.isEmpty()) {
                return failed("没有填写期间");
            }
            return new SubmissionHeader(unit, period, null);
        } catch (FileRejectedException e) {
            return failed(e.reason());
        }
    }

    private static SubmissionHeader failed(String problem) {
        return new SubmissionHeader(null, null, problem);
    }
}
