package dev.tendril.content.internal;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.StringTemplateSource;
import com.github.jknack.handlebars.io.TemplateSource;
import dev.tendril.content.RenderInputs;
import dev.tendril.content.RenderedMessage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the {@link TypicalEmail} rendered by Tendril and by bare handlebars.java, one thread. Run by
 * {@link RenderBench} ({@code bench/run render}); not a test.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderBenchmark {
    private static final List<Long> RECIPIENT = List.of(TypicalEmail.CONTACT);

    private RenderPipeline renderer;
    private CompiledTemplate compiled;
    private PersonalizationLoader.Loaded contact;
    private Template bare;

    @Setup
    public void setUp() throws IOException {
        renderer = TypicalEmail.renderer();
        compiled = TypicalEmail.compile(renderer);
        if (TypicalEmail.compile(renderer) != compiled) {
            throw new IllegalStateException("the second compile should come from the cache");
        }
        contact = TypicalEmail.contact();
        // Handlebars' defaults (HTML escaping, the same strategy as Tendril's html parts; the default value resolvers)
        // plus a template cache, as any real use has: without one the partial is parsed again at every apply.
        bare = new Handlebars(new FooterLoader()).with(new ConcurrentMapTemplateCache()).compileInline(TypicalEmail.html());
        if (!tendril().equals(handlebars())) {
            throw new IllegalStateException("Tendril and bare handlebars.java render the email differently:\n" + tendril() + "\n---\n" + handlebars());
        }
        if (message().getFirst().failed()) {
            throw new IllegalStateException(message().getFirst().error());
        }
    }

    /**
     * The html part as {@link RenderPipeline} renders each part of a message: compiled template from
     * the cache, sandboxed model, Tendril's helpers, a fresh trace with the default limits, bounded output.
     */
    @Benchmark
    public String tendril() {
        Map<String, Object> helperData = Map.of(SandboxHelpers.FORMATS, contact.formats(), SandboxHelpers.NOW, TypicalEmail.NOW,
                SandboxHelpers.CHOICES, Map.of());
        return SandboxEngine.render(compiled.parts().get("html"), contact.data(), new RenderTrace(RenderLimits.DEFAULT), helperData);
    }

    /** The baseline: plain {@code Template.apply} over the same data maps. */
    @Benchmark
    public String handlebars() throws IOException {
        return bare.apply(contact.data());
    }

    /** The whole message: subject, preheader and html rendered, CSS inlined, preheader inserted, text part made from the HTML. */
    @Benchmark
    @Warmup(iterations = 8, time = 2) // CSS inlining and the text part (jsoup, ph-css) take longer to reach a steady state
    public List<RenderedMessage> message() {
        return renderer.render(TypicalEmail.WORKSPACE, compiled, RECIPIENT, RenderInputs.NONE);
    }

    /** Serves the footer partial to the baseline. */
    private static final class FooterLoader extends AbstractTemplateLoader {
        @Override
        public TemplateSource sourceAt(String location) {
            return new StringTemplateSource(location, TypicalEmail.FOOTER);
        }

        @Override
        public String resolve(String location) {
            return location;
        }
    }
}
