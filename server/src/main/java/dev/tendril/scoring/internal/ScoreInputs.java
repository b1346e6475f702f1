package dev.tendril.scoring.internal;

import dev.tendril.condition.Condition;
import dev.tendril.condition.ContactSnapshot;
import dev.tendril.event.BehaviorView;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a contact is scored on: its lifecycle stage, whether it has an owner (the custom attribute
 * {@code owner}, not blank), its behaviour counters (null before its first event), the predictive
 * hook's points, "now", and the condition evaluator bound to this contact.
 */
record ScoreInputs(String stage, boolean hasOwner, BehaviorView behavior, double predictive, Instant now, Predicate<Condition> matches) {
    static final String FIRST_STAGE = "subscriber";

    ScoreInputs {
        stage = stage == null ? FIRST_STAGE : stage;
    }

    static ScoreInputs of(ContactSnapshot contact, BehaviorView behavior, double predictive, Instant now, Predicate<Condition> matches) {
        Object stage = contact.fields().get("lifecycleStage");
        return new ScoreInputs(stage == null ? null : stage.toString(), owned(contact.attributes()), behavior, predictive, now, matches);
    }

    static boolean owned(Map<String, Object> attributes) {
        return owned(attributes.get("owner"));
    }

    static boolean owned(Object owner) {
        return owner != null && !owner.toString().isBlank();
    }
}
