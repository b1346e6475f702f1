package dev.tendril.contact.internal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * How an import file is read: UTF-8 (a byte-order mark is dropped), comma-separated, empty lines
 * skipped, the first record the header. Uploads and the worker read with these same settings, so
 * the row count taken at upload is the number of rows the worker sees.
 */
final class ImportCsv {
    /** The header and the number of data rows of a file. */
    record Scan(List<String> header, long rows) {}

    private ImportCsv() {}

    static CsvReader<CsvRecord> open(Path file) throws IOException {
        return CsvReader.builder()
                .detectBomHeader(true)
                .skipEmptyLines(true)
                // a row with the wrong number of fields is that row's error, not the file's
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(file, StandardCharsets.UTF_8);
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
