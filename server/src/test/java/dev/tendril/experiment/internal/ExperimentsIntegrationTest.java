package dev.tendril.experiment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tendril.experiment.ExperimentMetric;
import dev.tendril.experiment.ExperimentWinnerPromoted;
import dev.tendril.experiment.Experiments;
import dev.tendril.experiment.VariantAssignment;
import dev.tendril.platform.Ids;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@RecordApplicationEvents
class ExperimentsIntegrationTest {
    @Autowired TestTenants tenants;
    @Autowired Experiments experiments;
    @Autowired ApplicationEvents events;
    TestTenant t;
    int people;

    static final String TWO_SUBJECTS = """
            {"name": "Spring sale subject", "metric": "open", "mode": "fixed", "minSamplePerVariant": %d, "holdoutPercent": %s,
             "variants": [{"key": "a", "name": "Control", "subject": "Our spring sale"},
                          {"key": "b", "weight": %s, "subject": "Spring sale: 30%% off today", "preheader": "Ends Sunday",
                           "templateId": "tp_7"}]}""";

    @BeforeEach
    void tenant() {
        t = tenants.create();
    }

    String create(String body) {
        var created = t.api("POST", "/api/v1/experiments", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("/id")).startsWith("ex_");
        assertThat(created.text("/status")).isEqualTo("draft");
        return created.text("/id");
    }

    String started(String body) {
        String id = create(body);
        var started = t.api("POST", "/api/v1/experiments/" + id + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.text("/status")).isEqualTo("running");
        return id;
    }

