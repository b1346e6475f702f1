package dev.tendril.scoring.internal;

import dev.tendril.event.BehaviorView;
import dev.tendril.segment.Condition;
import dev.tendril.segment.ContactSnapshot;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * What a contact is scored on: its snapshot (fields, attributes, events), its behaviour counters
 * (null before its first event), the predictive hook's points, "now", and the condition evaluator
 * bound to this contact.
 */
record ScoreInputs(ContactSnapshot contact, BehaviorView behavior, double predictive, Instant now, Predicate<Condition> matches) {

    String stage() {
        Object stage = contact.fields().get("lifecycleStage");
        return stage == null ? "subscriber" : stage.toString();
    }

    /** The contact's owner: the custom attribute {@code owner}, when not blank. */
    boolean hasOwner() {
        Object owner = contact.attributes().get("owner");
        return owner != null && !owner.toString().isBlank();
    }
}
