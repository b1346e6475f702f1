package dev.tendril;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tendril.platform.Ids;
import dev.tendril.testing.Eventually;
import dev.tendril.testing.FailingRoute;
import dev.tendril.testing.IntegrationTest;
import dev.tendril.testing.TestTenant.Answer;
import dev.tendril.testing.TestTenant;
import dev.tendril.testing.TestTenants;
import dev.tendril.workspace.ApiKeyView;
import dev.tendril.workspace.ApiKeys;
import dev.tendril.workspace.KeyKind;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workspaces are isolated on every route: each route Spring MVC maps (REST, tracking, UI) is called with workspace B's key
 * or B's signed-in session and workspace A's ids. A route that names A's resource in its path answers 404 (or 403); a
 * route given A's ids in its body or query answers exactly as it does for ids that exist nowhere; no answer shows
 * anything of A; and afterwards every row of A is as it was. The routes come from the handler mapping, so a route
 * added later fails this test until it has a probe here or a reason to be skipped.
 */
@IntegrationTest
class IsolationIntegrationTest {
    /** Why a route is not called with A's ids; the kinds that read are still called, and must show nothing of A. */
    enum Skip {
        LISTS_THE_CALLERS(true, "takes no id and lists the caller's own workspace (the query runs with the caller's workspace)"),
        SETTINGS_OF_THE_CALLER(true, "takes no id: the caller's own workspace settings"),
        CREATES_IN_THE_CALLERS(false, "takes no id and creates in the caller's own workspace"),
        PUBLIC(false, "holds no workspace data: the sign-in page, the error page, the OpenAPI description"),
        TEST_ONLY(false, "exists in the test context only (FailingRoute)");

        final boolean read;
        final String why;

        Skip(boolean read, String why) {
            this.read = read;
            this.why = why;
        }
    }

    /** Ids and names a caller could try: A's, or ones that exist nowhere. */
    record Refs(String contact, String company, String segment, String list, String template, String block, String blockName,
            String experiment, String draft, String proposal, String importJob, String apiKey, String email, String externalId,
            String groupId, String domain) {}

    /** B's own resources, for calls that put A's ids inside B's. */
    record Own(String contact, String list, String segment, String template, String block, String draft, String running) {}

    /**
     * One call. {@code gone}: it names A's resource in its path, so it must answer 404 or 403; otherwise it must answer as
     * it does for refs that exist nowhere (and, for a read, with the same body).
     */
    record Probe(String route, boolean gone, boolean ui, Function<Refs, String> path, Function<Refs, String> body, String contentType) {
        String method() {
            return route.substring(0, route.indexOf(' '));
        }
    }