    List<String> contacts(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var c = t.api("POST", "/api/v1/contacts", "{\"email\": \"p" + people++ + "@acme.io\"}");
            assertThat(c.status()).as(c.body()).isEqualTo(201);
            ids.add(c.text("/id"));
        }
        return ids;
    }

    TestTenant.Answer assign(String experiment, String contact) {
        return t.api("POST", "/api/v1/experiments/" + experiment + "/assignments", "{\"contactId\": \"" + contact + "\"}");
    }

    /** The variant key, or "holdout". */
    String arm(String experiment, String contact) {
        var a = assign(experiment, contact);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return "true".equals(a.text("/holdout")) ? "holdout" : a.text("/variant");
    }

    JsonNode results(String experiment) {
        var r = t.api("GET", "/api/v1/experiments/" + experiment + "/results", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode variant(JsonNode results, String key) {
        for (JsonNode v : results.get("variants")) {
            if (v.get("key").asString().equals(key)) {
                return v;
            }
        }
        throw new AssertionError("no variant " + key + " in " + results);
    }

    long row(String apiId) {
        return apiId.startsWith("ct_") ? Ids.CONTACT.require(apiId) : Ids.EXPERIMENT.require(apiId);
    }

    @Test
    void badDefinitionsAreRefusedNamingTheField() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"metric\": \"open\", \"variants\": [{\"key\": \"a\"}, {\"key\": \"b\"}]}", "name");
        cases.put("{\"name\": \"x\", \"metric\": \"revenue\", \"variants\": [{\"key\": \"a\"}, {\"key\": \"b\"}]}", "metric");
        cases.put("{\"name\": \"x\", \"metric\": \"open\", \"mode\": \"greedy\", \"variants\": [{\"key\": \"a\"}, {\"key\": \"b\"}]}", "mode");
        cases.put("{\"name\": \"x\", \"metric\": \"open\", \"variants\": [{\"key\": \"a\"}]}", "variants");
        cases.put("{\"name\": \"x\", \"metric\": \"open\", \"variants\": [{\"key\": \"a\"}, {\"key\": \"a\"}]}", "variants[1].key");
        cases.put("{\"name\": \"x\", \"metric\": \"open\", \"variants\": [{\"key\": \"a\", \"weight\": 0}, {\"key\": \"b\"}]}", "variants[0].weight");
        cases.put("{\"name\": \"x\", \"metric\": \"open\", \"variants\": [{\"key\": \"a b\"}, {\"key\": \"b\"}]}", "variants[0].key");
        cases.put("{\"name\": \"x\", \"metric\": \"open\", \"variants\": [{\"key\": \"a\", \"colour\": 1}, {\"key\": \"b\"}]}", "variants[0].colour");
        cases.put("{\"name\": \"x\", \"metric\": \"open\", \"holdoutPercent\": 95, \"variants\": [{\"key\": \"a\"}, {\"key\": \"b\"}]}", "holdoutPercent");
        cases.put("{\"name\": \"x\", \"metric\": \"open\", \"alpha\": 0, \"variants\": [{\"key\": \"a\"}, {\"key\": \"b\"}]}", "alpha");
        cases.put("{\"name\": \"x\", \"metric\": \"open\", \"minSamplePerVariant\": 1.5, \"variants\": [{\"key\": \"a\"}, {\"key\": \"b\"}]}", "minSamplePerVariant");
        cases.forEach((body, field) -> {
            var answer = t.api("POST", "/api/v1/experiments", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.text("/errors/0/field")).as(answer.body()).isEqualTo(field);
        });
        assertThat(t.api("GET", "/api/v1/experiments", null).json().get("data").size()).isZero();
    }

    @Test
    void statusMovesFollowTheTableAndOnlyDraftsChange() {
        String id = create(TWO_SUBJECTS.formatted(1000, "0", "1"));
        String contact = contacts(1).getFirst();
        assertThat(assign(id, contact).status()).isEqualTo(409);
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/complete", null).status()).isEqualTo(409);
        var patched = t.api("PATCH", "/api/v1/experiments/" + id, "{\"name\": \"Renamed\", \"holdoutPercent\": 10}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.text("/name")).isEqualTo("Renamed");
        assertThat(patched.text("/holdoutPercent")).isEqualTo("10.0");
        assertThat(patched.text("/variants/1/subject")).isEqualTo("Spring sale: 30% off today");
        assertThat(patched.text("/variants/1/templateId")).isEqualTo("tp_7");
        assertThat(t.api("PATCH", "/api/v1/experiments/" + id, "{\"variants\": [{\"key\": \"a\"}]}").text("/errors/0/field"))
                .isEqualTo("variants");

        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/start", null).text("/startedAt")).isNotNull();
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/start", null).status()).isEqualTo(409);
        assertThat(t.api("PATCH", "/api/v1/experiments/" + id, "{\"name\": \"Late\"}").status()).isEqualTo(409);
        assertThat(t.api("DELETE", "/api/v1/experiments/" + id, null).status()).isEqualTo(409);
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/complete", "{\"winner\": \"zz\"}").text("/errors/0/field"))
                .isEqualTo("winner");
        var completed = t.api("POST", "/api/v1/experiments/" + id + "/complete", null);
        assertThat(completed.text("/status")).isEqualTo("completed");
        assertThat(completed.text("/winner")).isNull();
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/complete", null).status()).isEqualTo(409);
        assertThat(t.api("DELETE", "/api/v1/experiments/" + id, null).status()).isEqualTo(204);
        assertThat(t.api("GET", "/api/v1/experiments/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void anotherWorkspaceSeesNothing() {
        String id = started(TWO_SUBJECTS.formatted(1000, "0", "1"));
        String contact = contacts(1).getFirst();
        TestTenant other = tenants.create();
        assertThat(other.api("GET", "/api/v1/experiments/" + id, null).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/experiments/" + id + "/results", null).status()).isEqualTo(404);
        assertThat(other.api("POST", "/api/v1/experiments/" + id + "/start", null).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/experiments", null).json().get("data").size()).isZero();
        String otherContact = other.api("POST", "/api/v1/contacts", "{\"email\": \"x@y.io\"}").text("/id");
        assertThat(other.api("POST", "/api/v1/experiments/" + id + "/assignments", "{\"contactId\": \"" + otherContact + "\"}").status())
                .isEqualTo(404);
        assertThat(assign(id, otherContact).status()).isEqualTo(404);
        assertThat(assign(id, contact).status()).isEqualTo(200);
        assertThat(t.api("GET", "/api/v1/experiments/ex_zzzz", null).status()).isEqualTo(404);
        assertThat(t.api("GET", "/api/v1/experiments/nonsense", null).status()).isEqualTo(404);
    }

    /** The hash behind the split is pinned in {@link AssignmentSplitTest}; here, what a caller sees of it. */
    @Test
    void fixedAssignmentSplitsByTheWeightsAndNeverChanges() {
        String id = started(TWO_SUBJECTS.formatted(1000, "20", "3"));
        Map<String, List<JsonNode>> byArm = new HashMap<>();
        for (String contact : contacts(120)) {
            var first = assign(id, contact);
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(assign(id, contact).json()).as("a second assignment").isEqualTo(first.json());
            byArm.computeIfAbsent("true".equals(first.text("/holdout")) ? "holdout" : first.text("/variant"), k -> new ArrayList<>())
                    .add(first.json());
        }
        // 20% holdout, then a:b = 1:3 of the rest: with 120 contacts an empty arm, or a larger than b, has odds below 1e-9.
        assertThat(byArm.keySet()).containsExactlyInAnyOrder("a", "b", "holdout");
        assertThat(byArm.get("b").size()).isGreaterThan(byArm.get("a").size());
        assertThat(byArm.get("a")).allSatisfy(a -> {
            assertThat(a.get("subject").asString()).isEqualTo("Our spring sale");
            assertThat(a.get("templateId").isNull()).isTrue();
        });
        assertThat(byArm.get("b")).allSatisfy(b -> {
            assertThat(b.get("subject").asString()).isEqualTo("Spring sale: 30% off today");
            assertThat(b.get("preheader").asString()).isEqualTo("Ends Sunday");
            assertThat(b.get("templateId").asString()).isEqualTo("tp_7");
        });
        assertThat(byArm.get("holdout")).allSatisfy(h -> {
            assertThat(h.get("variant").isNull()).isTrue();
            assertThat(h.get("subject").isNull()).isTrue();
        });
        var r = results(id);
        assertThat(r.at("/holdout/contacts").asLong()).isEqualTo(byArm.get("holdout").size());
        assertThat(variant(r, "a").get("assigned").asLong()).isEqualTo(byArm.get("a").size());
        assertThat(variant(r, "b").get("assigned").asLong()).isEqualTo(byArm.get("b").size());
        assertThat(variant(r, "a").get("allocation").asDouble()).isCloseTo(0.2, within(1e-9));
        assertThat(variant(r, "b").get("allocation").asDouble()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void outcomesCountOncePerContactAndResultsShowRatesAndIntervals() {
        String id = started(TWO_SUBJECTS.formatted(1000, "0", "1"));
        Map<String, List<Long>> byArm = new HashMap<>();
        for (String contact : contacts(60)) {
            byArm.computeIfAbsent(arm(id, contact), k -> new ArrayList<>()).add(row(contact));
        }
        // An even split of 60: fewer than 10 in an arm has odds below 1e-7.
        List<Long> a = byArm.get("a").subList(0, 10);
        List<Long> b = byArm.get("b");
        for (long c : a) {
            assertThat(experiments.recordSend(t.workspaceId(), id, c)).isTrue();
            assertThat(experiments.recordSend(t.workspaceId(), id, c)).isFalse();
        }
        assertThat(experiments.recordOutcome(t.workspaceId(), id, a.get(0), ExperimentMetric.OPEN)).isTrue();
        assertThat(experiments.recordOutcome(t.workspaceId(), id, a.get(0), ExperimentMetric.OPEN)).isFalse();
        assertThat(experiments.recordOutcome(t.workspaceId(), id, a.get(0), ExperimentMetric.CLICK)).isTrue();
        // b's contacts are never reported sent: an open implies the send.
        for (int i = 0; i < 2; i++) {
            var answer = t.api("POST", "/api/v1/experiments/" + id + "/outcomes",
                    "{\"contactId\": \"" + Ids.CONTACT.format(b.get(i)) + "\", \"metric\": \"open\"}");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.text("/recorded")).isEqualTo("true");
        }
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/outcomes",
                "{\"contactId\": \"" + Ids.CONTACT.format(b.get(0)) + "\", \"metric\": \"open\"}").text("/recorded")).isEqualTo("false");
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/outcomes",
                "{\"contactId\": \"" + Ids.CONTACT.format(b.get(0)) + "\", \"metric\": \"bounce\"}").text("/errors/0/field")).isEqualTo("metric");
        String stranger = contacts(1).getFirst();
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/outcomes", "{\"contactId\": \"" + stranger + "\", \"metric\": \"open\"}")
                .status()).isEqualTo(409);
        assertThat(experiments.recordOutcome(t.workspaceId(), id, row(stranger), ExperimentMetric.OPEN)).isFalse();

        JsonNode r = results(id);
        assertThat(r.get("status").asString()).isEqualTo("running");
        JsonNode va = variant(r, "a");
        assertThat(va.get("sends").asLong()).isEqualTo(10);
        assertThat(va.get("conversions").asLong()).isEqualTo(1);
        assertThat(va.get("rate").asDouble()).isCloseTo(0.1, within(1e-9));
        // The Wilson interval of 1 in 10 at 95% (worked out apart from Tendril: 0.01788 to 0.40415).
        assertThat(va.at("/confidenceInterval/low").asDouble()).isCloseTo(0.0178762131, within(1e-9));
        assertThat(va.at("/confidenceInterval/high").asDouble()).isCloseTo(0.4041500268, within(1e-9));
        JsonNode vb = variant(r, "b");
        assertThat(vb.get("sends").asLong()).isEqualTo(2);
        assertThat(vb.get("conversions").asLong()).isEqualTo(2);
        assertThat(vb.get("probabilityToBeBest").asDouble()).isGreaterThan(0.9);
        assertThat(va.get("probabilityToBeBest").asDouble() + vb.get("probabilityToBeBest").asDouble()).isCloseTo(1, within(1e-9));
        assertThat(r.at("/horizon/reached").asBoolean()).isFalse();
        assertThat(r.at("/horizon/leader").asString()).isEqualTo("b");
        assertThat(r.get("winner").isNull()).isTrue();
    }

    @Test
    void aSignificantWinnerIsPromotedAutomaticallyAtTheHorizon() {
        String id = started(TWO_SUBJECTS.formatted(30, "0", "1"));
        Map<String, List<Long>> byArm = new HashMap<>();
        for (String contact : contacts(100)) {
            byArm.computeIfAbsent(arm(id, contact), k -> new ArrayList<>()).add(row(contact));
        }
        List<Long> a = byArm.get("a");
        List<Long> b = byArm.get("b");
        assertThat(a.size()).isGreaterThanOrEqualTo(30);
        assertThat(b.size()).isGreaterThanOrEqualTo(30);
        // b opens a lot, a rarely: significant well before all opens are in, but only once both reach 30 sends.
        for (int i = 0; i < 20; i++) {
            experiments.recordOutcome(t.workspaceId(), id, b.get(i), ExperimentMetric.OPEN);
        }
        for (int i = 0; i < 29; i++) {
            experiments.recordSend(t.workspaceId(), id, a.get(i));
        }
        experiments.recordOutcome(t.workspaceId(), id, a.get(0), ExperimentMetric.OPEN);
        assertThat(t.api("GET", "/api/v1/experiments/" + id, null).text("/status")).as("a has 29 sends").isEqualTo("running");
        assertThat(events.stream(ExperimentWinnerPromoted.class)).isEmpty();
        for (int i = 20; i < 30; i++) {
            experiments.recordSend(t.workspaceId(), id, b.get(i));
        }
        assertThat(t.api("GET", "/api/v1/experiments/" + id, null).text("/status")).isEqualTo("running");
        experiments.recordSend(t.workspaceId(), id, a.get(29)); // the horizon: a 1/30 against b 20/30

        var experiment = t.api("GET", "/api/v1/experiments/" + id, null);
        assertThat(experiment.text("/status")).isEqualTo("completed");
        assertThat(experiment.text("/winner")).isEqualTo("b");
        assertThat(experiment.text("/promotedAutomatically")).isEqualTo("true");
        // 20/30 against 1/30: z = 5.1427, p = 2.70885e-7 (worked out apart from Tendril, and equal to the 2×2 chi-square test's).
        assertThat(experiment.json().get("winnerPValue").asDouble()).isCloseTo(2.7088475e-7, within(1e-13));
        assertThat(events.stream(ExperimentWinnerPromoted.class)).singleElement().satisfies(e -> {
            assertThat(e.workspaceId()).isEqualTo(t.workspaceId());
            assertThat(e.experimentId()).isEqualTo(id);
            assertThat(e.variant()).isEqualTo("b");
            assertThat(e.automatic()).isTrue();
        });
        // Everyone gets the winner now, including contacts who were in a and contacts new to the experiment.
        VariantAssignment formerA = experiments.assign(t.workspaceId(), id, a.get(3));
        assertThat(formerA.variant()).isEqualTo("b");
        assertThat(formerA.subject()).isEqualTo("Spring sale: 30% off today");
        assertThat(arm(id, contacts(1).getFirst())).isEqualTo("b");
        JsonNode r = results(id);
        assertThat(r.get("winner").asString()).isEqualTo("b");
        assertThat(variant(r, "b").get("allocation").asDouble()).isEqualTo(1.0);
        assertThat(r.at("/horizon/reached").asBoolean()).isTrue();
        // Later outcomes are still counted, but nothing is promoted twice.
        experiments.recordOutcome(t.workspaceId(), id, b.get(25), ExperimentMetric.OPEN);
        assertThat(events.stream(ExperimentWinnerPromoted.class)).hasSize(1);
    }

    @Test
    void aBanditMovesTrafficToTheArmThatConvertsAndKeepsEarlierArms() {
        String id = started("""
                {"name": "CTA", "metric": "click", "mode": "bandit",
                 "variants": [{"key": "plain", "html": "<a>Read more</a>"}, {"key": "bold", "html": "<a><b>Get it now</b></a>"}]}""");
        List<String> early = contacts(40);
        Map<String, String> armOf = new HashMap<>();
        for (String contact : early) {
            String arm = arm(id, contact);
            armOf.put(contact, arm);
            experiments.recordSend(t.workspaceId(), id, row(contact));
            if (arm.equals("bold")) {
                experiments.recordOutcome(t.workspaceId(), id, row(contact), ExperimentMetric.CLICK);
            }
        }
        assertThat(armOf.values()).contains("plain", "bold");
        int bold = 0;
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            late.add(t.api("POST", "/api/v1/contacts", "{\"email\": \"late" + i + "@acme.io\"}").text("/id"));
        }
        for (String contact : late) {
            bold += arm(id, contact).equals("bold") ? 1 : 0;
        }
        assertThat(bold).as("bold converts every time, plain never").isGreaterThan(55);
        armOf.forEach((contact, arm) -> assertThat(arm(id, contact)).isEqualTo(arm));
        JsonNode r = results(id);
        assertThat(variant(r, "bold").get("probabilityToBeBest").asDouble()).isGreaterThan(0.99);
        assertThat(variant(r, "bold").get("allocation").asDouble()).isGreaterThan(0.99);
        assertThat(r.get("horizon").isNull()).isTrue();
        assertThat(r.get("status").asString()).isEqualTo("running");
    }

    @Test
    void theHoldoutGetsNothingAndACompletedExperimentServesItsWinner() {
        String id = started(TWO_SUBJECTS.formatted(1000, "30", "1"));
        Map<String, List<String>> byArm = new HashMap<>();
        for (String contact : contacts(40)) {
            byArm.computeIfAbsent(arm(id, contact), k -> new ArrayList<>()).add(contact);
        }
        String held = byArm.get("holdout").getFirst();
        var heldAnswer = assign(id, held);
        assertThat(heldAnswer.text("/variant")).isNull();
        assertThat(heldAnswer.text("/subject")).isNull();
        var send = t.api("POST", "/api/v1/experiments/" + id + "/sends", "{\"contactId\": \"" + held + "\"}");
        assertThat(send.status()).isEqualTo(409);
        assertThat(send.text("/errors/0/field")).isEqualTo("contactId");
        // A conversion in the holdout still counts, as the baseline of doing nothing.
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/outcomes", "{\"contactId\": \"" + held + "\", \"metric\": \"conversion\"}")
                .status()).isEqualTo(200);
        String inA = byArm.get("a").getFirst();
        assertThat(t.api("POST", "/api/v1/experiments/" + id + "/sends", "{\"contactId\": \"" + inA + "\"}").text("/recorded")).isEqualTo("true");

        var completed = t.api("POST", "/api/v1/experiments/" + id + "/complete", "{\"winner\": \"b\"}");
        assertThat(completed.text("/winner")).isEqualTo("b");
        assertThat(completed.text("/promotedAutomatically")).isEqualTo("false");
        assertThat(arm(id, inA)).isEqualTo("b");
        assertThat(arm(id, held)).isEqualTo("holdout");
        JsonNode r = results(id);
        assertThat(r.at("/holdout/contacts").asLong()).isEqualTo(byArm.get("holdout").size());
        assertThat(r.at("/holdout/percent").asDouble()).isEqualTo(30.0);
        assertThat(variant(r, "a").get("sends").asLong()).isEqualTo(1);
        assertThat(variant(r, "b").get("allocation").asDouble()).isCloseTo(0.7, within(1e-9));
    }
}
