package cn.bipin.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import cn.bipin.inbox.CsvLexer;

/**
 * Streams RFC 4180 records of a UTF-8 CSV (BOM optional) with their line numbers. Excel on a Chinese Windows writes
 * GBK, which is refused with instructions rather than read as mojibake.
 */
final class CsvRecords {

    private static final String EMPTY = "文件为空，请重新报送";

    /** One record and the 1-based line it starts on. */
    record Line(int number, List<String> fields) {

        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }

        String field(int index) {
            return index >= 0 && index < fields.size() ? fields.get(index).strip() : "";
        }
    }

    interface Handler {
        void accept(Line line);
    }

    private CsvRecords() {
    }

    /** Every record of the file in order, blank ones included; a quote never closed refuses the file. */
    static void read(Path file, Handler handler) {
        String name = file.getFileName().toString();
        String problem = CsvLexer.encodingProblem(file);
        if (problem != null) {
            // ballot, case and vote files have always called a 0-byte file just "empty"
            throw new BallotFileRejectedException(name, CsvLexer.EMPTY.equals(problem) ? EMPTY : problem);
        }
        try (CsvLexer lexer = CsvLexer.open(file, CsvLexer.UnclosedQuote.REJECT)) {
            List<String> fields = lexer.next();
            if (fields == null) {
                throw new BallotFileRejectedException(name, EMPTY);
            }
            do {
                handler.accept(new Line(lexer.recordLine(), fields));
            } while ((fields = lexer.next()) != null);
        } catch (CsvLexer.UnclosedQuoteException e) {
            throw new BallotFileRejectedException(name, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