    static final Map<String, Skip> SKIPPED = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/v1/contacts/attributes", Skip.SETTINGS_OF_THE_CALLER),
            Map.entry("GET /api/v1/settings/behavior-rules", Skip.SETTINGS_OF_THE_CALLER),
            Map.entry("PUT /api/v1/settings/behavior-rules", Skip.SETTINGS_OF_THE_CALLER),
            Map.entry("GET /api/v1/scoring/model", Skip.SETTINGS_OF_THE_CALLER),
            // A scoring model names no list or segment (refused: a score cannot depend on memberships), so no id at all.
            Map.entry("PUT /api/v1/scoring/model", Skip.SETTINGS_OF_THE_CALLER),
            Map.entry("POST /scoring", Skip.SETTINGS_OF_THE_CALLER),
            Map.entry("GET /api/v1/experiments/ai-settings", Skip.SETTINGS_OF_THE_CALLER),
            Map.entry("PUT /api/v1/experiments/ai-settings", Skip.SETTINGS_OF_THE_CALLER),
            Map.entry("DELETE /api/v1/experiments/ai-settings", Skip.SETTINGS_OF_THE_CALLER),
            Map.entry("GET /api/v1/companies", Skip.LISTS_THE_CALLERS),
            Map.entry("GET /api/v1/imports", Skip.LISTS_THE_CALLERS),
            Map.entry("GET /api/v1/templates", Skip.LISTS_THE_CALLERS),
            Map.entry("GET /api/v1/blocks", Skip.LISTS_THE_CALLERS),
            Map.entry("GET /api/v1/experiments", Skip.LISTS_THE_CALLERS),
            Map.entry("GET /api/v1/segments", Skip.LISTS_THE_CALLERS),
            Map.entry("GET /api/v1/lists", Skip.LISTS_THE_CALLERS),
            Map.entry("POST /api/v1/companies", Skip.CREATES_IN_THE_CALLERS),
            Map.entry("POST /api/v1/imports", Skip.CREATES_IN_THE_CALLERS),
            Map.entry("POST /api/v1/lists", Skip.CREATES_IN_THE_CALLERS),
            Map.entry("GET /", Skip.LISTS_THE_CALLERS),
            Map.entry("GET /contacts", Skip.LISTS_THE_CALLERS),
            Map.entry("GET /segments", Skip.LISTS_THE_CALLERS),
            Map.entry("GET /keys", Skip.LISTS_THE_CALLERS),
            Map.entry("GET /scoring", Skip.SETTINGS_OF_THE_CALLER),
            Map.entry("GET /scoring/rescore", Skip.SETTINGS_OF_THE_CALLER),
            Map.entry("POST /keys", Skip.CREATES_IN_THE_CALLERS),
            Map.entry("GET /login", Skip.PUBLIC)));

    static WireMockServer llm;

    @Autowired TestTenants tenants;
    @Autowired ApiKeys keys;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    final String mark = "alpha" + UUID.randomUUID().toString().substring(0, 8);
    final AtomicInteger fresh = new AtomicInteger();
    TestTenant a;

    @BeforeAll
    static void startLlm() {
        llm = new WireMockServer(options().dynamicPort());
        llm.start();
        llm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson("""
                {"id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-test", "choices": [{"index": 0, "finish_reason": "stop",
                 "message": {"role": "assistant", "content": "{\\"variants\\": [{\\"subject\\": \\"Proposed one\\"}, {\\"subject\\": \\"Proposed two\\"}]}"}}]}""")));
    }

    @AfterAll
    static void stopLlm() {
        llm.stop();
    }

    @Test
    void anotherWorkspacesKeyOrSessionReachesNothingOfThisWorkspace() {
        a = tenants.create();
        Refs theirs = workspaceA();
        Refs nowhere = nowhere();
        TestTenant b = tenants.create();
        Own own = workspaceB(b);
        Session session = new Session(b);
        settled(a);
        String before = snapshot(a.workspaceId());

        Map<String, HandlerMethod> routes = routes();
        SoftAssertions soft = new SoftAssertions();
        // The skipped routes that read, first: B has nothing yet that a probe below made with A's ids in it.
        routes.forEach((route, handler) -> {
            Skip skip = skip(route, handler);
            if (skip != null && skip.read && route.startsWith("GET ") && !route.contains("{")) {
                String path = route.substring("GET ".length());
                Answer answer = path.startsWith("/api/") ? b.api("GET", path, null) : session.send("GET", path, null);
                soft.assertThat(answer.status()).as("%s: %s", route, answer.body()).isLessThan(400);
                soft.assertThat(answer.body()).as("%s shows A's data", route).doesNotContainIgnoringCase(mark);
            }
        });
        List<Probe> probes = probes(own);
        Map<String, Integer> probed = new TreeMap<>();
        for (Probe probe : probes) {
            soft.assertThat(routes).as("probe of a route that is not mapped").containsKey(probe.route());
            Answer theirAnswer = call(b, session, probe, theirs);
            Answer nowhereAnswer = call(b, session, probe, nowhere);
            String what = probe.route() + " as " + probe.path().apply(theirs);
            soft.assertThat(theirAnswer.status()).as("%s: %s", what, theirAnswer.body()).isLessThan(500)
                    .isEqualTo(nowhereAnswer.status());
            if (probe.gone()) {
                soft.assertThat(theirAnswer.status()).as("%s: %s", what, theirAnswer.body()).isIn(403, 404);
            } else if (!probe.ui() && probe.method().equals("GET") && theirAnswer.status() == 200) {
                soft.assertThat(withoutRefs(theirAnswer.body(), theirs)).as(what).isEqualTo(withoutRefs(nowhereAnswer.body(), nowhere));
            }
            // What B sent may come back (a 404 names the id asked for); nothing else of A may.
            soft.assertThat(withoutRefs(theirAnswer.body(), theirs)).as("%s shows A's data", what).doesNotContainIgnoringCase(mark);
            probed.merge(probe.route(), 1, Integer::sum);
        }
        Map<Skip, Integer> skipped = new EnumMap<>(Skip.class);
        List<String> missing = routes.keySet().stream().filter(r -> skip(r, routes.get(r)) == null && !probed.containsKey(r)).toList();
        routes.forEach((route, handler) -> {
            Skip skip = skip(route, handler);
            if (skip != null && !probed.containsKey(route)) {
                skipped.merge(skip, 1, Integer::sum);
            }
        });
        soft.assertThat(missing).as("routes without a probe here (add one, or a reason to skip them)").isEmpty();
        soft.assertThat(SKIPPED.keySet()).as("skipped routes that are not mapped").isSubsetOf(routes.keySet());
        soft.assertThat(llm.getAllServeEvents()).as("only A's proposals reached the AI provider").hasSize(1);

        settled(a);
        soft.assertThat(snapshot(a.workspaceId())).as("workspace A's rows").isEqualTo(before);
        System.out.printf("ISOLATION routes=%d probed=%d (%d calls) skipped=%d%n", routes.size(), probed.size(), probes.size() * 2,
                skipped.values().stream().mapToInt(Integer::intValue).sum());
        skipped.forEach((kind, n) -> System.out.printf("ISOLATION skipped %d: %s%n", n, kind.why));
        soft.assertAll();
    }

    /** Every route as {@code METHOD pattern}; a mapping without methods (the error page) is {@code ANY pattern}. */
    Map<String, HandlerMethod> routes() {
        Map<String, HandlerMethod> routes = new TreeMap<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            for (String pattern : info.getPatternValues()) {
                for (String method : methods.isEmpty() ? Set.of("ANY") : methods) {
                    routes.put(method + " " + pattern, handler);
                }
            }
        });
        return routes;
    }

    static Skip skip(String route, HandlerMethod handler) {
        if (handler.getBeanType() == FailingRoute.class) {
            return Skip.TEST_ONLY;
        }
        if (handler.getBeanType().getName().startsWith("org.springdoc.") || route.startsWith("ANY /error")) {
            return Skip.PUBLIC;
        }
        return SKIPPED.get(route);
    }

    List<Probe> probes(Own own) {
        List<Probe> p = new ArrayList<>();
        // Contacts, and what hangs off a contact.
        p.add(gone("GET /api/v1/contacts/{id}", r -> "/api/v1/contacts/" + r.contact()));
        p.add(gone("PATCH /api/v1/contacts/{id}", r -> "/api/v1/contacts/" + r.contact(), r -> "{\"title\": \"Changed by B\"}"));
        p.add(gone("DELETE /api/v1/contacts/{id}", r -> "/api/v1/contacts/" + r.contact()));
        p.add(gone("GET /api/v1/contacts/{id}/events", r -> "/api/v1/contacts/" + r.contact() + "/events"));
        p.add(gone("GET /api/v1/contacts/{id}/behavior", r -> "/api/v1/contacts/" + r.contact() + "/behavior"));
        p.add(gone("PUT /api/v1/contacts/{id}/stage", r -> "/api/v1/contacts/" + r.contact() + "/stage", r -> "{\"stage\": \"customer\"}"));
        p.add(gone("GET /api/v1/contacts/{id}/stage/history", r -> "/api/v1/contacts/" + r.contact() + "/stage/history"));
        p.add(gone("GET /api/v1/contacts/{id}/subscriptions", r -> "/api/v1/contacts/" + r.contact() + "/subscriptions"));
        p.add(gone("PUT /api/v1/contacts/{id}/subscriptions/{channel}", r -> "/api/v1/contacts/" + r.contact() + "/subscriptions/email",
                r -> "{\"status\": \"subscribed\"}"));
        p.add(gone("GET /api/v1/contacts/{id}/subscriptions/history", r -> "/api/v1/contacts/" + r.contact() + "/subscriptions/history"));
        p.add(gone("GET /api/v1/contacts/{id}/score", r -> "/api/v1/contacts/" + r.contact() + "/score"));
        p.add(gone("GET /api/v1/contacts/{id}/score/history", r -> "/api/v1/contacts/" + r.contact() + "/score/history"));
        p.add(gone("GET /api/v1/contacts/{id}/segments", r -> "/api/v1/contacts/" + r.contact() + "/segments"));
        p.add(like("POST /api/v1/contacts", r -> "/api/v1/contacts", r -> "{\"email\": \"" + next() + "@b.example\", \"companyId\": \""
                + r.company() + "\"}"));
        p.add(like("PUT /api/v1/contacts", r -> "/api/v1/contacts", r -> "{\"email\": \"" + next() + "@b.example\", \"companyId\": \""
                + r.company() + "\"}"));
        p.add(like("PATCH /api/v1/contacts/{id}", r -> "/api/v1/contacts/" + own.contact(), r -> "{\"companyId\": \"" + r.company() + "\"}"));
        p.add(like("GET /api/v1/contacts", r -> "/api/v1/contacts?companyId=" + r.company()));
        p.add(like("GET /api/v1/contacts", r -> "/api/v1/contacts?email=" + r.email()));
        p.add(like("GET /api/v1/contacts", r -> "/api/v1/contacts?externalId=" + r.externalId()));
        p.add(like("GET /api/v1/contacts", r -> "/api/v1/contacts?q=" + r.email()));
        // Companies and imports.
        p.add(gone("GET /api/v1/companies/{id}", r -> "/api/v1/companies/" + r.company()));
        p.add(gone("PATCH /api/v1/companies/{id}", r -> "/api/v1/companies/" + r.company(), r -> "{\"name\": \"Changed by B\"}"));
        p.add(gone("DELETE /api/v1/companies/{id}", r -> "/api/v1/companies/" + r.company()));
        p.add(like("GET /api/v1/companies", r -> "/api/v1/companies?domain=" + r.domain()));
        p.add(gone("GET /api/v1/imports/{id}", r -> "/api/v1/imports/" + r.importJob()));
        p.add(gone("GET /api/v1/imports/{id}/errors", r -> "/api/v1/imports/" + r.importJob() + "/errors"));
        // Templates and blocks: by id, and A's blocks by name.
        String parts = "\"subject\": \"Hello\", \"html\": \"<p>Hello</p>\"";
        p.add(gone("GET /api/v1/templates/{id}", r -> "/api/v1/templates/" + r.template()));
        p.add(gone("PUT /api/v1/templates/{id}", r -> "/api/v1/templates/" + r.template(), r -> "{" + parts + "}"));
        p.add(gone("DELETE /api/v1/templates/{id}", r -> "/api/v1/templates/" + r.template()));
        p.add(gone("GET /api/v1/templates/{id}/versions", r -> "/api/v1/templates/" + r.template() + "/versions"));
        p.add(gone("POST /api/v1/templates/{id}/preview", r -> "/api/v1/templates/" + r.template() + "/preview",
                r -> "{\"contactId\": \"" + own.contact() + "\"}"));
        p.add(gone("POST /api/v1/templates/{id}/render", r -> "/api/v1/templates/" + r.template() + "/render",
                r -> "{\"contactIds\": [\"" + own.contact() + "\"]}"));
        p.add(like("POST /api/v1/templates/{id}/preview", r -> "/api/v1/templates/" + own.template() + "/preview",
                r -> "{\"contactId\": \"" + r.contact() + "\"}"));
        p.add(like("POST /api/v1/templates/{id}/render", r -> "/api/v1/templates/" + own.template() + "/render",
                r -> "{\"contactIds\": [\"" + r.contact() + "\"]}"));
        p.add(like("POST /api/v1/templates/preview", r -> "/api/v1/templates/preview",
                r -> "{\"channel\": \"email\", " + parts + ", \"contactId\": \"" + r.contact() + "\"}"));
        p.add(like("POST /api/v1/templates/preview", r -> "/api/v1/templates/preview",
                r -> "{\"channel\": \"email\", \"subject\": \"Hi\", \"html\": \"{{> " + r.blockName() + "}}\", \"contactId\": \""
                        + own.contact() + "\"}"));
        p.add(like("POST /api/v1/templates", r -> "/api/v1/templates",
                r -> "{\"name\": \"" + next() + "\", \"channel\": \"email\", \"subject\": \"Hi\", \"html\": \"{{> " + r.blockName() + "}}\"}"));
        p.add(gone("GET /api/v1/blocks/{id}", r -> "/api/v1/blocks/" + r.block()));
        p.add(gone("PUT /api/v1/blocks/{id}", r -> "/api/v1/blocks/" + r.block(), r -> "{\"content\": \"<p>B</p>\"}"));
        p.add(gone("DELETE /api/v1/blocks/{id}", r -> "/api/v1/blocks/" + r.block()));
        p.add(gone("GET /api/v1/blocks/{id}/versions", r -> "/api/v1/blocks/" + r.block() + "/versions"));
        p.add(like("PUT /api/v1/blocks/{id}", r -> "/api/v1/blocks/" + own.block(),
                r -> "{\"content\": \"x\", \"variants\": [{\"condition\": {\"inSegment\": \"" + r.segment() + "\"}, \"content\": \"y\"}]}"));
        p.add(like("POST /api/v1/blocks", r -> "/api/v1/blocks", r -> "{\"name\": \"b" + next() + "\", \"content\": \"{{> " + r.blockName()
                + "}}\"}"));
        p.add(like("POST /api/v1/blocks", r -> "/api/v1/blocks", r -> "{\"name\": \"b" + next() + "\", \"content\": \"x\", \"variants\": "
                + "[{\"condition\": {\"inList\": \"" + r.list() + "\"}, \"content\": \"y\"}]}"));
        // Experiments, their outcomes, sends and AI proposals.
        String contactOfB = "{\"contactId\": \"" + own.contact() + "\"}";
        p.add(gone("GET /api/v1/experiments/{id}", r -> "/api/v1/experiments/" + r.experiment()));
        p.add(gone("PATCH /api/v1/experiments/{id}", r -> "/api/v1/experiments/" + r.draft(), r -> "{\"name\": \"Changed by B\"}"));
        p.add(gone("DELETE /api/v1/experiments/{id}", r -> "/api/v1/experiments/" + r.draft()));
        p.add(gone("POST /api/v1/experiments/{id}/start", r -> "/api/v1/experiments/" + r.draft() + "/start"));
        p.add(gone("POST /api/v1/experiments/{id}/complete", r -> "/api/v1/experiments/" + r.experiment() + "/complete"));
        p.add(gone("POST /api/v1/experiments/{id}/assignments", r -> "/api/v1/experiments/" + r.experiment() + "/assignments", r -> contactOfB));
        p.add(gone("POST /api/v1/experiments/{id}/sends", r -> "/api/v1/experiments/" + r.experiment() + "/sends", r -> contactOfB));
        p.add(gone("POST /api/v1/experiments/{id}/outcomes", r -> "/api/v1/experiments/" + r.experiment() + "/outcomes",
                r -> "{\"contactId\": \"" + own.contact() + "\", \"metric\": \"open\"}"));
        p.add(gone("GET /api/v1/experiments/{id}/results", r -> "/api/v1/experiments/" + r.experiment() + "/results"));
        p.add(gone("POST /api/v1/experiments/{id}/ai-proposals", r -> "/api/v1/experiments/" + r.draft() + "/ai-proposals",
                r -> "{\"count\": 1}"));
        p.add(gone("GET /api/v1/experiments/{id}/ai-proposals", r -> "/api/v1/experiments/" + r.draft() + "/ai-proposals"));
        p.add(gone("POST /api/v1/experiments/{id}/ai-proposals/{proposalId}/accept",
                r -> "/api/v1/experiments/" + r.draft() + "/ai-proposals/" + r.proposal() + "/accept"));
        p.add(like("POST /api/v1/experiments/{id}/ai-proposals/{proposalId}/accept",
                r -> "/api/v1/experiments/" + own.draft() + "/ai-proposals/" + r.proposal() + "/accept"));
        p.add(like("POST /api/v1/experiments/{id}/assignments", r -> "/api/v1/experiments/" + own.running() + "/assignments",
                r -> "{\"contactId\": \"" + r.contact() + "\"}"));
        p.add(like("POST /api/v1/experiments/{id}/sends", r -> "/api/v1/experiments/" + own.running() + "/sends",
                r -> "{\"contactId\": \"" + r.contact() + "\"}"));
        p.add(like("POST /api/v1/experiments/{id}/outcomes", r -> "/api/v1/experiments/" + own.running() + "/outcomes",
                r -> "{\"contactId\": \"" + r.contact() + "\", \"metric\": \"open\"}"));
        // templateId is an opaque reference that nothing resolves yet: it is stored as given, as for any text.
        p.add(like("POST /api/v1/experiments", r -> "/api/v1/experiments", r -> "{\"name\": \"E\", \"metric\": \"open\", \"variants\": ["
                + "{\"key\": \"a\", \"templateId\": \"" + r.template() + "\"}, {\"key\": \"b\"}]}"));
        // Segments and lists.
        p.add(gone("GET /api/v1/segments/{id}", r -> "/api/v1/segments/" + r.segment()));
        p.add(gone("PATCH /api/v1/segments/{id}", r -> "/api/v1/segments/" + r.segment(), r -> "{\"name\": \"Changed by B\"}"));
        p.add(gone("DELETE /api/v1/segments/{id}", r -> "/api/v1/segments/" + r.segment()));
        p.add(gone("GET /api/v1/segments/{id}/members", r -> "/api/v1/segments/" + r.segment() + "/members"));
        p.add(gone("GET /api/v1/segments/{id}/history", r -> "/api/v1/segments/" + r.segment() + "/history"));
        p.add(like("PATCH /api/v1/segments/{id}", r -> "/api/v1/segments/" + own.segment(),
                r -> "{\"condition\": {\"inSegment\": \"" + r.segment() + "\"}}"));
        p.add(like("POST /api/v1/segments", r -> "/api/v1/segments", r -> "{\"name\": \"S\", \"condition\": {\"inSegment\": \"" + r.segment()
                + "\"}}"));
        p.add(like("POST /api/v1/segments", r -> "/api/v1/segments", r -> "{\"name\": \"S\", \"condition\": {\"inList\": \"" + r.list()
                + "\"}}"));
        p.add(like("POST /api/v1/segments/preview", r -> "/api/v1/segments/preview", r -> "{\"condition\": {\"or\": [{\"inList\": \""
                + r.list() + "\"}, {\"inSegment\": \"" + r.segment() + "\"}]}}"));
        p.add(gone("GET /api/v1/lists/{id}", r -> "/api/v1/lists/" + r.list()));
        p.add(gone("DELETE /api/v1/lists/{id}", r -> "/api/v1/lists/" + r.list()));
        p.add(gone("GET /api/v1/lists/{id}/members", r -> "/api/v1/lists/" + r.list() + "/members"));
        p.add(gone("POST /api/v1/lists/{id}/members", r -> "/api/v1/lists/" + r.list() + "/members",
                r -> "{\"contactIds\": [\"" + own.contact() + "\"]}"));
        p.add(gone("DELETE /api/v1/lists/{id}/members", r -> "/api/v1/lists/" + r.list() + "/members",
                r -> "{\"contactIds\": [\"" + own.contact() + "\"]}"));
        p.add(new Probe("POST /api/v1/lists/{id}/members/csv", true, false, r -> "/api/v1/lists/" + r.list() + "/members/csv",
                r -> "email\nb@b.example\n", "text/csv"));
        p.add(like("POST /api/v1/lists/{id}/members", r -> "/api/v1/lists/" + own.list() + "/members",
                r -> "{\"contactIds\": [\"" + r.contact() + "\"]}"));
        p.add(like("DELETE /api/v1/lists/{id}/members", r -> "/api/v1/lists/" + own.list() + "/members",
                r -> "{\"contactIds\": [\"" + r.contact() + "\"]}"));
        p.add(new Probe("POST /api/v1/lists/{id}/members/csv", false, false, r -> "/api/v1/lists/" + own.list() + "/members/csv",
                r -> "email\n" + r.email() + "\n", "text/csv"));
        // The UI, signed in as B.
        p.add(goneUi("GET /contacts/{id}", r -> "/contacts/" + r.contact(), null));
        p.add(goneUi("GET /contacts/{id}/events", r -> "/contacts/" + r.contact() + "/events", null));
        p.add(goneUi("GET /segments/{id}", r -> "/segments/" + r.segment(), null));
        p.add(goneUi("POST /keys/{id}/revoke", r -> "/keys/" + r.apiKey() + "/revoke", r -> ""));
        p.add(likeUi("GET /contacts", r -> "/contacts?q=" + r.email(), null));
        p.add(likeUi("POST /segments/preview", r -> "/segments/preview", r -> form("condition", "{\"inList\": \"" + r.list() + "\"}")));
        p.add(likeUi("POST /segments", r -> "/segments", r -> form("name", "S") + "&" + form("condition", "{\"inSegment\": \"" + r.segment()
                + "\"}")));
        // Tracking, last (it leaves B contacts named like A's): a client's own identifiers (userId, groupId, previousId) are
        // looked up in the write key's workspace alone.
        for (String route : List.of("POST /v1/{type}", "POST /v1/{type}/")) {
            String slash = route.endsWith("/") ? "/" : "";
            p.add(like(route, r -> "/v1/batch" + slash, r -> """
                    {"batch": [{"type": "identify", "userId": "%1$s", "traits": {"email": "%2$s", "title": "Changed by B"}},
                               {"type": "track", "userId": "%1$s", "event": "Demo Requested"},
                               {"type": "group", "userId": "%1$s", "groupId": "%3$s", "traits": {"name": "Changed by B"}},
                               {"type": "alias", "previousId": "%1$s", "userId": "b-%4$s"}]}"""
                    .formatted(r.externalId(), r.email(), r.groupId(), next())));
        }
        return p;
    }

    static Probe gone(String route, Function<Refs, String> path) {
        return gone(route, path, null);
    }

    static Probe gone(String route, Function<Refs, String> path, Function<Refs, String> body) {
        return new Probe(route, true, false, path, body, "application/json");
    }

    static Probe like(String route, Function<Refs, String> path) {
        return like(route, path, null);
    }

    static Probe like(String route, Function<Refs, String> path, Function<Refs, String> body) {
        return new Probe(route, false, false, path, body, "application/json");
    }

    static Probe goneUi(String route, Function<Refs, String> path, Function<Refs, String> body) {
        return new Probe(route, true, true, path, body, null);
    }

    static Probe likeUi(String route, Function<Refs, String> path, Function<Refs, String> body) {
        return new Probe(route, false, true, path, body, null);
    }

    static String form(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    Answer call(TestTenant b, Session session, Probe probe, Refs refs) {
        String path = probe.path().apply(refs);
        String body = probe.body() == null ? null : probe.body().apply(refs);
        if (probe.ui()) {
            return session.send(probe.method(), path, body);
        }
        if (probe.route().startsWith("POST /v1/")) {
            return b.track(path, body);
        }
        return b.sendBytes(probe.method(), path, probe.contentType(), body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                "Bearer " + b.secretKey(), null);
    }

    /** An answer with the refs it was asked about replaced, so answers about A's ids and about no one's compare. */
    static String withoutRefs(String body, Refs refs) {
        String out = body;
        for (var component : Refs.class.getRecordComponents()) {
            try {
                out = out.replace((String) component.getAccessor().invoke(refs), "<" + component.getName() + ">");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    String next() {
        return "n" + fresh.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Workspace A with one of everything, each named with {@link #mark}. */
    Refs workspaceA() {
        String company = created(a, "/api/v1/companies", "{\"name\": \"%s Corp\", \"domain\": \"%s.example\", \"externalId\": \"%s-co\"}"
                .formatted(mark, mark, mark));
        String email = "ada@" + mark + ".example";
        String externalId = mark + "-1";
        String contact = created(a, "/api/v1/contacts", """
                {"email": "%s", "externalId": "%s", "firstName": "%s", "title": "VP %s", "companyId": "%s",
                 "attributes": {"%s": "secret %s"}}""".formatted(email, externalId, mark, mark, company, mark, mark));
        ok(a.track("/v1/batch", """
                {"batch": [{"type": "page", "userId": "%1$s", "name": "Pricing %2$s", "properties": {"path": "/pricing"}},
                           {"type": "track", "userId": "%1$s", "event": "Demo Requested", "properties": {"note": "%2$s"}},
                           {"type": "track", "userId": "%1$s", "event": "%2$s Done"}]}""".formatted(externalId, mark)));
        ok(a.api("PUT", "/api/v1/contacts/" + contact + "/subscriptions/email", "{\"status\": \"unsubscribed\", \"source\": \"" + mark + "\"}"));
        ok(a.api("PUT", "/api/v1/contacts/" + contact + "/stage", "{\"stage\": \"sql\", \"reason\": \"" + mark + "\"}"));
        String list = created(a, "/api/v1/lists", "{\"name\": \"" + mark + " list\"}");
        ok(a.api("POST", "/api/v1/lists/" + list + "/members", "{\"contactIds\": [\"" + contact + "\"]}"));
        String segment = created(a, "/api/v1/segments", "{\"name\": \"" + mark + " segment\", \"condition\": {\"inList\": \"" + list + "\"}}");
        String blockName = mark + "Block";
        String block = created(a, "/api/v1/blocks", "{\"name\": \"" + blockName + "\", \"content\": \"<p>" + mark + "</p>\"}");
        ok(a.api("PUT", "/api/v1/blocks/" + block, "{\"content\": \"<p>" + mark + " v2</p>\"}"));
        String template = created(a, "/api/v1/templates", "{\"name\": \"" + mark + " template\", \"channel\": \"email\", \"subject\": \"Hi "
                + mark + "\", \"html\": \"<p>{{> " + blockName + "}}</p>\"}");
        ok(a.api("PUT", "/api/v1/templates/" + template, "{\"subject\": \"Hello " + mark + "\", \"html\": \"<p>{{> " + blockName + "}}</p>\"}"));
        String experiment = created(a, "/api/v1/experiments", "{\"name\": \"" + mark + " running\", \"metric\": \"open\", \"variants\": "
                + "[{\"key\": \"a\", \"subject\": \"" + mark + " a\"}, {\"key\": \"b\", \"subject\": \"" + mark + " b\"}]}");
        ok(a.api("POST", "/api/v1/experiments/" + experiment + "/start", null));
        ok(a.api("POST", "/api/v1/experiments/" + experiment + "/assignments", "{\"contactId\": \"" + contact + "\"}"));
        a.api("POST", "/api/v1/experiments/" + experiment + "/sends", "{\"contactId\": \"" + contact + "\"}");
        ok(a.api("POST", "/api/v1/experiments/" + experiment + "/outcomes", "{\"contactId\": \"" + contact + "\", \"metric\": \"open\"}"));
        String draft = created(a, "/api/v1/experiments", "{\"name\": \"" + mark + " draft\", \"metric\": \"click\", \"variants\": "
                + "[{\"key\": \"a\", \"subject\": \"" + mark + " a\"}, {\"key\": \"b\", \"subject\": \"" + mark + " b\"}]}");
        ok(a.api("PUT", "/api/v1/experiments/ai-settings", "{\"baseUrl\": \"" + llm.baseUrl() + "/v1/\", \"model\": \"gpt-" + mark
                + "\", \"apiKey\": \"sk-" + mark + "\"}"));
        Answer proposed = a.api("POST", "/api/v1/experiments/" + draft + "/ai-proposals", "{\"count\": 2}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String importJob = imported(a, "email,firstName\nbob@" + mark + ".example," + mark + "\nnot an email," + mark + "\n");
        String apiKey = keys.issue(a.workspaceId(), KeyKind.SECRET, mark + " key").key().id();
        ObjectNode rules = (ObjectNode) a.api("GET", "/api/v1/settings/behavior-rules", null).json();
        rules.withArray("rules").addObject().put("metric", "demoRequests").put("eventType", "track").put("eventName", mark + " Done");
        rules.remove("metrics");
        ok(a.api("PUT", "/api/v1/settings/behavior-rules", json.writeValueAsString(rules)));
        ObjectNode model = (ObjectNode) a.api("GET", "/api/v1/scoring/model", null).json();
        model.remove("version");
        model.remove("rescore");
        ((ObjectNode) model.at("/categories/demographics")).withArray("rules").addObject().put("name", mark + " rule").put("points", 1)
                .putObject("condition").put("attribute", "title").put("op", "contains").put("value", mark);
        ok(a.api("PUT", "/api/v1/scoring/model", json.writeValueAsString(model)));
        assertThat(Eventually.eventually(() -> a.api("GET", "/api/v1/scoring/model", null).text("/rescore/status"), "completed"::equals))
                .isEqualTo("completed");
        String proposal = a.api("GET", "/api/v1/experiments/" + draft + "/ai-proposals", null).text("/data/0/id");
        assertThat(keys.list(a.workspaceId()).stream().map(ApiKeyView::id)).contains(apiKey);
        return new Refs(contact, company, segment, list, template, block, blockName, experiment, draft, proposal, importJob, apiKey,
                email, externalId, mark + "-co", mark + ".example");
    }

    /** Ids of rows that exist in no workspace, names no one uses. */
    Refs nowhere() {
        long row = Long.MAX_VALUE - 19;
        String none = "none" + UUID.randomUUID().toString().substring(0, 8);
        return new Refs(Ids.CONTACT.format(row), Ids.COMPANY.format(row), Ids.SEGMENT.format(row), Ids.LIST.format(row),
                Ids.TEMPLATE.format(row), Ids.BLOCK.format(row), none + "Block", Ids.EXPERIMENT.format(row), Ids.EXPERIMENT.format(row - 1),
                Ids.AI_PROPOSAL.format(row), Ids.IMPORT.format(row), Ids.API_KEY.format(row), "ada@" + none + ".example", none + "-1",
                none + "-co", none + ".example");
    }

    Own workspaceB(TestTenant b) {
        String contact = created(b, "/api/v1/contacts", "{\"email\": \"bea@b.example\", \"externalId\": \"b-1\"}");
        String list = created(b, "/api/v1/lists", "{\"name\": \"B list\"}");
        String segment = created(b, "/api/v1/segments", "{\"name\": \"B segment\", \"condition\": {\"stage\": \"lead\"}}");
        String template = created(b, "/api/v1/templates", "{\"name\": \"B template\", \"channel\": \"email\", \"subject\": \"Hi\", "
                + "\"html\": \"<p>Hi {{firstName}}</p>\"}");
        String block = created(b, "/api/v1/blocks", "{\"name\": \"bBlock\", \"content\": \"<p>B</p>\"}");
        String variants = "\"variants\": [{\"key\": \"a\", \"subject\": \"B a\"}, {\"key\": \"b\", \"subject\": \"B b\"}]";
        String draft = created(b, "/api/v1/experiments", "{\"name\": \"B draft\", \"metric\": \"open\", " + variants + "}");
        String running = created(b, "/api/v1/experiments", "{\"name\": \"B running\", \"metric\": \"open\", " + variants + "}");
        ok(b.api("POST", "/api/v1/experiments/" + running + "/start", null));
        // With a provider of its own, B's proposal calls get as far as looking the experiment up.
        ok(b.api("PUT", "/api/v1/experiments/ai-settings", "{\"baseUrl\": \"" + llm.baseUrl() + "/v1/\", \"model\": \"gpt-b\"}"));
        return new Own(contact, list, segment, template, block, draft, running);
    }

    /** Nothing left to do for A in the background (scores, stage moves, segment changes, imports). */
    void settled(TestTenant t) {
        tenants.awaitScoringSettled(t.workspaceId());
        String idle = "select not exists (select 1 from segment_pending where workspace_id = ?)"
                + " and not exists (select 1 from import_job where workspace_id = ? and status in ('queued', 'running'))";
        assertThat(Eventually.eventually(() -> jdbc.sql(idle).params(t.workspaceId(), t.workspaceId()).query(Boolean.class).single(), b -> b))
                .as("workspace settled").isTrue();
    }

    /** Every row of the workspace, table by table: tables with a workspace_id, the workspace itself, its imports' row errors. */
    String snapshot(long workspaceId) {
        List<String> tables = jdbc.sql("""
                select c.table_name from information_schema.columns c
                join pg_class k on k.relname = c.table_name and k.relnamespace = 'public'::regnamespace and not k.relispartition
                where c.table_schema = 'public' and c.column_name = 'workspace_id' order by 1""").query(String.class).list();
        StringBuilder out = new StringBuilder();
        for (String table : tables) {
            out.append("== ").append(table).append('\n').append(jdbc.sql("select coalesce(string_agg(t::text, E'\\n' order by t::text), '') from "
                    + table + " t where workspace_id = ?").param(workspaceId).query(String.class).single()).append('\n');
        }
        out.append("== workspace\n").append(jdbc.sql("select w::text from workspace w where id = ?").param(workspaceId).query(String.class)
                .single()).append('\n');
        out.append("== import_row_error\n").append(jdbc.sql("""
                select coalesce(string_agg(e::text, E'\\n' order by e::text), '') from import_row_error e
                join import_job j on j.id = e.import_id where j.workspace_id = ?""").param(workspaceId).query(String.class).single());
        assertThat(tables).as("tables with a workspace_id").contains("contact", "event", "experiment_ai_proposal", "api_key");
        return out.toString();
    }

    static String created(TestTenant t, String path, String body) {
        Answer answer = t.api("POST", path, body);
        assertThat(answer.status()).as("%s %s: %s", path, body, answer.body()).isEqualTo(201);
        return answer.text("/id");
    }

    static void ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    static String imported(TestTenant t, String csv) {
        Answer queued = t.post("/api/v1/imports", "text/csv", csv);
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        String id = queued.text("/id");
        assertThat(Eventually.eventually(() -> t.api("GET", "/api/v1/imports/" + id, null).text("/status"), "completed"::equals))
                .isEqualTo("completed");
        assertThat(t.api("GET", "/api/v1/imports/" + id + "/errors", null).json().get("data").size()).isEqualTo(1);
        return id;
    }

    /** Workspace B's owner, signed in through the sign-in form (with its CSRF token), as a browser would be. */
    static final class Session {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String base;
        private String csrf;

        Session(TestTenant t) {
            base = t.baseUrl();
            csrf = token(send("GET", "/login", null));
            Answer signedIn = send("POST", "/login", form("username", t.ownerEmail()) + "&" + form("password", t.ownerPassword()));
            assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location")).isPresent().get().asString().doesNotContain("error");
            csrf = token(send("GET", "/contacts", null));
        }

        /** A page asked for as a browser would; a form post carries the session's CSRF token. */
        Answer send(String method, String path, String form) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
            if (method.equals("GET")) {
                request.GET();
            } else {
                String body = form("_csrf", csrf) + (form == null || form.isEmpty() ? "" : "&" + form);
                request.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.body(), response.headers());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String token(Answer page) {
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("a CSRF token in %s", page.body()).isTrue();
            return token.group(1);
        }
    }
}
