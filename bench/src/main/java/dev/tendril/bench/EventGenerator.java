package dev.tendril.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Realistic website traffic as analytics.js sends it: about 60% page views (some of them on
 * /pricing), 30% track calls and 10% identify calls with traits, from a fixed crowd of people so
 * contacts repeat. Six in ten people are known (userId and anonymousId), the rest anonymous. Not
 * thread-safe: one generator per client thread.
 */
final class EventGenerator {
    private static final String[][] PAGES = {
            {"/", "Tendril - Marketing automation on PostgreSQL"},
            {"/pricing", "Pricing"},
            {"/pricing", "Pricing"},
            {"/product", "Product tour"},
            {"/product/journeys", "Customer journeys"},
            {"/product/scoring", "Lead scoring"},
            {"/blog/lead-scoring-101", "Lead scoring 101"},
            {"/blog/attribution-models-explained", "Attribution models explained"},
            {"/customers", "Customer stories"},
            {"/docs/getting-started", "Getting started"},
            {"/webinars/q3-pipeline-review", "Webinar: Q3 pipeline review"},
            {"/about", "About us"},
    };
    private static final String[] REFERRERS = {"https://www.google.com/", "https://www.linkedin.com/", "", "https://news.ycombinator.com/",
            "https://duckduckgo.com/"};
    private static final String[] AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    };
    private static final String[] LOCALES = {"en-US", "en-GB", "de-DE", "fr-FR", "nl-NL"};
    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Linus"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Torvalds"};
    private static final String[] TITLES = {"Marketing Manager", "VP Marketing", "Growth Lead", "CTO", "Demand Generation Specialist"};
    private static final String[] PLANS = {"free", "starter", "growth", "enterprise"};
    private static final String[] CONTENT = {"State of B2B Marketing 2026", "Lead Scoring Playbook", "Journey Design Checklist"};
    private static final String[] VIDEOS = {"Product tour in 5 minutes", "Building your first journey", "Attribution deep dive"};

    private final int people;
    private final SplittableRandom random;

    EventGenerator(int people, long seed) {
        this.people = people;
        this.random = new SplittableRandom(seed);
    }

    /** A {@code /v1/batch} body of {@code size} calls, all timestamped now. */
    String batchBody(int size) {
        Instant now = Instant.now();
        StringBuilder out = new StringBuilder(size * 1200);
        out.append("{\"batch\":[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(',');
            }
            next(now).appendSegmentJson(out);
        }
        return out.append("],\"sentAt\":\"").append(now).append("\"}").toString();
    }

    List<Event> events(int size, Instant now) {
        List<Event> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(next(now));
        }
        return out;
    }

    Event next(Instant now) {
        double kind = random.nextDouble();
        int person = random.nextInt(people);
        if (kind >= 0.9) {
            person = known(person);
            return new Event("identify", null, messageId(), userId(person), anonymousId(person), now, null, traits(person),
                    context(person, PAGES[0], ""), "{}");
        }
        String[] page = PAGES[random.nextInt(PAGES.length)];
        String referrer = REFERRERS[random.nextInt(REFERRERS.length)];
        String userId = isKnown(person) ? userId(person) : null;
        if (kind < 0.6) {
            return new Event("page", page[1], messageId(), userId, anonymousId(person), now, pageProperties(page, referrer), null,
                    context(person, page, referrer), "{}");
        }
        String[] track = track();
        return new Event("track", track[0], messageId(), userId, anonymousId(person), now, track[1], null,
                context(person, page, referrer), "{}");
    }

    private String[] track() {
        return switch (random.nextInt(3)) {
            case 0 -> new String[] {"Content Downloaded", "{\"contentId\":\"wp-" + (100 + random.nextInt(3)) + "\",\"title\":"
                    + Json.string(CONTENT[random.nextInt(CONTENT.length)]) + ",\"format\":\"pdf\",\"category\":\"whitepaper\"}"};
            case 1 -> new String[] {"Demo Requested", "{\"plan\":\"" + PLANS[random.nextInt(PLANS.length)]
                    + "\",\"source\":\"pricing-page\",\"teamSize\":" + (5 + random.nextInt(500)) + "}"};
            default -> new String[] {"Video Playback Completed", "{\"videoId\":\"vid-" + random.nextInt(3) + "\",\"title\":"
                    + Json.string(VIDEOS[random.nextInt(VIDEOS.length)]) + ",\"durationSeconds\":" + (120 + random.nextInt(600))
                    + ",\"position\":100,\"player\":\"html5\"}"};
        };
    }

    private static String pageProperties(String[] page, String referrer) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"path\":");
        Json.string(out, page[0]).append(",\"referrer\":");
        Json.string(out, referrer).append(",\"search\":\"\",\"title\":");
        Json.string(out, page[1]).append(",\"url\":");
        return Json.string(out, "https://tendril.example" + page[0]).append('}').toString();
    }

    private String context(int person, String[] page, String referrer) {
        StringBuilder out = new StringBuilder(640);
        out.append("{\"ip\":\"203.0.").append(person / 250 % 256).append('.').append(person % 250).append('"')
                .append(",\"library\":{\"name\":\"analytics.js\",\"version\":\"next-1.76.0\"},\"locale\":\"")
                .append(LOCALES[person % LOCALES.length]).append("\",\"userAgent\":");
        Json.string(out, AGENTS[person % AGENTS.length]).append(",\"timezone\":\"Europe/Amsterdam\",\"page\":{\"path\":");
        Json.string(out, page[0]).append(",\"referrer\":");
        Json.string(out, referrer).append(",\"search\":\"\",\"title\":");
        Json.string(out, page[1]).append(",\"url\":");
        Json.string(out, "https://tendril.example" + page[0]).append('}');
        if (person % 7 == 0) {
            out.append(",\"campaign\":{\"source\":\"linkedin\",\"medium\":\"paid-social\",\"name\":\"q3-launch\"}");
        }
        return out.append('}').toString();
    }

    private String traits(int person) {
        String first = FIRST[person % FIRST.length];
        String last = LAST[person / FIRST.length % LAST.length];
        StringBuilder out = new StringBuilder(256);
        out.append("{\"email\":");
        Json.string(out, (first + "." + last + person + "@company" + person % 300 + ".example").toLowerCase()).append(",\"firstName\":");
        Json.string(out, first).append(",\"lastName\":");
        Json.string(out, last).append(",\"title\":");
        Json.string(out, TITLES[person % TITLES.length]).append(",\"plan\":\"").append(PLANS[random.nextInt(PLANS.length)])
                .append("\",\"employees\":").append(10 + person % 990).append('}');
        return out.toString();
    }

    private String messageId() {
        return "ajs-next-" + new UUID(random.nextLong(), random.nextLong());
    }

    static boolean isKnown(int person) {
        return person % 10 < 6;
    }

    /** The nearest known person at or below {@code person}. */
    static int known(int person) {
        return person - Math.max(0, person % 10 - 5);
    }

    static String userId(int person) {
        return "user_" + person;
    }

    static String anonymousId(int person) {
        return new UUID(0x7e4d_0000_0000_0000L | person, 0x8000_0000_0000_0000L | person * 2654435761L).toString();
    }
}
