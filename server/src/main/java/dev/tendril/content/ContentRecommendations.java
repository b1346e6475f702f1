package dev.tendril.content;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where templates read the content recommended to each contact ({@code recommendations}, the
 * {@code {{#recommendations}}} helper): a list of items such as {@code {"title", "url", "image"}}
 * per contact, best first. Predictive analytics implements it; until then the list is empty.
 */
public interface ContentRecommendations {
    Map<Long, List<Map<String, Object>>> recommend(long workspaceId, Collection<Long> contactIds, int limit);
}
