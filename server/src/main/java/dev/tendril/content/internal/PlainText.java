package dev.tendril.content.internal;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The plain-text alternative of an HTML email, for clients that show no HTML: paragraphs and
 * headings separated by blank lines, list items as "- ", links as "text (url)", hidden elements
 * (the preheader) and styles left out.
 */
final class PlainText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "tr", "table",
            "blockquote", "section", "header", "footer", "article", "pre", "center");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "ul", "ol");
    private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title");

    private PlainText() {}

    static String of(String html) {
        StringBuilder out = new StringBuilder();
        Element body = Jsoup.parse(html).body();
        body.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element e) {
                    if (hidden(e)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (tag.equals("hr")) {
                        breakLine(out, true);
                        out.append("---");
                        breakLine(out, true);
                    } else if (BLOCKS.contains(tag)) {
                        breakLine(out, PARAGRAPHS.contains(tag));
                        if (tag.equals("li")) {
                            out.append("- ");
                        }
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append(' ');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("a")) {
                        String href = e.attr("href").strip();
                        if (!href.isEmpty() && !href.startsWith("#") && !href.equals(e.text().strip())) {
                            out.append(" (").append(href).append(')');
                        }
                    } else if (BLOCKS.contains(tag)) {
                        breakLine(out, PARAGRAPHS.contains(tag));
                    }
                }
                return FilterResult.CONTINUE;
            }
        });
        return tidy(out.toString());
    }

    /** Ends the current line, and leaves a blank line after it for a paragraph; never more than that. */
    private static void breakLine(StringBuilder out, boolean paragraph) {
        while (!out.isEmpty() && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t')) {
            out.setLength(out.length() - 1);
        }
        if (out.isEmpty()) {
            return;
        }
        if (out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        if (paragraph && (out.length() < 2 || out.charAt(out.length() - 2) != '\n')) {
            out.append('\n');
        }
    }

    /** An element not shown, skipped with all it holds: styles and scripts, or {@code display:none} (the preheader). */
    private static boolean hidden(Element e) {
        return SKIPPED.contains(e.normalName()) || e.hasAttr("style") && e.attr("style").replace(" ", "").toLowerCase().contains("display:none");
    }

    /** Spaces collapsed, lines trimmed, at most one blank line in a row. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        int blank = 0;
        for (String line : text.replace('\u00a0', ' ').split("\n", -1)) {
            String l = line.replaceAll("[ \\t]+", " ").strip();
            if (l.isEmpty()) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(l);
            blank = 0;
        }
        return out.toString();
    }
}
