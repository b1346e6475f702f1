package dev.tendril.contact.internal;

import dev.tendril.contact.ContactLocks;
import dev.tendril.contact.SubscriptionChanged;
import dev.tendril.contact.Subscriptions;
import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.JsonField;
import dev.tendril.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Sets a contact's status on a channel. A real change is stored with its entry in the consent record and
 * published as {@link SubscriptionChanged} (scores and segments follow it) in one transaction; setting the
 * status a channel already has changes nothing.
 */
@Service
class ChangeSubscription {
    /** What can be stored: every status but {@code none}, which is the absence of a row. */
    static final Set<String> SETTABLE = Subscriptions.STATUSES.stream().filter(s -> !s.equals(Subscriptions.NONE))
            .collect(Collectors.toUnmodifiableSet());

    private final ContactLocks locks;
    private final SubscriptionStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangeSubscription(ContactLocks locks, SubscriptionStore store, ApplicationEventPublisher events, Clock clock) {
        this.locks = locks;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    static String channel(String channel) {
        if (!Subscriptions.CHANNELS.contains(channel)) {
            throw new InvalidInputException("channel", "must be one of " + String.join(", ", Subscriptions.CHANNELS));
        }
        return channel;
    }

    /** {@code body}: {@code {"status", "source"?}}; the contact is locked so that changes of one contact queue. */
    @Transactional
    SubscriptionView set(long workspaceId, long contactId, String contactRef, String channel, JsonNode body) {
        channel(channel);
        JsonField in = JsonField.root(body).object(Set.of("status", "source"));
        String status = in.get("status").oneOf(SETTABLE, null);
        String source = in.get("source").optionalText(200);
        if (!locks.exclusive(workspaceId, new long[] {contactId})) {
            throw new NotFoundException("contact", contactRef);
        }
        // Stored to the microsecond, so the answer shows the time a later read gives.
        return change(workspaceId, contactId, channel, status, source == null ? "api" : source, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** In the caller's transaction, which holds the contact. */
    SubscriptionView change(long workspaceId, long contactId, String channel, String status, String source, Instant at) {
        Optional<SubscriptionView> stored = store.lock(workspaceId, contactId, channel);
        String from = stored.map(SubscriptionView::status).orElse(Subscriptions.NONE);
        if (from.equals(status)) {
            return stored.orElseThrow(); // status is never none, so it is stored
        }
        store.save(workspaceId, contactId, channel, from, status, source, at);
        events.publishEvent(new SubscriptionChanged(workspaceId, contactId, channel, from, status, source));
        return new SubscriptionView(channel, status, source, at);
    }
}
