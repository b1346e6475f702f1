package dev.tendril.content.internal;

import dev.tendril.Tendril;
import dev.tendril.content.RenderInputs;
import dev.tendril.workspace.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times the personalisation data of 1,000 recipients read from PostgreSQL by the real
 * {@link PersonalizationLoader}, in a read-only transaction as {@link RenderSavedTemplates#render} reads
 * it. The server's Spring context runs over a fresh embedded PostgreSQL (Flyway schema); a workspace
 * of 1,000 contacts with companies, 25 events each and behaviour rows is written with SQL. Startup
 * and writing are not timed.
 */
final class RecipientContextTiming {
    static final int RECIPIENTS = 1_000;
    private static final int EVENTS_PER_CONTACT = 25;
    private static final int WARMUP = 5;
    private static final int RUNS = 15;

    /** Median and range of the timed runs, in milliseconds; {@code startupSeconds} is the context's start. */
    record Result(double medianMs, double minMs, double maxMs, int runs, double startupSeconds, long events) {}

    private RecipientContextTiming() {}

    static Result run() {
        Path dir = tempDir();
        long start = System.nanoTime();
        // As arguments: they outrank application.properties (which keeps the database under ./data).
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Tendril.class).run("--tendril.data-dir=" + dir,
                "--server.port=0", "--logging.level.root=WARN", "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false")) {
            double startup = (System.nanoTime() - start) / 1e9;
            long workspace = context.getBean(Workspaces.class).create("render-bench", "Render benchmark");
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            List<Long> ids = write(jdbc, workspace);
            long events = jdbc.sql("select count(*) from event where workspace_id = ?").param(workspace).query(Long.class).single();
            PersonalizationLoader loader = context.getBean(PersonalizationLoader.class);
            TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            readOnly.setReadOnly(true);
            Map<String, Object> journey = Map.of("campaign", "Weekly digest");
            double[] ms = new double[RUNS];
            for (int i = -WARMUP; i < RUNS; i++) {
                long t = System.nanoTime();
                Map<Long, PersonalizationLoader.Loaded> loaded = readOnly.execute(s -> loader.load(workspace, ids, RenderInputs.of(journey, Map.of()), Instant.now()));
                double took = (System.nanoTime() - t) / 1e6;
                check(loaded);
                if (i >= 0) {
                    ms[i] = took;
                }
            }
            Arrays.sort(ms);
            return new Result(ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS, startup, events);
        } finally {
            delete(dir);
        }
    }

    /** 1,000 contacts over 100 companies, each with 20 page views and 5 track events in the last 18 days, and behaviour. */
    private static List<Long> write(JdbcClient jdbc, long ws) {
        Instant now = Instant.now();
        Set<YearMonth> months = new TreeSet<>();
        for (Instant at = now.minus(20, ChronoUnit.DAYS); !at.isAfter(now); at = at.plus(1, ChronoUnit.DAYS)) {
            months.add(YearMonth.from(at.atZone(ZoneOffset.UTC)));
        }
        for (YearMonth m : months) {
            LocalDate from = m.atDay(1);
            jdbc.sql("create table if not exists event_p%04d_%02d partition of event for values from ('%s 00:00:00+00') to ('%s 00:00:00+00')"
                    .formatted(m.getYear(), m.getMonthValue(), from, from.plusMonths(1))).update();
        }
        jdbc.sql("""
                insert into company (workspace_id, name, domain, industry, employees, plan, website, attributes)
                select ?, 'Company ' || i, 'co' || i || '.example', (array['Software', 'Healthcare', 'Retail', 'Finance'])[1 + i % 4],
                       10 + i * 37, (array['free', 'pro', 'enterprise'])[1 + i % 3], 'https://co' || i || '.example', '{"region": "EMEA"}'
                from generate_series(0, 99) i""").param(ws).update();
        jdbc.sql("""
                insert into contact (workspace_id, email, external_id, first_name, last_name, title, timezone, company_id, lifecycle_stage,
                                     attributes, address)
                select ?, 'person' || i || '@co' || i % 100 || '.example', 'u-' || i, 'First' || i, 'Last' || i,
                       (array['VP Marketing', 'Engineer', 'CTO', 'Analyst'])[1 + i % 4], 'Europe/Berlin',
                       (select id from company where workspace_id = ? and domain = 'co' || i % 100 || '.example'), 'lead',
                       jsonb_build_object('plan', (array['free', 'pro', 'enterprise'])[1 + i % 3], 'seats', i % 50, 'locale', 'de-DE'),
                       '{"city": "Berlin", "country": "DE"}'
                from generate_series(1, ?) i""").params(ws, ws, RECIPIENTS).update();
        jdbc.sql("""
                insert into event (workspace_id, contact_id, type, name, message_id, occurred_at, received_at, properties, context)
                select c.workspace_id, c.id, case when n <= 20 then 'page' else 'track' end,
                       case when n <= 20 then 'Page ' || n when n % 2 = 0 then 'Content Viewed' else 'Demo Requested' end,
                       'm-' || c.id || '-' || n, now() - n * interval '17 hours', now(),
                       case when n <= 20 then jsonb_build_object('path', '/p/' || n, 'title', 'Page ' || n, 'url', 'https://tendril.example/p/' || n)
                            else jsonb_build_object('title', 'Handbook ' || n, 'path', '/library/' || n) end,
                       '{"library": {"name": "analytics.js"}}'
                from contact c cross join generate_series(1, ?) n where c.workspace_id = ?""").params(EVENTS_PER_CONTACT, ws).update();
        jdbc.sql("""
                insert into contact_behavior (contact_id, workspace_id, first_seen_at, last_seen_at, sessions, time_on_site_seconds, page_views,
                                              pricing_page_views, demo_requests, trial_signups, content_downloads, video_watches, webinar_attendance)
                select id, workspace_id, now() - interval '18 days', now() - interval '17 hours', 5 + id % 20, 600 + id % 3000, 20, id % 4, 2, 0,
                       id % 3, 0, 0
                from contact where workspace_id = ?""").param(ws).update();
        jdbc.sql("analyze").update();
        return jdbc.sql("select id from contact where workspace_id = ? order by id").param(ws).query(Long.class).list();
    }

    /** Every recipient loaded, with its company and its five latest pages: the timed reads did their work. */
    @SuppressWarnings("unchecked")
    private static void check(Map<Long, PersonalizationLoader.Loaded> loaded) {
        if (loaded.size() != RECIPIENTS) {
            throw new IllegalStateException("loaded " + loaded.size() + " of " + RECIPIENTS + " recipients");
        }
        for (PersonalizationLoader.Loaded l : loaded.values()) {
            Map<String, Object> behavior = (Map<String, Object>) l.data().get("behavior");
            if (l.data().get("company") == null || ((List<?>) behavior.get("recentPages")).size() != PersonalizationLoader.RECENT_PAGES
                    || behavior.get("lastViewedContent") == null) {
                throw new IllegalStateException("incomplete data for " + l.contact().id());
            }
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tendril-render-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
