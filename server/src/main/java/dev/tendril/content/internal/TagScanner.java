package dev.tendril.content.internal;

import dev.tendril.content.internal.Tag.Expr;
import dev.tendril.content.internal.Tag.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the tags of a Handlebars template, with their line and column. Handlebars.java checks the
 * syntax; this reader gives validation what the compiled template hides: every helper named (also in
 * blocks and sub-expressions), every partial included and every data path, each with its position.
 * Comments, escaped {@code \{{} and the bodies of raw blocks are skipped.
 */
final class TagScanner {
    /** A tag that cannot be read; Handlebars.java reports such templates first, so this is rare. */
    static final class ScanException extends RuntimeException {
        final int line;
        final int column;

        ScanException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private final String source;
    private int pos;
    private final List<Tag> tags = new ArrayList<>();

    private TagScanner(String source) {
        this.source = source;
    }

    static List<Tag> scan(String source) {
        TagScanner scanner = new TagScanner(source == null ? "" : source);
        scanner.run();
        return scanner.tags;
    }

    private void run() {
        while (true) {
            int open = source.indexOf("{{", pos);
            if (open < 0) {
                return;
            }
            if (open > 0 && source.charAt(open - 1) == '\\') {
                pos = open + 2;
                continue;
            }
            if (source.startsWith("{{{{", open)) {
                rawBlock(open);
            } else if (source.startsWith("{{!--", open) || source.startsWith("{{~!--", open)) {
                int plain = source.indexOf("--}}", open + 5);
                int trimmed = source.indexOf("--~}}", open + 5);
                pos = trimmed >= 0 && (plain < 0 || trimmed < plain) ? trimmed + 5 : end(open, plain, 4);
            } else if (source.startsWith("{{!", open) || source.startsWith("{{~!", open)) {
                pos = end(open, source.indexOf("}}", open), 2);
            } else if (source.startsWith("{{{", open)) {
                int close = source.indexOf("}}}", open + 3);
                pos = end(open, close, 3);
                tag(open, source.substring(open + 3, close), true);
            } else {
                int close = source.indexOf("}}", open + 2);
                pos = end(open, close, 2);
                tag(open, source.substring(open + 2, close), false);
            }
        }
    }

    /** Where the scan goes on after a tag closed at {@code close} by a delimiter this long. */
    private int end(int open, int close, int length) {
        if (close < 0) {
            throw error("the tag is not closed", open);
        }
        return close + length;
    }

    /** {@code {{{{name}}}} … {{{{/name}}}}}: the body is text, not tags. */
    private void rawBlock(int open) {
        int close = source.indexOf("}}}}", open);
        if (close < 0) {
            throw error("unclosed raw block tag", open);
        }
        Tag start = parse(Kind.OPEN, source.substring(open + 4, close).strip(), open);
        tags.add(start);
        String end = "{{{{/" + start.name() + "}}}}";
        int endAt = source.indexOf(end, close);
        if (endAt < 0) {
            throw error("raw block '" + start.name() + "' is not closed", open);
        }
        tags.add(new Tag(Kind.CLOSE, start.name(), List.of(), Map.of(), List.of(), line(endAt), column(endAt)));
        pos = endAt + end.length();
    }

    private void tag(int open, String inside, boolean triple) {
        String body = inside;
        if (body.startsWith("~")) {
            body = body.substring(1);
        }
        if (body.endsWith("~")) {
            body = body.substring(0, body.length() - 1);
        }
        body = body.strip();
        if (triple) {
            tags.add(parse(Kind.OUTPUT, body, open));
            return;
        }
        if (body.startsWith("#>")) {
            tags.add(parse(Kind.PARTIAL_BLOCK, body.substring(2), open));
        } else if (body.startsWith("#*")) {
            tags.add(parse(Kind.DECORATOR, body.substring(2), open));
        } else if (body.startsWith("#")) {
            tags.add(parse(Kind.OPEN, body.substring(1), open));
        } else if (body.equals("^")) {
            tags.add(new Tag(Kind.ELSE, "", List.of(), Map.of(), List.of(), line(open), column(open)));
        } else if (body.startsWith("^")) {
            tags.add(parse(Kind.INVERSE, body.substring(1), open));
        } else if (body.startsWith("/")) {
            tags.add(parse(Kind.CLOSE, body.substring(1), open));
        } else if (body.startsWith(">")) {
            tags.add(parse(Kind.PARTIAL, body.substring(1), open));
        } else if (body.startsWith("&")) {
            tags.add(parse(Kind.OUTPUT, body.substring(1), open));
        } else if (body.equals("else")) {
            tags.add(new Tag(Kind.ELSE, "", List.of(), Map.of(), List.of(), line(open), column(open)));
        } else if (body.startsWith("else ") || body.startsWith("else\n") || body.startsWith("else\t")) {
            tags.add(parse(Kind.ELSE, body.substring(5), open));
        } else {
            tags.add(parse(Kind.OUTPUT, body, open));
        }
    }

    private Tag parse(Kind kind, String body, int open) {
        Reader r = new Reader(body.strip(), open);
        Expr head = r.expr();
        String name = switch (head) {
            case Expr.Path p -> p.path();
            case Expr.Literal l -> String.valueOf(l.value());
            case Expr.Sub s -> null; // a computed name: only partials allow it, and validation refuses it
        };
        List<Expr> params = new ArrayList<>();
        Map<String, Expr> hash = new LinkedHashMap<>();
        List<String> blockParams = new ArrayList<>();
        r.rest(params, hash, blockParams, false);
        if (head instanceof Expr.Sub sub) {
            params.addFirst(sub);
        }
        return new Tag(kind, name, params, hash, blockParams, line(open), column(open));
    }

    private int line(int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private int column(int at) {
        return at - (source.lastIndexOf('\n', at - 1) + 1) + 1;
    }

    private ScanException error(String message, int at) {
        return new ScanException(message, line(at), column(at));
    }

    /** Reads the expressions inside one tag. */
    private final class Reader {
        private final String s;
        private final int open;
        private int i;

        Reader(String s, int open) {
            this.s = s;
            this.open = open;
        }

        Expr expr() {
            skipSpace();
            if (i >= s.length()) {
                throw error("empty tag", open);
            }
            char c = s.charAt(i);
            if (c == '(') {
                i++;
                Expr head = expr();
                if (!(head instanceof Expr.Path(String helper))) {
                    throw error("a sub-expression must start with a helper name", open);
                }
                List<Expr> params = new ArrayList<>();
                Map<String, Expr> hash = new LinkedHashMap<>();
                rest(params, hash, new ArrayList<>(), true);
                return new Expr.Sub(helper, params, hash);
            }
            if (c == '"' || c == '\'') {
                return new Expr.Literal(string(c));
            }
            String token = token();
            return switch (token) {
                case "true" -> new Expr.Literal(Boolean.TRUE);
                case "false" -> new Expr.Literal(Boolean.FALSE);
                case "null", "undefined" -> new Expr.Literal(null);
                default -> number(token) != null ? new Expr.Literal(number(token)) : new Expr.Path(token);
            };
        }

        /** Parameters, hash pairs and block parameters up to the end (or the closing parenthesis). */
        void rest(List<Expr> params, Map<String, Expr> hash, List<String> blockParams, boolean sub) {
            while (true) {
                skipSpace();
                if (i >= s.length()) {
                    if (sub) {
                        throw error("unclosed sub-expression", open);
                    }
                    return;
                }
                if (s.charAt(i) == ')') {
                    if (!sub) {
                        throw error("unexpected ')'", open);
                    }
                    i++;
                    return;
                }
                if (s.startsWith("as", i) && s.substring(i + 2).stripLeading().startsWith("|")) {
                    i = s.indexOf('|', i) + 1;
                    int end = s.indexOf('|', i);
                    if (end < 0) {
                        throw error("unclosed block parameters", open);
                    }
                    for (String p : s.substring(i, end).strip().split("\\s+")) {
                        if (!p.isEmpty()) {
                            blockParams.add(p);
                        }
                    }
                    i = end + 1;
                    continue;
                }
                int start = i;
                Expr e = expr();
                if (e instanceof Expr.Path(String key) && i < s.length() && s.charAt(i) == '=') {
                    i++;
                    hash.put(key, expr());
                } else {
                    if (i == start) {
                        throw error("cannot read the tag", open);
                    }
                    params.add(e);
                }
            }
        }

        private String token() {
            int start = i;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '[') {
                    int end = s.indexOf(']', i);
                    i = end < 0 ? s.length() : end + 1;
                    continue;
                }
                if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '=' || c == '|') {
                    break;
                }
                i++;
            }
            if (i == start) {
                throw error("unexpected '" + s.charAt(i) + "'", open);
            }
            return s.substring(start, i);
        }

        private String string(char quote) {
            StringBuilder out = new StringBuilder();
            i++;
            while (i < s.length() && s.charAt(i) != quote) {
                if (s.charAt(i) == '\\' && i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i++;
                }
                out.append(s.charAt(i++));
            }
            if (i >= s.length()) {
                throw error("unclosed string", open);
            }
            i++;
            return out.toString();
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private static BigDecimal number(String token) {
            if (token.isEmpty() || !(Character.isDigit(token.charAt(0)) || token.charAt(0) == '-')) {
                return null;
            }
            try {
                return new BigDecimal(token);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
