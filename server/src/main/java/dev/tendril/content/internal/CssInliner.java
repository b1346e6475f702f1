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
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
            CascadingStyleSheet css = CSSReader.readFromString(style.data());
            if (css == null) {
                kept.append(style.data()).append('\n');
                continue;
            }
            for (ICSSTopLevelRule rule : css.getAllRules()) {
                if (!(rule instanceof CSSStyleRule styleRule)) {
                    kept.append(rule.getAsCSSString(WRITER)).append('\n');
                    continue;
                }
                for (CSSSelector selector : styleRule.getAllSelectors()) {
                    String text = selector.getAsCSSString(WRITER);
                    List<Element> targets = targets(doc, text);
                    if (targets == null) {
                        kept.append(text).append(" {").append(declarations(styleRule.getAllDeclarations())).append("}\n");
                        continue;
                    }
                    int specificity = specificity(selector);
                    for (CSSDeclaration d : styleRule.getAllDeclarations()) {
                        order++;
                        for (Element e : targets) {
                            applied.computeIfAbsent(e, k -> new ArrayList<>())
                                    .add(new Applied(d.getProperty(), d.getExpressionAsCSSString(), d.isImportant(), false, specificity, order));
                        }
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

    /** The elements a selector matches, or null when it cannot be inlined (a dynamic state, a pseudo-element, unsupported syntax). */
    private static List<Element> targets(Document doc, String selector) {
        if (DYNAMIC.stream().anyMatch(selector::contains)) {
            return null;
        }
        try {
            return doc.body().select(selector);
        } catch (Selector.SelectorParseException e) {
            return null;
        }
    }

    private static void apply(Element element, List<Applied> fromRules) {
        List<Applied> all = new ArrayList<>(fromRules);
        CSSDeclarationList inline = element.hasAttr("style") ? CSSReaderDeclarationList.readFromString(element.attr("style")) : null;
        if (inline != null) {
            int i = 0;
            for (CSSDeclaration d : inline.getAllDeclarations()) {
                all.add(new Applied(d.getProperty(), d.getExpressionAsCSSString(), d.isImportant(), true, 0, i++));
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
