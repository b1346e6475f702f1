package dev.tendril.content.internal;

import dev.tendril.content.RenderInputs;
import dev.tendril.content.RenderedMessage;
import dev.tendril.content.TemplateStatus;
import dev.tendril.platform.ConflictException;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Renders saved templates and previews drafts; behind {@code content.Templates} and {@code /api/v1/templates/…/preview}. */
@Service
public class RenderSavedTemplates {
    static final int MAX_BATCH = 1_000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final TemplateCatalog catalog;
    private final RenderPipeline renderer;
    private final JsonMapper json;

    RenderSavedTemplates(TemplateCatalog catalog, RenderPipeline renderer, JsonMapper json) {
        this.catalog = catalog;
        this.renderer = renderer;
        this.json = json;
    }

    public Optional<TemplateStatus> status(long workspaceId, String templateId) {
        return Ids.TEMPLATE.parse(templateId).stream().boxed()
                .flatMap(id -> catalog.find(workspaceId, id).stream())
                .map(r -> new TemplateStatus(Ids.TEMPLATE.format(r.id()), r.name(), r.channel(), r.version(), r.valid(),
                        json.readValue(r.problems(), STRINGS)))
                .findFirst();
    }

    @Transactional(readOnly = true)
    public List<RenderedMessage> render(long workspaceId, String templateId, Integer version, List<Long> contactIds,
            RenderInputs inputs) {
        if (contactIds.size() > MAX_BATCH) {
            throw new InvalidInputException("contactIds", "at most " + MAX_BATCH + " contacts per render");
        }
        TemplateStore.Row row = catalog.row(workspaceId, templateId);
        if (!row.valid()) {
            throw new ConflictException("templateId", "the template is not usable: " + String.join("; ", json.readValue(row.problems(), STRINGS)));
        }
        TemplateStore.Version v = catalog.version(workspaceId, row, version == null ? row.version() : version);
        CompiledTemplate compiled = renderer.compile(workspaceId, row.id(), v.version(), TemplateChannel.of(row.channel()).orElseThrow(),
                catalog.parts(v), v.mjmlHtml(), v.refs());
        return renderer.render(workspaceId, compiled, contactIds, inputs);
    }

    /**
     * Renders a template for one contact: the saved version, or a draft when the body holds parts
     * (they replace the saved ones; a template id of null previews a new template of {@code channel}).
     */
    @Transactional(readOnly = true)
    public Map<String, Object> preview(long workspaceId, String templateId, Map<String, Object> body) {
        BodyFields.body(body);
        String contact = BodyFields.text(body, "contactId", true, 100);
        long contactId = Ids.CONTACT.parse(contact).orElseThrow(() -> new NotFoundException("contact", contact));
        Map<String, Object> journey = map(body, "journey");
        Map<String, Object> trigger = map(body, "trigger");
        Set<String> fields = Set.of("contactId", "version", "journey", "trigger", "channel", "name");
        TemplateStore.Row row = templateId == null ? null : catalog.row(workspaceId, templateId);
        TemplateChannel channel = row == null ? TemplateParts.channel(body.get("channel")) : TemplateChannel.of(row.channel()).orElseThrow();
        Map<String, Object> draftParts = new LinkedHashMap<>(body);
        fields.forEach(draftParts::remove);
        CompiledTemplate compiled;
        List<Problem> warnings = List.of();
        if (row != null && draftParts.isEmpty()) {
            Integer version = body.get("version") instanceof Number n ? n.intValue() : null;
            TemplateStore.Version v = catalog.version(workspaceId, row, version == null ? row.version() : version);
            compiled = renderer.compile(workspaceId, row.id(), v.version(), channel, catalog.parts(v), v.mjmlHtml(), v.refs());
        } else {
            Map<String, Object> merged = new LinkedHashMap<>();
            if (row != null) {
                catalog.parts(catalog.version(workspaceId, row, row.version())).forEach(merged::put);
                if (draftParts.containsKey("html")) {
                    merged.remove("mjml");
                }
                if (draftParts.containsKey("mjml")) {
                    merged.remove("html");
                }
            }
            merged.putAll(draftParts);
            TemplateCatalog.Checked checked = catalog.check(workspaceId, channel, TemplateParts.read(channel, merged, Set.of()));
            warnings = checked.warnings();
            compiled = renderer.compile(workspaceId, null, 0, channel, checked.parts(), checked.mjmlHtml(), checked.refs());
        }
        List<RenderedMessage> rendered = renderer.render(workspaceId, compiled, List.of(contactId),
                RenderInputs.of(journey, trigger == null ? Map.of() : Map.of(contactId, trigger)));
        if (rendered.isEmpty()) {
            throw new NotFoundException("contact", contact);
        }
        RenderedMessage message = rendered.getFirst();
        if (message.failed()) {
            throw new RenderFailedException(message.error());
        }
        Map<String, Object> out = new LinkedHashMap<>(message.parts());
        out.put("dataUsed", message.dataUsed());
        out.put("personalizationScore", message.personalizationScore());
        out.put("dynamicContent", message.dynamicContent());
        if (!warnings.isEmpty()) {
            out.put("warnings", warnings);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new InvalidInputException(field, "must be a JSON object");
        }
        return (Map<String, Object>) value;
    }
}
