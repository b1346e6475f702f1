package dev.tendril.content;

import java.util.Collection;
import java.util.Map;

/**
 * Where templates read a contact's preferences and subscriptions ({@code preferences.*}): plain
 * maps, lists and scalars. The channel module, which owns consent and subscriptions, implements it;
 * until then {@code preferences} is empty.
 */
public interface ContactPreferences {
    Map<Long, Map<String, Object>> preferences(long workspaceId, Collection<Long> contactIds);
}
