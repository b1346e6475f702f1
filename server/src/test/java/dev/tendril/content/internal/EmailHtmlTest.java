package dev.tendril.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class EmailHtmlTest {
    @Test
    void cssIsInlinedInCascadeOrderKeepingWhatCannotBeInlined() {
        String html = """
                <html><head><style>
                p { color: red; margin: 0 }
                .lead { color: green; font-size: 14px }
                #intro { color: blue }
                p.lead { font-size: 16px }
                .quiet { color: gray !important }
                a:hover { color: pink }
                @media (max-width: 600px) { .lead { font-size: 20px !important } }
                </style></head><body>
                <p id="intro" class="lead">One</p><p class="lead quiet" style="color: black; margin: 4px">Two</p><p style="color: black">Three</p><a href="#">x</a>
                </body></html>""";
        Document out = Jsoup.parse(CssInliner.inline(html));
        assertThat(out.select("#intro").attr("style")).isEqualTo("color: blue; margin: 0; font-size: 16px;");
        assertThat(out.select("p").get(1).attr("style")).isEqualTo("color: gray; margin: 4px; font-size: 16px;");
        assertThat(out.select("p").get(2).attr("style")).isEqualTo("color: black; margin: 0;");
        assertThat(out.select("a").attr("style")).isEmpty();
        String kept = out.select("head style").html();
        assertThat(kept).contains("a:hover").contains("@media").contains("max-width").doesNotContain("#intro");
        assertThat(out.select("style")).hasSize(1);
        assertThat(CssInliner.inline("<p>no styles</p>")).isEqualTo("<p>no styles</p>");
    }

    @Test
    void plainTextKeepsStructureAndLinks() {
        String text = PlainText.of("""
                <html><head><title>t</title><style>p{}</style></head><body>
                <div style="display:none">preheader</div>
                <h1>Hello   Ada</h1><p>Your <a href="https://x.io/offer">offer</a> is ready.<br>Line two</p>
                <ul><li>One</li><li>Two</li></ul><table><tr><td>A</td><td>B</td></tr></table><p><a href="https://x.io">https://x.io</a></p>
                </body></html>""");
        assertThat(text).isEqualTo("""
                Hello Ada

                Your offer (https://x.io/offer) is ready.
                Line two

                - One
                - Two

                A B

                https://x.io""");
    }

    @Test
    void mjmlBecomesResponsiveHtmlWithTemplateTagsIntact() {
        String html = MjmlToHtml.convert("""
                <mjml><mj-body><mj-section><mj-column>
                <mj-text>Hello {{default firstName "there"}} &amp; {{> footer}}</mj-text>
                <mj-button href="{{journey.url}}">Go</mj-button>
                </mj-column></mj-section></mj-body></mjml>""");
        assertThat(html).contains("Hello {{default firstName \"there\"}}").contains("{{> footer}}").contains("href=\"{{journey.url}}\"")
                .contains("@media").contains("<table");
        assertThatThrownBy(() -> MjmlToHtml.convert("<div>not mjml</div>")).isInstanceOf(MjmlToHtml.Failed.class)
                .hasMessageContaining("the MJML cannot be converted");
    }

    @Test
    void thePreheaderGoesHiddenAtTheTopOfTheBody() {
        assertThat(Preheader.insert("<html><body class=\"b\"><p>x</p></body></html>", "Sale <now>"))
                .startsWith("<html><body class=\"b\"><div style=\"display:none;").contains("Sale &lt;now&gt;</div><p>x</p>");
        assertThat(Preheader.insert("<p>x</p>", " ")).isEqualTo("<p>x</p>");
    }
}
