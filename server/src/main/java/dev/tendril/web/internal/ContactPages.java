package dev.tendril.web.internal;

import dev.tendril.contact.Companies;
import dev.tendril.contact.CompanyView;
import dev.tendril.contact.ContactFilter;
import dev.tendril.contact.ContactView;
import dev.tendril.contact.Contacts;
import dev.tendril.contact.Subscriptions;
import dev.tendril.event.EventView;
import dev.tendril.event.Timeline;
import dev.tendril.platform.Ids;
import dev.tendril.platform.NotFoundException;
import dev.tendril.platform.Page;
import dev.tendril.scoring.ContactScore;
import dev.tendril.scoring.ContactScores;
import dev.tendril.workspace.CurrentWorkspace;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The contact list with live search, and one contact's profile, score, behaviour and timeline. */
@Controller
class ContactPages {
    private static final int EVENTS_PER_PAGE = 20;
    private static final int SCORE_CHANGES_CHARTED = 200;

    private final Contacts contacts;
    private final Companies companies;
    private final Timeline timeline;
    private final ContactScores scores;
    private final Subscriptions subscriptions;

    ContactPages(Contacts contacts, Companies companies, Timeline timeline, ContactScores scores, Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.contacts = contacts;
        this.companies = companies;
        this.timeline = timeline;
        this.scores = scores;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/contacts";
    }

    /** htmx's live search asks for the table alone; a history restore or a plain visit gets the whole page. */
    @GetMapping("/contacts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
            HttpServletResponse response, Model model) {
        long ws = CurrentWorkspace.id();
        String query = q == null || q.isBlank() ? null : q.strip();
        Page<ContactView> page = contacts.list(ws, new ContactFilter(null, null, query, null, null, Map.of()), cursor, null);
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("rows", rows(ws, page.data()));
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("paged", cursor != null && !cursor.isBlank());
        response.setHeader("Vary", "HX-Request");
        return htmx != null && restore == null ? "contacts/table" : "contacts/list";
    }

    @GetMapping("/contacts/{id}")
    String contact(@PathVariable String id, Model model) {
        long ws = CurrentWorkspace.id();
        long contactId = Ids.CONTACT.require(id);
        ContactView contact = contacts.find(ws, contactId).orElseThrow(() -> new NotFoundException("contact", id));
        model.addAttribute("contact", contact);
        model.addAttribute("company", company(ws, contact.companyId()).orElse(null));
        model.addAttribute("behavior", timeline.behavior(ws, contactId).orElse(null));
        model.addAttribute("events", timeline.events(ws, contactId, null, EVENTS_PER_PAGE));
        model.addAttribute("score", scores.score(ws, contactId).orElse(null));
        model.addAttribute("subscriptions", subscriptions(ws, contactId));
        model.addAttribute("scoreChart", LineChart.untilNow("Score", scores.history(ws, contactId, SCORE_CHANGES_CHARTED),
                ContactScore.Change::at, ContactScore.Change::score));
        return "contacts/detail";
    }

    /** The contact's status on every channel, {@code none} where nothing is stored. */
    private Map<String, String> subscriptions(long ws, long contactId) {
        return Subscriptions.everyChannel(subscriptions.statuses(ws, List.of(contactId)).getOrDefault(contactId, Map.of()));
    }

    /** The next page of a timeline, for its "Load more" button. */
    @GetMapping("/contacts/{id}/events")
    String events(@PathVariable String id, @RequestParam(required = false) String cursor, Model model) {
        long ws = CurrentWorkspace.id();
        long contactId = Ids.CONTACT.require(id);
        ContactView contact = contacts.find(ws, contactId).orElseThrow(() -> new NotFoundException("contact", id));
        Page<EventView> events = timeline.events(ws, contactId, cursor, EVENTS_PER_PAGE);
        model.addAttribute("contactId", contact.id());
        model.addAttribute("events", events);
        return "contacts/events";
    }

    private List<ContactRow> rows(long ws, List<ContactView> page) {
        Map<String, String> names = new HashMap<>();
        return page.stream().map(c -> new ContactRow(c, c.companyId() == null ? null
                : names.computeIfAbsent(c.companyId(), cid -> company(ws, cid).map(CompanyView::name).orElse(null)))).toList();
    }

    private Optional<CompanyView> company(long ws, String companyId) {
        OptionalLong id = Ids.COMPANY.parse(companyId);
        return id.isPresent() ? companies.find(ws, id.getAsLong()) : Optional.empty();
    }
}
