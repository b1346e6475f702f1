package dev.tendril.contact.internal;

import de.siegmar.fastcsv.reader.CsvParseException;
import dev.tendril.platform.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes an uploaded CSV file: streams it to {@code <data-dir>/imports/}, reads its header and counts
 * its rows in one streaming pass, checks the column mapping and queues the job. Nothing is stored
 * when the file or the mapping is refused.
 */
@Component
class ImportUploads {
    private final ImportJobStore jobs;
    private final Path dir;

    ImportUploads(ImportJobStore jobs, @Value("${tendril.data-dir:./data}") String dataDir) {
        this.jobs = jobs;
        this.dir = Path.of(dataDir).toAbsolutePath().resolve("imports");
    }

    ImportJob accept(long workspaceId, String fileName, InputStream body, Map<String, String> map, Set<String> skip) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(UUID.randomUUID() + ".csv");
        try {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                body.transferTo(out);
            }
            ImportCsv.Scan scan = scan(file);
            if (scan.header() == null) {
                throw new InvalidInputException("body", "is empty; send CSV text whose first row names the columns");
            }
            if (scan.rows() > Integer.MAX_VALUE) {
                throw new InvalidInputException("body", "has more than " + Integer.MAX_VALUE + " rows; split the file");
            }
            ImportMapping mapping = ImportMapping.resolve(scan.header(), map, skip);
            long id = jobs.insert(workspaceId, fileName, file, mapping.columns(), (int) scan.rows());
            return jobs.find(workspaceId, id).orElseThrow();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static ImportCsv.Scan scan(Path file) throws IOException {
        try {
            return ImportCsv.scan(file);
        } catch (CsvParseException e) {
            throw new InvalidInputException("body", "is not readable CSV: " + e.getMessage());
        }
    }
}
