package dev.tendril.contact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCsvTest {
    @TempDir
    Path dir;

    @Test
    void theHeaderLineTellsTheSeparator() throws IOException {
        assertThat(ImportCsv.scan(file("\uFEFFEmail;Plan;Seats\r\nada@example.com;pro;3,5\r\n"))).isEqualTo(
                new ImportCsv.Scan(List.of("Email", "Plan", "Seats"), 1));
        assertThat(ImportCsv.scan(file("email\tplan\nada@example.com\tpro\n")).header()).containsExactly("email", "plan");
        assertThat(ImportCsv.scan(file("email,plan\nada@example.com,\"pro; yearly\"\n")).header()).containsExactly("email", "plan");
    }

    @Test
    void separatorsInsideQuotesOrAfterTheHeaderDoNotCount() throws IOException {
        assertThat(ImportCsv.separator(file("email,\"tags; list\"\na;b;c;d,x\n"))).isEqualTo(',');
        assertThat(ImportCsv.separator(file("\"first\nname\";email;plan\n"))).isEqualTo(';');
        assertThat(ImportCsv.separator(file("email\na;b\n"))).isEqualTo(',');
        assertThat(ImportCsv.separator(file(""))).isEqualTo(',');
    }

    @Test
    void aSemicolonFileReadsItsRowsWithCommasInsideTheirCells() throws IOException {
        try (CsvReader<CsvRecord> csv = ImportCsv.open(file("email;note\nada@example.com;first, then second\n"))) {
            List<List<String>> rows = csv.stream().map(CsvRecord::getFields).toList();
            assertThat(rows).containsExactly(List.of("email", "note"), List.of("ada@example.com", "first, then second"));
        }
    }

    private Path file(String text) throws IOException {
        Path file = Files.createTempFile(dir, "import", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
