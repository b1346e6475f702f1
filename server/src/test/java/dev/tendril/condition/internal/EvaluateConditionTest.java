package dev.tendril.condition.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tendril.condition.ContactSnapshot.Scores;
import dev.tendril.condition.ContactSnapshot.SnapshotEvent;
import dev.tendril.condition.ContactSnapshot;
import dev.tendril.platform.Ids;
import dev.tendril.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class EvaluateConditionTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    // A common year's 28 February: leap-day birthdays are celebrated today.
    static final Instant NOW = Instant.parse("2025-02-28T12:00:00Z");
    static final ContactSnapshot LIN = new ContactSnapshot(
            Map.of("email", "lin@acme.io", "title", "VP of Marketing", "firstName", "Lin", "lifecycleStage", "mql",
                    "birthday", LocalDate.parse("1992-02-29"), "createdAt", Instant.parse("2025-02-20T23:30:00Z"),
                    "address.country", "DE", "company.name", "Acme", "company.employees", 120,
                    "company.annualRevenue", new BigDecimal("2500000.50")),
            Map.of("seats", 12, "ratio", 0.5, "trial", true, "renewal", "2025-03-15", "seen", "2025-02-01T10:00:00Z",
                    "tags", List.of("vip", "Beta"), "code", "42", "note", "", "empty", List.of()),
            Map.of("tier", "gold"),
            List.of(event("track", "Demo Requested", "2025-02-27T09:00:00Z", Map.of("plan", "pro", "seats", 5)),
                    event("track", "Demo Requested", "2025-01-10T09:00:00Z", Map.of("plan", "basic", "product", Map.of("sku", "A-1"))),
                    event("track", "Demo Requested", "2024-06-01T09:00:00Z", Map.of()),
                    event("page", "Pricing", "2025-02-26T09:00:00Z", Map.of("path", "/pricing"))),
            new Scores(new BigDecimal("62.50"), new BigDecimal("40"), new BigDecimal("22.5"), "B", "warm"),
            Set.of(7L), Set.of(3L, 4L), Map.of("email", "unsubscribed", "push", "subscribed"));

    static SnapshotEvent event(String type, String name, String at, Map<String, Object> properties) {
        return new SnapshotEvent(type, name, Instant.parse(at), properties);
    }

    /** {@code ls_7} and {@code sg_3} in the table stand for the API ids of list 7 and segment 3, which LIN is in. */
    static boolean eval(String json) {
        String withIds = Pattern.compile("\"(ls|sg)_(\\d+)\"").matcher(json).replaceAll(id -> "\"" + (id.group(1).equals("ls") ? Ids.LIST
                : Ids.SEGMENT).format(Long.parseLong(id.group(2))) + "\"");
        return EvaluateCondition.evaluate(ConditionJson.parse(JSON.readTree(withIds)), LIN, NOW);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"attribute":"title","op":"eq","value":"vp of marketing"}                     | true
            {"attribute":"title","op":"eq","value":"VP"}                                  | false
            {"attribute":"title","op":"neq","value":"VP"}                                 | true
            {"attribute":"lastName","op":"neq","value":"Wu"}                              | true
            {"attribute":"lastName","op":"eq","value":"Wu"}                               | false
            {"attribute":"title","op":"contains","value":"vp"}                            | true
            {"attribute":"title","op":"starts_with","value":"VP o"}                       | true
            {"attribute":"title","op":"ends_with","value":"MARKETING"}                    | true
            {"attribute":"title","op":"ends_with","value":"sales"}                        | false
            {"attribute":"address.country","op":"in","value":["us","de"]}                 | true
            {"attribute":"address.country","op":"not_in","value":["us","de"]}             | false
            {"attribute":"email","op":"exists"}                                           | true
            {"attribute":"phone","op":"exists"}                                           | false
            {"attribute":"phone","op":"is_empty"}                                         | true
            {"attribute":"attributes.note","op":"is_empty"}                               | true
            {"attribute":"attributes.empty","op":"is_empty"}                              | true
            {"attribute":"attributes.tags","op":"is_empty"}                               | false
            {"attribute":"attributes.seats","op":"gt","value":10}                         | true
            {"attribute":"attributes.seats","op":"gte","value":12.0}                      | true
            {"attribute":"attributes.seats","op":"lt","value":12}                         | false
            {"attribute":"attributes.seats","op":"lte","value":12}                        | true
            {"attribute":"attributes.seats","op":"between","value":[10,20]}               | true
            {"attribute":"attributes.ratio","op":"eq","value":0.50}                       | true
            {"attribute":"attributes.code","op":"eq","value":42}                          | false
            {"attribute":"attributes.code","op":"neq","value":42}                         | true
            {"attribute":"attributes.code","op":"eq","value":"42"}                        | true
            {"attribute":"attributes.trial","op":"eq","value":true}                       | true
            {"attribute":"attributes.trial","op":"neq","value":true}                      | false
            {"attribute":"attributes.missing","op":"eq","value":"x"}                      | false
            {"attribute":"attributes.missing","op":"neq","value":"x"}                     | true
            {"attribute":"attributes.missing","op":"exists"}                              | false
            {"attribute":"attributes.tags","op":"eq","value":"beta"}                      | true
            {"attribute":"attributes.tags","op":"contains","value":"ip"}                  | true
            {"attribute":"attributes.tags","op":"not_in","value":["vip"]}                 | false
            {"attribute":"attributes.renewal","op":"after","value":"2025-03-01"}          | true
            {"attribute":"attributes.renewal","op":"before","value":{"daysAgo":0}}        | false
            {"attribute":"attributes.seen","op":"eq","value":"2025-02-01"}                | true
            {"attribute":"attributes.seen","op":"within_last","days":30}                  | true
            {"attribute":"attributes.seen","op":"within_last","days":7}                   | false
            {"attribute":"createdAt","op":"within_last","days":8}                         | true
            {"attribute":"createdAt","op":"before","value":{"daysAgo":8}}                 | false
            {"attribute":"createdAt","op":"between","value":["2025-02-20","2025-02-20"]}  | true
            {"attribute":"birthday","op":"anniversary"}                                   | true
            {"attribute":"birthday","op":"gt","value":"1990-01-01"}                       | true
            {"attribute":"company.name","op":"eq","value":"ACME"}                         | true
            {"attribute":"company.employees","op":"between","value":[100,200]}            | true
            {"attribute":"company.annualRevenue","op":"gt","value":2500000}               | true
            {"attribute":"company.industry","op":"exists"}                                | false
            {"attribute":"company.attributes.tier","op":"in","value":["gold","silver"]}   | true
            {"stage":["mql","sql"]}                                                       | true
            {"stage":"lead"}                                                              | false
            {"event":"Demo Requested"}                                                    | true
            {"event":"Demo Requested","count":{"op":"at_least","value":3}}                | true
            {"event":"Demo Requested","count":{"op":"exactly","value":2},"within":{"days":60}} | true
            {"event":"Demo Requested","count":{"op":"at_most","value":1},"within":{"days":30}} | true
            {"event":"Demo Requested","count":{"op":"exactly","value":0},"before":"2024-01-01"} | true
            {"event":"Demo Requested","between":{"from":"2025-01-10","to":"2025-01-10"}}  | true
            {"event":"Demo Requested","after":{"daysAgo":1}}                              | false
            {"event":"Demo Requested","where":[{"property":"plan","op":"eq","value":"PRO"}],"within":{"days":7}} | true
            {"event":"Demo Requested","where":[{"property":"seats","op":"gt","value":5}]} | false
            {"event":"Demo Requested","where":[{"property":"product.sku","op":"starts_with","value":"a-"}]} | true
            {"event":{"type":"page"},"where":[{"property":"path","op":"contains","value":"pricing"}]} | true
            {"event":{"type":"track","name":"Pricing"}}                                   | false
            {"event":"Demo Requested","firstSeen":{"within":{"days":200}}}                | false
            {"event":"Demo Requested","firstSeen":{"before":{"daysAgo":200}}}             | true
            {"event":"Demo Requested","lastSeen":{"within":{"days":7}}}                   | true
            {"event":"Demo Requested","lastSeen":{"before":{"daysAgo":7}}}                | false
            {"event":"Signed Up","lastSeen":{}}                                           | false
            {"and":[{"stage":"mql"},{"attribute":"title","op":"contains","value":"VP"}]}  | true
            {"and":[{"stage":"mql"},{"not":{"attribute":"title","op":"contains","value":"VP"}}]} | false
            {"or":[{"stage":"lead"},{"not":{"or":[{"stage":"sql"},{"event":"Nope"}]}}]}   | true
            {"score":{"op":"gte","value":62.5}}                                           | true
            {"score":{"op":"gt","value":62.5}}                                            | false
            {"fitScore":{"op":"between","value":[40,50]}}                                 | true
            {"engagementScore":{"op":"lt","value":20}}                                    | false
            {"grade":"B"}                                                                 | true
            {"grade":{"in":["A","C"]}}                                                    | false
            {"grade":{"atLeast":"B"}}                                                     | true
            {"grade":{"atLeast":"A"}}                                                     | false
            {"temperature":["hot","warm"]}                                                | true
            {"temperature":"cold"}                                                        | false
            {"inList":"ls_7"}                                                             | true
            {"inList":"ls_8"}                                                             | false
            {"and":[{"inSegment":"sg_3"},{"not":{"inSegment":"sg_5"}}]}                   | true
            {"subscription":{"channel":"email","status":"unsubscribed"}}                  | true
            {"subscription":{"channel":"email","status":["subscribed","pending"]}}        | false
            {"subscription":{"channel":"push","status":"subscribed"}}                     | true
            {"subscription":{"channel":"sms","status":"none"}}                            | true
            {"subscription":{"channel":"sms","status":["subscribed","unsubscribed"]}}     | false
            {"not":{"subscription":{"channel":"email","status":"subscribed"}}}            | true
            """)
    void evaluatesEveryOperator(String condition, boolean expected) {
        assertThat(eval(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"and":[]}                                                                    | condition.and
            {"and":[{"stage":"mql"},{"event":"X","count":{"op":"more","value":1}}]}       | condition.and[1].count.op
            {"attribute":"nope","op":"eq","value":"x"}                                    | condition.attribute
            {"attribute":"title","op":"gt","value":"x"}                                   | condition.op
            {"attribute":"company.employees","op":"eq","value":"many"}                    | condition.value
            {"attribute":"attributes.x","op":"between","value":[1]}                       | condition.value
            {"attribute":"attributes.x","op":"in","value":[1,"a"]}                        | condition.value[1]
            {"attribute":"birthday","op":"before","value":"21 April"}                     | condition.value
            {"attribute":"title","op":"anniversary"}                                      | condition.op
            {"not":{"stage":"vip"}}                                                       | condition.not.stage
            {"event":"X","within":{"days":-1}}                                            | condition.within.days
            {"event":"X","within":{"days":1},"before":"2024-01-01"}                       | condition
            {"event":"X","where":[{"property":"a..b","op":"exists"}]}                     | condition.where[0].property
            {"event":"X","colour":"red"}                                                  | condition.colour
            {"attribute":"title","op":"eq","value":"x","stage":"lead"}                    | condition
            {"score":{"op":"contains","value":"x"}}                                       | condition.score.op
            {"fitScore":{"op":"gte","value":"high"}}                                      | condition.fitScore.value
            {"grade":"E"}                                                                 | condition.grade
            {"grade":{"atLeast":"b"}}                                                     | condition.grade.atLeast
            {"temperature":{"in":["hot","boiling"]}}                                      | condition.temperature.in[1]
            {"temperature":{"atLeast":"warm"}}                                            | condition.temperature.atLeast
            {"or":[{"stage":"lead"},{"inList":"sg_3"}]}                                   | condition.or[1].inList
            {"inSegment":7}                                                               | condition.inSegment
            {"subscription":"email"}                                                      | condition.subscription
            {"subscription":{"channel":"fax","status":"subscribed"}}                      | condition.subscription.channel
            {"subscription":{"channel":"email","status":["subscribed","gone"]}}           | condition.subscription.status[1]
            {"subscription":{"channel":"email"}}                                          | condition.subscription.status
            {"subscription":{"channel":"email","status":"none","topic":"news"}}           | condition.subscription.topic
            """)
    void namesTheFieldOfBadInput(String condition, String field) {
        assertThatThrownBy(() -> ConditionJson.parse(JSON.readTree(condition)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo(field));
    }
}
