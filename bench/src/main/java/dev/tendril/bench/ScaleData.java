package dev.tendril.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A large workspace written straight into the server's tables with COPY, from a fixed seed: companies,
 * contacts (titles, countries, plans, stage {@code lead}), events over the last 90 days (page views,
 * downloads, demo requests, email opens and clicks, webinars, trials; a few people are much more
 * active than most) and the behaviour counters those events add up to, as ingestion would keep them.
 */
final class ScaleData {
    static final String[] TITLES = {"VP Marketing", "Engineer", "Director of Sales", "CTO", "Analyst", "VP Engineering",
            "Marketing Manager", "Founder", "Designer", "Head of Growth"};
    static final String[] COUNTRIES = {"DE", "US", "GB", "FR", "AT", "CH", "NL", "ES", "SE", "JP"};
    static final String[] PLANS = {"free", "pro", "enterprise"};
    static final String[] INDUSTRIES = {"Software", "Healthcare", "Retail", "Finance", "Manufacturing", "Education"};
    private static final int CHUNK = 20_000;
    private static final int DAYS = 90;
    static final int WINDOW_DAYS = 30;

    /** What was written: the contact ids are {@code firstContactId} … {@code firstContactId + contacts - 1}. */
    record Written(long firstContactId, int contacts, long events, double seconds) {}

    private ScaleData() {}

    static Written write(Database db, long workspaceId, int contacts, long events, long seed) throws Exception {
        long start = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SplittableRandom random = new SplittableRandom(seed);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            int companies = Math.max(1, contacts / 100);
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < companies; i++) {
                rows.append(workspaceId).append("\tCompany ").append(i).append("\tco").append(i).append(".example\t")
                        .append(INDUSTRIES[random.nextInt(INDUSTRIES.length)]).append('\t').append(10 + random.nextInt(5000))
                        .append('\t').append(random.nextInt(100_000_000)).append('\n');
            }
            copy.copyIn("copy company (workspace_id, name, domain, industry, employees, annual_revenue) from stdin",
                    new StringReader(rows.toString()));
            long firstCompany = single(c, "select min(id) from company where workspace_id = " + workspaceId);

            for (int done = 0; done < contacts; done += CHUNK) {
                rows.setLength(0);
                for (int i = done; i < Math.min(contacts, done + CHUNK); i++) {
                    rows.append(workspaceId).append("\tperson").append(i).append("@co").append(i % companies).append(".example\t")
                            .append("First").append(i).append('\t').append(TITLES[random.nextInt(TITLES.length)]).append('\t')
                            .append(firstCompany + i % companies).append("\tlead\t{\"plan\": \"").append(PLANS[random.nextInt(PLANS.length)])
                            .append("\"}\t{\"country\": \"").append(COUNTRIES[random.nextInt(COUNTRIES.length)]).append("\"}\n");
                }
                copy.copyIn("copy contact (workspace_id, email, first_name, title, company_id, lifecycle_stage, attributes, address) from stdin",
                        new StringReader(rows.toString()));
            }
            long firstContact = single(c, "select min(id) from contact where workspace_id = " + workspaceId);
            c.commit();

