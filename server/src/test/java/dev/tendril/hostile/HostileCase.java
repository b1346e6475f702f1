package dev.tendril.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One case of the hostile-input corpus ({@code src/test/resources/hostile/*.jsonl}, one JSON object a line; lines
 * starting with {@code //} are comments). The fields:
 * <ul>
 * <li>{@code name} (unique), {@code target}: {@code track} (a single tracking call), {@code batch}, {@code rest} or
 * {@code csv} (an upload to {@code /api/v1/imports}, whose row-error report is then read);
 * <li>{@code method} (POST), {@code path} sent as written (no encoding is added), {@code contentType}
 * (application/json, text/csv for csv; "" sends none), {@code headers}, {@code auth} ({@code key}: the write key as
 * Basic for the tracking API, the secret key as Bearer otherwise; {@code none});
 * <li>{@code body} as text, or {@code bodyBase64} for bytes that are not UTF-8; {@code gzip}: true compresses the body
 * and says so; {@code repeat}: [{@code token}, {@code text}, {@code times}, {@code separator}] replaces the token in the
 * body or the path by the text repeated, {@code {n}} in it counting the repetitions (huge and deep inputs stay one short
 * line). {@code ${contact}}, {@code ${company}},
 * {@code ${list}}, {@code ${segment}}, {@code ${template}}, {@code ${block}}, {@code ${experiment}}, {@code ${import}}
 * {@code ${scriptContact}} (a contact named with a script tag) and {@code ${writeKey}} in the path and body name the fixtures
 * of the workspace, {@code ${halfYearAhead}} and {@code ${twoYearsAhead}} are instants from now;
 * <li>{@code expect}: {@code refused} (a 4xx problem JSON, nothing stored) or {@code accepted} (a 2xx, with a
 * {@code note} saying why that is the documented behaviour); {@code status}: the exact status, when it matters;
 * {@code field}: a field the problem must name; {@code events}: the events an accepted tracking request stores;
 * {@code dataSize}: the length of an accepted list answer's {@code data}; {@code answerJson}: JSON pointer → the value the
 * accepted answer holds there; {@code rowErrors}: the rows an accepted
 * import must report, each reason containing {@code reasonContains}; {@code answerExcludes}: text the answer must not hold.
 * </ul>
 */
record HostileCase(String source, String name, Target target, String method, String path, String contentType,
        Map<String, String> headers, boolean auth, String body, byte[] bodyBytes, List<Repeat> repeat, boolean gzip,
        Expect expect, Integer status, String field, String note, Integer events, Integer dataSize, Map<String, JsonNode> answerJson,
        List<Integer> rowErrors, String reasonContains, List<String> answerExcludes) {

    enum Target { TRACK, BATCH, REST, CSV }

    enum Expect { REFUSED, ACCEPTED }

    record Repeat(String token, String text, int times, String separator) {}

    private static final Set<String> KEYS = Set.of("name", "target", "method", "path", "contentType", "headers", "auth", "body",
            "bodyBase64", "repeat", "gzip", "expect", "status", "field", "note", "events", "dataSize", "answerJson",
            "rowErrors", "reasonContains", "answerExcludes");

    /** Every case of every corpus file, in file order; a malformed case fails the load, naming its file and line. */
    static List<HostileCase> loadAll(JsonMapper json) {
        try {
            Path dir = Path.of(HostileCase.class.getResource("/hostile").toURI());
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
            }
            List<HostileCase> cases = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Path file : files) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.isEmpty() || line.startsWith("//")) {
                        continue;
                    }
                    String source = file.getFileName() + ":" + (i + 1);
                    HostileCase c = parse(json.readTree(line), source);
                    if (!names.add(c.name())) {
                        throw new IllegalArgumentException(source + ": the name '" + c.name() + "' is used twice");
                    }
                    cases.add(c);
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HostileCase parse(JsonNode in, String source) {
        for (String key : in.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(source + ": unknown key '" + key + "'");
            }
        }
        Target target = Target.valueOf(required(in, "target", source).toUpperCase());
        Expect expect = Expect.valueOf(required(in, "expect", source).toUpperCase());
        String note = text(in, "note");
        if (expect == Expect.ACCEPTED && (note == null || note.isBlank())) {
            throw new IllegalArgumentException(source + ": an accepted case needs a note saying why acceptance is documented");
        }
        String path = text(in, "path");
        if (path == null) {
            path = switch (target) {
                case CSV -> "/api/v1/imports";
                case BATCH -> "/v1/batch";
                default -> throw new IllegalArgumentException(source + ": path is required");
            };
        }
        String defaultType = target == Target.CSV ? "text/csv" : "application/json";
        Map<String, String> headers = new LinkedHashMap<>();
        if (in.has("headers")) {
            in.get("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        }
        List<Repeat> repeat = new ArrayList<>();
        if (in.has("repeat")) {
            for (JsonNode r : in.get("repeat")) {
                repeat.add(new Repeat(r.get("token").asString(), r.get("text").asString(), r.get("times").asInt(),
                        r.has("separator") ? r.get("separator").asString() : ""));
            }
        }
        List<Integer> rowErrors = null;
        if (in.has("rowErrors")) {
            rowErrors = new ArrayList<>();
            for (JsonNode n : in.get("rowErrors")) {
                rowErrors.add(n.asInt());
            }
        }
        List<String> excludes = new ArrayList<>();
        if (in.has("answerExcludes")) {
            in.get("answerExcludes").forEach(n -> excludes.add(n.asString()));
        }
        Map<String, JsonNode> answerJson = new LinkedHashMap<>();
        if (in.has("answerJson")) {
            in.get("answerJson").properties().forEach(e -> answerJson.put(e.getKey(), e.getValue()));
        }
        byte[] bytes = in.has("bodyBase64") ? Base64.getDecoder().decode(in.get("bodyBase64").asString()) : null;
        return new HostileCase(source, required(in, "name", source), target, in.has("method") ? in.get("method").asString() : "POST",
                path, in.has("contentType") ? in.get("contentType").asString() : defaultType, headers,
                !"none".equals(text(in, "auth")), text(in, "body"), bytes, repeat, in.has("gzip") && in.get("gzip").asBoolean(), expect,
                integer(in, "status"), text(in, "field"), note, integer(in, "events"), integer(in, "dataSize"), answerJson, rowErrors,
                text(in, "reasonContains"), excludes);
    }

    /** The body to send, with the fixtures' ids and the repeats in place, compressed when the case says so. */
    byte[] bodyFor(Map<String, String> tokens) {
        byte[] raw = bodyBytes;
        if (raw == null && body != null) {
            raw = substitute(expand(body), tokens).getBytes(StandardCharsets.UTF_8);
        }
        if (raw == null || !gzip) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    String pathFor(Map<String, String> tokens) {
        return substitute(expand(path), tokens);
    }

    /** The text with each repeat's token replaced by its text repeated ({n} in the text counts the repetitions from 0). */
    private String expand(String text) {
        String out = text;
        for (Repeat r : repeat) {
            if (out.contains(r.token())) {
                StringBuilder repeated = new StringBuilder();
                for (int i = 0; i < r.times(); i++) {
                    repeated.append(i == 0 ? "" : r.separator()).append(r.text().replace("{n}", Integer.toString(i)));
                }
                out = out.replace(r.token(), repeated);
            }
        }
        return out;
    }

    /** The body as the case gives it, for telling whether a word in the answer came from the request. */
    String sentText() {
        return body != null ? body : bodyBytes != null ? new String(bodyBytes, StandardCharsets.ISO_8859_1) : "";
    }

    private static String substitute(String text, Map<String, String> tokens) {
        String out = text;
        for (Map.Entry<String, String> t : tokens.entrySet()) {
            out = out.replace("${" + t.getKey() + "}", t.getValue());
        }
        return out;
    }

    private static String required(JsonNode in, String key, String source) {
        String value = text(in, key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(source + ": " + key + " is required");
        }
        return value;
    }

    private static String text(JsonNode in, String key) {
        return in.has(key) && !in.get(key).isNull() ? in.get(key).asString() : null;
    }

    private static Integer integer(JsonNode in, String key) {
        return in.has(key) ? in.get(key).asInt() : null;
    }

    @Override
    public String toString() {
        return name + " (" + source + ")";
    }
}
