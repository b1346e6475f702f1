package dev.tendril.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A workspace of one test, with its keys and plain-HTTP helpers for the REST and tracking APIs. */
public record TestTenant(long workspaceId, String writeKey, String secretKey, String ownerEmail, String ownerPassword,
        String baseUrl, JsonMapper json) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * An HTTP answer; {@code json()} is its body parsed, {@code text(ptr)} a JSON-pointer value as text. Both fail the
     * test when the body is not JSON (an HTML error page, an empty body), so a check for a null value cannot pass on
     * an error.
     */
    public record Answer(int status, String body, HttpHeaders headers) {
        private static final JsonMapper JSON = JsonMapper.builder().build();

        public JsonNode json() {
            if (body == null || body.isBlank()) {
                throw new AssertionError("expected a JSON body, got " + status + " with an empty body");
            }
            try {
                return JSON.readTree(body);
            } catch (RuntimeException e) {
                throw new AssertionError("expected a JSON body, got " + status + ": " + body, e);
            }
        }

        public String text(String pointer) {
            JsonNode node = json().at(pointer);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }
    }

    public Answer api(String method, String path, String body) {
        return send(method, path, body, "Bearer " + secretKey, false);
    }

    public Answer track(String path, String body) {
        return send("POST", path, body, basic(writeKey), false);
    }

    public Answer trackGzip(String path, String body) {
        return send("POST", path, body, basic(writeKey), true);
    }

    /** Posts a body of another type than JSON (a CSV file, say) with the secret key. */
    public Answer post(String path, String contentType, String body) {
        return send("POST", path, contentType, body, "Bearer " + secretKey, false);
    }

    public Answer send(String method, String path, String body, String authorization, boolean gzip) {
        return send(method, path, "application/json", body, authorization, gzip);
    }

    private Answer send(String method, String path, String contentType, String body, String authorization, boolean gzip) {
        return sendBytes(method, path, contentType, body == null ? null : gzip ? gzip(body) : body.getBytes(StandardCharsets.UTF_8),
                authorization, gzip ? "gzip" : null);
    }

    /** Sends these very bytes (a broken gzip stream, say), with a {@code Content-Encoding} when it is not null. */
    public Answer sendBytes(String method, String path, String contentType, byte[] body, String authorization, String encoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":").getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] gzip(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
