package dev.tendril.content.internal;

import com.github.jknack.handlebars.Template;
import dev.tendril.condition.Condition;
import dev.tendril.condition.Conditions;
import dev.tendril.condition.ContactSnapshot;
import dev.tendril.content.RenderInputs;
import dev.tendril.content.RenderedMessage;
import dev.tendril.platform.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a template for many contacts at once. The personalisation data, the dynamic blocks'
 * snapshots and the blocks are read in a bounded number of queries for the whole batch (see
 * {@link PersonalizationLoader}); compiled templates are cached by workspace, template, version and
 * the versions of the blocks they include. One contact's failed render (a limit, a bad helper
 * argument) is reported on its message and does not stop the batch.
 */
@Service
class RenderPipeline {
    private static final int CACHE_SIZE = 500;
    private static final TypeReference<List<Map<String, Object>>> VARIANTS = new TypeReference<>() {};

    private record Key(long workspaceId, long templateId, int version, String blocks) {}

    private final BlockStore blocks;
    private final Conditions conditions;
    private final PersonalizationLoader loader;
    private final JsonMapper json;
    private final Clock clock;
    private final RenderLimits limits;
    private final Map<Key, CompiledTemplate> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompiledTemplate> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    RenderPipeline(BlockStore blocks, Conditions conditions, PersonalizationLoader loader, JsonMapper json, Clock clock,
            @Value("${tendril.templates.render-timeout:2s}") Duration timeout, @Value("${tendril.templates.max-steps:1000000}") long steps,
            @Value("${tendril.templates.max-output:1000000}") int output) {
        this.blocks = blocks;
        this.conditions = conditions;
        this.loader = loader;
        this.json = json;
        this.clock = clock;
        this.limits = new RenderLimits(timeout, steps, output);
    }

    /**
     * The compiled template for these parts (an MJML email renders its converted HTML); cached when
     * {@code templateId} is given, i.e. for saved versions.
     */
    CompiledTemplate compile(long workspaceId, Long templateId, int version, TemplateChannel channel, Map<String, String> parts, String mjmlHtml,
            Collection<String> refs) {
        List<BlockStore.Source> used = blocks.closure(workspaceId, refs);
        if (templateId == null) {
            return build(channel, parts, mjmlHtml, used);
        }
        String fingerprint = used.stream().sorted(Comparator.comparing(BlockStore.Source::name))
                .map(s -> s.name() + "@" + s.version()).collect(Collectors.joining(","));
        return cache.computeIfAbsent(new Key(workspaceId, templateId, version, fingerprint), k -> build(channel, parts, mjmlHtml, used));
    }

    private CompiledTemplate build(TemplateChannel channel, Map<String, String> parts, String mjmlHtml, List<BlockStore.Source> used) {
        Map<String, String> partials = new HashMap<>();
        Map<String, List<Condition>> dynamic = new LinkedHashMap<>();
        Map<String, Integer> slots = new HashMap<>();
        for (BlockStore.Source block : used) {
            outline(slots, block.name(), block.content());
            if (block.variants() == null) {
                partials.put(block.name(), block.content());
                continue;
            }
            List<Map<String, Object>> variants = json.readValue(block.variants(), VARIANTS);
            List<Condition> tests = new ArrayList<>();
            List<String> contents = new ArrayList<>();
            for (Map<String, Object> v : variants) {
                @SuppressWarnings("unchecked")
                Map<String, Object> condition = (Map<String, Object>) v.get("condition");
                tests.add(conditions.parseStored(json.valueToTree(condition)));
                contents.add((String) v.get("content"));
                outline(slots, block.name(), (String) v.get("content"));
            }
            partials.put(block.name(), DynamicBlockSource.of(block.name(), contents, block.content()));
            dynamic.put(block.name(), tests);
            slots.put(PersonalizationScore.BLOCK + block.name(), TemplateOutline.SECTION_WEIGHT);
        }
        SandboxEngine engine = new SandboxEngine(partials);
        Map<String, Template> compiled = new LinkedHashMap<>();
        for (Map.Entry<String, String> part : parts.entrySet()) {
            boolean mjml = part.getKey().equals("mjml");
            String name = mjml ? "html" : part.getKey();
            String source = mjml ? mjmlHtml : part.getValue();
            outline(slots, name, source);
            compiled.put(name, engine.compile(source, channel.part(part.getKey()).orElseThrow().escaping()));
        }
        return new CompiledTemplate(channel, compiled, channel == TemplateChannel.EMAIL && !parts.containsKey("mjml"), dynamic, Map.copyOf(slots));
    }

