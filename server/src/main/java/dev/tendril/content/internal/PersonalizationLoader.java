package dev.tendril.content.internal;

import dev.tendril.contact.Companies;
import dev.tendril.contact.CompanyView;
import dev.tendril.contact.ContactView;
import dev.tendril.contact.Contacts;
import dev.tendril.content.ContactPreferences;
import dev.tendril.content.ContentRecommendations;
import dev.tendril.content.EngagementHistory;
import dev.tendril.content.EngagementHistory.Engagement;
import dev.tendril.content.WeatherProvider.Weather;
import dev.tendril.event.BehaviorView;
import dev.tendril.segment.ContactScore;
import dev.tendril.segment.ContactScores;
import dev.tendril.event.EventView;
import dev.tendril.event.Timeline;
import dev.tendril.platform.Ids;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Gathers the personalisation data of many contacts at once (gatherPersonalizationData): contacts,
 * companies, lead scores, behaviour, recent pages and the last content viewed in six queries whatever the number
 * of contacts, then engagement, preferences and recommendations from their hooks (one call each) and
 * the weather per place from the cache.
 */
@Component
class PersonalizationLoader {
    static final int RECENT_PAGES = 5;
    static final int RECOMMENDATIONS = 10;

    /** One contact's data, with its locale and time zone for the helpers. */
    record Loaded(ContactView contact, Map<String, Object> data, LocalFormats formats) {}

    private final Contacts contacts;
    private final Companies companies;
    private final Timeline timeline;
    private final List<EngagementHistory> engagement;
    private final List<ContactPreferences> preferences;
    private final List<ContentRecommendations> recommendations;
    private final WeatherCache weather;
    private final List<ContactScores> scores;

    PersonalizationLoader(Contacts contacts, Companies companies, Timeline timeline, List<EngagementHistory> engagement,
            List<ContactPreferences> preferences, List<ContentRecommendations> recommendations, WeatherCache weather,
            List<ContactScores> scores) {
        this.scores = scores;
        this.contacts = contacts;
        this.companies = companies;
        this.timeline = timeline;
        this.engagement = engagement;
        this.preferences = preferences;
        this.recommendations = recommendations;
        this.weather = weather;
    }

    /** The data of those of these contacts that exist, keyed by contact id, in the order asked. */
    Map<Long, Loaded> load(long workspaceId, Collection<Long> contactIds, Map<String, Object> journey,
            Map<Long, Map<String, Object>> triggers, Instant now) {
        Map<Long, ContactView> found = new HashMap<>();
        contacts.findAll(workspaceId, contactIds).forEach(c -> found.put(Ids.CONTACT.require(c.id()), c));
        Set<Long> ids = found.keySet();
        Set<Long> companyIds = new HashSet<>();
        found.values().forEach(c -> Ids.COMPANY.parse(c.companyId()).ifPresent(companyIds::add));
        Map<String, CompanyView> companyById = new HashMap<>();
        companies.findAll(workspaceId, companyIds).forEach(co -> companyById.put(co.id(), co));
        Map<Long, ContactScore> scored = scores.isEmpty() ? Map.of() : scores.getFirst().findAll(workspaceId, ids);
        Map<Long, BehaviorView> behavior = timeline.behaviors(workspaceId, ids);
        Map<Long, List<EventView>> pages = timeline.latest(workspaceId, ids, "page", Set.of(), RECENT_PAGES);
        Map<Long, List<EventView>> content = timeline.latest(workspaceId, ids, "track", PersonalizationData.CONTENT_EVENTS, 1);
        Map<Long, Engagement> engaged = first(engagement, h -> h.engagement(workspaceId, ids));
        Map<Long, Map<String, Object>> prefs = first(preferences, h -> h.preferences(workspaceId, ids));
        Map<Long, List<Map<String, Object>>> recommended = first(recommendations, h -> h.recommend(workspaceId, ids, RECOMMENDATIONS));
        Map<Long, Loaded> out = new LinkedHashMap<>();
        for (Long id : contactIds) {
            ContactView c = found.get(id);
            if (c == null || out.containsKey(id)) {
                continue;
            }
            Weather w = PersonalizationData.coordinates(c).flatMap(at -> weather.at(at[0], at[1])).orElse(null);
            List<EventView> latestContent = content.getOrDefault(id, List.of());
            Map<String, Object> data = PersonalizationData.of(new PersonalizationData.Inputs(c,
                    c.companyId() == null ? null : companyById.get(c.companyId()), scored.get(id), behavior.get(id), pages.getOrDefault(id, List.of()),
                    latestContent.isEmpty() ? null : latestContent.getFirst(), engaged.get(id), prefs.get(id), recommended.get(id), w,
                    journey, triggers == null ? null : triggers.get(id), now));
            out.put(id, new Loaded(c, data, new LocalFormats(PersonalizationData.locale(c), PersonalizationData.zone(c))));
        }
        return out;
    }

    private static <H, T> Map<Long, T> first(List<H> hooks, Function<H, Map<Long, T>> call) {
        return hooks.isEmpty() ? Map.of() : call.apply(hooks.getFirst());
    }
}
