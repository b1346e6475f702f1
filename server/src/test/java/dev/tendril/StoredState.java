package dev.tendril;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a Tendril database holds, read with this test's own SQL, checked against what the clients were told and
 * against a recomputation from the stored events: the daily counters and the behaviour by the rules the README
 * documents (Segment's page calls and B2B SaaS events; sessions split by 30 minutes of quiet), the scores by
 * {@link #SCORING_MODEL}'s arithmetic. Nothing here calls Tendril's code.
 */
final class StoredState {
    /** Points a reader can add up: 15 for a VP, per-unit behaviour points, and a half-life so long that nothing decays. */
    static final String SCORING_MODEL = """
            {"categories": {
              "demographics": {"rules": [{"name": "VP", "points": 15, "condition": {"attribute": "title", "op": "contains", "value": "VP"}}]},
              "firmographics": {"rules": []},
              "behavior": {"rules": [
                {"name": "Pages", "metric": "pageViews", "pointsPerUnit": 1},
                {"name": "Pricing", "metric": "pricingPageViews", "pointsPerUnit": 5},
                {"name": "Demos", "metric": "demoRequests", "pointsPerUnit": 30},
                {"name": "Trials", "metric": "trialSignups", "pointsPerUnit": 20},
                {"name": "Downloads", "metric": "contentDownloads", "pointsPerUnit": 4},
                {"name": "Videos", "metric": "videoWatches", "pointsPerUnit": 3},
                {"name": "Webinars", "metric": "webinarAttendance", "pointsPerUnit": 10}]},
              "engagement": {"rules": []},
              "recency": {"halfLifeDays": 1000000, "rules": []},
              "predictive": {"weight": 0, "rules": []}}}""";

    private static final Duration SESSION_GAP = Duration.ofMinutes(30);

    /** What one check covered. */
    record Figures(int events, int contacts, int counters) {}

    /** A contact's behaviour as {@code contact_behavior} holds it: first and last seen, sessions, seconds on site, then the seven counts. */
    record Behavior(Instant firstSeen, Instant lastSeen, int sessions, long timeOnSite, List<Integer> counts) {
        int count(int metric) {
            return counts.get(metric);
        }
    }

    private static final int PAGES = 0, PRICING = 1, DEMOS = 2, TRIALS = 3, DOWNLOADS = 4, VIDEOS = 5, WEBINARS = 6;

    private StoredState() {}

    /** Settings without which a 200 would not survive the machine's crash, whatever this test's SIGKILL shows. */
    static void assertCrashSafeSettings(Connection db) throws SQLException {
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
                rs.next();
                assertThat(rs.getString(1)).as(setting).isEqualTo("on");
            }
        }
    }

    /** Waits until no rescore, stage move or workspace rescore is left to do, as one snapshot sees it. */
    static void awaitDrained(Connection db, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        do {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                    select (select count(*) from score_pending) + (select count(*) from stage_pending)
                         + (select count(*) from scoring_job where status in ('queued', 'running'))""")) {
                rs.next();
                left = rs.getLong(1);
            }
            if (left > 0) {
                Thread.sleep(50);
            }
        } while (left > 0 && System.nanoTime() < deadline);
        assertThat(left).as("pending rescores, stage moves and rescore jobs after %s", timeout).isZero();
    }

    /**
     * In one snapshot: every acknowledged messageId is stored exactly once (in {@code event} and {@code event_message}),
     * nothing stored was never sent, and the counters and behaviour equal a recomputation from the stored events;
     * with {@code scores}, every contact with events has the score {@link #SCORING_MODEL} gives it.
     */
    static Figures verify(Connection db, Set<String> acknowledged, Set<String> sent, boolean scores) throws SQLException {
        db.setAutoCommit(false);
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            return verifyInSnapshot(db, acknowledged, sent, scores);
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }

    private static Figures verifyInSnapshot(Connection db, Set<String> acknowledged, Set<String> sent, boolean scores) throws SQLException {
        Map<String, Integer> stored = new HashMap<>();
        Map<Long, List<Activity>> activity = new HashMap<>();
        Set<Long> withEvents = new HashSet<>();
        Map<String, Integer> counters = new HashMap<>();
        query(db, """
                select message_id, contact_id, type, name, properties->>'path', occurred_at from event order by contact_id, occurred_at, id""",
                rs -> {
                    stored.merge(rs.getString(1), 1, Integer::sum);
                    long contact = rs.getLong(2);
                    withEvents.add(contact);
                    String type = rs.getString(3);
                    if (type.equals("track") || type.equals("page") || type.equals("screen")) {
                        Instant at = rs.getObject(6, OffsetDateTime.class).toInstant();
                        activity.computeIfAbsent(contact, k -> new ArrayList<>()).add(new Activity(at, type, rs.getString(4), rs.getString(5)));
                        String key = contact + " " + (type.equals("track") ? "track:" + rs.getString(4) : type) + " " + at.atZone(ZoneOffset.UTC).toLocalDate();
                        counters.merge(key, 1, Integer::sum);
                    }
                });
        Set<String> dedup = new HashSet<>();
        query(db, "select message_id from event_message", rs -> dedup.add(rs.getString(1)));

        assertThat(stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).limit(10).toList())
                .as("messageIds stored more than once").isEmpty();
        assertThat(acknowledged.stream().filter(id -> !stored.containsKey(id)).limit(10).toList())
                .as("acknowledged messageIds missing from event (of %d acknowledged)", acknowledged.size()).isEmpty();
        assertThat(dedup).as("event_message holds exactly the stored events' messageIds").isEqualTo(stored.keySet());
        assertThat(stored.keySet().stream().filter(id -> !sent.contains(id)).limit(10).toList()).as("stored but never sent").isEmpty();

        Map<String, Integer> storedCounters = new HashMap<>();
        query(db, "select contact_id, event_key, day, count from contact_event_daily",
                rs -> storedCounters.put(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3), rs.getInt(4)));
        assertThat(differences(storedCounters, counters)).as("contact_event_daily against a recount of the events").isEmpty();

        Map<Long, Behavior> behavior = new HashMap<>();
        activity.forEach((contact, list) -> behavior.put(contact, fold(list)));
        Map<Long, Behavior> storedBehavior = new HashMap<>();
        query(db, """
                select contact_id, first_seen_at, last_seen_at, sessions, time_on_site_seconds, page_views, pricing_page_views,
                       demo_requests, trial_signups, content_downloads, video_watches, webinar_attendance from contact_behavior""",
                rs -> {
                    List<Integer> counts = new ArrayList<>();
                    for (int i = 6; i <= 12; i++) {
                        counts.add(rs.getInt(i));
                    }
                    storedBehavior.put(rs.getLong(1), new Behavior(rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4), rs.getLong(5), counts));
                });
        assertThat(differences(storedBehavior, behavior)).as("contact_behavior against a refold of the events").isEmpty();

        if (scores) {
            assertScores(db, withEvents, behavior);
        }
        return new Figures(stored.size(), withEvents.size(), counters.size());
    }

    /** Every contact with events has a stored score, and every stored score is the model's sum for its contact. */
    private static void assertScores(Connection db, Set<Long> withEvents, Map<Long, Behavior> behavior) throws SQLException {
        List<String> wrong = new ArrayList<>();
        Set<Long> scored = new HashSet<>();
        query(db, """
                select c.id, c.title, s.score, s.fit_score, s.engagement_score
                from contact c join contact_score s on s.contact_id = c.id""", rs -> {
            long contact = rs.getLong(1);
            scored.add(contact);
            String title = rs.getString(2);
            Behavior b = behavior.get(contact);
            int fit = title != null && title.contains("VP") ? 15 : 0;
            int engagement = b == null ? 0 : b.count(PAGES) + 5 * b.count(PRICING) + 30 * b.count(DEMOS) + 20 * b.count(TRIALS)
                    + 4 * b.count(DOWNLOADS) + 3 * b.count(VIDEOS) + 10 * b.count(WEBINARS);
            if (rs.getBigDecimal(3).compareTo(BigDecimal.valueOf(fit + engagement)) != 0
                    || rs.getBigDecimal(4).compareTo(BigDecimal.valueOf(fit)) != 0
                    || rs.getBigDecimal(5).compareTo(BigDecimal.valueOf(engagement)) != 0) {
                wrong.add("contact " + contact + " (" + title + ", " + b + "): stored " + rs.getBigDecimal(3) + "/" + rs.getBigDecimal(4)
                        + "/" + rs.getBigDecimal(5) + ", expected " + (fit + engagement) + "/" + fit + "/" + engagement);
            }
        });
        assertThat(wrong.stream().limit(10).toList()).as("scores against the model's sum (%d wrong)", wrong.size()).isEmpty();
        assertThat(withEvents.stream().filter(c -> !scored.contains(c)).limit(10).toList()).as("contacts with events but no score").isEmpty();
    }

    private record Activity(Instant at, String type, String name, String path) {}

    /** The behaviour of one contact's activity, in time order. */
    private static Behavior fold(List<Activity> activity) {
        int[] counts = new int[7];
        int sessions = 0;
        long seconds = 0;
        Instant previous = null;
        for (Activity a : activity) {
            if (a.type().equals("page")) {
                counts[PAGES]++;
                if (a.path() != null && a.path().toLowerCase().contains("/pricing")) {
                    counts[PRICING]++;
                }
            } else if (a.type().equals("track")) {
                switch (a.name()) {
                    case "Demo Requested" -> counts[DEMOS]++;
                    case "Trial Started" -> counts[TRIALS]++;
                    case "Content Downloaded" -> counts[DOWNLOADS]++;
                    case "Video Content Completed", "Video Playback Completed" -> counts[VIDEOS]++;
                    case "Webinar Attended" -> counts[WEBINARS]++;
                    default -> { }
                }
            }
            Duration gap = previous == null ? null : Duration.between(previous, a.at());
            if (gap == null || gap.compareTo(SESSION_GAP) >= 0) {
                sessions++;
            } else {
                seconds += gap.toSeconds();
            }
            previous = a.at();
        }
        return new Behavior(activity.getFirst().at(), activity.getLast().at(), sessions, seconds,
                Arrays.stream(counts).boxed().toList());
    }

    /** The keys whose values differ (or that only one side has), at most ten, with both values. */
    private static <K, V> List<String> differences(Map<K, V> stored, Map<K, V> expected) {
        Set<K> keys = new HashSet<>(stored.keySet());
        keys.addAll(expected.keySet());
        return keys.stream().filter(k -> !Objects.equals(stored.get(k), expected.get(k))).limit(10)
                .map(k -> k + ": stored " + stored.get(k) + ", recomputed " + expected.get(k)).toList();
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection db, String sql, Row row) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }
}
