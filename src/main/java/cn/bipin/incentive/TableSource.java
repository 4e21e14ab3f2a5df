package cn.bipin.incentive;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A data file read row by row, never whole: a header, then rows of cells as text, in the file's own columns. */
interface TableSource extends Closeable {

    /** A row as typed, with its 1-based row number in the file (line for CSV, sheet row for Excel). */
    record SourceRow(int rowNo, List<String> cells) {
    }

    List<String> header();

    /** The next row with any content, or null at the end. */
    SourceRow next();

    @Override
    void close();

    static TableSource open(Path file, Entity entity) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CsvTable.open(file);
        }
        if (name.endsWith(".xlsx")) {
            return XlsxTable.open(file, entity);
        }
        throw new DataFileException(file.getFileName().toString(), "只接受 .xlsx（报送模板）或 .csv 文件");
    }

    /** Excel's column letters: 0 → A, 26 → AA. */
    static String letter(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }
}
