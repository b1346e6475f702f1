package dev.tendril.contact.internal;

import static dev.tendril.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Subscription status per channel through the API, its consent record, and what reads it: segments, merges, templates. */
@IntegrationTest
class SubscriptionsIntegrationTest {
    @Autowired TestTenants tenants;
    TestTenant t;

    @BeforeEach
    void tenant() {
        t = tenants.create();
    }

    String contact(String email) {
        var created = t.api("POST", "/api/v1/contacts", "{\"email\": \"" + email + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("/id");
    }

    TestTenant.Answer set(String contact, String channel, String body) {
        return t.api("PUT", "/api/v1/contacts/" + contact + "/subscriptions/" + channel, body);
    }

    List<String> history(String contact) {
        return t.api("GET", "/api/v1/contacts/" + contact + "/subscriptions/history", null).json().get("data").valueStream()
                .map(c -> c.get("channel").asString() + " " + c.get("from").asString() + "->" + c.get("to").asString() + " ("
                        + c.get("source").asString() + ")").toList();
    }

    @Test
    void setsAStatusPerChannelAndKeepsEveryChangeInTheConsentRecord() {
        String ada = contact("ada@example.com");
        var none = t.api("GET", "/api/v1/contacts/" + ada + "/subscriptions", null);
        assertThat(none.json().get("data").findValuesAsString("status")).containsExactly("none", "none", "none");
        assertThat(none.json().get("data").findValuesAsString("channel")).containsExactly("email", "sms", "push");

        var subscribed = set(ada, "email", "{\"status\": \"subscribed\", \"source\": \"signup form\"}");
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);
        assertThat(subscribed.text("/status")).isEqualTo("subscribed");
        assertThat(subscribed.text("/updatedAt")).isNotBlank();
        assertThat(t.api("GET", "/api/v1/contacts/" + ada + "/subscriptions", null).text("/data/0/updatedAt"))
                .as("the answer shows what a later read gives").isEqualTo(subscribed.text("/updatedAt"));
        assertThat(set(ada, "sms", "{\"status\": \"pending\"}").status()).isEqualTo(200);
        assertThat(set(ada, "email", "{\"status\": \"unsubscribed\", \"source\": \"unsubscribe link\"}").status()).isEqualTo(200);
        // The same status again is no change and leaves no entry.
        assertThat(set(ada, "email", "{\"status\": \"unsubscribed\"}").text("/source")).isEqualTo("unsubscribe link");

        var all = t.api("GET", "/api/v1/contacts/" + ada + "/subscriptions", null).json().get("data");
        assertThat(all.findValuesAsString("status")).containsExactly("unsubscribed", "pending", "none");
        assertThat(history(ada)).containsExactly("email subscribed->unsubscribed (unsubscribe link)", "sms none->pending (api)",
                "email none->subscribed (signup form)");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            fax   | {"status": "subscribed"}                      | channel
            email | {"status": "none"}                            | status
            email | {"status": "gone"}                            | status
            email | {}                                            | status
            email | {"status": "subscribed", "topic": "news"}     | topic
            email | {"status": "subscribed", "source": ""}        | source
            email | {"status": 1}                                 | status
            """)
    void refusesBadInputNamingTheFieldAndStoresNothing(String channel, String body, String field) {
        String ada = contact("ada@example.com");
        assertThat(set(ada, "email", "{\"status\": \"subscribed\"}").status()).isEqualTo(200);
        var refused = set(ada, channel, body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly(field);
        assertThat(history(ada)).containsExactly("email none->subscribed (api)");
    }

    @Test
    void malformedJsonIsA400AndUnknownOrForeignContactsA404() {
        String ada = contact("ada@example.com");
        assertThat(set(ada, "email", "{\"status\": ").status()).isEqualTo(400);
        assertThat(set("ct_zzzzzz", "email", "{\"status\": \"subscribed\"}").status()).isEqualTo(404);
        TestTenant other = tenants.create();
        assertThat(other.api("PUT", "/api/v1/contacts/" + ada + "/subscriptions/email", "{\"status\": \"unsubscribed\"}").status())
                .isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/contacts/" + ada + "/subscriptions", null).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/contacts/" + ada + "/subscriptions/history", null).status()).isEqualTo(404);
        assertThat(history(ada)).isEmpty();
    }

    @Test
    void aSegmentOnSubscriptionStatusFollowsChangesInRealTime() {
        String ada = contact("ada@example.com");
        String bob = contact("bob@example.com");
        var created = t.api("POST", "/api/v1/segments", """
                {"name": "Mailable", "condition": {"subscription": {"channel": "email", "status": ["subscribed", "pending"]}}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String segment = created.text("/id");
        assertThat(members(segment)).isEmpty();

        set(ada, "email", "{\"status\": \"subscribed\"}");
        set(bob, "email", "{\"status\": \"pending\"}");
        assertThat(eventually(() -> members(segment), m -> m.size() == 2)).containsExactlyInAnyOrder(ada, bob);
        set(bob, "email", "{\"status\": \"complained\"}");
        assertThat(eventually(() -> members(segment), m -> m.size() == 1)).containsExactly(ada);

        var preview = t.api("POST", "/api/v1/segments/preview", """
                {"condition": {"not": {"subscription": {"channel": "email", "status": "subscribed"}}}}""");
        assertThat(preview.json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void aMergedContactHandsItsMoreRecentConsentToTheKnownProfile() {
        t.track("/v1/identify", "{\"userId\": \"u-1\", \"traits\": {\"email\": \"kim@example.com\"}}");
        String known = t.api("GET", "/api/v1/contacts?externalId=u-1", null).json().get("data").get(0).get("id").asString();
        set(known, "email", "{\"status\": \"subscribed\"}");
        set(known, "sms", "{\"status\": \"subscribed\"}");
        t.track("/v1/track", "{\"anonymousId\": \"anon-1\", \"event\": \"Viewed\"}");
        String anonymous = t.api("GET", "/api/v1/contacts?limit=5", null).json().get("data").findValuesAsString("id").stream()
                .filter(id -> !id.equals(known)).findFirst().orElseThrow();
        set(anonymous, "email", "{\"status\": \"unsubscribed\", \"source\": \"footer link\"}");

        t.track("/v1/identify", "{\"userId\": \"u-1\", \"anonymousId\": \"anon-1\"}");
        assertThat(t.api("GET", "/api/v1/contacts/" + anonymous, null).status()).isEqualTo(404);
        var all = t.api("GET", "/api/v1/contacts/" + known + "/subscriptions", null).json().get("data");
        assertThat(all.findValuesAsString("status")).containsExactly("unsubscribed", "subscribed", "none");
        assertThat(history(known)).contains("email subscribed->unsubscribed (merge)", "email none->unsubscribed (footer link)");
    }

    @Test
    void templatesReadTheStatusesAsPreferences() {
        String ada = contact("ada@example.com");
        set(ada, "email", "{\"status\": \"subscribed\"}");
        var template = t.api("POST", "/api/v1/templates", """
                {"name": "Prefs", "channel": "sms", "text": "email={{preferences.subscriptions.email}} push={{preferences.subscriptions.push}}"}""");
        assertThat(template.status()).as(template.body()).isEqualTo(201);
        var preview = t.api("POST", "/api/v1/templates/" + template.text("/id") + "/preview", "{\"contactId\": \"" + ada + "\"}");
        assertThat(preview.text("/text")).isEqualTo("email=subscribed push=none");
    }

    List<String> members(String segment) {
        return t.api("GET", "/api/v1/segments/" + segment + "/members", null).json().get("data").findValuesAsString("id");
    }
}
