package dev.tendril.content.internal;

import dev.tendril.contact.CompanyView;
import dev.tendril.contact.ContactView;
import dev.tendril.content.RenderInputs;
import dev.tendril.event.BehaviorView;
import dev.tendril.event.EventView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The email of the rendering benchmark: ~5 KB of HTML with 10 variables, 2 conditionals, 1 partial
 * (the {@code footer} block) and a loop over 3 recent pages, and one contact's personalisation data
 * built the way {@link PersonalizationLoader} builds it. {@link #renderer()} is the real
 * {@link RenderPipeline} with the database reads replaced by these fixed answers.
 */
final class TypicalEmail {
    static final long WORKSPACE = 1;
    static final long TEMPLATE = 1;
    static final long CONTACT = 7;
    static final Instant NOW = Instant.parse("2026-11-24T09:30:00Z");
    static final String FOOTER = """
            <p class="muted">You receive this digest because {{email}} subscribed to product news from Tendril.
              We send it once a week, on Tuesdays, and never share your address with anyone.</p>
            <p class="muted"><a href="https://tendril.example/preferences" style="color: #7b8794;">Email preferences</a> &middot;
              <a href="https://tendril.example/unsubscribe" style="color: #7b8794;">Unsubscribe</a> &middot;
              <a href="https://tendril.example/privacy" style="color: #7b8794;">Privacy policy</a></p>
            <p class="muted">Tendril Labs GmbH, Torstra&szlig;e 107, 10119 Berlin, Germany</p>
            """;
    static final Map<String, String> PARTS = Map.of("subject", "{{firstName}}, your week in review",
            "preheader", "Three stories for {{company.name}}", "html", html());

    private TypicalEmail() {}

    static String html() {
        try (InputStream in = TypicalEmail.class.getResourceAsStream("typical-email.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PersonalizationLoader.Loaded contact() {
        Instant created = Instant.parse("2025-02-03T10:15:00Z");
        ContactView c = new ContactView("ct_" + CONTACT, "ada@acme.example", "u-7", "Ada", "Lovelace", "+44 20 7946 0958",
                "VP Engineering & Research", "https://ada.example", LocalDate.of(1985, 12, 10), "female", null, "ada", null,
                Map.of("street", "12 Baker Street", "city", "London", "postalCode", "NW1 6XE", "country", "GB"), "Europe/London", "co_3",
                "customer", Map.of("plan", "pro", "seats", 12, "locale", "en-GB"), created, created);
        CompanyView company = new CompanyView("co_3", null, "Acme & Sons", "acme.example", "Healthcare", 250,
                new BigDecimal("12500000"), "enterprise", "https://acme.example", Map.of("region", "EMEA"), created, created);
        BehaviorView behavior = new BehaviorView(c.id(), created, NOW.minusSeconds(3_600), 14, 9, 37.5, 42, 3, 1, 0, 2, 1, 0);
        List<EventView> pages = List.of(page(1, "/pricing", "Pricing"), page(2, "/blog/lifecycle-emails", "Lifecycle emails that work"),
                page(3, "/docs/segments", "Segments"));
        EventView content = new EventView("ev_4", "track", "Content Viewed", "m4", "u-7", null, NOW.minusSeconds(7_200), NOW,
                Map.of("title", "The Campaign Measurement Handbook", "path", "/library/handbook"), null, null);
        Map<String, Object> data = PersonalizationData.of(new PersonalizationData.Inputs(c, company, null, behavior, pages, content, null, null,
                null, null, Map.of(), null, NOW));
        return new PersonalizationLoader.Loaded(c, data, new LocalFormats(PersonalizationData.locale(c), PersonalizationData.zone(c)));
    }

    private static EventView page(int n, String path, String title) {
        return new EventView("ev_" + n, "page", title, "m" + n, "u-7", null, NOW.minusSeconds(86_400L * n), NOW,
                Map.of("path", path, "title", title, "url", "https://tendril.example" + path), null, null);
    }

    /** The real renderer (compiled-template cache, limits, finishing), reading the footer block and the contact from memory. */
    static RenderPipeline renderer() {
        return new RenderPipeline(new FooterBlock(), null, new OneContact(contact()), JsonMapper.builder().build(),
                Clock.fixed(NOW, ZoneOffset.UTC), RenderLimits.DEFAULT.time(), RenderLimits.DEFAULT.steps(),
                RenderLimits.DEFAULT.outputChars());
    }

    /** The compiled template as {@link RenderSavedTemplates#render} gets it for a saved version: from the renderer's cache. */
    static CompiledTemplate compile(RenderPipeline renderer) {
        return renderer.compile(WORKSPACE, TEMPLATE, 1, TemplateChannel.EMAIL, PARTS, null, Set.of("footer"));
    }

    private static final class FooterBlock extends BlockStore {
        FooterBlock() {
            super(null);
        }

        @Override
        List<Source> closure(long workspaceId, Collection<String> names) {
            return List.of(new Source("footer", 1, FOOTER, null, List.of()));
        }
    }

    private static final class OneContact extends PersonalizationLoader {
        private final Loaded loaded;

        OneContact(Loaded loaded) {
            super(null, null, null, null, null, null);
            this.loaded = loaded;
        }

        @Override
        Map<Long, Loaded> load(long workspaceId, Collection<Long> contactIds, RenderInputs inputs, Instant now) {
            return Map.of(CONTACT, loaded);
        }
    }
}
