package cn.bipin.incentive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import cn.bipin.inbox.CsvLexer;

/**
 * A CSV data file: UTF-8 with or without BOM, RFC 4180 quoting, a header row of column keys or template titles.
 * A GBK file (Excel on a Chinese Windows) is refused up front with instructions instead of read as mojibake, and so
 * is a quote never closed: the rows after it would be lost in one cell.
 */
final class CsvTable implements TableSource {

    private final String fileName;
    private final CsvLexer lexer;
    private final List<String> header;

    private CsvTable(String fileName, CsvLexer lexer) {
        this.fileName = fileName;
        this.lexer = lexer;
        List<String> first = nextRecord();
        if (first == null) {
            throw new DataFileException(fileName, "文件中没有任何数据（第一行应为列名）");
        }
        this.header = first;
    }

    static CsvTable open(Path file) {
        String name = file.getFileName().toString();
        String problem = CsvLexer.encodingProblem(file);
        if (problem != null) {
            throw new DataFileException(name, problem);
        }
        CsvLexer lexer;
        try {
            lexer = CsvLexer.open(file, CsvLexer.UnclosedQuote.REJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return new CsvTable(name, lexer);
        } catch (RuntimeException e) {
            lexer.close();
            throw e;
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        List<String> rec;
        while ((rec = nextRecord()) != null) {
            if (rec.stream().anyMatch(c -> !c.isBlank())) {
                return new SourceRow(lexer.recordLine(), rec);
            }
        }
        return null;
    }

    private List<String> nextRecord() {
        try {
            return lexer.next();
        } catch (CsvLexer.UnclosedQuoteException e) {
            throw new DataFileException(fileName, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    @Override
    public void close() {
        lexer.close();
    }
}
