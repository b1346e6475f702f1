package dev.tendril.contact.internal;

import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/imports}: CSV files of contacts, imported in the background. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
class ImportController {
    private final ImportUploads uploads;
    private final ImportJobStore jobs;
    private final ImportWorker worker;

    ImportController(ImportUploads uploads, ImportJobStore jobs, ImportWorker worker) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.worker = worker;
    }

    @Operation(summary = "Upload a CSV file of contacts to import",
            description = "The body is the CSV text (UTF-8, header row first). Query: map.COLUMN=field (email, externalId, firstName, "
                    + "lastName, phone, title, website, birthday, timezone, lifecycleStage, company, … or attributes.NAME), "
                    + "skip=COLUMN, fileName. Unmapped columns fill the field their header spells (First Name, E-mail, Email Address), "
                    + "else the attribute of their name. "
                    + "Rows update the contact with their externalId, else email, or create one. 202 with the queued job.")
    @PostMapping(consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ResponseEntity<ImportJob> upload(HttpServletRequest request) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        Set<String> skip = new LinkedHashSet<>();
        String fileName = "import.csv";
        // the body is CSV, not a form, so these are the query parameters only
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            String name = p.getKey();
            String value = p.getValue()[p.getValue().length - 1];
            if (name.startsWith("map.") && name.length() > 4) {
                map.put(name.substring(4), value);
            } else if (name.equals("skip")) {
                skip.addAll(Arrays.asList(p.getValue()));
            } else if (name.equals("fileName") && !value.isBlank()) {
                fileName = value.strip();
            } else {
                throw new InvalidInputException(name, "is not a parameter of an import; use map.COLUMN=field, skip=COLUMN or fileName");
            }
        }
        ImportJob job = uploads.accept(CurrentWorkspace.id(), fileName, request.getInputStream(), map, skip);
        worker.wake();
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
    }

    @Operation(summary = "List imports, newest first")
    @GetMapping
    Page<ImportJob> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        int n = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        return Page.of(jobs.list(CurrentWorkspace.id(), after == null ? null : after.id(), n + 1), n,
                last -> new Cursor(null, Ids.IMPORT.require(last.id())));
    }

    @Operation(summary = "An import's status and progress", description = "status: queued, running, completed or failed.")
    @GetMapping("/{id}")
    ImportJob get(@PathVariable String id) {
        return job(id);
    }

    @Operation(summary = "Rows left out of an import, by row number", description = "Row 1 is the first row after the header.")
    @GetMapping("/{id}/errors")
    Page<ImportJob.RowError> errors(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        job(id);
        int n = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        return Page.of(jobs.errors(CurrentWorkspace.id(), Ids.IMPORT.require(id), after == null ? 0 : (int) after.id(), n + 1), n,
                last -> new Cursor(null, last.row()));
    }

    private ImportJob job(String id) {
        return jobs.find(CurrentWorkspace.id(), Ids.IMPORT.require(id)).orElseThrow(() -> new NotFoundException("import", id));
    }
}
