package dev.tendril.event;

import dev.tendril.event.internal.IngestPipeline;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Stores Segment calls for a workspace; used by the HTTP endpoints and by anything that replays events (the demo). */
@Service
public class Ingestion {
    private final IngestPipeline pipeline;

    Ingestion(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** A {@code /v1/batch} body; returns how many events were new (not duplicates). Committed when it returns. */
    public int batch(long workspaceId, Map<String, Object> body) {
        return pipeline.batch(workspaceId, body);
    }

    /** A single call of the given type ({@code identify}, {@code track}, …). */
    public int single(long workspaceId, String type, Map<String, Object> body) {
        return pipeline.single(workspaceId, type, body);
    }
}
