package dev.tendril.content.internal;

import com.helger.css.decl.CSSDeclaration;
import com.helger.css.decl.CSSDeclarationList;
import com.helger.css.decl.CSSSelector;
import com.helger.css.decl.CSSSelectorAttribute;
import com.helger.css.decl.CSSSelectorSimpleMember;
import com.helger.css.decl.CSSStyleRule;
import com.helger.css.decl.CascadingStyleSheet;
import com.helger.css.decl.ICSSSelectorMember;
import com.helger.css.decl.ICSSTopLevelRule;
import com.helger.css.reader.CSSReader;
import com.helger.css.reader.CSSReaderDeclarationList;
import com.helger.css.writer.CSSWriterSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Moves the rules of an HTML email's {@code <style>} blocks into {@code style} attributes, since many
 * mail clients drop style blocks. The cascade decides each property: {@code !important} first, then
 * inline styles, then selector specificity, then source order. What cannot live in an attribute
 * (media queries, font faces, {@code :hover} and other dynamic states, pseudo-elements) stays in one
 * {@code <style>} block in the head.
 */
final class CssInliner {
    private static final Set<String> DYNAMIC = Set.of(":hover", ":active", ":focus", ":visited", ":link", ":focus-within",
            ":focus-visible", ":target", ":checked", "::");
    private static final CSSWriterSettings WRITER = new CSSWriterSettings(false);
    /**
     * Parsed style blocks and inline styles by their text. Every recipient of a template has the same
     * ones, and parsing them (ph-css, jsoup's selector parser) cost more than the rest of the inlining.
     */
    private static final Map<String, List<Rule>> SHEETS = lru(256);
    private static final Map<String, List<Declaration>> INLINE = lru(4096);

    private record Declaration(String property, String value, boolean important) {}

    /** A style rule's selector (null when it cannot be inlined) with its declarations, or a rule kept as text. */
    private record Rule(Evaluator selector, int specificity, List<Declaration> declarations, String kept) {}

    /** One declaration that applies to an element, with what ranks it in the cascade. */
    private record Applied(String property, String value, boolean important, boolean inline, int specificity, int order) {}

    private CssInliner() {}

    static String inline(String html) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false);
        List<Element> styles = doc.select("style");
        if (styles.isEmpty()) {
            return html;
        }
        Map<Element, List<Applied>> applied = new IdentityHashMap<>();
        StringBuilder kept = new StringBuilder();
        int order = 0;
        for (Element style : styles) {
            for (Rule rule : SHEETS.computeIfAbsent(style.data(), CssInliner::parse)) {
                if (rule.kept() != null) {
                    kept.append(rule.kept()).append('\n');
                    continue;
                }
                List<Element> targets = doc.body().select(rule.selector());
                for (Declaration d : rule.declarations()) {
                    order++;
                    for (Element e : targets) {
                        applied.computeIfAbsent(e, k -> new ArrayList<>())
                                .add(new Applied(d.property(), d.value(), d.important(), false, rule.specificity(), order));
                    }
                }
            }
        }
        applied.forEach(CssInliner::apply);
        styles.forEach(Element::remove);
        if (!kept.isEmpty()) {
            doc.head().appendElement("style").attr("type", "text/css").appendChild(new DataNode(kept.toString()));
        }
        return doc.outerHtml();
    }

    /** A style block's rules in source order, one per selector; what cannot be inlined is kept as text. */
    private static List<Rule> parse(String css) {
        CascadingStyleSheet sheet = CSSReader.readFromString(css);
        if (sheet == null) {
            return List.of(new Rule(null, 0, List.of(), css));
        }
        List<Rule> out = new ArrayList<>();
        for (ICSSTopLevelRule rule : sheet.getAllRules()) {
            if (!(rule instanceof CSSStyleRule styleRule)) {
                out.add(new Rule(null, 0, List.of(), rule.getAsCSSString(WRITER)));
                continue;
            }
            for (CSSSelector selector : styleRule.getAllSelectors()) {
                String text = selector.getAsCSSString(WRITER);
                Evaluator evaluator = evaluator(text);
                out.add(evaluator == null
                        ? new Rule(null, 0, List.of(), text + " {" + declarations(styleRule.getAllDeclarations()) + "}")
                        : new Rule(evaluator, specificity(selector), declarations(styleRule.getAllDeclarations().iterator()), null));
            }
        }
        return List.copyOf(out);
    }

    private static List<Declaration> declarations(Iterator<CSSDeclaration> declarations) {
        List<Declaration> out = new ArrayList<>();
        declarations.forEachRemaining(d -> out.add(new Declaration(d.getProperty(), d.getExpressionAsCSSString(), d.isImportant())));
        return List.copyOf(out);
    }

    /** The selector parsed, or null when it cannot be inlined (a dynamic state, a pseudo-element, unsupported syntax). */
    private static Evaluator evaluator(String selector) {
        if (DYNAMIC.stream().anyMatch(selector::contains)) {
            return null;
        }
        try {
            return QueryParser.parse(selector);
        } catch (Selector.SelectorParseException e) {
            return null;
        }
    }

    private static void apply(Element element, List<Applied> fromRules) {
        List<Applied> all = new ArrayList<>(fromRules);
        if (element.hasAttr("style")) {
            int i = 0;
            for (Declaration d : INLINE.computeIfAbsent(element.attr("style"), CssInliner::inlineDeclarations)) {
                all.add(new Applied(d.property(), d.value(), d.important(), true, 0, i++));
            }
        }
        Map<String, Applied> winners = new LinkedHashMap<>();
        Comparator<Applied> cascade = Comparator.comparing(Applied::important).thenComparing(Applied::inline)
                .thenComparingInt(Applied::specificity).thenComparingInt(Applied::order);
        for (Applied a : all) {
            winners.merge(a.property(), a, (x, y) -> cascade.compare(x, y) >= 0 ? x : y);
        }
        StringBuilder style = new StringBuilder();
        winners.values().forEach(a -> style.append(a.property()).append(": ").append(a.value()).append("; "));
        element.attr("style", style.toString().strip());
    }

    private static List<Declaration> inlineDeclarations(String style) {
        CSSDeclarationList list = CSSReaderDeclarationList.readFromString(style);
        return list == null ? List.of() : declarations(list.getAllDeclarations().iterator());
    }

    private static <V> Map<String, V> lru(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        });
    }

    /** Specificity as one number: ids × 10,000 + classes, attributes and pseudo-classes × 100 + elements. */
    static int specificity(CSSSelector selector) {
        int score = 0;
        for (ICSSSelectorMember m : selector.getAllMembers()) {
            if (m instanceof CSSSelectorSimpleMember s) {
                if (s.isHash()) {
                    score += 10_000;
                } else if (s.isClass() || s.isPseudo()) {
                    score += 100;
                } else if (s.isElementName() && !s.getValue().equals("*")) {
                    score += 1;
                }
            } else if (m instanceof CSSSelectorAttribute) {
                score += 100;
            } else if (!(m.getAsCSSString(WRITER).isBlank() || m.getAsCSSString(WRITER).matches("\\s*[>+~]\\s*"))) {
                score += 100; // :not(), :is() and other functional pseudo-classes
            }
        }
        return score;
    }

    private static String declarations(List<CSSDeclaration> declarations) {
        StringBuilder out = new StringBuilder();
        for (CSSDeclaration d : declarations) {
            out.append(' ').append(d.getAsCSSString(WRITER)).append(';');
        }
        return out.append(' ').toString();
    }
}
