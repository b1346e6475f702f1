package dev.tendril.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates Segment calls for a believable B2B audience: people at companies browsing the site in
 * sessions, some reading pricing, downloading content, attending webinars, asking for demos and
 * starting trials; the more engaged a person, the more of the later funnel steps. Deterministic per seed.
 */
final class DemoData {
    private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Diego", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
            "Kara", "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Yara", "Zoe"};
    private static final String[] LAST = {"Almeida", "Brown", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ito",
            "Jensen", "Kowalski", "Lopez", "Müller", "Novak", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Weber"};
    private static final String[] TITLES = {"VP Marketing", "Head of Growth", "Marketing Manager", "CMO", "Demand Gen Lead",
            "Software Engineer", "Sales Director", "Product Manager", "Marketing Ops Specialist", "CEO", "Content Strategist"};
    private static final String[] INDUSTRIES = {"Software", "Healthcare", "Finance", "Retail", "Manufacturing", "Education", "Media"};
    private static final String[] COMPANY_WORDS = {"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay",
            "Soylent", "Tyrell", "Cyberdyne", "Wonka", "Gringotts", "Oscorp", "Aperture", "Massive", "Dunder", "Pied", "Nakatomi", "Monarch"};
    private static final String[] SUFFIXES = {"Labs", "Systems", "Health", "Capital", "Retail", "Works", "Media", "Cloud"};
    private static final String[] PAGES = {"/", "/features", "/blog/lead-scoring-101", "/blog/segmentation", "/customers",
            "/integrations", "/docs/getting-started", "/about", "/blog/journeys"};
    private static final String[] TIMEZONES = {"Europe/Berlin", "America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Tokyo",
            "Australia/Sydney", "Europe/Lisbon"};
    private static final String[] PLANS = {"free", "starter", "pro", "enterprise"};

    record Company(String id, String name, String domain, String industry, int employees) {}

    private final Random random;
    private final Instant now;
    private final List<Company> companies = new ArrayList<>();

    DemoData(long seed, Instant now, int companyCount) {
        this.random = new Random(seed);
        this.now = now;
        for (int i = 0; i < companyCount; i++) {
            String name = COMPANY_WORDS[i % COMPANY_WORDS.length] + " " + SUFFIXES[(i / COMPANY_WORDS.length) % SUFFIXES.length]
                    + (i >= COMPANY_WORDS.length * SUFFIXES.length ? " " + (i / (COMPANY_WORDS.length * SUFFIXES.length) + 1) : "");
            String domain = name.toLowerCase().replace(" ", "") + ".example";
            companies.add(new Company("org-" + i, name, domain, pick(INDUSTRIES), 10 + random.nextInt(5000)));
        }
    }

    /** All calls of one person, oldest first: an identify (unless anonymous), a group, then sessions of activity. */
    List<Map<String, Object>> person(int index) {
        List<Map<String, Object>> calls = new ArrayList<>();
        boolean anonymous = index % 10 == 9;
        String anonymousId = UUID.nameUUIDFromBytes(("demo-anon-" + index).getBytes()).toString();
        String userId = anonymous ? null : "demo-user-" + index;
        double engagement = Math.pow(random.nextDouble(), 1.6);
        Instant at = now.minus(Duration.ofDays(1 + random.nextInt(42))).minusSeconds(random.nextInt(86_400));
        Company company = companies.get(random.nextInt(companies.size()));
        if (!anonymous) {
            String first = pick(FIRST);
            String last = pick(LAST);
            Map<String, Object> traits = new LinkedHashMap<>();
            traits.put("email", (first + "." + last + index).toLowerCase().replace("ü", "ue") + "@" + company.domain());
            traits.put("firstName", first);
            traits.put("lastName", last);
            traits.put("title", pick(TITLES));
            traits.put("plan", pick(PLANS));
            traits.put("seats", 1 + random.nextInt(50));
            traits.put("newsletter", random.nextBoolean());
            Map<String, Object> identify = call("identify", userId, anonymousId, at);
            identify.put("traits", traits);
            identify.put("context", Map.of("timezone", pick(TIMEZONES)));
            calls.add(identify);
            Map<String, Object> group = call("group", userId, anonymousId, at.plusSeconds(1));
            group.put("groupId", company.id());
            group.put("traits", Map.of("name", company.name(), "industry", company.industry(), "employees", company.employees(),
                    "website", "https://" + company.domain()));
            calls.add(group);
        }
        int sessions = 1 + (int) (engagement * 12);
        for (int s = 0; s < sessions && at.isBefore(now); s++) {
            int pages = 1 + random.nextInt(2 + (int) (engagement * 6));
            for (int p = 0; p < pages; p++) {
                at = at.plusSeconds(20 + random.nextInt(300));
                boolean pricing = random.nextDouble() < 0.1 + engagement * 0.3;
                String path = pricing ? "/pricing" : pick(PAGES);
                Map<String, Object> page = call("page", userId, anonymousId, at);
                page.put("name", pricing ? "Pricing" : path);
                page.put("properties", Map.of("path", path, "url", "https://tendril.example" + path, "title", "Tendril " + path));
                calls.add(page);
            }
            if (!anonymous) {
                maybeTrack(calls, userId, anonymousId, at.plusSeconds(30), 0.15 + engagement * 0.4, "Content Downloaded",
                        Map.of("content_name", "State of Marketing Automation 2026", "content_type", "ebook"));
                maybeTrack(calls, userId, anonymousId, at.plusSeconds(60), 0.05 + engagement * 0.3, "Video Playback Completed",
                        Map.of("title", "Tendril in 5 minutes", "total_length", 300));
                maybeTrack(calls, userId, anonymousId, at.plusSeconds(90), engagement * 0.25, "Webinar Attended",
                        Map.of("webinar", "Real-time segmentation"));
                maybeTrack(calls, userId, anonymousId, at.plusSeconds(120), engagement * engagement * 0.3, "Demo Requested",
                        Map.of("source", "pricing page"));
                maybeTrack(calls, userId, anonymousId, at.plusSeconds(150), engagement * engagement * 0.15, "Trial Started",
                        Map.of("trial_plan", "pro"));
            }
            at = at.plus(Duration.ofHours(4 + random.nextInt(24 * 5)));
        }
        return calls;
    }

    private void maybeTrack(List<Map<String, Object>> calls, String userId, String anonymousId, Instant at, double probability,
            String event, Map<String, Object> properties) {
        if (random.nextDouble() < probability && at.isBefore(now)) {
            Map<String, Object> track = call("track", userId, anonymousId, at);
            track.put("event", event);
            track.put("properties", properties);
            calls.add(track);
        }
    }

    private Map<String, Object> call(String type, String userId, String anonymousId, Instant at) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("type", type);
        if (userId != null) {
            call.put("userId", userId);
        }
        call.put("anonymousId", anonymousId);
        call.put("messageId", UUID.nameUUIDFromBytes((type + userId + anonymousId + at + random.nextLong()).getBytes()).toString());
        call.put("timestamp", at.toString());
        return call;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
