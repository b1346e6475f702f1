package dev.tendril.event.internal;

import java.util.Arrays;
import dev.tendril.contact.Contacts;
import dev.tendril.event.BehaviorMetric;
import dev.tendril.event.BehaviorView;
import dev.tendril.event.EventView;
import dev.tendril.event.Timeline;
import dev.tendril.platform.Page;
import dev.tendril.workspace.CurrentWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A contact's timeline and behaviour, and the workspace's behaviour rules. */
@RestController
@Tag(name = "Contacts")
class ContactEventsController {
    private final Timeline timeline;
    private final Contacts contacts;
    private final BehaviorRules rules;

    ContactEventsController(Timeline timeline, Contacts contacts, BehaviorRules rules) {
        this.timeline = timeline;
        this.contacts = contacts;
        this.rules = rules;
    }

    @GetMapping("/api/v1/contacts/{id}/events")
    Page<EventView> events(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        long ws = CurrentWorkspace.id();
        return timeline.events(ws, contacts.requireId(ws, id), cursor, limit);
    }

    @GetMapping("/api/v1/contacts/{id}/behavior")
    BehaviorView behavior(@PathVariable String id) {
        long ws = CurrentWorkspace.id();
        return timeline.behavior(ws, contacts.requireId(ws, id)).orElse(new BehaviorView(id, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @GetMapping("/api/v1/settings/behavior-rules")
    Map<String, Object> rules() {
        return Map.of("rules", rules.list(CurrentWorkspace.id()), "metrics",
                Arrays.stream(BehaviorMetric.values()).map(BehaviorMetric::jsonName).toList());
    }

    @Operation(summary = "Replace the behaviour rules", description = "Body: {\"rules\": [{metric, eventType, eventName, pathContains}]}, "
            + "at most 100 rules, names and paths of at most 200 characters. Applies to new events.")
    @PutMapping("/api/v1/settings/behavior-rules")
    Map<String, Object> replaceRules(@RequestBody JsonNode body) {
        return Map.of("rules", rules.replace(CurrentWorkspace.id(), BehaviorRulesJson.read(body)));
    }
}
