package dev.tendril.web.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.workspace.Role;
import dev.tendril.workspace.Workspaces;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The scoring and segment pages in headless Chromium: a contact's score, the segment editor's live preview, the model editor. */
@IntegrationTest
class ScoringAndSegmentsUiIntegrationTest extends BrowserTest {
    @Autowired Workspaces workspaces;

    @Test
    void showsAContactsScoreAndBuildsASegmentWithALivePreview() {
        String ada = hotLead("Ada", "Lovelace", "VP Engineering");
        hotLead("Grace", "Hopper", "Rear Admiral");
        assertThat(t.track("/v1/identify", """
                {"userId": "alan", "traits": {"email": "alan@example.com", "firstName": "Alan", "lastName": "Turing"}}""")
                .status()).isEqualTo(200);
        awaitScoreHistory(ada);

        signIn(t.ownerEmail(), t.ownerPassword());
        page.navigate("/contacts/" + ada);
        var score = page.locator("#score");
        assertThat(score.locator(".stats div", new Locator.LocatorOptions().setHasText("score"))
                .first().locator("span")).hasText("112");
        assertThat(score.locator(".grade")).hasText("D");
        assertThat(score.locator(".temp")).hasText("hot");
        var demo = score.locator("tr.rule", new Locator.LocatorOptions().setHasText("Demo requests"));
        assertThat(demo).containsText("+50");
        assertThat(score.locator("tr.rule", new Locator.LocatorOptions().setHasText("Senior title")))
                .containsText("+15");
        assertThat(score.locator("ul.recommendations")).containsText("route to sales");
        assertThat(page.locator("canvas#score-chart")).isVisible();
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('score-chart')) !== undefined");
        screenshot("contact");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Segments")).click();
        assertThat(page.locator("#segments")).containsText("MQLs");
        assertThat(page.locator("#segments")).containsText("built-in");
        page.waitForLoadState();
        page.getByLabel("Name").fill("Senior demo requesters");
        var condition = page.getByLabel("Condition");
        condition.fill("{\"event\": \"Demo Requested\"}");
        condition.press("End");
        assertThat(page.locator("#preview-count")).hasText("2");
        assertThat(page.locator("#preview ul.sample li")).hasCount(2);

        condition.fill("{\"and\": [{\"event\": \"Demo Requested\"}, {\"attribute\": \"title\", \"op\": \"resembles\", \"value\": \"VP\"}]}");
        condition.press("End");
        assertThat(page.locator("#preview [role=alert]")).containsText("condition.and[1].op");
        screenshot("segment-error");

