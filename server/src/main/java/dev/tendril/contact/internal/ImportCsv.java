package dev.tendril.contact.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * How an import file is read: UTF-8 (a byte-order mark is dropped), separated by commas, semicolons
 * or tabs as its header line shows, empty lines skipped, the first record the header. Uploads and the
 * worker read with these same settings, so the row count taken at upload is the number of rows the worker sees.
 */
final class ImportCsv {
    /** The header and the number of data rows of a file. */
    record Scan(List<String> header, long rows) {}

    private static final char[] SEPARATORS = {',', ';', '\t'};
    /** A header line longer than this is not read further to find its separator. */
    private static final int HEADER_CHARS = 65_536;

    private ImportCsv() {}

    static CsvReader<CsvRecord> open(Path file) throws IOException {
        return CsvReader.builder()
                .fieldSeparator(separator(file))
                .detectBomHeader(true)
                .skipEmptyLines(true)
                // a row with the wrong number of fields is that row's error, not the file's
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(file, StandardCharsets.UTF_8);
    }

    /**
     * The one of comma, semicolon and tab that the header line holds most often outside quotes; a comma when it
     * holds none (one column). Spreadsheets save "CSV" with semicolons where the decimal mark is a comma.
     */
    static char separator(Path file) throws IOException {
        int[] counts = new int[SEPARATORS.length];
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            boolean quoted = false;
            for (int i = 0; i < HEADER_CHARS; i++) {
                int c = in.read();
                if (c == -1 || !quoted && (c == '\n' || c == '\r')) {
                    break;
                }
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    for (int s = 0; s < SEPARATORS.length; s++) {
                        counts[s] += c == SEPARATORS[s] ? 1 : 0;
                    }
                }
            }
        }
        int best = 0;
        for (int s = 1; s < SEPARATORS.length; s++) {
            best = counts[s] > counts[best] ? s : best;
        }
        return SEPARATORS[best];
    }

    /** Reads the whole file once, streaming; the header is null for an empty file. */
    static Scan scan(Path file) throws IOException {
        try (CsvReader<CsvRecord> csv = open(file)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (!records.hasNext()) {
                return new Scan(null, 0);
            }
            List<String> header = records.next().getFields().stream().map(String::strip).toList();
            long rows = 0;
            while (records.hasNext()) {
                records.next();
                rows++;
            }
            return new Scan(header, rows);
        }
    }
}
