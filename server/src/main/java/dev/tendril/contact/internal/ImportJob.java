package dev.tendril.contact.internal;

import java.time.Instant;
import java.util.Map;

/**
 * An import as the API shows it. {@code rowsDone} counts data rows handled so far, failed ones
 * included; {@code rowsFailed} of them are listed under {@code /errors}.
 */
record ImportJob(String id, String status, String fileName, Integer rowsTotal, int rowsDone, int rowsFailed,
        int rowsCreated, int rowsUpdated, String error, Map<String, Object> mapping, Instant createdAt,
        Instant startedAt, Instant finishedAt) {

    /** A data row that was left out; {@code row} 1 is the first row after the header. */
    record RowError(int row, String reason) {}
}