        condition.fill("{\"and\": [{\"event\": \"Demo Requested\"}, {\"attribute\": \"title\", \"op\": \"contains\", \"value\": \"VP\"}]}");
        condition.press("End");
        assertThat(page.locator("#preview-count")).hasText("1");
        assertThat(page.locator("#preview ul.sample")).containsText("Ada Lovelace");
        screenshot("segments");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create segment")).click();
        assertThat(page).hasURL(Pattern.compile(".*/segments/sg_\\w+$"));
        assertThat(page.locator("h1")).hasText("Senior demo requesters");
        assertThat(page.locator("#segment-size")).hasText("1");
        assertThat(page.locator("#members tbody tr")).hasCount(1);
        assertThat(page.locator("#members")).containsText("Ada Lovelace");
        assertThat(page.locator("ul.changes li")).containsText("entered Ada Lovelace");
        assertThat(page.locator("pre.code")).containsText("\"op\" : \"contains\"");
        assertThat(page.locator("canvas#size-chart")).isVisible();
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('size-chart')) !== undefined");
        screenshot("segment");
    }

    @Test
    void editsTheScoringModelShowingTheFieldOfAMistake() {
        assertThat(t.api("POST", "/api/v1/contacts", "{\"email\": \"vp@acme.io\", \"title\": \"VP Sales\"}").status())
                .isEqualTo(201);
        signIn(t.ownerEmail(), t.ownerPassword());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Scoring")).click();
        assertThat(page.locator("#model-version")).hasText("version 1");
        assertThat(page.locator(".category", new Page.LocatorOptions().setHasText("behavior")))
                .containsText("×50 per demoRequests");
        assertThat(page.locator("#rescore")).containsText("No rescore yet");

        var definition = page.locator("textarea[name=definition]");
        definition.fill("{\"categories\": {\"behavior\": {\"weight\": -1}}, \"temperature\": {\"hot\": 90, \"warm\": 50}}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("categories.behavior.weight");
        assertThat(page.locator("#model-version")).hasText("version 1");
        assertThat(definition).hasValue(Pattern.compile(".*\"weight\": -1.*"));
        screenshot("scoring-error");

        definition.fill("{\"temperature\": {\"hot\": 90, \"warm\": 50}}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved as version 2");
        assertThat(page.locator("#model-version")).hasText("version 2");
        assertThat(page.locator("dl.fields").nth(1)).containsText("≥ 90");
        // The progress polls itself until the background rescore is done.
        assertThat(page.locator("#rescore .badge")).hasText("completed");
        assertThat(page.locator("#rescore")).containsText("1 of 1 contacts");
        screenshot("scoring");
    }

    @Test
    void viewersReadTheModelButCannotChangeIt() {
        String email = "viewer-" + UUID.randomUUID() + "@example.com";
        workspaces.addUser(t.workspaceId(), email, "viewer-password-1", Role.VIEWER);
        signIn(email, "viewer-password-1");
        page.navigate("/scoring");
        assertThat(page.locator("#model-version")).hasText("version 1");
        assertThat(page.locator("textarea")).hasCount(0);
        assertThat(page.getByText("Only owners and marketers may change the model.")).isVisible();
        page.navigate("/segments");
        assertThat(page.locator("#new-segment")).hasCount(0);

        String headers = page.locator("body").getAttribute("hx-headers");
        String token = headers.replaceAll(".*: \"([^\"]+)\".*", "$1");
        var post = page.request().post("/scoring", RequestOptions.create().setHeader("X-CSRF-TOKEN", token)
                .setForm(FormData.create().set("definition", "{}")).setMaxRedirects(0));
        assertThat(post.status()).isEqualTo(403);
        assertThat(t.api("GET", "/api/v1/scoring/model", null).json().at("/version").asInt()).isEqualTo(1);
    }

    /** Identifies a contact with this title and sends two pricing-page views and a demo request; answers its id. */
    private String hotLead(String first, String last, String title) {
        String user = first.toLowerCase() + "-" + UUID.randomUUID();
        assertThat(t.track("/v1/batch", """
                {"batch": [
                  {"type": "identify", "userId": "%1$s", "traits": {"email": "%2$s@acme.io", "firstName": "%3$s",
                   "lastName": "%4$s", "title": "%5$s"}},
                  {"type": "page", "userId": "%1$s", "name": "Pricing", "properties": {"path": "/pricing"}},
                  {"type": "page", "userId": "%1$s", "name": "Pricing", "properties": {"path": "/pricing/enterprise"}},
                  {"type": "track", "userId": "%1$s", "event": "Demo Requested"}]}""".formatted(user, first.toLowerCase(), first,
                last, title)).status()).isEqualTo(200);
        return t.api("GET", "/api/v1/contacts?q=" + first.toLowerCase() + "@acme.io", null).text("/data/0/id");
    }

    private void awaitScoreHistory(String contactId) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (t.api("GET", "/api/v1/contacts/" + contactId + "/score/history", null).json().at("/data").isEmpty()) {
            assertThat(System.nanoTime()).as("score history within 10 s").isLessThan(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/ui4-" + name + ".png")).setFullPage(true));
    }

    private void signIn(String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile(".*/contacts$"));
    }
}
