package dev.tendril.content.internal;

import dev.tendril.contact.Contacts;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Templates ({@code /api/v1/templates}): each save is validated (syntax, helpers, included blocks;
 * lint warnings for data outside the personalisation data) and stored as a new version; MJML is
 * turned into responsive HTML at save time. A template that fails validation is never stored.
 */
@Service
class TemplateCatalog {
    private static final Set<String> FIELDS = Set.of("name", "channel");
    private static final TypeReference<Map<String, String>> PARTS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {};

    /** A validated draft: its parts, the HTML made from MJML, the blocks it includes and the lint warnings. */
    record Checked(Map<String, String> parts, String mjmlHtml, Set<String> refs, List<Problem> warnings) {}

    private final TemplateStore templates;
    private final BlockStore blocks;
    private final Contacts contacts;
    private final JsonMapper json;

    TemplateCatalog(TemplateStore templates, BlockStore blocks, Contacts contacts, JsonMapper json) {
        this.templates = templates;
        this.blocks = blocks;
        this.contacts = contacts;
        this.json = json;
    }

    @Transactional
    public TemplateView create(long workspaceId, Map<String, Object> body) {
        BodyFields.body(body);
        String name = name(body, true);
        TemplateChannel channel = TemplateParts.channel(body.get("channel"));
        Checked checked = check(workspaceId, channel, TemplateParts.read(channel, body, FIELDS));
        long id = templates.insert(workspaceId, name, channel.jsonName());
        save(workspaceId, id, name, 1, checked);
        return view(workspaceId, templates.find(workspaceId, id).orElseThrow(), 1, checked.warnings());
    }

    /** A new version: the body holds all parts of the new version; the name may change, the channel not. */
    @Transactional
    public TemplateView update(long workspaceId, String id, Map<String, Object> body) {
        BodyFields.body(body);
        TemplateStore.Row row = templates.lock(workspaceId, Ids.TEMPLATE.require(id)).orElseThrow(() -> new NotFoundException("template", id));
        TemplateChannel channel = TemplateChannel.of(row.channel()).orElseThrow();
        if (body.get("channel") != null && !channel.jsonName().equals(body.get("channel"))) {
            throw new InvalidInputException("channel", "cannot change; make a new template for another channel");
        }
        String name = body.containsKey("name") ? name(body, true) : row.name();
        Checked checked = check(workspaceId, channel, TemplateParts.read(channel, body, FIELDS));
        save(workspaceId, row.id(), name, row.version() + 1, checked);
        return view(workspaceId, templates.find(workspaceId, row.id()).orElseThrow(), row.version() + 1, checked.warnings());
    }

    /** Validates a draft of a channel's parts; a failure is a 400 naming part, line and column. */
    Checked check(long workspaceId, TemplateChannel channel, Map<String, String> parts) {
        TemplateCheck check = new TemplateCheck(blocks.graph(workspaceId), contacts.attributeTypes(workspaceId).keySet(), null);
        parts.forEach((part, source) -> check.source(part, source, channel.part(part).orElseThrow().escaping()));
        TemplateCheck.Result result = check.result();
        if (!result.errors().isEmpty()) {
            throw new InvalidContentException(result.errors());
        }
        String mjmlHtml = null;
        if (parts.containsKey("mjml")) {
            try {
                mjmlHtml = MjmlToHtml.convert(parts.get("mjml"));
            } catch (MjmlToHtml.Failed e) {
                throw new InvalidContentException(List.of(new Problem("mjml", 0, 0, e.getMessage())));
            }
        }
        return new Checked(parts, mjmlHtml, result.refs(), result.warnings());
    }

    private void save(long workspaceId, long id, String name, int version, Checked checked) {
        templates.addVersion(workspaceId, id, name, version, json.writeValueAsString(checked.parts()), checked.mjmlHtml(), checked.refs(),
                json.writeValueAsString(checked.warnings()));
    }

    public TemplateView get(long workspaceId, String id, Integer version) {
        TemplateStore.Row row = row(workspaceId, id);
        return view(workspaceId, row, version == null ? row.version() : version, null);
    }

    public Page<TemplateView> list(long workspaceId, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        List<TemplateView> rows = templates.list(workspaceId, Cursor.decode(cursor), n + 1).stream()
                .map(r -> new TemplateView(Ids.TEMPLATE.format(r.id()), r.name(), r.channel(), r.version(), r.version(), r.valid(),
                        json.readValue(r.problems(), STRINGS), null, null, null, null, null, null, null, null, null, null,
                        r.createdAt(), r.updatedAt()))
                .toList();
        return Page.of(rows, n, last -> new Cursor(null, Ids.TEMPLATE.require(last.id())));
    }

    public List<TemplateView> versions(long workspaceId, String id) {
        TemplateStore.Row row = row(workspaceId, id);
        return templates.versions(workspaceId, row.id()).stream().map(v -> view(row, v, null)).toList();
    }

    @Transactional
    public void delete(long workspaceId, String id) {
        if (!templates.delete(workspaceId, Ids.TEMPLATE.require(id))) {
            throw new NotFoundException("template", id);
        }
    }

    Optional<TemplateStore.Row> find(long workspaceId, long id) {
        return templates.find(workspaceId, id);
    }

    TemplateStore.Row row(long workspaceId, String id) {
        return templates.find(workspaceId, Ids.TEMPLATE.require(id)).orElseThrow(() -> new NotFoundException("template", id));
    }

    TemplateStore.Version version(long workspaceId, TemplateStore.Row row, int version) {
        return templates.version(workspaceId, row.id(), version)
                .orElseThrow(() -> new NotFoundException("template version", Ids.TEMPLATE.format(row.id()) + " v" + version));
    }

    Map<String, String> parts(TemplateStore.Version version) {
        return json.readValue(version.parts(), PARTS);
    }

    private TemplateView view(long workspaceId, TemplateStore.Row row, int version, List<Problem> warnings) {
        return view(row, version(workspaceId, row, version), warnings);
    }

    private TemplateView view(TemplateStore.Row row, TemplateStore.Version v, List<Problem> warnings) {
        Map<String, String> p = new LinkedHashMap<>(parts(v));
        List<Problem> shown = warnings != null ? warnings : json.readValue(v.warnings(), PROBLEMS);
        return new TemplateView(Ids.TEMPLATE.format(row.id()), row.name(), row.channel(), v.version(), row.version(), row.valid(),
                json.readValue(row.problems(), STRINGS), p.get("subject"), p.get("preheader"), p.get("html"), p.get("mjml"), p.get("text"),
                p.get("title"), p.get("body"), p.get("url"), v.refs(), shown.isEmpty() ? null : shown, v.createdAt(), row.updatedAt());
    }

    private static String name(Map<String, Object> body, boolean required) {
        String name = BodyFields.text(body, "name", required, 200);
        if (name != null && name.isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        return name;
    }
}
