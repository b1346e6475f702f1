package dev.tendril.event.internal;

import dev.tendril.event.Ingestion;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.StorableText;
import dev.tendril.platform.UnauthorizedException;
import dev.tendril.workspace.ApiKeys;
import dev.tendril.workspace.CurrentWorkspace;
import dev.tendril.workspace.KeyKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Segment HTTP Tracking API: same paths, same write-key auth, same {@code {"success": true}}
 * answer, so any Segment or RudderStack client works unchanged. Bodies may be gzip-compressed.
 */
@RestController
@Tag(name = "Tracking (Segment-compatible)")
class TrackingController {
    static final int MAX_CALL_BYTES = 32 * 1024;
    static final int MAX_BATCH_BYTES = 500 * 1024;
    private static final Set<String> SINGLE = Set.of("identify", "track", "page", "screen", "group", "alias");
    private static final Map<String, Boolean> SUCCESS = Map.of("success", true);

    private final Ingestion ingestion;
    private final JsonMapper json;
    /** Reads one value where the parser stands and leaves the rest of the body to the caller. */
    private final ObjectReader value;
    private final ApiKeys keys;
    private final IngestAdmission admission;

    TrackingController(Ingestion ingestion, JsonMapper json, ApiKeys keys, IngestAdmission admission) {
        this.ingestion = ingestion;
        this.admission = admission;
        this.json = json;
        this.value = json.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.keys = keys;
    }

    @Operation(summary = "Segment call or batch",
            description = "type is identify, track, page, screen, group, alias, batch or import. Write key as the HTTP Basic username, or as writeKey in the body.")
    @PostMapping(path = {"/v1/{type}", "/v1/{type}/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Boolean> receive(@PathVariable String type, HttpServletRequest request) throws IOException {
        boolean batch = type.equals("batch") || type.equals("import");
        if (!batch && !SINGLE.contains(type)) {
            throw new NotFoundException("endpoint", "/v1/" + type);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) RepairUnstorableText.repaired(parse(read(request, batch ? MAX_BATCH_BYTES : MAX_CALL_BYTES)));
        long workspaceId = CurrentWorkspace.find().orElseGet(() -> workspaceOfBodyKey(parsed));
        admission.admit(() -> batch ? ingestion.batch(workspaceId, parsed) : ingestion.single(workspaceId, type, parsed));
        return SUCCESS;
    }

    private long workspaceOfBodyKey(Map<String, Object> body) {
        if (!(body.get("writeKey") instanceof String key)) {
            throw new UnauthorizedException("Missing write key: send it as the HTTP Basic username or as writeKey in the body");
        }
        return keys.workspaceOf(key, KeyKind.WRITE).orElseThrow(() -> new UnauthorizedException("Unknown or revoked write key"));
    }

    /**
     * Reads the body in one pass: a JSON object whose {@code batch} calls are each measured by their byte offsets as
     * they are read (Segment's 32 KB per call), so no call is serialised again nor the body parsed twice.
     */
    private Map<String, Object> parse(byte[] body) {
        if (!StorableText.isUtf8(body)) {
            throw new InvalidInputException("body", "is not valid UTF-8");
        }
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidInputException("body", "must be a JSON object");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY && name.equals("batch")) {
                    out.put(name, calls(parser));
                } else {
                    out.put(name, value.readValue(parser));
                }
            }
            if (parser.nextToken() != null) {
                throw new InvalidInputException("body", "malformed JSON: content after the object");
            }
            return out;
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException("body", "exceeds the JSON parser's limits (nesting depth, number or text length)");
        } catch (StreamReadException e) {
            throw new InvalidInputException("body", "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "malformed JSON");
        }
    }

    private List<Object> calls(JsonParser parser) {
        List<Object> calls = new ArrayList<>();
        for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
            long start = parser.currentTokenLocation().getByteOffset();
            calls.add(value.readValue(parser));
            if (parser.currentLocation().getByteOffset() - start > MAX_CALL_BYTES) {
                throw new InvalidInputException("batch[" + i + "]", "is larger than 32 KB, Segment's limit for one call");
            }
        }
        return calls;
    }

    /** The body, gunzipped when it says so; a plain, empty or truncated body sent as gzip is a 400. */
    private static byte[] read(HttpServletRequest request, int limit) throws IOException {
        String encoding = request.getHeader("Content-Encoding");
        boolean gzip = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip");
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, Math.min(limit, request.getContentLength())));
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = gzip ? new GZIPInputStream(request.getInputStream()) : request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > limit) {
                    throw new InvalidInputException("body", "is larger than " + limit / 1024 + " KB, Segment's limit for this call");
                }
                out.write(buffer, 0, n);
            }
        } catch (ZipException | EOFException e) {
            if (!gzip) {
                throw e;
            }
            throw new InvalidInputException("body", "is not valid gzip (Content-Encoding: gzip)");
        }
        return out.toByteArray();
    }
}
