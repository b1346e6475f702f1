package dev.tendril.content.internal;

import dev.tendril.content.internal.TemplateOutline.PartialRef;
import dev.tendril.content.internal.TemplateOutline.PathUse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the sources of a template or block before they are saved: syntax (Handlebars.java's parser,
 * with its line and column), helpers, included blocks (they must exist, and a block may not include
 * itself, directly or through others) and, as warnings, data paths outside the personalisation data.
 */
final class TemplateCheck {
    /** Errors refuse the save; warnings are answered with it; refs are the blocks the sources include. */
    record Result(List<Problem> errors, List<Problem> warnings, Set<String> refs) {}

    private final Map<String, List<String>> blocks;
    private final Set<String> attributes;
    private final String self;
    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final Set<String> refs = new LinkedHashSet<>();

    /**
     * {@code blocks} is the workspace's inclusion graph (each block's name and the blocks it includes),
     * {@code attributes} its custom attribute names, {@code self} the name of the block being saved (null for a template).
     */
    TemplateCheck(Map<String, List<String>> blocks, Set<String> attributes, String self) {
        this.blocks = blocks;
        this.attributes = attributes;
        this.self = self;
    }

    TemplateCheck source(String field, String source, Escaping escaping) {
        SandboxEngine.CompileError syntax = null;
        try {
            new SandboxEngine(Map.of()).compile(source, escaping);
        } catch (SandboxEngine.CompileError e) {
            syntax = e;
        }
        TemplateOutline outline = TemplateOutline.of(field, source);
        if (syntax != null && (syntax.line > 0 || outline.errors().isEmpty())) {
            errors.add(new Problem(field, syntax.line, syntax.column, syntax.getMessage()));
            return this;
        }
        errors.addAll(outline.errors());
        for (PartialRef p : outline.partials()) {
            refs.add(p.name());
            if (p.name().equals(self)) {
                errors.add(new Problem(field, p.line(), p.column(), "a block cannot include itself"));
            } else if (!blocks.containsKey(p.name())) {
                errors.add(new Problem(field, p.line(), p.column(), "no block named '" + p.name() + "' in this workspace"));
            } else if (self != null) {
                List<String> cycle = pathTo(p.name(), self);
                if (cycle != null) {
                    errors.add(new Problem(field, p.line(), p.column(), "including '" + p.name() + "' makes a cycle: " + self + " → "
                            + String.join(" → ", cycle)));
                }
            }
        }
        for (PathUse use : outline.paths()) {
            PersonalizationSchema.check(use.path(), attributes)
                    .ifPresent(message -> warnings.add(new Problem(field, use.line(), use.column(), message)));
        }
        return this;
    }

    void error(Problem problem) {
        errors.add(problem);
    }

    Result result() {
        return new Result(List.copyOf(errors), List.copyOf(warnings), Set.copyOf(refs));
    }

    /** The blocks from {@code from} to {@code target} along inclusions (both included), or null when there is no such path. */
    private List<String> pathTo(String from, String target) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        parent.put(from, null);
        while (!queue.isEmpty()) {
            String at = queue.poll();
            if (at.equals(target)) {
                List<String> path = new ArrayList<>();
                for (String n = at; n != null; n = parent.get(n)) {
                    path.addFirst(n);
                }
                return path;
            }
            for (String next : blocks.getOrDefault(at, List.of())) {
                if (!parent.containsKey(next)) {
                    parent.put(next, at);
                    queue.add(next);
                }
            }
        }
        return null;
    }

    /** The blocks these names include, directly or not, that do not exist. */
    static Set<String> missing(Set<String> names, Map<String, List<String>> graph) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(names);
        Set<String> missing = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            String n = queue.poll();
            if (!seen.add(n)) {
                continue;
            }
            List<String> next = graph.get(n);
            if (next == null) {
                missing.add(n);
            } else {
                queue.addAll(next);
            }
        }
        return missing;
    }
}
