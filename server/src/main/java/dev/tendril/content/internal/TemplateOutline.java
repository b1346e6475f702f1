package dev.tendril.content.internal;

import dev.tendril.content.internal.Tag.Expr;
import dev.tendril.content.internal.Tag.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one template source uses, read from its tags: the helpers it names (unknown ones are errors),
 * the blocks it includes, the data paths it reads at the root of the personalisation data (for lint)
 * and its personalisation slots (for the score). Paths inside {@code each} loops and sections over a
 * value are relative to their items and are left out; {@code with} prefixes its path.
 */
record TemplateOutline(List<Problem> errors, List<PartialRef> partials, List<PathUse> paths, Map<String, Integer> slots) {
    record PartialRef(String name, int line, int column) {}

    record PathUse(String path, int line, int column) {}

    /** The weight of a slot that swaps a whole section (a dynamic block, recommendations). */
    static final int SECTION_WEIGHT = 2;

    private static final Set<String> LOOPS = Set.of("each", "recommendations");

    static TemplateOutline of(String field, String source) {
        Builder b = new Builder(field);
        List<Tag> tags;
        try {
            tags = TagScanner.scan(source);
        } catch (TagScanner.ScanException e) {
            b.errors.add(new Problem(field, e.line, e.column, e.getMessage()));
            return b.build();
        }
        for (Tag tag : tags) {
            b.visit(tag);
        }
        b.partials.removeIf(p -> b.inlinePartials.contains(p.name()));
        return b.build();
    }

    private static final class Builder {
        private final String field;
        private final Set<String> helpers = SandboxHelpers.names();
        private final List<Problem> errors = new ArrayList<>();
        private final List<PartialRef> partials = new ArrayList<>();
        private final List<PathUse> paths = new ArrayList<>();
        private final Map<String, Integer> slots = new LinkedHashMap<>();
        private final Set<String> inlinePartials = new LinkedHashSet<>();
        private final Deque<Frame> frames = new ArrayDeque<>();

        /** An open block: its name, the path it moves the context to ({@code with}), or opaque (loops, sections). */
        private record Frame(String name, String prefix, boolean opaque, List<String> blockParams) {}

        Builder(String field) {
            this.field = field;
        }

        TemplateOutline build() {
            return new TemplateOutline(List.copyOf(errors), List.copyOf(partials), List.copyOf(paths), Map.copyOf(slots));
        }

        void visit(Tag tag) {
            switch (tag.kind()) {
                case OUTPUT -> output(tag);
                case OPEN, INVERSE -> open(tag);
                case ELSE -> {
                    if (!tag.name().isEmpty()) {
                        requireHelper(tag, tag.name());
                    }
                    params(tag);
                }
                case CLOSE -> {
                    if (!frames.isEmpty()) {
                        frames.pop();
                    }
                }
                case PARTIAL, PARTIAL_BLOCK -> {
                    if (tag.name() == null) {
                        errors.add(problem(tag, "a block must be included by its name, e.g. {{> footer}}"));
                    } else {
                        partials.add(new PartialRef(tag.name(), tag.line(), tag.column()));
                    }
                    params(tag);
                    if (tag.kind() == Kind.PARTIAL_BLOCK) {
                        frames.push(new Frame(tag.name(), null, false, List.of()));
                    }
                }
                case DECORATOR -> {
                    if (!"inline".equals(tag.name())) {
                        errors.add(problem(tag, "unknown decorator '" + tag.name() + "' (only inline is available)"));
                    } else if (!tag.params().isEmpty() && tag.params().getFirst() instanceof Expr.Literal(Object name)) {
                        inlinePartials.add(String.valueOf(name));
                    }
                    frames.push(new Frame(tag.name(), null, false, List.of()));
                }
            }
        }

        private void output(Tag tag) {
            String name = tag.name();
            boolean call = !tag.params().isEmpty() || !tag.hash().isEmpty() || helpers.contains(name);
            if (!call) {
                use(name, tag);
                return;
            }
            if (!requireHelper(tag, name)) {
                return;
            }
            if (SandboxHelpers.SLOT_HELPERS.contains(name) && !tag.params().isEmpty() && tag.params().getFirst() instanceof Expr.Path(String p)) {
                String resolved = resolve(p);
                if (resolved != null) {
                    slots.merge(resolved, 1, Math::max);
                }
            }
            if (name.equals("greeting")) {
                slots.merge("timezone", 1, Math::max);
            }
            if (name.equals("recommendations")) {
                slots.merge("recommendations", SECTION_WEIGHT, Math::max);
            }
            params(tag);
        }

