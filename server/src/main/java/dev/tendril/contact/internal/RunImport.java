package dev.tendril.contact.internal;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.tendril.contact.AttributeType;
import dev.tendril.contact.Contacts;
import dev.tendril.contact.internal.ImportJobStore.Claimed;
import dev.tendril.contact.internal.ImportJobStore.Tally;
import dev.tendril.platform.ConflictException;
import dev.tendril.platform.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one claimed job: streams its file and upserts the rows in chunks, one transaction per
 * chunk that also counts the chunk, so progress shows as it goes and a resumed job skips the rows
 * already done. Each row runs in a savepoint: a bad row is recorded and left out, never its chunk.
 */
@Component
class RunImport {
    static final int CHUNK = 500;

    private final ImportJobStore jobs;
    private final Contacts contacts;
    private final TransactionTemplate chunkTx;
    private final TransactionTemplate rowTx;

    RunImport(ImportJobStore jobs, Contacts contacts, PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.contacts = contacts;
        this.chunkTx = new TransactionTemplate(transactions);
        this.rowTx = new TransactionTemplate(transactions);
        rowTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Runs the job to its end; when {@code stop} turns true it hands the job back to the queue between chunks. */
    void run(Claimed job, BooleanSupplier stop) {
        try (CsvReader<CsvRecord> csv = ImportCsv.open(job.file())) {
            Iterator<CsvRecord> records = csv.iterator();
            List<String> header = records.next().getFields().stream().map(String::strip).toList();
            ImportMapping mapping = ImportMapping.stored(header, columns(job.mapping()));
            int done = job.rowsDone();
            for (int i = 0; i < done && records.hasNext(); i++) {
                records.next();
            }
            List<List<String>> chunk = new ArrayList<>(CHUNK);
            while (records.hasNext()) {
                if (stop.getAsBoolean()) {
                    jobs.requeue(job.id());
                    return;
                }
                chunk.clear();
                while (chunk.size() < CHUNK && records.hasNext()) {
                    chunk.add(records.next().getFields());
                }
                int before = done;
                if (!Boolean.TRUE.equals(chunkTx.execute(tx -> {
                    boolean counted = jobs.progress(job.id(), before, importChunk(job, mapping, chunk, before + 1));
                    if (!counted) {
                        tx.setRollbackOnly(); // another worker took the job over; its rows are its own
                    }
                    return counted;
                }))) {
                    return;
                }
                done += chunk.size();
            }
            finish(job, "completed", null);
        } catch (NoSuchFileException e) {
            finish(job, "failed", "the uploaded file " + e.getFile() + " is not on this node; several nodes need "
                    + "<tendril.data-dir>/imports on storage they share");
        } catch (IOException | CsvParseException e) {
            finish(job, "failed", "the file cannot be read: " + e.getMessage());
        }
    }

    private Tally importChunk(Claimed job, ImportMapping mapping, List<List<String>> rows, int firstRow) {
        long workspaceId = job.workspaceId();
        Map<String, AttributeType> types = contacts.attributeTypes(workspaceId);
        int failed = 0;
        int created = 0;
        for (int i = 0; i < rows.size(); i++) {
            String reason;
            try {
                Map<String, Object> body = ImportRowBody.of(mapping, rows.get(i), types);
                if (Boolean.TRUE.equals(rowTx.execute(s -> contacts.upsert(workspaceId, body).created()))) {
                    created++;
                }
                if (body.get("attributes") instanceof Map<?, ?> attributes && !types.keySet().containsAll(attributes.keySet())) {
                    types = contacts.attributeTypes(workspaceId); // this row declared a type that later rows must fit
                }
                continue;
            } catch (InvalidInputException e) {
                reason = e.getMessage();
            } catch (ConflictException e) {
                reason = e.field() + ": " + e.getMessage();
            } catch (DuplicateKeyException e) {
                reason = "email or externalId: another contact took it at the same time";
            } catch (DataIntegrityViolationException e) {
                reason = "the database refused a value of this row";
            }
            failed++;
            jobs.addError(job.id(), firstRow + i, reason);
        }
        return new Tally(rows.size(), failed, created, rows.size() - failed - created);
    }

    private void finish(Claimed job, String status, String error) {
        jobs.finish(job.id(), status, error);
        try {
            Files.deleteIfExists(job.file());
        } catch (IOException e) {
            // the job is finished either way; a leftover upload only takes disk space
        }
    }

    private static Map<String, String> columns(Map<String, Object> stored) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        stored.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
