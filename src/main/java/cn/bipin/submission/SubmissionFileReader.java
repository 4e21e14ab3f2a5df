package cn.bipin.submission;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Streams the rows of one received submission file, one at a time, so that a 100,000-row file needs no
 * more memory than a 10-row one. Whole-file problems are thrown as {@link FileRejectedException} by
 * {@link #open(Path)} (or, for damage found late, by {@link #next()}).
 */
interface SubmissionFileReader extends AutoCloseable {

    /** Opens a file by its extension: {@code .xlsx} (the submission template) or {@code .csv} (DOMAIN §9). */
    static SubmissionFileReader open(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case ".xlsx" -> XlsxSubmissionReader.open(file);
            case ".csv" -> CsvSubmissionReader.open(file);
            default -> throw new FileRejectedException(name, "不支持的文件类型"
                    + (ext.isEmpty() ? "（没有扩展名）" : " '" + ext + "'")
                    + "，请使用报送模板(.xlsx)或CSV");
        };
    }

    /** The next non-blank row, or empty at the end of the file. */
    Optional<RawRow> next();

    @Override
    void close();
}
