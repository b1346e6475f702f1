package dev.tendril.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.content.internal.Tag.Expr;
import dev.tendril.content.internal.Tag.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateOutlineTest {
    @Test
    void theScannerReadsTagsWithTheirPositions() {
        List<Tag> tags = TagScanner.scan("Hi {{firstName}}!\n  {{#if (eq a \"x y\")}}{{{raw}}}{{else}}{{> footer}}{{/if}} \\{{not}} {{!-- {{no}} --}}"
                + "{{#each items as |item i|}}{{item.name}}{{/each}}{{default x 'it''s' suffix=\"…\"}}");
        assertThat(tags).extracting(Tag::kind).containsExactly(Kind.OUTPUT, Kind.OPEN, Kind.OUTPUT, Kind.ELSE, Kind.PARTIAL, Kind.CLOSE,
                Kind.OPEN, Kind.OUTPUT, Kind.CLOSE, Kind.OUTPUT);
        assertThat(tags.getFirst()).extracting(Tag::name, Tag::line, Tag::column).containsExactly("firstName", 1, 4);
        Tag open = tags.get(1);
        assertThat(open.line()).isEqualTo(2);
        assertThat(open.column()).isEqualTo(3);
        assertThat(open.params()).containsExactly(new Expr.Sub("eq", List.of(new Expr.Path("a"), new Expr.Literal("x y")), Map.of()));
        assertThat(tags.get(4).name()).isEqualTo("footer");
        assertThat(tags.get(6).blockParams()).containsExactly("item", "i");
        assertThat(tags.get(9).hash()).containsEntry("suffix", new Expr.Literal("…"));
    }

    @Test
    void helpersMustBeKnownAndPartialNamesWrittenOut() {
        TemplateOutline outline = TemplateOutline.of("html", "{{shout x}}\n{{#loud}}ok{{/loud}}{{#loud y}}{{/loud}}{{> (pick)}}{{lookup a b}}");
        assertThat(outline.errors()).extracting(Problem::describe).containsExactly(
                "line 1, column 1: unknown helper 'shout'",
                "line 2, column 21: unknown helper 'loud'",
                "line 2, column 41: a block must be included by its name, e.g. {{> footer}}",
                "line 2, column 41: unknown helper 'pick'",
                "line 2, column 53: unknown helper 'lookup'");
    }

    @Test
    void pathsAreResolvedFromTheRootAndLoopItemsAreLeftOut() {
        TemplateOutline outline = TemplateOutline.of("html", """
                {{firstName}} {{#with company}}{{name}} {{#with attributes}}{{tier}}{{/with}}{{/with}}
                {{#each behavior.recentPages as |page|}}{{page.path}} {{path}} {{@root.email}} {{@index}}{{/each}}
                {{#if (gt attributes.seats 3)}}{{default title "friend"}}{{/if}} {{#recommendations}}{{title}}{{/recommendations}}
                {{#*inline "x"}}{{lastName}}{{/inline}}{{> x}}{{> footer}} {{greeting}} {{../up}} {{this.that}}""");
        assertThat(outline.errors()).isEmpty();
        assertThat(outline.paths()).extracting(TemplateOutline.PathUse::path).containsExactly("firstName", "company", "company.name",
                "company.attributes", "company.attributes.tier", "behavior.recentPages", "email", "attributes.seats", "title", "lastName");
        assertThat(outline.slots()).containsOnly(Map.entry("firstName", 1), Map.entry("company.name", 1), Map.entry("company.attributes.tier", 1),
                Map.entry("behavior.recentPages", 1), Map.entry("email", 1), Map.entry("title", 1), Map.entry("recommendations", 2),
                Map.entry("lastName", 1), Map.entry("timezone", 1));
        assertThat(outline.partials()).extracting(TemplateOutline.PartialRef::name).containsExactly("footer");
    }

    @Test
    void theSchemaKnowsThePersonalisationData() {
        Set<String> attributes = Set.of("plan");
        assertThat(PersonalizationSchema.check("firstName", attributes)).isEmpty();
        assertThat(PersonalizationSchema.check("company.attributes.anything", attributes)).isEmpty();
        assertThat(PersonalizationSchema.check("attributes.plan", attributes)).isEmpty();
        assertThat(PersonalizationSchema.check("behavior.recentPages.[0].path", attributes)).isEmpty();
        assertThat(PersonalizationSchema.check("trigger.order.total", attributes)).isEmpty();
        assertThat(PersonalizationSchema.check("weather.description", attributes)).isEmpty();
        assertThat(PersonalizationSchema.check("attributes.tier", attributes)).contains(
                "no contact has the custom attribute 'tier' yet, so 'attributes.tier' renders empty");
        assertThat(PersonalizationSchema.check("firstName.length", attributes)).contains("'firstName' is a value, it has no 'length'");
        assertThat(PersonalizationSchema.check("location.town", attributes)).contains("'location.town' is not in the personalisation data, so it renders empty");
    }
}
