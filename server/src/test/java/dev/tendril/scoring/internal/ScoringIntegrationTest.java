package dev.tendril.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tendril.condition.EventTests;
import dev.tendril.contact.StageChanged;
import dev.tendril.contact.StageMove;
import dev.tendril.platform.Ids;
import dev.tendril.scoring.GradeChanged;
import dev.tendril.scoring.ScoreChanged;
import dev.tendril.scoring.ScoreThresholdCrossed.Direction;
import dev.tendril.scoring.ScoreThresholdCrossed;
import dev.tendril.scoring.TemperatureChanged;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.RecordedScoringEvents;
import dev.tendril.testing.TestTenant.Answer;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class ScoringIntegrationTest {
    /** A VP with a business email who viewed pricing twice and requested a demo, all in one batch. */
    private static final String HOT_LEAD = """
            {"batch": [
              {"type": "identify", "userId": "%1$s", "traits": {"email": "%1$s@acme.io", "title": "VP Marketing"}},
              {"type": "page", "userId": "%1$s", "name": "Pricing", "properties": {"path": "/pricing"}},
              {"type": "page", "userId": "%1$s", "name": "Pricing", "properties": {"path": "/pricing/enterprise"}},
              {"type": "track", "userId": "%1$s", "event": "Demo Requested"}]}""";

    @Autowired TestTenants tenants;
    @Autowired RecordedScoringEvents recorded;
    @Autowired PendingStageMoves stageMoves;
    @Autowired DecayRescore decay;
    @Autowired TransactionTemplate tx;
    @Autowired ModelStore models;
    @Autowired JdbcClient jdbc;
    @Autowired RescoreContacts rescore;

    /**
     * How soon a score follows its event is a benchmark figure, not asserted here: {@code bench/run ingest} measures it
     * under load ({@code score_p99_ms}, docs/benchmarks.md).
     */
    @Test
    void defaultModelScoresADemoRequestAndPricingViews() {
        TestTenant t = tenants.create();
        String user = "u-" + UUID.randomUUID();
        assertThat(t.track("/v1/batch", HOT_LEAD.formatted(user)).status()).isEqualTo(200);
        String id = contactId(t, user);
        Answer history = poll(Duration.ofSeconds(5), () -> t.api("GET", "/api/v1/contacts/" + id + "/score/history", null),
                a -> a.json().at("/data").size() > 0);
        assertThat(history.text("/data/0/reason")).isEqualTo("event batch");
        assertThat(history.json().at("/data/0/score").asDouble()).isEqualTo(112);

        Answer score = t.api("GET", "/api/v1/contacts/" + id + "/score", null);
        assertThat(score.status()).isEqualTo(200);
        var s = score.json();
        assertThat(s.at("/contactId").asString()).isEqualTo(id);
        assertThat(s.at("/score").asDouble()).isEqualTo(112);
        assertThat(s.at("/fitScore").asDouble()).isEqualTo(20);
        assertThat(s.at("/engagementScore").asDouble()).isEqualTo(92);
        assertThat(s.at("/grade").asString()).isEqualTo("D");
        assertThat(s.at("/temperature").asString()).isEqualTo("hot");
        assertThat(s.at("/modelVersion").asInt()).isEqualTo(1);
        assertThat(s.at("/breakdown").toString()).isEqualTo(
                "{\"demographics\":20.0,\"firmographics\":0.0,\"behavior\":92.0,\"engagement\":0.0,\"recency\":0.0,\"predictive\":0.0}");
        assertThat(s.at("/rules").toString()).isEqualTo("[{\"category\":\"demographics\",\"name\":\"Senior title\",\"points\":15.0},"
                + "{\"category\":\"demographics\",\"name\":\"Business email\",\"points\":5.0},"
                + "{\"category\":\"behavior\",\"name\":\"Page views\",\"points\":2.0},"
                + "{\"category\":\"behavior\",\"name\":\"Pricing page views\",\"points\":40.0},"
                + "{\"category\":\"behavior\",\"name\":\"Demo requests\",\"points\":50.0}]");
        assertThat(s.at("/recommendations").findValuesAsString("action")).containsExactly("route_to_sales", "book_demo");

        // Given an owner (a custom attribute), the lead is no longer one to route to sales.
        assertThat(t.track("/v1/identify", "{\"userId\": \"" + user + "\", \"traits\": {\"owner\": \"ana@acme.io\"}}").status())
                .isEqualTo(200);
        poll(Duration.ofSeconds(5), () -> t.api("GET", "/api/v1/contacts/" + id + "/score", null),
                a -> a.json().at("/recommendations").findValuesAsString("action").equals(List.of("book_demo")));
    }

    @Test
    void eventsArePublishedOncePerRealChange() {
        TestTenant t = tenants.create();
        String user = "u-" + UUID.randomUUID();
        t.track("/v1/batch", HOT_LEAD.formatted(user));
        String id = contactId(t, user);
        long contact = Ids.CONTACT.require(id);
        String firstScoredAt = poll(Duration.ofSeconds(5), () -> t.api("GET", "/api/v1/contacts/" + id + "/score/history", null),
                a -> a.json().at("/data").size() > 0).text("/data/0/changedAt");
        // Events reach the recorder after commit, in the rescoring thread: wait for them, not for the score.
        poll(Duration.ofSeconds(5), () -> recorded.of(t.workspaceId(), contact), events -> events.size() >= 7);
        // An event that changes nothing the model reads: rescored, but nothing to publish.
        t.track("/v1/batch", "{\"batch\": [{\"type\": \"track\", \"userId\": \"" + user + "\", \"event\": \"Logged In\"}]}");
        poll(Duration.ofSeconds(5), () -> t.api("GET", "/api/v1/contacts/" + id + "/score", null),
                a -> !a.text("/scoredAt").equals(firstScoredAt));
        // The stage move commits in a transaction of its own, on the stage-move worker, so its event may come between these.
        List<Object> events = recorded.of(t.workspaceId(), contact);
        assertThat(events.stream().filter(e -> !(e instanceof StageChanged)).toList()).containsExactly(
                new ScoreChanged(t.workspaceId(), contact, 0, 112, true, "event batch", 1),
                new GradeChanged(t.workspaceId(), contact, "F", "D"),
                new TemperatureChanged(t.workspaceId(), contact, "cold", "hot"),
                new ScoreThresholdCrossed(t.workspaceId(), contact, "score", 80, Direction.UP),
                new ScoreThresholdCrossed(t.workspaceId(), contact, "score", 50, Direction.UP),
                new ScoreThresholdCrossed(t.workspaceId(), contact, "fitScore", 10, Direction.UP));
        assertThat(events).filteredOn(StageChanged.class::isInstance)
                .containsExactly(new StageChanged(t.workspaceId(), contact, "subscriber", "lead", true, "rule lead: condition holds"));
        assertThat(t.api("GET", "/api/v1/contacts/" + id + "/score/history", null).json().at("/data").size()).isEqualTo(1);
    }

    @Test
    void aBadModelIsRejectedWholeAndTheOldOneStaysActive() {
        TestTenant t = tenants.create();
        Answer bad = t.api("PUT", "/api/v1/scoring/model", """
                {"categories": {"demographics": {"weight": 2, "rules": [
                  {"name": "a", "points": 1, "condition": {"stage": "lead"}},
                  {"name": "b", "points": 1, "condition": {"stage": "mql"}},
                  {"name": "c", "points": 5, "condition": {"attribute": "title", "op": "resembles", "value": "VP"}}]}}}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/errors/0/field")).isEqualTo("categories.demographics.rules[2].condition.op");
        Answer model = t.api("GET", "/api/v1/scoring/model", null);
        assertThat(model.json().at("/version").asInt()).isEqualTo(1);
        assertThat(model.json().at("/categories/demographics/weight").asDouble()).isEqualTo(1);
        assertThat(model.text("/rescore/status")).isEqualTo("none");
    }

    /**
     * Rounds of two contacts (the tests' {@code tendril.scoring.rescore-round}), two at a time; a job left running by a node
     * that stopped is taken over once its heartbeat is stale and goes on below its last recorded contact.
     */
    @Test
    void aWorkspaceRescoreRunsInRoundsAndResumesBelowItsLastRecordedContact() {
        TestTenant t = tenants.create();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Answer created = t.api("POST", "/api/v1/contacts", "{\"email\": \"r" + i + "@acme.io\", \"title\": \"VP Sales\"}");
            assertThat(created.status()).isEqualTo(201);
            ids.add(Ids.CONTACT.require(created.text("/id")));
        }
        ids.sort(Comparator.reverseOrder()); // the order a rescore visits them
        Answer saved = t.api("PUT", "/api/v1/scoring/model", "{\"categories\": {\"demographics\": {\"weight\": 1, \"cap\": 50, "
                + "\"rules\": [{\"name\": \"VP\", \"points\": 15, \"condition\": {\"attribute\": \"title\", \"op\": \"contains\", \"value\": \"vp\"}}]}}}");
        assertThat(saved.status()).isEqualTo(200);
        Answer model = poll(Duration.ofSeconds(10), () -> t.api("GET", "/api/v1/scoring/model", null),
                a -> "completed".equals(a.text("/rescore/status")));
        assertThat(model.json().at("/rescore/done").asInt()).isEqualTo(7);
        for (long id : ids) {
            Answer score = t.api("GET", "/api/v1/contacts/" + Ids.CONTACT.format(id) + "/score", null);
            assertThat(score.json().at("/modelVersion").asInt()).isEqualTo(2);
            assertThat(score.json().at("/breakdown/demographics").asDouble()).as("contact %d", id).isEqualTo(15);
        }

        // Stage moves of the first scores rescore once more: let them finish before the snapshot.
        tenants.awaitScoringSettled(t.workspaceId());
        List<String> scoredAt = ids.stream().map(id -> t.api("GET", "/api/v1/contacts/" + Ids.CONTACT.format(id) + "/score", null)
                .text("/scoredAt")).toList();
        // A node stopped after recording the top three contacts; its heartbeat is two minutes old.
        jdbc.sql("""
                insert into scoring_job (workspace_id, model_version, status, last_contact_id, done, total, heartbeat_at, claimed_by)
                values (?, 2, 'running', ?, 3, 7, now() - interval '2 minutes', gen_random_uuid())""")
                .params(t.workspaceId(), ids.get(2)).update();
        poll(Duration.ofSeconds(10), () -> t.api("GET", "/api/v1/scoring/model", null), a -> "completed".equals(a.text("/rescore/status")));
        assertThat(t.api("GET", "/api/v1/scoring/model", null).json().at("/rescore/done").asInt()).isEqualTo(7);
        for (int i = 0; i < ids.size(); i++) {
            String now = t.api("GET", "/api/v1/contacts/" + Ids.CONTACT.format(ids.get(i)) + "/score", null).text("/scoredAt");
            if (i < 3) {
                assertThat(now).as("recorded as done before the stop: not again").isEqualTo(scoredAt.get(i));
            } else {
                assertThat(now).as("below the last recorded contact: rescored").isNotEqualTo(scoredAt.get(i));
            }
        }
    }

    @Test
    void aWorkspaceRescoreTakesEventRulesFromOnePassOverTheWorkspacesEvents() {
        TestTenant t = tenants.create();
        assertThat(t.api("PUT", "/api/v1/scoring/model", "{\"stageRules\": []}").status()).isEqualTo(200);
        Instant now = Instant.now();
        String opener = "u-" + UUID.randomUUID();
        String lapsed = "u-" + UUID.randomUUID();
        String quiet = "u-" + UUID.randomUUID();
        t.track("/v1/batch", """
                {"batch": [
                  {"type": "track", "userId": "%1$s", "event": "Email Opened", "timestamp": "%4$s"},
                  {"type": "track", "userId": "%1$s", "event": "Email Opened", "timestamp": "%5$s"},
                  {"type": "track", "userId": "%1$s", "event": "Email Bounced", "properties": {"type": "hard"}},
                  {"type": "track", "userId": "%2$s", "event": "Email Opened", "timestamp": "%6$s"},
                  {"type": "track", "userId": "%2$s", "event": "Email Bounced", "properties": {"type": "soft"}},
                  {"type": "identify", "userId": "%3$s", "traits": {"title": "VP Sales"}}]}"""
                .formatted(opener, lapsed, quiet, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(70)), now.minus(Duration.ofDays(60))));
        tenants.awaitScoringSettled(t.workspaceId());
        Answer saved = t.api("PUT", "/api/v1/scoring/model", """
                {"categories": {
                  "behavior": {"rules": []},
                  "demographics": {"rules": [{"name": "VP", "points": 15, "condition": {"attribute": "title", "op": "contains", "value": "vp"}}]},
                  "engagement": {"cap": 100, "rules": [
                    {"name": "Opened (30 days)", "points": 5, "condition": {"event": "Email Opened", "within": {"days": 30}}},
                    {"name": "Opened twice", "points": 7, "condition": {"event": "Email Opened", "count": {"op": "at_least", "value": 2}}},
                    {"name": "Never opened", "points": 1, "condition": {"event": "Email Opened", "count": {"op": "at_most", "value": 0}}},
                    {"name": "First open long ago", "points": 2, "condition": {"event": "Email Opened", "firstSeen": {"before": {"daysAgo": 65}}}},
                    {"name": "Quiet VP", "points": 3, "condition": {"and": [{"attribute": "title", "op": "contains", "value": "vp"},
                      {"not": {"event": "Email Opened"}}]}},
                    {"name": "Hard bounce", "points": -30, "condition": {"event": "Email Bounced", "where": [{"property": "type", "op": "eq", "value": "hard"}]}}]}}}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        poll(Duration.ofSeconds(10), () -> t.api("GET", "/api/v1/scoring/model", null), a -> "completed".equals(a.text("/rescore/status")));
        assertThat(rules(t, opener)).containsExactlyInAnyOrder("Opened (30 days)", "Opened twice", "First open long ago", "Hard bounce");
        assertThat(rules(t, lapsed)).isEmpty();
        assertThat(rules(t, quiet)).containsExactlyInAnyOrder("VP", "Never opened", "Quiet VP");
    }

    @Test
    void aWorkspaceRescoreLeavesAloneAContactScoredAfterItsEventPass() {
        TestTenant t = tenants.create();
        String user = "u-" + UUID.randomUUID();
        t.track("/v1/batch", HOT_LEAD.formatted(user));
        long id = Ids.CONTACT.require(contactId(t, user));
        tenants.awaitScoringSettled(t.workspaceId());
        String scoredAt = t.api("GET", "/api/v1/contacts/" + Ids.CONTACT.format(id) + "/score", null).text("/scoredAt");
        Instant stored = Instant.parse(scoredAt);

        tx.executeWithoutResult(s -> rescore.rescore(t.workspaceId(), List.of(id), "model v9", new EventTests(stored.minusSeconds(1), Map.of())));
        assertThat(t.api("GET", "/api/v1/contacts/" + Ids.CONTACT.format(id) + "/score", null).text("/scoredAt"))
                .as("scored after the pass: it read every event the pass did").isEqualTo(scoredAt);

        Instant later = stored.plusSeconds(1);
        tx.executeWithoutResult(s -> rescore.rescore(t.workspaceId(), List.of(id), "model v9", new EventTests(later, Map.of())));
        assertThat(Instant.parse(t.api("GET", "/api/v1/contacts/" + Ids.CONTACT.format(id) + "/score", null).text("/scoredAt")))
                .as("scored before the pass: rescored as of it").isEqualTo(later);
    }

    private static List<String> rules(TestTenant t, String externalId) {
        Answer score = t.api("GET", "/api/v1/contacts/" + contactId(t, externalId) + "/score", null);
        assertThat(score.json().at("/modelVersion").asInt()).isEqualTo(3);
        List<String> names = new ArrayList<>();
        score.json().at("/rules").forEach(r -> names.add(r.at("/name").asString()));
        return names;
    }

    @Test
    void aModelChangeRescoresTheWorkspaceInTheBackground() {
        TestTenant t = tenants.create();
        String user = "u-" + UUID.randomUUID();
        t.track("/v1/batch", HOT_LEAD.formatted(user));
        String id = contactId(t, user);
        String scoredByBatch = poll(Duration.ofSeconds(5), () -> t.api("GET", "/api/v1/contacts/" + id + "/score/history", null),
                a -> a.json().at("/data").size() > 0).text("/data/0/changedAt");
        // The batch's rescore moved the contact to "lead", an edit rescored once more (no change): wait for it, so it cannot
        // run under the new model and take the change from the model's rescore.
        poll(Duration.ofSeconds(5), () -> t.api("GET", "/api/v1/contacts/" + id + "/score", null),
                a -> !scoredByBatch.equals(a.text("/scoredAt")));
        Answer saved = t.api("PUT", "/api/v1/scoring/model", "{\"categories\": {\"demographics\": {\"weight\": 2, \"cap\": 50, "
                + "\"rules\": [{\"name\": \"VP\", \"points\": 15, \"condition\": {\"attribute\": \"title\", \"op\": \"contains\", \"value\": \"vp\"}}]}}}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().at("/version").asInt()).isEqualTo(2);
        Answer model = poll(Duration.ofSeconds(10), () -> t.api("GET", "/api/v1/scoring/model", null),
                a -> "completed".equals(a.text("/rescore/status")));
        assertThat(model.json().at("/rescore/done").asInt()).isEqualTo(1);
        assertThat(model.json().at("/rescore/total").asInt()).isEqualTo(1);
        Answer history = t.api("GET", "/api/v1/contacts/" + id + "/score/history", null);
        assertThat(history.text("/data/0/reason")).isEqualTo("model v2");
        assertThat(history.json().at("/data/0/score").asDouble()).isEqualTo(122); // 30 demographics + 92 behaviour
        assertThat(history.text("/data/1/reason")).isEqualTo("event batch");
        assertThat(t.api("GET", "/api/v1/contacts/" + id + "/score", null).json().at("/modelVersion").asInt()).isEqualTo(2);
    }

    @Test
    void stagesMoveAutomaticallyAndByHandWithHistory() {
        TestTenant t = tenants.create();
        assertThat(t.api("PUT", "/api/v1/scoring/model", """
                {"stageRules": [{"stage": "lead", "when": {"condition": {"attribute": "email", "op": "exists"}}},
                                {"stage": "mql", "when": {"minScore": 50, "minFitGrade": "D"}}]}""").status()).isEqualTo(200);
        String user = "u-" + UUID.randomUUID();
        t.track("/v1/batch", HOT_LEAD.formatted(user));
        String id = contactId(t, user);
        Answer auto = poll(Duration.ofSeconds(5), () -> t.api("GET", "/api/v1/contacts/" + id + "/stage/history", null),
                a -> a.json().at("/data").size() > 0);
        assertThat(auto.text("/data/0/from")).isEqualTo("subscriber");
        assertThat(auto.text("/data/0/to")).isEqualTo("mql");
        assertThat(auto.text("/data/0/source")).isEqualTo("automatic");
        assertThat(t.api("GET", "/api/v1/contacts/" + id, null).text("/lifecycleStage")).isEqualTo("mql");

        Answer manual = t.api("PUT", "/api/v1/contacts/" + id + "/stage", "{\"stage\": \"sql\", \"reason\": \"Call went well\"}");
        assertThat(manual.status()).isEqualTo(200);
        assertThat(manual.text("/lifecycleStage")).isEqualTo("sql");
        Answer history = t.api("GET", "/api/v1/contacts/" + id + "/stage/history?limit=1", null);
        assertThat(history.text("/data/0/to")).isEqualTo("sql");
        assertThat(history.text("/data/0/source")).isEqualTo("manual");
        assertThat(history.text("/data/0/reason")).isEqualTo("Call went well");
        assertThat(history.text("/data/0/changedAt")).isNotNull();
        Answer older = t.api("GET", "/api/v1/contacts/" + id + "/stage/history?limit=1&cursor=" + history.text("/nextCursor"), null);
        assertThat(older.text("/data/0/to")).isEqualTo("mql");
        assertThat(older.text("/nextCursor")).isNull();
        assertThat(t.api("PUT", "/api/v1/contacts/" + id + "/stage", "{\"stage\": \"hot\"}").text("/errors/0/field")).isEqualTo("stage");
    }

    @Test
    void aDecidedMoveIsDroppedWhenTheContactChangedStageBeforeItWasApplied() {
        TestTenant t = tenants.create();
        assertThat(t.api("PUT", "/api/v1/scoring/model", "{\"stageRules\": []}").status()).isEqualTo(200);
        String id = t.api("POST", "/api/v1/contacts", "{\"email\": \"late@acme.io\"}").text("/id");
        assertThat(t.api("PUT", "/api/v1/contacts/" + id + "/stage", "{\"stage\": \"customer\"}").status()).isEqualTo(200);
        // Decided from "subscriber" by a rescore that read the stage before the manual change committed.
        stageMoves.decide(t.workspaceId(), List.of(new StageMove(Ids.CONTACT.require(id), "subscriber", "lead", "rule lead: condition holds", Instant.now())));
        stageMoves.applyDue();
        assertThat(t.api("GET", "/api/v1/contacts/" + id, null).text("/lifecycleStage")).isEqualTo("customer");
        assertThat(t.api("GET", "/api/v1/contacts/" + id + "/stage/history", null).json().at("/data").size()).isEqualTo(1);

        String other = t.api("POST", "/api/v1/contacts", "{\"email\": \"early@acme.io\"}").text("/id");
        tx.executeWithoutResult(s -> { // both decisions commit together, so the background drainer sees only the latest
            stageMoves.decide(t.workspaceId(), List.of(new StageMove(Ids.CONTACT.require(other), "subscriber", "mql", "rule mql: condition holds", Instant.now())));
            stageMoves.decide(t.workspaceId(), List.of(new StageMove(Ids.CONTACT.require(other), "subscriber", "lead", "rule lead: condition holds", Instant.now())));
        });
        stageMoves.applyDue();
        // The background drainer may have claimed the move first: wait for whichever applies it to commit.
        Answer applied = poll(Duration.ofSeconds(5), () -> t.api("GET", "/api/v1/contacts/" + other + "/stage/history", null),
                a -> a.json().at("/data").size() > 0);
        assertThat(applied.json().at("/data").size()).as("only the latest decision is applied").isEqualTo(1);
        assertThat(applied.text("/data/0/to")).isEqualTo("lead");
        assertThat(applied.text("/data/0/reason")).isEqualTo("rule lead: condition holds");
    }

    @Test
    void aContactEditedThroughTheApiIsRescored() {
        TestTenant t = tenants.create();
        Answer created = t.api("POST", "/api/v1/contacts", "{\"email\": \"eng@gmail.com\", \"title\": \"Engineer\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(t.api("PATCH", "/api/v1/contacts/" + id, "{\"title\": \"VP Engineering\"}").status()).isEqualTo(200);
        Answer history = poll(Duration.ofSeconds(5), () -> t.api("GET", "/api/v1/contacts/" + id + "/score/history", null),
                a -> a.json().at("/data").size() > 0 && a.json().at("/data/0/score").asDouble() == 15);
        // The first score's automatic stage move may be pending at the same time: one rescore, both reasons.
        assertThat(history.text("/data/0/reason")).contains(RescorePending.EDITED);
        assertThat(t.api("GET", "/api/v1/contacts/" + id + "/score", null).json().at("/rules").toString())
                .isEqualTo("[{\"category\":\"demographics\",\"name\":\"Senior title\",\"points\":15.0}]");
    }

    @Test
    void editingACompanyRescoresItsContacts() {
        TestTenant t = tenants.create();
        // No stage rules: a stage move would edit the contact and rescore it too, racing the company's rescore.
        assertThat(t.api("PUT", "/api/v1/scoring/model", "{\"stageRules\": []}").status()).isEqualTo(200);
        String company = t.api("POST", "/api/v1/companies", "{\"name\": \"Bigco\", \"domain\": \"bigco.io\", \"employees\": 10}").text("/id");
        String id = t.api("POST", "/api/v1/contacts", "{\"email\": \"kim@bigco.io\"}").text("/id");
        // The contact's first score (business email only) comes first, so the company's change shows as a change of its own.
        poll(Duration.ofSeconds(5), () -> t.api("GET", "/api/v1/contacts/" + id + "/score/history", null), a -> a.json().at("/data").size() > 0);
        assertThat(t.api("PATCH", "/api/v1/companies/" + company, "{\"employees\": 2000}").status()).isEqualTo(200);
        Answer history = poll(Duration.ofSeconds(5), () -> t.api("GET", "/api/v1/contacts/" + id + "/score/history", null),
                a -> a.json().at("/data").size() > 0 && a.text("/data/0/reason").contains(RescorePending.COMPANY_EDITED));
        assertThat(history.text("/data/0/reason")).contains(RescorePending.COMPANY_EDITED);
        assertThat(t.api("GET", "/api/v1/contacts/" + id + "/score", null).json().at("/breakdown/firmographics").asDouble()).isEqualTo(20);
    }

    @Test
    void timeAloneRescoresWhenARuleWindowClosesAndActivityDecays() throws InterruptedException {
        TestTenant t = tenants.create();
        assertThat(t.api("PUT", "/api/v1/scoring/model", """
                {"categories": {"engagement": {"rules": [
                  {"name": "Signed up this week", "points": 30, "condition": {"event": "Signed Up", "within": {"days": 7}}}]}}}""")
                .status()).isEqualTo(200);
        String user = "u-" + UUID.randomUUID();
        // The window closes 8 s after this call: room for a first score on a busy machine (2 s once was not enough).
        Instant almostAWeekAgo = Instant.now().minus(Duration.ofDays(7)).plusSeconds(8);
        t.track("/v1/track", "{\"userId\": \"" + user + "\", \"event\": \"Signed Up\", \"timestamp\": \"" + almostAWeekAgo + "\"}");
        String id = contactId(t, user);
        Answer first = poll(Duration.ofSeconds(8), () -> t.api("GET", "/api/v1/contacts/" + id + "/score/history", null),
                a -> a.json().at("/data").size() > 0);
        double scored = first.json().at("/data/0/engagementScore").asDouble();
        assertThat(scored).as("the rule held, decayed by a week of inactivity").isGreaterThan(0);

        Thread.sleep(Duration.between(Instant.now(), almostAWeekAgo.plus(Duration.ofDays(7))).plusMillis(500)); // the window closes: the sign-up is now more than seven days old
        assertThat(DecayRescore.driftsWithTime(models.current(t.workspaceId()))).isTrue();
        assertThat(decay.noteScoredBefore(Instant.now())).isPositive();
        Answer later = poll(Duration.ofSeconds(15), () -> t.api("GET", "/api/v1/contacts/" + id + "/score/history", null),
                a -> DecayRescore.TIME_PASSED.equals(a.text("/data/0/reason")));
        assertThat(later.text("/data/0/reason")).isEqualTo(DecayRescore.TIME_PASSED);
        assertThat(later.json().at("/data/0/engagementScore").asDouble()).isZero();
    }

    @Test
    void anotherWorkspacesContactIsNotFound() {
        TestTenant t = tenants.create();
        TestTenant other = tenants.create();
        String user = "u-" + UUID.randomUUID();
        t.track("/v1/batch", HOT_LEAD.formatted(user));
        String id = contactId(t, user);
        assertThat(other.api("GET", "/api/v1/contacts/" + id + "/score", null).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/contacts/" + id + "/score/history", null).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/contacts/" + id + "/stage/history", null).status()).isEqualTo(404);
        assertThat(other.api("PUT", "/api/v1/contacts/" + id + "/stage", "{\"stage\": \"sql\"}").status()).isEqualTo(404);
        assertThat(t.api("GET", "/api/v1/contacts/ct_zzzzzz/score", null).status()).isEqualTo(404);
    }

    private static String contactId(TestTenant t, String externalId) {
        return t.api("GET", "/api/v1/contacts?externalId=" + externalId, null).text("/data/0/id");
    }

    /** Asks until the answer satisfies the test, for at most {@code limit} (then returns the last answer, failing). */
    private static <T> T poll(Duration limit, Supplier<T> ask, Predicate<T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = ask.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = ask.get();
        }
        assertThat(done.test(last)).as("within %s: %s", limit, last instanceof Answer a ? a.body() : last).isTrue();
        return last;
    }
}
