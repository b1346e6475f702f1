package dev.tendril.scoring.internal;

import dev.tendril.event.ContactsChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Rescores the contacts of every committed event batch, asynchronously and durably (the event publication registry). */
@Component
class RescoreOnContactsChanged {
    static final String REASON = "event batch";

    private final RescoreContacts rescore;

    RescoreOnContactsChanged(RescoreContacts rescore) {
        this.rescore = rescore;
    }

    @ApplicationModuleListener
    void on(ContactsChanged changed) {
        rescore.rescore(changed.workspaceId(), changed.contactIds(), REASON);
    }
}
