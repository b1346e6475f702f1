package dev.tendril.content.internal;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.StringTemplateSource;
import com.github.jknack.handlebars.io.TemplateSource;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles and renders templates in the sandbox: only {@link SandboxHelpers}, only
 * {@code MapValueResolver} over {@link SandboxModel} views, partials only from the given block
 * sources (the workspace's blocks, loaded beforehand: rendering reads no database and no file), and
 * every render bounded by a {@link RenderTrace}.
 */
final class SandboxEngine {
    private static final Logger log = LoggerFactory.getLogger(SandboxEngine.class);
    /** A template that cannot be compiled; line and column count from 1 (0 when unknown). */
    static final class CompileError extends RuntimeException {
        final int line;
        final int column;

        CompileError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    /** A render that failed for another reason than its limits: a helper's bad argument, a missing partial. */
    static final class RenderError extends RuntimeException {
        RenderError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Map<String, String> partials;
    private final Map<Escaping, Handlebars> engines = new EnumMap<>(Escaping.class);

    SandboxEngine(Map<String, String> partials) {
        this.partials = Map.copyOf(partials);
    }

    Template compile(String source, Escaping escaping) {
        try {
            return engine(escaping).compileInline(source);
        } catch (HandlebarsException e) {
            if (e.getError() != null) {
                throw new CompileError(e.getError().reason, e.getError().line, e.getError().column + 1);
            }
            throw new CompileError(rootMessage(e), 0, 0);
        } catch (IOException | RuntimeException e) {
            throw new CompileError(rootMessage(e), 0, 0);
        } catch (StackOverflowError e) {
            throw new CompileError("the template nests too deep", 0, 0);
        }
    }

    /** Renders with the trace's limits; data are the helpers' inputs ({@link SandboxHelpers#TRACE} is added). */
    static String render(Template template, Map<String, Object> model, RenderTrace trace, Map<String, Object> data) {
        Context context = Context.newBuilder(SandboxModel.wrap(model, "", trace)).resolver(MapValueResolver.INSTANCE).build();
        data.forEach(context::data);
        context.data(SandboxHelpers.TRACE, trace);
        BoundedWriter out = new BoundedWriter(trace);
        try {
            template.apply(context, out);
            return out.toString();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RenderLimitExceeded limit) {
                    throw limit;
                }
            }
            if (e instanceof StackOverflowError) {
                throw new RenderLimitExceeded("the template nests too deep");
            }
            throw new RenderError(reason(e), e);
        } finally {
            context.destroy();
        }
    }

    /** Partials are compiled once per engine: without a template cache handlebars.java parses every {@code {{> block}}} at every render. */
    private synchronized Handlebars engine(Escaping escaping) {
        return engines.computeIfAbsent(escaping, e -> new Handlebars(new BlockLoader()).with(SandboxHelpers.INSTANCE)
                .with(e.strategy()).with(new ConcurrentMapTemplateCache()).infiniteLoops(false));
    }

    /**
     * Why a render failed, for the author: a helper's bad argument, a missing block, a loop; any other failure is a bug of
     * Tendril's, logged, and described without its internals.
     */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (!(root instanceof IllegalArgumentException || root instanceof HandlebarsException || root instanceof IOException)) {
            log.warn("A template failed to render on an unexpected error", e);
            return "the template failed on this data because of an error in Tendril (logged)";
        }
        return e instanceof HandlebarsException h && h.getError() != null ? h.getError().reason : rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Serves {@code {{> name}}} from the given block sources and nothing else. */
    private final class BlockLoader extends AbstractTemplateLoader {
        BlockLoader() {
            setPrefix("");
            setSuffix("");
        }

        @Override
        public TemplateSource sourceAt(String location) throws IOException {
            String source = partials.get(location);
            if (source == null) {
                throw new FileNotFoundException("no block named '" + location + "'");
            }
            return new StringTemplateSource(location, source);
        }

        @Override
        public String resolve(String location) {
            return location;
        }
    }
}
