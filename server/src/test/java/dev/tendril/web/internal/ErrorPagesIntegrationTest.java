package dev.tendril.web.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.tendril.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

/** A page that does not exist shows the UI's own error page, not the framework's. */
@IntegrationTest
class ErrorPagesIntegrationTest extends BrowserTest {

    @Test
    void anUnknownPageShowsTheUisNotFoundPage() {
        page.navigate("/login");
        page.getByLabel("Email").fill(t.ownerEmail());
        page.getByLabel("Password").fill(t.ownerPassword());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(t.baseUrl() + "/contacts");

        Response answer = page.navigate("/no-such-page");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not Found"))).isVisible();
        assertThat(page.getByText("Whitelabel")).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to contacts"))).isVisible();
    }
}
