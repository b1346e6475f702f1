package dev.tendril.experiment.internal;

import dev.tendril.experiment.AiVariantProvider;

/** The chat messages that ask a model for subject-line and preheader variants, as JSON only. */
final class AiPrompt {
    static final int MAX_SUBJECT = 150;
    static final int MAX_PREHEADER = 250;

    private AiPrompt() {}

    static String system() {
        return "You write email subject lines and preheaders for A/B tests. Answer with JSON only, no prose, in exactly this shape: "
                + "{\"variants\": [{\"subject\": \"...\", \"preheader\": \"...\"}]}. Keep subjects under 80 characters and "
                + "preheaders under 140. Each variant must differ clearly from the current ones and from each other.";
    }

    static String user(AiVariantProvider.Brief brief) {
        StringBuilder text = new StringBuilder();
        text.append("Experiment: ").append(brief.experimentName()).append('\n');
        text.append("Goal: raise the ").append(switch (brief.metric()) {
            case OPEN -> "open rate";
            case CLICK -> "click rate";
            case CONVERSION -> "conversion rate";
        }).append('\n');
        text.append("Current variants:\n");
        for (var s : brief.current()) {
            text.append("- subject: ").append(s.subject() == null ? "(the message's own)" : s.subject());
            if (s.preheader() != null) {
                text.append(" | preheader: ").append(s.preheader());
            }
            text.append('\n');
        }
        if (brief.instructions() != null) {
            text.append("Marketer's instructions: ").append(brief.instructions()).append('\n');
        }
        text.append("Propose ").append(brief.count()).append(" new variants.");
        return text.toString();
    }
}
