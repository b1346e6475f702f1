package dev.tendril.content.internal;

import java.util.List;
import java.util.Map;

/**
 * One Handlebars tag as {@link TagScanner} reads it: its kind, the name after the sigil (a helper, a
 * data path or a partial), its parameters and hash, {@code as |x|} block parameters, and where it
 * starts (line and column from 1).
 */
record Tag(Kind kind, String name, List<Expr> params, Map<String, Expr> hash, List<String> blockParams, int line, int column) {
    enum Kind {
        /** {@code {{x}}}, {@code {{{x}}}} or {@code {{&x}}}. */
        OUTPUT,
        /** {@code {{#x}}}, also {@code {{{{x}}}}} raw blocks. */
        OPEN,
        /** {@code {{^x}}}. */
        INVERSE,
        /** {@code {{/x}}}. */
        CLOSE,
        /** {@code {{else}}}, {@code {{^}}} or {@code {{else if …}}} (then the name is the chained helper). */
        ELSE,
        /** {@code {{> x}}}. */
        PARTIAL,
        /** {@code {{#> x}}fallback{{/x}}}. */
        PARTIAL_BLOCK,
        /** {@code {{#*inline "x"}}} (block decorators; the only one registered is {@code inline}). */
        DECORATOR
    }

    /** A parameter: a data path, a literal or a sub-expression {@code (helper …)}. */
    sealed interface Expr {
        record Path(String path) implements Expr {}

        record Literal(Object value) implements Expr {}

        record Sub(String helper, List<Expr> params, Map<String, Expr> hash) implements Expr {}
    }

    Tag {
        params = List.copyOf(params);
        hash = Map.copyOf(hash);
        blockParams = List.copyOf(blockParams);
    }
}
