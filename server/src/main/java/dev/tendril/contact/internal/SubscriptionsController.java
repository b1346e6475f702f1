package dev.tendril.contact.internal;

import dev.tendril.contact.Contacts;
import dev.tendril.contact.Subscriptions;
import dev.tendril.platform.Ids;
import dev.tendril.platform.Page;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A contact's subscription status per channel and its consent record. */
@RestController
@RequestMapping("/api/v1/contacts/{id}/subscriptions")
@Tag(name = "Subscriptions")
class SubscriptionsController {
    private final Contacts contacts;
    private final SubscriptionStore store;
    private final ChangeSubscription change;

    SubscriptionsController(Contacts contacts, SubscriptionStore store, ChangeSubscription change) {
        this.contacts = contacts;
        this.store = store;
        this.change = change;
    }

    @Operation(summary = "The contact's status on every channel", description = "email, sms and push; none where nothing was ever set.")
    @GetMapping
    Map<String, List<SubscriptionView>> all(@PathVariable String id) {
        long ws = CurrentWorkspace.id();
        Map<String, SubscriptionView> stored = new HashMap<>();
        store.of(ws, contacts.requireId(ws, id)).forEach(s -> stored.put(s.channel(), s));
        return Map.of("data", Subscriptions.CHANNELS.stream()
                .map(c -> stored.getOrDefault(c, new SubscriptionView(c, Subscriptions.NONE, null, null))).toList());
    }

    @Operation(summary = "Set the contact's status on a channel", description = "{\"status\": \"unsubscribed\", \"source\": \"preference "
            + "center\"}; status is subscribed, pending, unsubscribed, bounced or complained; source (default api) is kept in the consent record.")
    @PutMapping("/{channel}")
    SubscriptionView set(@PathVariable String id, @PathVariable String channel, @RequestBody JsonNode body) {
        long ws = CurrentWorkspace.id();
        return change.set(ws, contacts.requireId(ws, id), id, channel, body);
    }

    @Operation(summary = "The consent record: every status change of the contact, newest first")
    @GetMapping("/history")
    Page<SubscriptionChangeView> history(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        long ws = CurrentWorkspace.id();
        long contactId = contacts.requireId(ws, id);
        return Page.byId(cursor, limit, (after, n) -> store.changes(ws, contactId, after, n), Ids.SUBSCRIPTION_CHANGE, SubscriptionChangeView::id);
    }
}
