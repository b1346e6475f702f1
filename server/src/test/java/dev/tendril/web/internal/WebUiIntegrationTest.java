package dev.tendril.web.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The UI in headless Chromium: sign-in, contact search, a contact's timeline, API keys. */
@IntegrationTest
class WebUiIntegrationTest extends BrowserTest {
    @Test
    void searchesAContactAndShowsItsTimeline() {
        for (String name : List.of("Grace Hopper", "Alan Turing", "Edsger Dijkstra")) {
            String[] parts = name.split(" ");
            var created = t.api("POST", "/api/v1/contacts", """
                    {"email": "%s@example.com", "firstName": "%s", "lastName": "%s", "lifecycleStage": "lead"}"""
                    .formatted(parts[0].toLowerCase(), parts[0], parts[1]));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        assertThat(t.api("POST", "/api/v1/companies", """
                {"name": "Analytical Engines Ltd", "domain": "engines.example"}""").status()).isEqualTo(201);
        assertThat(t.track("/v1/identify", """
                {"userId": "ada-1", "traits": {"email": "ada@engines.example", "firstName": "Ada", "lastName": "Lovelace",
                 "plan": "enterprise"}}""").status()).isEqualTo(200);
        assertThat(t.track("/v1/track", """
                {"userId": "ada-1", "event": "Demo Requested", "properties": {"source": "pricing page"}}""").status()).isEqualTo(200);
        // 23 page views on top: 25 events in all, more than the timeline's first page of 20.
        String pages = IntStream.range(0, 23).mapToObj(i -> """
                {"type": "page", "userId": "ada-1", "name": "Docs %d", "properties": {"path": "/docs/%d"},
                 "timestamp": "2026-01-01T10:%02d:00Z"}""".formatted(i, i, i)).collect(Collectors.joining(","));
        assertThat(t.track("/v1/batch", "{\"batch\": [" + pages + "]}").status()).isEqualTo(200);

        String ada = t.api("GET", "/api/v1/contacts?externalId=ada-1", null).text("/data/0/id");
        assertThat(t.api("PUT", "/api/v1/contacts/" + ada + "/subscriptions/email", "{\"status\": \"unsubscribed\"}").status())
                .isEqualTo(200);

        signIn(t.ownerEmail(), t.ownerPassword());
        assertThat(page).hasURL(t.baseUrl() + "/contacts");
        assertThat(page.locator("#contacts tbody tr")).hasCount(4);
        assertThat(page.locator("header.topbar")).containsText(t.ownerEmail());

        // htmx is a deferred script: keys typed before it has run would send no search.
        page.waitForLoadState();
        // A slow answer for "L" (every contact matches) is still in flight when the typing goes on:
        // the newer search must win, not be dropped behind it.
        var heldSearch = new AtomicReference<Route>();
        page.route(Pattern.compile(".*/contacts\\?q=L$"), heldSearch::set);
        var heldOver = new AtomicBoolean();
        Consumer<Request> over = request -> heldOver.compareAndSet(false, request.url().endsWith("/contacts?q=L"));
        page.onRequestFinished(over);
        page.onRequestFailed(over);
        var search = page.getByPlaceholder("Search by name or email");
        search.pressSequentially("L");
        page.waitForCondition(() -> heldSearch.get() != null);
        search.pressSequentially("ovel");
        assertThat(page.locator("#contacts tbody tr")).hasCount(1);
        heldSearch.get().resume();
        // The stale answer has arrived (or its request was cancelled) and htmx has nothing in flight: it had its chance.
        page.waitForCondition(heldOver::get);
        assertThat(page.locator(".htmx-request")).hasCount(0);
        assertThat(page.locator("#contacts tbody tr")).hasCount(1);
        assertThat(page).hasURL(t.baseUrl() + "/contacts?q=Lovel");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ada Lovelace")).click();

        assertThat(page.locator("h1")).hasText("Ada Lovelace");
        assertThat(page.locator("dl.fields").first()).containsText("ada@engines.example");
        assertThat(page.getByText("Analytical Engines Ltd")).isVisible();
        assertThat(page.locator("dl.fields").last()).containsText("enterprise");
        assertThat(page.locator("ul.subscriptions li")).hasCount(3);
        assertThat(page.locator("ul.subscriptions li", new Page.LocatorOptions().setHasText("email"))).containsText("unsubscribed");
        assertThat(page.locator("ul.subscriptions li", new Page.LocatorOptions().setHasText("sms"))).containsText("none");
        assertThat(page.locator(".stats div", new Page.LocatorOptions().setHasText("demo requests")).locator("span")).hasText("1");
        var events = page.locator("ol.timeline li.event");
        assertThat(events).hasCount(20);
        assertThat(events.first()).containsText("Demo Requested");
        assertThat(events.first()).containsText("pricing page");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/ui-contact.png")).setFullPage(true));

        page.waitForLoadState();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Load more")).click();
        assertThat(events).hasCount(25);
        assertThat(events.last()).containsText("Docs 0");
        assertThat(page.getByText("Load more")).hasCount(0);

        assertThat(page.navigate("/contacts/ct_zzzzzz").status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Not found");
    }

    @Test
    void issuesAKeyShowingItsTokenOnceAndRevokesIt() {
        signIn(t.ownerEmail(), t.ownerPassword());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API keys")).click();
        assertThat(page.locator("tbody tr")).hasCount(2);

        page.getByLabel("Name").fill("Website <tracker>");
        page.getByLabel("Kind").selectOption("write");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
        String token = page.locator("#token").innerText().strip();
        assertThat(token).startsWith("wk_");
        assertThat(page.locator("h1")).containsText("Website <tracker>");
        assertThat(t.send("POST", "/v1/track", "{\"userId\": \"u\", \"event\": \"E\"}", TestTenant.basic(token), false).status())
                .isEqualTo(200);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to API keys")).click();
        assertThat(page.content()).doesNotContain(token);
        var row = page.locator("tbody tr", new Page.LocatorOptions().setHasText("Website <tracker>"));
        assertThat(row).containsText(token.substring(0, 8));
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
        assertThat(row).hasClass("revoked");
        assertThat(t.send("POST", "/v1/track", "{\"userId\": \"u\", \"event\": \"E\"}", TestTenant.basic(token), false).status())
                .isEqualTo(401);
    }

    @Test
    void wrongPasswordShowsAnErrorAndSignOutReturnsToTheForm() {
        page.navigate("/contacts");
        assertThat(page).hasURL(t.baseUrl() + "/login");
        signIn(t.ownerEmail(), "not-the-password");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong email or password.");

        signIn(t.ownerEmail(), t.ownerPassword());
        // Back to the page asked for first (Spring Security marks it with ?continue).
        assertThat(page).hasURL(Pattern.compile(".*/contacts(\\?continue)?$"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByText("You have been signed out.")).isVisible();
        page.navigate("/contacts");
        assertThat(page).hasURL(t.baseUrl() + "/login");
    }

    private void signIn(String email, String password) {
        if (!page.url().contains("/login")) {
            page.navigate("/login");
        }
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }
}
