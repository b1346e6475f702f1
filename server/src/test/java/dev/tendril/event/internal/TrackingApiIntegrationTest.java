package dev.tendril.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.platform.Ids;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.RecordedContactsChanged;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class TrackingApiIntegrationTest {
    @Autowired TestTenants tenants;
    @Autowired JdbcClient jdbc;
    @Autowired RecordedContactsChanged changed;
    @Autowired IngestAdmission admission;
    TestTenant t;

    @BeforeEach
    void tenant() {
        t = tenants.create();
    }

    long events() {
        return jdbc.sql("select count(*) from event where workspace_id = ?").param(t.workspaceId()).query(Long.class).single();
    }

    String contactOf(String userId) {
        return t.api("GET", "/api/v1/contacts?externalId=" + userId, null).text("/data/0/id");
    }

    @Test
    void answersAsSegmentDoesAndStoresEachCallType() {
        var identify = t.track("/v1/identify", """
                {"userId": "u-1", "messageId": "m-1", "traits": {"email": "lin@acme.io", "name": "Lin Wu", "plan": "enterprise",
                 "company": {"name": "Acme", "industry": "Software", "employees": 120}}, "context": {"timezone": "Asia/Tokyo"}}""");
        assertThat(identify.status()).isEqualTo(200);
        assertThat(identify.body()).isEqualTo("{\"success\":true}");
        assertThat(t.track("/v1/track", """
                {"userId": "u-1", "event": "Demo Requested", "properties": {"source": "web"}}""").status()).isEqualTo(200);
        assertThat(t.track("/v1/page", """
                {"userId": "u-1", "name": "Pricing", "properties": {"path": "/pricing", "url": "https://acme.io/pricing"}}""").status()).isEqualTo(200);
        assertThat(t.track("/v1/screen", """
                {"userId": "u-1", "name": "Home"}""").status()).isEqualTo(200);
        assertThat(t.track("/v1/group/", """
                {"userId": "u-1", "groupId": "g-9", "traits": {"name": "Acme", "website": "https://www.acme.io", "plan": "gold"}}""").status())
                .isEqualTo(200);

        String id = contactOf("u-1");
        var contact = t.api("GET", "/api/v1/contacts/" + id, null);
        assertThat(contact.text("/email")).isEqualTo("lin@acme.io");
        assertThat(contact.text("/firstName")).isEqualTo("Lin");
        assertThat(contact.text("/lastName")).isEqualTo("Wu");
        assertThat(contact.text("/timezone")).isEqualTo("Asia/Tokyo");
        assertThat(contact.text("/attributes/plan")).isEqualTo("enterprise");
        var company = t.api("GET", "/api/v1/companies/" + contact.text("/companyId"), null);
        assertThat(company.text("/name")).isEqualTo("Acme");
        assertThat(company.text("/externalId")).isEqualTo("g-9");
        assertThat(company.text("/domain")).isEqualTo("acme.io");

        var timeline = t.api("GET", "/api/v1/contacts/" + id + "/events", null);
        assertThat(timeline.json().at("/data").findValuesAsString("type")).containsExactly("group", "screen", "page", "track", "identify");
        assertThat(timeline.text("/data/3/name")).isEqualTo("Demo Requested");
        assertThat(timeline.text("/data/3/properties/source")).isEqualTo("web");

        var behavior = t.api("GET", "/api/v1/contacts/" + id + "/behavior", null);
        assertThat(behavior.json().at("/pageViews").asInt()).isEqualTo(1);
        assertThat(behavior.json().at("/pricingPageViews").asInt()).isEqualTo(1);
        assertThat(behavior.json().at("/demoRequests").asInt()).isEqualTo(1);
        assertThat(behavior.json().at("/sessions").asInt()).isEqualTo(1);
        assertThat(changed.of(t.workspaceId())).hasSize(5)
                .allSatisfy(c -> assertThat(c.contactIds()).containsExactly(Ids.CONTACT.require(id)));

        assertThat(t.api("DELETE", "/api/v1/contacts/" + id, null).status()).isEqualTo(204);
        assertThat(events()).isZero();
        assertThat(jdbc.sql("select count(*) from contact_event_daily where workspace_id = ?").param(t.workspaceId())
                .query(Long.class).single()).isZero();
    }

    /** Segments reading only contact data skip activity: the signal tells new, identified and traited people from returning visitors. */
    @Test
    void theSignalTellsContactsWhoseOwnDataChangedFromActivityAlone() {
        t.track("/v1/page", "{\"anonymousId\": \"anon-d\", \"name\": \"Home\"}");
        t.track("/v1/page", "{\"anonymousId\": \"anon-d\", \"name\": \"Pricing\"}");
        t.track("/v1/identify", "{\"anonymousId\": \"anon-d\", \"userId\": \"u-d\"}");
        t.track("/v1/batch", """
                {"batch": [
                  {"type": "track", "userId": "u-d", "event": "Demo Requested"},
                  {"type": "identify", "userId": "u-e", "traits": {"title": "CTO"}},
                  {"type": "page", "userId": "u-e", "name": "Docs"}]}""");
        long d = Ids.CONTACT.require(contactOf("u-d"));
        long e = Ids.CONTACT.require(contactOf("u-e"));
        var signals = changed.of(t.workspaceId());
        assertThat(signals).hasSize(4);
        assertThat(signals.get(0).dataChanged()).as("a new person").containsExactly(d);
        assertThat(signals.get(1).dataChanged()).as("a returning visitor").isEmpty();
        assertThat(signals.get(2).dataChanged()).as("a first identify").containsExactly(d);
        assertThat(signals.get(3).contactIds()).containsExactlyInAnyOrder(d, e);
        assertThat(signals.get(3).dataChanged()).as("traits, not the known person's event").containsExactly(e);
    }

    /** analytics.js repeats identify with the same traits on every page: that writes no new row version, a real change does. */
    @Test
    void anIdentifyRepeatingTheSameTraitsLeavesTheContactAsItWas() {
        String traits = "{\"email\": \"rep@acme.io\", \"firstName\": \"Rea\", \"birthday\": \"1990-04-01\", "
                + "\"address\": {\"city\": \"Delft\"}, \"plan\": \"pro\", \"seats\": 5}";
        t.track("/v1/identify", "{\"userId\": \"rep\", \"traits\": " + traits + "}");
        long id = Ids.CONTACT.require(contactOf("rep"));
        // Its first score moves it to another stage, a write of its own: the snapshot is taken after that.
        tenants.awaitScoringSettled(t.workspaceId());
        String version = "select xmin::text || '/' || updated_at::text from contact where id = ?";
        String before = jdbc.sql(version).param(id).query(String.class).single();

        t.track("/v1/identify", "{\"userId\": \"rep\", \"traits\": " + traits + "}");
        assertThat(jdbc.sql(version).param(id).query(String.class).single()).isEqualTo(before);

        t.track("/v1/identify", "{\"userId\": \"rep\", \"traits\": {\"seats\": 6}}");
        assertThat(jdbc.sql(version).param(id).query(String.class).single()).isNotEqualTo(before);
        var contact = t.api("GET", "/api/v1/contacts/" + Ids.CONTACT.format(id), null);
        assertThat(contact.json().at("/attributes/seats").asInt()).isEqualTo(6);
        assertThat(contact.text("/attributes/plan")).isEqualTo("pro");
        assertThat(contact.text("/firstName")).isEqualTo("Rea");
    }

    /** A batch's identify calls are applied together; the result is what applying them one by one in order gives. */
    @Test
    void identifyCallsOfOneBatchApplyInOrder() {
        assertThat(t.api("POST", "/api/v1/companies", "{\"name\": \"Initech\", \"domain\": \"initech.io\"}").status()).isEqualTo(201);
        assertThat(t.api("POST", "/api/v1/contacts", "{\"email\": \"taken@initech.io\", \"externalId\": \"owner\"}").status())
                .isEqualTo(201);
        var batch = t.track("/v1/batch", """
                {"batch": [
                  {"type": "identify", "userId": "a", "traits": {"email": "Old@Initech.io", "title": "Analyst"}},
                  {"type": "identify", "userId": "b", "traits": {"email": "TAKEN@initech.io", "firstName": "Bo"}},
                  {"type": "identify", "userId": "a", "traits": {"email": "new@elsewhere.com", "title": "Manager"}},
                  {"type": "identify", "userId": "c", "traits": {"email": "old@initech.io"}},
                  {"type": "identify", "userId": "d", "traits": {"email": "d@initech.io", "company": {"name": "Own Co"}}},
                  {"type": "group", "userId": "b", "groupId": "g-1", "traits": {"name": "Group Co"}},
                  {"type": "identify", "userId": "b", "traits": {"lastName": "Berg"}},
                  {"type": "identify", "userId": "e", "traits": {"title": "One", "firstName": "Eve"}},
                  {"type": "identify", "userId": "e", "traits": {"title": "Two"}},
                  {"type": "identify", "userId": "e", "traits": {"title": "Three", "firstName": "Eva"}}
                ]}""");
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);

        var a = t.api("GET", "/api/v1/contacts/" + contactOf("a"), null);
        assertThat(a.text("/email")).isEqualTo("new@elsewhere.com");
        assertThat(a.text("/title")).isEqualTo("Manager");
        // Linked by its first email's domain, when it had no company; a later email does not unlink it.
        assertThat(t.api("GET", "/api/v1/companies/" + a.text("/companyId"), null).text("/name")).isEqualTo("Initech");
        var b = t.api("GET", "/api/v1/contacts/" + contactOf("b"), null);
        assertThat(b.json().get("email").isNull()).as("another contact's email is not taken").isTrue();
        assertThat(b.text("/firstName") + " " + b.text("/lastName")).isEqualTo("Bo Berg");
        assertThat(t.api("GET", "/api/v1/companies/" + b.text("/companyId"), null).text("/name")).isEqualTo("Group Co");
        // a gave up old@initech.io earlier in the same batch, so c may have it.
        assertThat(t.api("GET", "/api/v1/contacts/" + contactOf("c"), null).text("/email")).isEqualTo("old@initech.io");
        var d = t.api("GET", "/api/v1/contacts/" + contactOf("d"), null);
        assertThat(t.api("GET", "/api/v1/companies/" + d.text("/companyId"), null).text("/name")).isEqualTo("Own Co");
        // Updates of one shape are sent together, but not ahead of the same contact's update of another shape.
        var e = t.api("GET", "/api/v1/contacts/" + contactOf("e"), null);
        assertThat(e.text("/title") + " " + e.text("/firstName")).isEqualTo("Three Eva");
    }

    @Test
    void refusesWith503AndRetryAfterWhileEveryStoringSlotIsTaken() throws Exception {
        CountDownLatch holding = new CountDownLatch(10);
        CountDownLatch release = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                threads.submit(() -> admission.admit(() -> {
                    holding.countDown();
                    awaitQuietly(release);
                    return 0;
                }));
            }
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
            var refused = t.track("/v1/track", "{\"userId\": \"busy\", \"event\": \"Signed Up\"}");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            assertThat(refused.text("/detail")).contains("retry");
            assertThat(events()).isZero();
            release.countDown();
        }
        assertThat(t.track("/v1/track", "{\"userId\": \"busy\", \"event\": \"Signed Up\"}").status()).isEqualTo(200);
        assertThat(events()).isEqualTo(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Concurrent requests are stored in shared transactions: each still answers for itself, and retries racing each other count once. */
    @Test
    void concurrentRequestsSharingPeopleAndRetriesAreEachStoredOnce() throws Exception {
        int senders = 8;
        int batchesEach = 6;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new ArrayList<Future<Integer>>();
            for (int s = 0; s < senders; s++) {
                for (int b = 0; b < batchesEach; b++) {
                    // Sender s and sender s + 4 send the same batches: a client retrying while its first try is still in flight.
                    int batch = (s % 4) * batchesEach + b;
                    StringBuilder calls = new StringBuilder();
                    for (int i = 0; i < 10; i++) {
                        calls.append(i == 0 ? "" : ",").append("""
                                {"type": "page", "userId": "p-%d", "name": "Home", "messageId": "m-%d-%d",
                                 "properties": {"path": "/"}}""".formatted(i % 3, batch, i));
                    }
                    answers.add(threads.submit(() -> t.track("/v1/batch", "{\"batch\": [" + calls + "]}").status()));
                }
            }
            for (var answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        }
        long unique = 4L * batchesEach * 10;
        assertThat(events()).isEqualTo(unique);
        assertThat(jdbc.sql("select sum(count) from contact_event_daily where workspace_id = ?").param(t.workspaceId())
                .query(Long.class).single()).isEqualTo(unique);
        long pageViews = 0;
        for (int p = 0; p < 3; p++) {
            pageViews += t.api("GET", "/api/v1/contacts/" + contactOf("p-" + p) + "/behavior", null).json().at("/pageViews").asLong();
        }
        assertThat(pageViews).isEqualTo(unique);
    }

    @Test
    void aRetriedBatchMakesNoDuplicates() {
        String batch = """
                {"batch": [
                  {"type": "track", "userId": "u-2", "event": "Content Downloaded", "messageId": "dup-1"},
                  {"type": "track", "userId": "u-2", "event": "Content Downloaded", "messageId": "dup-2"},
                  {"type": "track", "userId": "u-2", "event": "Content Downloaded", "messageId": "dup-2"}
                ]}""";
        assertThat(t.track("/v1/batch", batch).status()).isEqualTo(200);
        assertThat(t.trackGzip("/v1/batch", batch).status()).isEqualTo(200);
        assertThat(t.track("/v1/import", batch).status()).isEqualTo(200);
        assertThat(events()).isEqualTo(2);
        var behavior = t.api("GET", "/api/v1/contacts/" + contactOf("u-2") + "/behavior", null);
        assertThat(behavior.json().at("/contentDownloads").asInt()).isEqualTo(2);
        long counted = jdbc.sql("select sum(count) from contact_event_daily where workspace_id = ?").param(t.workspaceId())
                .query(Long.class).single();
        assertThat(counted).isEqualTo(2);
    }

    @Test
    void correctsClientClockSkewAsSegmentDocuments() {
        // The client's clock is 2 hours behind: it stamped the event 10 s before it sent the batch.
        Instant clientNow = Instant.now().minus(Duration.ofHours(2));
        String body = """
                {"sentAt": "%s", "batch": [{"type": "track", "userId": "u-3", "event": "Skewed", "timestamp": "%s"},
                                          {"type": "track", "userId": "u-3", "event": "Historic", "timestamp": "2024-02-03T04:05:06Z"}]}"""
                .formatted(clientNow, clientNow.minusSeconds(10));
        assertThat(t.track("/v1/batch", body).status()).isEqualTo(200);
        var timeline = t.api("GET", "/api/v1/contacts/" + contactOf("u-3") + "/events", null);
        Instant corrected = Instant.parse(timeline.text("/data/0/timestamp"));
        assertThat(Duration.between(corrected, Instant.now()).abs()).isLessThan(Duration.ofSeconds(30));
        assertThat(Duration.between(corrected, Instant.now()).toSeconds()).isGreaterThanOrEqualTo(9);
        // With sentAt given, every call is corrected by the same skew: a historic event stays historic, two hours on.
        assertThat(Instant.parse(timeline.text("/data/1/timestamp")).atZone(java.time.ZoneOffset.UTC).getYear()).isEqualTo(2024);
    }

    @Test
    void mergesAnonymousHistoryIntoTheKnownProfile() {
        t.track("/v1/page", """
                {"anonymousId": "anon-7", "properties": {"path": "/pricing"}}""");
        t.track("/v1/track", """
                {"anonymousId": "anon-7", "event": "Video Playback Completed"}""");
        t.api("POST", "/api/v1/contacts", """
                {"email": "sam@example.com", "externalId": "u-7", "firstName": "Sam"}""");
        assertThat(t.api("GET", "/api/v1/contacts", null).json().at("/data").size()).isEqualTo(2);

        assertThat(t.track("/v1/identify", """
                {"userId": "u-7", "anonymousId": "anon-7", "traits": {"lastName": "Lee"}}""").status()).isEqualTo(200);
        var all = t.api("GET", "/api/v1/contacts", null);
        assertThat(all.json().at("/data").size()).isEqualTo(1);
        String id = all.text("/data/0/id");
        assertThat(all.text("/data/0/lastName")).isEqualTo("Lee");
        assertThat(t.api("GET", "/api/v1/contacts/" + id + "/events", null).json().at("/data").size()).isEqualTo(3);
        var behavior = t.api("GET", "/api/v1/contacts/" + id + "/behavior", null);
        assertThat(behavior.json().at("/pricingPageViews").asInt()).isEqualTo(1);
        assertThat(behavior.json().at("/videoWatches").asInt()).isEqualTo(1);
        // Later anonymous events of that device land on the known contact.
        t.track("/v1/page", """
                {"anonymousId": "anon-7", "properties": {"path": "/docs"}}""");
        assertThat(t.api("GET", "/api/v1/contacts/" + id + "/behavior", null).json().at("/pageViews").asInt()).isEqualTo(2);
    }

    @Test
    void aliasMergesTwoIdentities() {
        t.track("/v1/track", """
                {"userId": "old-id", "event": "Webinar Attended"}""");
        t.track("/v1/track", """
                {"userId": "new-id", "event": "Trial Started"}""");
        assertThat(t.track("/v1/alias", """
                {"previousId": "old-id", "userId": "new-id"}""").status()).isEqualTo(200);
        var all = t.api("GET", "/api/v1/contacts", null);
        assertThat(all.json().at("/data").size()).isEqualTo(1);
        String id = all.text("/data/0/id");
        var behavior = t.api("GET", "/api/v1/contacts/" + id + "/behavior", null);
        assertThat(behavior.json().at("/webinarAttendance").asInt()).isEqualTo(1);
        assertThat(behavior.json().at("/trialSignups").asInt()).isEqualTo(1);
        // Events under the old user id keep resolving to the merged contact.
        t.track("/v1/track", """
                {"userId": "old-id", "event": "Trial Started"}""");
        assertThat(t.api("GET", "/api/v1/contacts", null).json().at("/data").size()).isEqualTo(1);
        assertThat(t.api("GET", "/api/v1/contacts/" + id + "/behavior", null).json().at("/trialSignups").asInt()).isEqualTo(2);
    }

    @Test
    void countsSessionsReturnVisitsAndTimeOnSiteEvenForLateEvents() {
        Instant day = Instant.parse("2026-03-02T09:00:00Z");
        String calls = """
                {"batch": [
                  {"type": "page", "userId": "u-5", "timestamp": "%s"},
                  {"type": "page", "userId": "u-5", "timestamp": "%s"},
                  {"type": "page", "userId": "u-5", "timestamp": "%s"}
                ]}""".formatted(day, day.plusSeconds(600), day.plusSeconds(3 * 3600));
        t.track("/v1/import", calls);
        // A late event inside the first session: the contact is refolded from its events.
        t.track("/v1/import", """
                {"batch": [{"type": "page", "userId": "u-5", "timestamp": "%s"}]}""".formatted(day.plusSeconds(1200)));
        var behavior = t.api("GET", "/api/v1/contacts/" + contactOf("u-5") + "/behavior", null);
        assertThat(behavior.json().at("/sessions").asInt()).isEqualTo(2);
        assertThat(behavior.json().at("/returnVisits").asInt()).isEqualTo(1);
        assertThat(behavior.json().at("/timeOnSite").asDouble()).isEqualTo(20.0);
        assertThat(behavior.json().at("/pageViews").asInt()).isEqualTo(4);
    }

    @Test
    void aBodyThatIsNotTheGzipItClaimsIsA400() {
        String call = "{\"userId\": \"gz\", \"event\": \"X\"}";
        byte[] whole = TestTenant.gzip(call);
        for (byte[] body : List.of(call.getBytes(StandardCharsets.UTF_8), new byte[0], Arrays.copyOf(whole, whole.length / 2))) {
            var answer = t.sendBytes("POST", "/v1/track", "application/json", body, TestTenant.basic(t.writeKey()), "gzip");
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.text("/errors/0/field")).isEqualTo("body");
        }
        assertThat(t.sendBytes("POST", "/v1/track", "application/json", whole, TestTenant.basic(t.writeKey()), "gzip").status())
                .isEqualTo(200);
    }

    /** A Segment client's batch is never refused for a NUL character, which PostgreSQL cannot store: it becomes U+FFFD. */
    @Test
    void nulCharactersInACallAreStoredAsTheReplacementCharacter() {
        assertThat(t.track("/v1/batch", """
                {"batch": [{"type": "identify", "userId": "nul\\u0000user", "traits": {"title": "VP\\u0000Sales", "k\\u0000": 1}},
                           {"type": "track", "userId": "nul\\u0000user", "event": "Paid\\u0000", "properties": {"note": ["a\\u0000b"]}}]}""")
                .status()).isEqualTo(200);
        String id = contactOf(URLEncoder.encode("nul\uFFFDuser", StandardCharsets.UTF_8));
        var contact = t.api("GET", "/api/v1/contacts/" + id, null);
        assertThat(contact.text("/title")).isEqualTo("VP\uFFFDSales");
        assertThat(contact.json().at("/attributes").has("k\uFFFD")).isTrue();
        var events = t.api("GET", "/api/v1/contacts/" + id + "/events", null);
        assertThat(events.text("/data/0/name")).isEqualTo("Paid\uFFFD");
        assertThat(events.text("/data/0/properties/note/0")).isEqualTo("a\uFFFDb");
    }

    @Test
    void timesOutOfRangeAreA400NamingTheField() {
        for (String field : List.of("timestamp", "sentAt", "originalTimestamp")) {
            for (String time : List.of("+999999999-12-31T23:59:59Z", "1999-12-31T23:59:59Z", "-000001-01-01T00:00:00Z",
                    Instant.now().plus(Duration.ofDays(400)).toString())) {
                var answer = t.track("/v1/track", "{\"userId\": \"u\", \"event\": \"X\", \"" + field + "\": \"" + time + "\"}");
                assertThat(answer.status()).as(field + " " + time).isEqualTo(400);
                assertThat(answer.text("/errors/0/field")).isEqualTo(field);
            }
        }
        var batch = t.track("/v1/batch", "{\"sentAt\": \"3000-01-01T00:00:00Z\", \"batch\": [{\"type\": \"track\", \"userId\": \"u\", "
                + "\"event\": \"X\"}]}");
        assertThat(batch.text("/errors/0/field")).isEqualTo("sentAt");
    }

    @Test
    void rejectsBadInputWithAProblemAndStoresNothing() {
        assertThat(t.track("/v1/track", "{\"userId\": \"u\", \"event\": ").status()).isEqualTo(400);
        var notAnObject = t.track("/v1/batch", "[{\"type\": \"track\", \"userId\": \"u\", \"event\": \"X\"}]");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.text("/errors/0/message")).isEqualTo("must be a JSON object");
        assertThat(t.track("/v1/track", "{\"userId\": \"u\", \"event\": \"X\"} {}").text("/errors/0/field")).isEqualTo("body");
        var noId = t.track("/v1/track", "{\"event\": \"X\"}");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.body()).contains("userId");
        var noEvent = t.track("/v1/batch", """
                {"batch": [{"type": "track", "userId": "u", "event": "Fine"}, {"type": "track", "userId": "u"}]}""");
        assertThat(noEvent.status()).isEqualTo(400);
        assertThat(noEvent.text("/errors/0/field")).isEqualTo("batch[1].event");
        assertThat(t.track("/v1/batch", "{\"batch\": [{\"type\": \"launch\", \"userId\": \"u\"}]}").body()).contains("batch[0].type");
        assertThat(t.track("/v1/track", "{\"userId\": \"u\", \"event\": \"X\", \"properties\": [1]}").body()).contains("properties");
        assertThat(t.track("/v1/track", "{\"userId\": \"u\", \"event\": \"X\", \"timestamp\": \"yesterday\"}").body()).contains("timestamp");
        String big = "x".repeat(33 * 1024);
        var oversized = t.track("/v1/track", "{\"userId\": \"u\", \"event\": \"X\", \"properties\": {\"blob\": \"" + big + "\"}}");
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.body()).contains("32 KB");
        var oversizedInBatch = t.track("/v1/batch", "{\"batch\": [{\"type\": \"track\", \"userId\": \"u\", \"event\": \"X\", \"properties\": {\"blob\": \""
                + big + "\"}}]}");
        assertThat(oversizedInBatch.status()).isEqualTo(400);
        assertThat(oversizedInBatch.text("/errors/0/field")).isEqualTo("batch[0]");
        StringBuilder huge = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < 40; i++) {
            huge.append(i == 0 ? "" : ",").append("{\"type\": \"track\", \"userId\": \"u\", \"event\": \"X\", \"properties\": {\"blob\": \"")
                    .append("y".repeat(15 * 1024)).append("\"}}");
        }
        var tooBig = t.track("/v1/batch", huge.append("]}").toString());
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body()).contains("500 KB");
        assertThat(events()).isZero();
        assertThat(t.api("GET", "/api/v1/contacts", null).json().at("/data").size()).isZero();
    }

    @Test
    void keysAreCheckedAndWorkspacesStaySeparate() {
        TestTenant other = tenants.create();
        String body = "{\"userId\": \"u-9\", \"event\": \"X\"}";
        assertThat(t.send("POST", "/v1/track", body, null, false).status()).isEqualTo(401);
        assertThat(t.send("POST", "/v1/track", body, TestTenant.basic("wk_unknownunknownunknownunknown12"), false).status()).isEqualTo(401);
        assertThat(t.send("POST", "/v1/track", body, TestTenant.basic(t.secretKey()), false).status()).isEqualTo(401);
        assertThat(t.send("GET", "/api/v1/contacts", null, "Bearer " + t.writeKey(), false).status()).isEqualTo(401);
        assertThat(t.send("POST", "/v1/batch", "{\"writeKey\": \"wk_nopenopenopenopenopenope\", \"batch\": []}", null, false).status())
                .isEqualTo(401);
        assertThat(t.send("POST", "/v1/batch", "{\"writeKey\": \"" + t.writeKey() + "\", \"batch\": [" + body + "]}", null, false)
                .body()).contains("batch[0].type");
        assertThat(t.send("GET", "/api/v1/contacts", null, null, false).status()).isEqualTo(401);

        assertThat(t.track("/v1/track", body).status()).isEqualTo(200);
        String id = contactOf("u-9");
        assertThat(other.api("GET", "/api/v1/contacts/" + id, null).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/contacts/" + id + "/events", null).status()).isEqualTo(404);
        assertThat(other.api("PATCH", "/api/v1/contacts/" + id, "{\"firstName\": \"Mallory\"}").status()).isEqualTo(404);
        assertThat(other.api("DELETE", "/api/v1/contacts/" + id, null).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/contacts?externalId=u-9", null).json().at("/data").size()).isZero();
        // The same userId sent with the other workspace's key is a different person there.
        assertThat(other.track("/v1/track", body).status()).isEqualTo(200);
        assertThat(other.api("GET", "/api/v1/contacts?externalId=u-9", null).text("/data/0/id")).isNotEqualTo(id);
        assertThat(t.api("GET", "/api/v1/contacts/" + id + "/events", null).json().at("/data").size()).isEqualTo(1);
    }

    @Test
    void aMonthsNewPartitionKeepsNoStatisticsOfEventPayloads() {
        assertThat(t.track("/v1/track", """
                {"userId": "u-p", "event": "Archived", "properties": {"a": 1}, "timestamp": "2019-07-14T10:00:00Z"}""").status())
                .isEqualTo(200);

        var targets = jdbc.sql("""
                select attname, coalesce(attstattarget, -1) from pg_attribute
                where attrelid = 'event_p2019_07'::regclass and attname in ('properties', 'traits', 'context', 'integrations', 'name')""")
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getInt(2))).list();
        assertThat(targets).containsExactlyInAnyOrder(java.util.Map.entry("properties", 0), java.util.Map.entry("traits", 0),
                java.util.Map.entry("context", 0), java.util.Map.entry("integrations", 0), java.util.Map.entry("name", -1));
    }
}