    private static void outline(Map<String, Integer> slots, String field, String source) {
        TemplateOutline.of(field, source).slots().forEach((path, weight) -> slots.merge(path, weight, Math::max));
    }

    /** Renders for those of these contacts that exist, in the order given. */
    List<RenderedMessage> render(long workspaceId, CompiledTemplate template, List<Long> contactIds, RenderInputs inputs) {
        Instant now = clock.instant();
        Map<Long, PersonalizationLoader.Loaded> data = loader.load(workspaceId, contactIds, inputs, now);
        Map<Long, ContactSnapshot> snapshots = template.dynamic().isEmpty() ? Map.of()
                : conditions.snapshots(workspaceId, data.keySet(), template.dynamic().values().stream().flatMap(List::stream).toList());
        List<RenderedMessage> out = new ArrayList<>(data.size());
        data.forEach((id, loaded) -> out.add(renderOne(id, template, loaded, choices(template, snapshots.get(id), now), now)));
        return out;
    }

    /** The variant each dynamic block shows: the first whose condition holds, or -1 for the default content. */
    private Map<String, Integer> choices(CompiledTemplate template, ContactSnapshot snapshot, Instant now) {
        Map<String, Integer> choices = new HashMap<>();
        template.dynamic().forEach((block, tests) -> {
            int chosen = -1;
            for (int i = 0; snapshot != null && i < tests.size() && chosen < 0; i++) {
                if (conditions.matches(tests.get(i), snapshot, now)) {
                    chosen = i;
                }
            }
            choices.put(block, chosen);
        });
        return choices;
    }

    private RenderedMessage renderOne(long contactId, CompiledTemplate template, PersonalizationLoader.Loaded loaded,
            Map<String, Integer> choices, Instant now) {
        String id = Ids.CONTACT.format(contactId);
        RenderTrace trace = new RenderTrace(limits);
        Map<String, Object> helperData = Map.of(SandboxHelpers.FORMATS, loaded.formats(), SandboxHelpers.NOW, now, SandboxHelpers.CHOICES, choices);
        Map<String, String> parts = new LinkedHashMap<>();
        try {
            template.parts().forEach((name, compiled) -> parts.put(name, SandboxEngine.render(compiled, loaded.data(), trace, helperData)));
            finish(template, parts);
        } catch (RenderLimitExceeded | SandboxEngine.RenderError | InvalidWebhookBody e) {
            return new RenderedMessage(id, Map.of(), List.of(), 0, Map.copyOf(trace.variants()), e.getMessage());
        }
        return new RenderedMessage(id, parts, trace.dataUsed(loaded.data()), PersonalizationScore.of(template.slots(), trace, loaded.data()),
                Map.copyOf(trace.variants()), null);
    }

    /** Email: CSS inlined, the preheader hidden at the top of the body, a text part made from the HTML when none was written. */
    private void finish(CompiledTemplate template, Map<String, String> parts) {
        if (template.channel() == TemplateChannel.EMAIL) {
            String html = template.inlineCss() ? CssInliner.inline(parts.get("html")) : parts.get("html");
            html = Preheader.insert(html, parts.get("preheader"));
            parts.put("html", html);
            if (!parts.containsKey("text")) {
                parts.put("text", PlainText.of(html));
            }
        }
        if (template.channel() == TemplateChannel.WEBHOOK) {
            try {
                json.readTree(parts.get("body"));
            } catch (RuntimeException e) {
                throw new InvalidWebhookBody(e.getMessage());
            }
        }
    }

    /** A webhook body that is not JSON once rendered (a value broke it, or the template does). */
    static final class InvalidWebhookBody extends RuntimeException {
        InvalidWebhookBody(String detail) {
            super("the rendered webhook body is not valid JSON: " + detail);
        }
    }
}