        private void open(Tag tag) {
            String name = tag.name();
            boolean call = !tag.params().isEmpty() || !tag.hash().isEmpty() || helpers.contains(name);
            if (tag.kind() == Kind.INVERSE || !call) {
                if (call) {
                    requireHelper(tag, name);
                    params(tag);
                } else {
                    lint(name, tag);
                }
                frames.push(new Frame(name, null, tag.kind() == Kind.OPEN, tag.blockParams()));
                return;
            }
            if (!requireHelper(tag, name)) {
                frames.push(new Frame(name, null, true, tag.blockParams()));
                return;
            }
            params(tag);
            String first = tag.params().isEmpty() || !(tag.params().getFirst() instanceof Expr.Path(String p)) ? null : resolve(p);
            if (LOOPS.contains(name)) {
                if (name.equals("recommendations")) {
                    slots.merge("recommendations", SECTION_WEIGHT, Math::max);
                } else if (first != null) {
                    slots.merge(first, 1, Math::max);
                }
                frames.push(new Frame(name, null, true, tag.blockParams()));
            } else if (name.equals("with")) {
                frames.push(first == null ? new Frame(name, null, true, tag.blockParams()) : new Frame(name, first, false, tag.blockParams()));
            } else {
                frames.push(new Frame(name, null, false, tag.blockParams()));
            }
        }

        private boolean requireHelper(Tag tag, String name) {
            if (name != null && helpers.contains(name)) {
                return true;
            }
            errors.add(problem(tag, "unknown helper '" + name + "'"));
            return false;
        }

        /** Looks at every parameter: paths are linted, sub-expressions must name helpers. */
        private void params(Tag tag) {
            List<Expr> all = new ArrayList<>(tag.params());
            all.addAll(tag.hash().values());
            expressions(all, tag);
        }

        private void expressions(List<Expr> exprs, Tag tag) {
            for (Expr e : exprs) {
                switch (e) {
                    case Expr.Path(String p) -> lint(p, tag);
                    case Expr.Sub(String helper, List<Expr> params, Map<String, Expr> hash) -> {
                        requireHelper(tag, helper);
                        List<Expr> inner = new ArrayList<>(params);
                        inner.addAll(hash.values());
                        expressions(inner, tag);
                    }
                    case Expr.Literal l -> { }
                }
            }
        }

        /** A value written out: a path read and a personalisation slot. */
        private void use(String path, Tag tag) {
            String resolved = resolve(path);
            if (resolved != null) {
                paths.add(new PathUse(resolved, tag.line(), tag.column()));
                slots.merge(resolved, 1, Math::max);
            }
        }

        private void lint(String path, Tag tag) {
            String resolved = resolve(path);
            if (resolved != null) {
                paths.add(new PathUse(resolved, tag.line(), tag.column()));
            }
        }

        /** The path from the root of the personalisation data, or null when it is relative to loop items or data variables. */
        private String resolve(String path) {
            if (path.startsWith("@root.")) {
                return clean(path.substring(6));
            }
            if (path.startsWith("@") || path.equals("this") || path.startsWith("this.") || path.startsWith("this/")
                    || path.startsWith("./") || path.startsWith("../") || path.startsWith("[")) {
                return null;
            }
            String head = path.split("[./]", 2)[0];
            String prefix = null;
            for (Frame f : frames) { // innermost first; a with's prefix is already a root path
                if (f.blockParams().contains(head) || f.opaque()) {
                    return null;
                }
                if (prefix == null && f.prefix() != null) {
                    prefix = f.prefix();
                }
            }
            return clean(prefix == null ? path : prefix + "." + path);
        }

        private static String clean(String path) {
            return path.replace('/', '.');
        }

        private Problem problem(Tag tag, String message) {
            return new Problem(field, tag.line(), tag.column(), message);
        }
    }
}
