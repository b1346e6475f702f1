package dev.tendril.testing;

import dev.tendril.event.ContactsChanged;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.event.TransactionalEventListener;

/** Records every {@link ContactsChanged} that was published by a committed transaction. */
@TestComponent
public class RecordedContactsChanged {
    private final List<ContactsChanged> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(ContactsChanged changed) {
        events.add(changed);
    }

    public List<ContactsChanged> of(long workspaceId) {
        return events.stream().filter(e -> e.workspaceId() == workspaceId).toList();
    }
}
