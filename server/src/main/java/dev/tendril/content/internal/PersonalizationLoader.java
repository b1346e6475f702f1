package dev.tendril.content.internal;

import dev.tendril.condition.Conditions;
import dev.tendril.condition.ContactSnapshot.Scores;
import dev.tendril.contact.Companies;
import dev.tendril.contact.CompanyView;
import dev.tendril.contact.ContactView;
import dev.tendril.contact.Contacts;
import dev.tendril.contact.Subscriptions;
import dev.tendril.content.RenderInputs;
import dev.tendril.content.WeatherProvider.Weather;
import dev.tendril.event.BehaviorView;
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
import org.springframework.stereotype.Component;

/**
 * Gathers the personalisation data of many contacts at once (gatherPersonalizationData): contacts,
 * companies, lead scores, behaviour, recent pages, the last content viewed and subscriptions in seven queries
 * whatever the number of contacts, and the weather per place from the cache. What only a module above this one
 * knows (message engagement, recommendations) comes with the render call ({@link RenderInputs}).
 */
@Component
class PersonalizationLoader {
    static final int RECENT_PAGES = 5;

    /** One contact's data, with its locale and time zone for the helpers. */
    record Loaded(ContactView contact, Map<String, Object> data, LocalFormats formats) {}

    private final Contacts contacts;
    private final Companies companies;
    private final Timeline timeline;
    private final Subscriptions subscriptions;
    private final Conditions conditions;
    private final WeatherCache weather;

    PersonalizationLoader(Contacts contacts, Companies companies, Timeline timeline, Subscriptions subscriptions, Conditions conditions,
            WeatherCache weather) {
        this.contacts = contacts;
        this.companies = companies;
        this.timeline = timeline;
        this.subscriptions = subscriptions;
        this.conditions = conditions;
        this.weather = weather;
    }

    /** The data of those of these contacts that exist, keyed by contact id, in the order asked. */
    Map<Long, Loaded> load(long workspaceId, Collection<Long> contactIds, RenderInputs inputs, Instant now) {
        Map<Long, ContactView> found = new HashMap<>();
        contacts.findAll(workspaceId, contactIds).forEach(c -> found.put(Ids.CONTACT.require(c.id()), c));
        Set<Long> ids = found.keySet();
        Set<Long> companyIds = new HashSet<>();
        found.values().forEach(c -> Ids.COMPANY.parse(c.companyId()).ifPresent(companyIds::add));
        Map<String, CompanyView> companyById = new HashMap<>();
        companies.findAll(workspaceId, companyIds).forEach(co -> companyById.put(co.id(), co));
        Map<Long, Scores> scored = conditions.scores(workspaceId, ids);
        Map<Long, BehaviorView> behavior = timeline.behaviors(workspaceId, ids);
        Map<Long, List<EventView>> pages = timeline.latest(workspaceId, ids, "page", Set.of(), RECENT_PAGES);
        Map<Long, List<EventView>> content = timeline.latest(workspaceId, ids, "track", PersonalizationData.CONTENT_EVENTS, 1);
        Map<Long, Map<String, String>> subscribed = subscriptions.statuses(workspaceId, ids);
        Map<Long, Loaded> out = new LinkedHashMap<>();
        for (Long id : contactIds) {
            ContactView c = found.get(id);
            if (c == null || out.containsKey(id)) {
                continue;
            }
            Weather w = PersonalizationData.coordinates(c).flatMap(at -> weather.at(at[0], at[1])).orElse(null);
            List<EventView> latestContent = content.getOrDefault(id, List.of());
            // Every channel, none where nothing is stored, so a template can test any of them.
            Map<String, Object> preferences = Map.of("subscriptions", Subscriptions.everyChannel(subscribed.getOrDefault(id, Map.of())));
            Map<String, Object> data = PersonalizationData.of(new PersonalizationData.Inputs(c,
                    c.companyId() == null ? null : companyById.get(c.companyId()), scored.get(id), behavior.get(id), pages.getOrDefault(id, List.of()),
                    latestContent.isEmpty() ? null : latestContent.getFirst(), inputs.engagement().get(id), preferences,
                    inputs.recommendations().get(id), w, inputs.journey(), inputs.triggers().get(id), now));
            out.put(id, new Loaded(c, data, new LocalFormats(PersonalizationData.locale(c), PersonalizationData.zone(c))));
        }
        return out;
    }
}
