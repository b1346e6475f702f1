package dev.tendril.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.jknack.handlebars.Template;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxEngineTest {
    static final Instant NOW = Instant.parse("2025-03-14T08:30:00Z");

    final Map<String, Object> model = new HashMap<>(Map.of(
            "firstName", "ada",
            "company", Map.of("name", "Acme & Sons", "industry", "Healthcare", "employees", 250),
            "tags", List.of("vip", "beta"),
            "attributes", Map.of("seats", 12, "renewsOn", "2025-06-01")));

    String render(String source) {
        return render(source, Map.of(), Escaping.HTML, RenderLimits.DEFAULT, new RenderTrace(RenderLimits.DEFAULT));
    }

    String render(String source, Map<String, String> partials, Escaping escaping, RenderLimits limits, RenderTrace trace) {
        SandboxEngine engine = new SandboxEngine(partials);
        Template t = engine.compile(source, escaping);
        return SandboxEngine.render(t, model, trace, Map.of(
                SandboxHelpers.FORMATS, new LocalFormats(Locale.GERMANY, ZoneId.of("Europe/Berlin")),
                SandboxHelpers.NOW, NOW, SandboxHelpers.CHOICES, Map.of("study", 1)));
    }

    @Test
    void variablesNestedPathsAndEscaping() {
        assertThat(render("Hi {{firstName}} at {{company.name}}")).isEqualTo("Hi ada at Acme &amp; Sons");
        assertThat(render("{{{company.name}}}")).isEqualTo("Acme & Sons");
        assertThat(render("{{company.name}}", Map.of(), Escaping.TEXT, RenderLimits.DEFAULT, new RenderTrace(RenderLimits.DEFAULT)))
                .isEqualTo("Acme & Sons");
        assertThat(render("{\"n\": \"{{company.name}}\"}", Map.of(), Escaping.JSON, RenderLimits.DEFAULT, new RenderTrace(RenderLimits.DEFAULT)))
                .isEqualTo("{\"n\": \"Acme & Sons\"}");
    }

    @Test
    void eachVisitsEmptyFieldsToo() {
        model.put("profile", new java.util.LinkedHashMap<>(java.util.Collections.singletonMap("title", null)));
        assertThat(render("{{#each profile}}[{{@key}}={{this}}]{{/each}}")).isEqualTo("[title=]");
    }

    @Test
    void aTemplateNestedTooDeepIsACompileErrorNotAStackOverflow() throws InterruptedException {
        String deep = "{{#if a}}".repeat(3000) + "x" + "{{/if}}".repeat(3000);
        Throwable[] thrown = new Throwable[1];
        // a small stack, as a request's thread may have: the parser recurses once per level
        Thread compile = new Thread(null, () -> {
            try {
                new SandboxEngine(Map.of()).compile(deep, Escaping.HTML);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "small-stack", 256 * 1024);
        compile.start();
        compile.join();
        assertThat(thrown[0]).isInstanceOf(SandboxEngine.CompileError.class).hasMessageContaining("nests too deep");
    }

    @Test
    void javaIsOutOfReach() {
        for (String probe : List.of("{{class}}", "{{this.getClass}}", "{{toString}}", "{{company.class.name}}", "{{hashCode}}",
                "{{company.getClass.getName}}", "{{tags.size}}", "{{tags.class}}", "{{firstName.length}}", "{{firstName.bytes}}",
                "{{company.empty}}", "{{@_trace.limits}}")) {
            assertThat(render(probe)).as(probe).isEmpty();
        }
        for (String helper : List.of("{{log 'x'}}", "{{lookup company 'name'}}", "{{i18n 'x'}}", "{{embedded 'x'}}", "{{precompile 'x'}}")) {
            assertThatThrownBy(() -> render(helper)).as(helper).isInstanceOf(SandboxEngine.CompileError.class)
                    .hasMessageContaining("could not find helper");
        }
    }

    @Test
    void blocksAndComparisons() {
        assertThat(render("{{#if firstName}}yes{{else}}no{{/if}}{{#unless missing}}!{{/unless}}")).isEqualTo("yes!");
        assertThat(render("{{tags.[1]}}")).isEqualTo("beta");
        assertThat(render("{{#each tags}}{{@index}}={{this}}{{#unless @last}},{{/unless}}{{/each}}")).isEqualTo("0=vip,1=beta");
        assertThat(render("{{#each tags as |t i|}}[{{i}}:{{t}}]{{/each}}")).isEqualTo("[0:vip][1:beta]");
        assertThat(render("{{#each company}}{{@key}};{{/each}}")).contains("name;").contains("industry;");
        assertThat(render("{{#with company}}{{name}} ({{employees}}){{/with}}")).isEqualTo("Acme &amp; Sons (250)");
        assertThat(render("{{#if (eq company.industry \"healthcare\")}}A{{else}}B{{/if}}")).isEqualTo("A");
        assertThat(render("{{#eq company.employees 250.0}}same{{/eq}}")).isEqualTo("same");
        assertThat(render("{{#if (and (gt company.employees 100) (lte attributes.seats 12))}}big{{/if}}")).isEqualTo("big");
        assertThat(render("{{#if (or missing (not firstName))}}x{{else}}y{{/if}}")).isEqualTo("y");
        assertThat(render("{{#if (contains tags \"VIP\")}}vip{{/if}}{{#if (contains company.name \"acme\")}}!{{/if}}")).isEqualTo("vip!");
        assertThat(render("{{#if (ne firstName \"bob\")}}ok{{/if}}{{#if (lt attributes.renewsOn \"2025-07-01\")}}soon{{/if}}")).isEqualTo("oksoon");
        assertThat(render("{{#if missing}}a{{else if firstName}}b{{/if}}")).isEqualTo("b");
    }

    @Test
    void personalisationHelpers() {
        assertThat(render("Hi {{default nickname \"there\"}}, {{default firstName \"there\"}}")).isEqualTo("Hi there, ada");
        assertThat(render("{{capitalize firstName}} {{upper firstName}} {{lower \"ÄB\"}} {{titlecase \"ADA LOVELACE-KING\"}}"))
                .isEqualTo("Ada ADA äb Ada Lovelace-King");
        assertThat(render("{{truncate company.name 8}}|{{truncate company.name 40}}")).isEqualTo("Acme &amp;…|Acme &amp; Sons");
        assertThat(render("{{pluralize 1 \"seat\"}} {{pluralize attributes.seats \"seat\"}} {{pluralize 2 \"person\" \"people\"}} {{pluralize 3 \"company\"}}"))
                .isEqualTo("seat seats people companies");
        assertThat(render("{{urlencode company.name}}")).isEqualTo("Acme%20%26%20Sons");
        assertThat(render("{{formatDate attributes.renewsOn \"long\"}}")).isEqualTo("1. Juni 2025");
        assertThat(render("{{formatDate \"2025-03-14T23:30:00Z\" \"datetime\"}}")).isEqualTo("15.03.2025, 00:30");
        assertThat(render("{{formatDate \"2025-03-14T23:30:00Z\" \"EEEE\"}}")).isEqualTo("Samstag");
        assertThat(render("{{formatNumber 1234567.891}}|{{formatNumber company.employees 2}}")).isEqualTo("1.234.567,89|250,00");
        assertThat(render("{{formatCurrency 1234.5 \"EUR\"}}")).isEqualTo("1.234,50\u00a0€");
        assertThat(render("{{greeting}}, {{greeting evening=\"Hallo\"}}")).isEqualTo("Guten Morgen, Guten Morgen");
    }

    @Test
    void partialsAndDynamicVariants() {
        Map<String, String> partials = Map.of("footer", "Bye {{firstName}}",
                "study", DynamicBlockSource.of("study", List.of("A for {{company.industry}}", "B"), "default"));
        RenderTrace trace = new RenderTrace(RenderLimits.DEFAULT);
        assertThat(render("{{> footer}} / {{> study}}", partials, Escaping.HTML, RenderLimits.DEFAULT, trace)).isEqualTo("Bye ada / B");
        assertThat(trace.variants()).containsEntry("study", 1);
        assertThatThrownBy(() -> render("{{> nothere}}", partials, Escaping.HTML, RenderLimits.DEFAULT, new RenderTrace(RenderLimits.DEFAULT)))
                .isInstanceOf(SandboxEngine.RenderError.class).hasMessageContaining("nothere");
    }

    @Test
    void theTraceRecordsWhatWasRead() {
        RenderTrace trace = new RenderTrace(RenderLimits.DEFAULT);
        render("{{firstName}} {{company.name}} {{default nickname \"x\"}}", Map.of(), Escaping.HTML, RenderLimits.DEFAULT, trace);
        assertThat(trace.reads()).containsEntry("firstName", true).containsEntry("company.name", true).containsEntry("nickname", false);
        assertThat(trace.dataUsed(model)).containsExactly("company.name", "firstName");
    }

    @Test
    void runawayTemplatesAreStopped() {
        List<Integer> big = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            big.add(i);
        }
        model.put("big", big);
        String loops = "{{#each big}}{{#each @root.big}}{{#each @root.big}}{{/each}}{{/each}}{{/each}}";
        assertThatThrownBy(() -> render(loops)).isInstanceOf(RenderLimitExceeded.class).hasMessageContaining("steps");
        RenderLimits small = new RenderLimits(Duration.ofSeconds(5), 10_000_000, 10_000);
        assertThatThrownBy(() -> render("{{#each big}}{{#each @root.big}}xxxxxxxxxx{{/each}}{{/each}}", Map.of(), Escaping.HTML, small,
                new RenderTrace(small))).isInstanceOf(RenderLimitExceeded.class).hasMessageContaining("longer than 10000 characters");
        RenderLimits fast = new RenderLimits(Duration.ofMillis(50), Long.MAX_VALUE, Integer.MAX_VALUE);
        long start = System.nanoTime();
        assertThatThrownBy(() -> render(loops, Map.of(), Escaping.HTML, fast, new RenderTrace(fast)))
                .isInstanceOf(RenderLimitExceeded.class).hasMessageContaining("longer than 50 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        Map<String, String> recursive = Map.of("a", "{{> b}}", "b", "{{> a}}");
        assertThatThrownBy(() -> render("{{> a}}", recursive, Escaping.HTML, RenderLimits.DEFAULT, new RenderTrace(RenderLimits.DEFAULT)))
                .isInstanceOf(SandboxEngine.RenderError.class).hasMessageContaining("infinite loop");
    }
}
