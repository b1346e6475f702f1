package dev.tendril.content.internal;

import dev.tendril.condition.Conditions;
import dev.tendril.contact.Contacts;
import dev.tendril.platform.ConflictException;
import dev.tendril.platform.Cursor;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import dev.tendril.segment.ConditionReferences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workspace's content library ({@code /api/v1/blocks}): blocks that templates include by name
 * ({@code {{> footer}}}), versioned, static or dynamic. Deleting a block marks what includes it,
 * directly or through other blocks, as invalid; creating a block by that name makes them valid again.
 */
@Service
class BlockLibrary {
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,99}");
    static final int MAX_VARIANTS = 20;
    private static final Set<String> FIELDS = Set.of("name", "content", "variants");
    private static final TypeReference<List<Map<String, Object>>> VARIANTS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final BlockStore blocks;
    private final TemplateStore templates;
    private final Conditions conditions;
    private final ConditionReferences references;
    private final Contacts contacts;
    private final JsonMapper json;

    BlockLibrary(BlockStore blocks, TemplateStore templates, Conditions conditions, ConditionReferences references, Contacts contacts,
            JsonMapper json) {
        this.blocks = blocks;
        this.templates = templates;
        this.conditions = conditions;
        this.references = references;
        this.contacts = contacts;
        this.json = json;
    }

    @Transactional
    public BlockView create(long workspaceId, Map<String, Object> body) {
        BodyFields.onlyKnown(BodyFields.body(body), FIELDS, "a block");
        String name = BodyFields.text(body, "name", true, 100);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "must start with a letter and hold only letters, digits, '_' and '-' (at most 100)");
        }
        if (blocks.idByName(workspaceId, name).isPresent()) {
            throw new ConflictException("name", "a block named '" + name + "' exists already");
        }
        Draft draft = draft(workspaceId, name, body);
        long id = blocks.insert(workspaceId, name);
        blocks.addVersion(workspaceId, id, 1, draft.content(), draft.variants(), draft.check().refs());
        refreshValidity(workspaceId, Set.of(name));
        return view(blocks.find(workspaceId, id).orElseThrow(), draft.check().warnings());
    }

    /** A new version of the block; its name cannot change, since templates include it by name. */
    @Transactional
    public BlockView update(long workspaceId, String id, Map<String, Object> body) {
        BodyFields.onlyKnown(BodyFields.body(body), FIELDS, "a block");
        BlockStore.Row row = blocks.lock(workspaceId, Ids.BLOCK.require(id)).orElseThrow(() -> new NotFoundException("block", id));
        String name = BodyFields.text(body, "name", false, 100);
        if (name != null && !name.equals(row.name())) {
            throw new InvalidInputException("name", "cannot change: templates include the block by its name");
        }
        Draft draft = draft(workspaceId, row.name(), body);
        blocks.addVersion(workspaceId, row.id(), row.version() + 1, draft.content(), draft.variants(), draft.check().refs());
        refreshValidity(workspaceId, Set.of(row.name()));
        return view(blocks.find(workspaceId, row.id()).orElseThrow(), draft.check().warnings());
    }

    public BlockView get(long workspaceId, String id) {
        return view(row(workspaceId, id), List.of());
    }

    public Page<BlockView> list(long workspaceId, String cursor, Integer limit) {
        int n = Cursor.limit(limit);
        List<BlockView> rows = blocks.list(workspaceId, Cursor.decode(cursor), n + 1).stream().map(r -> view(r, List.of())).toList();
        return Page.of(rows, n, last -> new Cursor(null, Ids.BLOCK.require(last.id())));
    }

    public List<BlockView> versions(long workspaceId, String id) {
        BlockStore.Row row = row(workspaceId, id);
        return blocks.versions(workspaceId, row.id()).stream().map(v -> new BlockView(id, row.name(), v.variants() == null ? "static" : "dynamic",
                v.version(), row.valid(), null, v.content(), variants(v.variants()), v.refs(), null, v.createdAt(), null)).toList();
    }

    @Transactional
    public void delete(long workspaceId, String id) {
        BlockStore.Row row = row(workspaceId, id);
        blocks.delete(workspaceId, row.id());
        refreshValidity(workspaceId, Set.of(row.name()));
    }

    private BlockStore.Row row(long workspaceId, String id) {
        return blocks.find(workspaceId, Ids.BLOCK.require(id)).orElseThrow(() -> new NotFoundException("block", id));
    }

    private record Draft(String content, String variants, TemplateCheck.Result check) {}

    /** Validates the content and the variants (conditions in the condition language, contents as templates). */
    private Draft draft(long workspaceId, String name, Map<String, Object> body) {
        String content = BodyFields.text(body, "content", true, 200_000);
        List<?> variantList = BodyFields.list(body, "variants", MAX_VARIANTS);
        TemplateCheck check = new TemplateCheck(blocks.graph(workspaceId), contacts.attributeTypes(workspaceId).keySet(), name)
                .source("content", content, Escaping.HTML);
        List<Map<String, Object>> variants = null;
        if (variantList != null) {
            variants = new ArrayList<>();
            for (int i = 0; i < variantList.size(); i++) {
                String field = "variants[" + i + "]";
                if (!(variantList.get(i) instanceof Map<?, ?> raw)) {
                    throw new InvalidInputException(field, "must be an object with condition and content");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> v = (Map<String, Object>) raw;
                inVariant(field, () -> {
                    BodyFields.onlyKnown(v, Set.of("condition", "content"), field);
                    return null;
                });
                if (!(v.get("condition") instanceof Map<?, ?> condition)) {
                    throw new InvalidInputException(field + ".condition", "is required: a condition (docs/conditions.md)");
                }
                try {
                    JsonNode node = json.valueToTree(condition);
                    conditions.parse(node);
                    references.check(workspaceId, node);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(e.errors().stream()
                            .map(err -> new InvalidInputException.FieldError(field + "." + prefixed(err.field()), err.message())).toList());
                }
                String variantContent = inVariant(field, () -> BodyFields.text(v, "content", true, 200_000));
                check.source(field + ".content", variantContent, Escaping.HTML);
                Map<String, Object> stored = new LinkedHashMap<>();
                stored.put("condition", condition);
                stored.put("content", variantContent);
                variants.add(stored);
            }
        }
        TemplateCheck.Result result = check.result();
        if (!result.errors().isEmpty()) {
            throw new InvalidContentException(result.errors());
        }
        return new Draft(content, variants == null ? null : json.writeValueAsString(variants), result);
    }

    /** Runs a check of a variant's fields, naming them within the variant ({@code variants[2].content}). */
    private static <T> T inVariant(String variant, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream()
                    .map(err -> new InvalidInputException.FieldError(variant + "." + err.field(), err.message())).toList());
        }
    }

    private static String prefixed(String field) {
        return field.startsWith("condition") ? field : "condition." + field;
    }

    /**
     * Recomputes the validity of the blocks and templates that include any of these block names,
     * directly or through other blocks: valid when every block they include exists.
     */
    void refreshValidity(long workspaceId, Set<String> names) {
        Map<String, List<String>> graph = blocks.graph(workspaceId);
        Set<String> affected = new LinkedHashSet<>(names);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, List<String>> e : graph.entrySet()) {
                if (!affected.contains(e.getKey()) && e.getValue().stream().anyMatch(affected::contains)) {
                    affected.add(e.getKey());
                    grew = true;
                }
            }
        }
        for (String block : affected) {
            if (graph.containsKey(block)) {
                Set<String> missing = TemplateCheck.missing(Set.copyOf(graph.get(block)), graph);
                blocks.validity(workspaceId, block, missing.isEmpty(), problems(missing));
            }
        }
        for (TemplateStore.Including t : templates.including(workspaceId, affected)) {
            Set<String> missing = TemplateCheck.missing(Set.copyOf(t.refs()), graph);
            templates.validity(workspaceId, t.id(), missing.isEmpty(), problems(missing));
        }
    }

    private String problems(Set<String> missing) {
        return json.writeValueAsString(missing.stream().map(m -> "includes the block '" + m + "', which does not exist").toList());
    }

    private BlockView view(BlockStore.Row row, List<Problem> warnings) {
        return new BlockView(Ids.BLOCK.format(row.id()), row.name(), row.variants() == null ? "static" : "dynamic", row.version(), row.valid(),
                json.readValue(row.problems(), STRINGS), row.content(), variants(row.variants()), row.refs(), warnings.isEmpty() ? null : warnings,
                row.createdAt(), row.updatedAt());
    }

    private List<Map<String, Object>> variants(String text) {
        return text == null ? null : json.readValue(text, VARIANTS);
    }
}