            createPartitions(c, now);
            Behavior behavior = new Behavior(contacts);
            for (long done = 0; done < events; done += CHUNK) {
                rows.setLength(0);
                for (long i = done; i < Math.min(events, done + CHUNK); i++) {
                    // Squaring skews activity: a few people are far more active than most, as on real sites.
                    double u = random.nextDouble();
                    int person = (int) (u * u * contacts);
                    Instant at = clearOfWindowEdge(now.minusSeconds(random.nextLong(DAYS * 86_400L)), now);
                    int kind = random.nextInt(100);
                    appendEvent(rows, workspaceId, firstContact + person, kind, at, now, i, seed);
                    behavior.add(person, kind, at);
                }
                copy.copyIn("copy event (workspace_id, contact_id, type, name, message_id, occurred_at, received_at, original_timestamp, "
                        + "properties, context, integrations) from stdin", new StringReader(rows.toString()));
                c.commit();
            }
            behavior.copy(copy, workspaceId, firstContact);
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("analyze");
            }
            return new Written(firstContact, contacts, events, (System.nanoTime() - start) / 1e9);
        }
    }

    /** 55% page views (a tenth of them on pricing), then downloads, email opens and clicks, webinars, demo requests, trials. */
    private static void appendEvent(StringBuilder out, long workspaceId, long contactId, int kind, Instant at, Instant now, long n, long seed) {
        String type = kind < 55 ? "page" : "track";
        String name = kind < 55 ? null : kind < 70 ? "Content Downloaded" : kind < 85 ? "Email Opened" : kind < 92 ? "Email Link Clicked"
                : kind < 96 ? "Webinar Attended" : kind < 99 ? "Demo Requested" : "Trial Started";
        String properties = kind < 5 ? "{\"path\": \"/pricing\"}" : kind < 55 ? "{\"path\": \"/blog/" + (n % 500) + "\"}" : "{}";
        out.append(workspaceId).append('\t').append(contactId).append('\t').append(type).append('\t')
                .append(name == null ? "\\N" : name).append("\tm-").append(seed).append('-').append(n).append('\t')
                .append(at).append('\t').append(now).append('\t').append(at).append('\t').append(properties)
                .append("\t{}\t{}\n");
    }

    /**
     * Keeps events an hour clear of "30 days ago", the edge of the benchmarks' windows: counts taken a few seconds
     * apart (the segment, its preview, the hand-written SQL) must not differ by an event crossing it meanwhile.
     */
    private static Instant clearOfWindowEdge(Instant at, Instant now) {
        Instant edge = now.minus(WINDOW_DAYS, ChronoUnit.DAYS);
        return Math.abs(at.getEpochSecond() - edge.getEpochSecond()) < 3600 ? at.minusSeconds(7200) : at;
    }

    private static void createPartitions(Connection c, Instant now) throws Exception {
        YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC));
        try (Statement s = c.createStatement()) {
            for (YearMonth m = YearMonth.from(now.minus(DAYS + 1, ChronoUnit.DAYS).atZone(ZoneOffset.UTC)); !m.isAfter(last); m = m.plusMonths(1)) {
                LocalDate from = m.atDay(1);
                s.execute("create table if not exists event_p%04d_%02d partition of event for values from ('%s 00:00:00+00') to ('%s 00:00:00+00')"
                        .formatted(m.getYear(), m.getMonthValue(), from, from.plusMonths(1)));
            }
        }
        c.commit();
    }

    private static long single(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The behaviour counters the generated events add up to, per person, under the default behaviour mapping. */
    private static final class Behavior {
        final long[] first;
        final long[] last;
        final int[] events;
        final int[] pageViews;
        final int[] pricing;
        final int[] demos;
        final int[] trials;
        final int[] downloads;
        final int[] webinars;

        Behavior(int contacts) {
            first = new long[contacts];
            last = new long[contacts];
            events = new int[contacts];
            pageViews = new int[contacts];
            pricing = new int[contacts];
            demos = new int[contacts];
            trials = new int[contacts];
            downloads = new int[contacts];
            webinars = new int[contacts];
        }

        /** {@code kind} as {@link #appendEvent} reads it. */
        void add(int person, int kind, Instant at) {
            long t = at.getEpochSecond();
            first[person] = events[person] == 0 ? t : Math.min(first[person], t);
            last[person] = Math.max(last[person], t);
            events[person]++;
            if (kind < 55) {
                pageViews[person]++;
                pricing[person] += kind < 5 ? 1 : 0;
            } else if (kind < 70) {
                downloads[person]++;
            } else if (kind >= 92 && kind < 96) {
                webinars[person]++;
            } else if (kind >= 96 && kind < 99) {
                demos[person]++;
            } else if (kind == 99) {
                trials[person]++;
            }
        }

        void copy(CopyManager copy, long workspaceId, long firstContact) throws Exception {
            StringBuilder rows = new StringBuilder();
            for (int p = 0; p < events.length; p++) {
                if (events[p] > 0) {
                    int sessions = Math.max(1, events[p] / 4);
                    rows.append(firstContact + p).append('\t').append(workspaceId).append('\t')
                            .append(Instant.ofEpochSecond(first[p])).append('\t').append(Instant.ofEpochSecond(last[p])).append('\t')
                            .append(sessions).append('\t').append(sessions * 240L).append('\t').append(pageViews[p]).append('\t')
                            .append(pricing[p]).append('\t').append(demos[p]).append('\t').append(trials[p]).append('\t')
                            .append(downloads[p]).append('\t').append(0).append('\t').append(webinars[p]).append('\n');
                }
                if (rows.length() > 4_000_000 || p == events.length - 1) {
                    copy.copyIn("copy contact_behavior (contact_id, workspace_id, first_seen_at, last_seen_at, sessions, time_on_site_seconds, "
                            + "page_views, pricing_page_views, demo_requests, trial_signups, content_downloads, video_watches, webinar_attendance) "
                            + "from stdin", new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
        }
    }
}
