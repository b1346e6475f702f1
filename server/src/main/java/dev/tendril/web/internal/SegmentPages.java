package dev.tendril.web.internal;

import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.InvalidInputException.FieldError;
import dev.tendril.segment.SegmentCatalog;
import dev.tendril.segment.SegmentSummary;
import dev.tendril.workspace.CurrentWorkspace;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dynamic segments: the list with a condition editor whose live preview (count and sample, or the
 * error with its field path) is asked for by htmx as the condition is typed; one segment's members,
 * latest entries and exits, and size over time.
 */
@Controller
class SegmentPages {
    private static final int CHANGES_SHOWN = 20;

    private final SegmentCatalog segments;
    private final JsonMapper json;

    SegmentPages(SegmentCatalog segments, JsonMapper json) {
        this.segments = segments;
        this.json = json;
    }

    @GetMapping("/segments")
    String list(@RequestParam(required = false) String cursor, Model model) {
        return listPage(model, cursor, "", "", "", List.of());
    }

    @PostMapping("/segments/preview")
    String preview(@RequestParam(defaultValue = "") String condition, Model model) {
        model.addAttribute("blank", condition.isBlank());
        model.addAttribute("preview", null);
        model.addAttribute("errors", List.of());
        if (!condition.isBlank()) {
            try {
                model.addAttribute("preview", segments.preview(CurrentWorkspace.id(), parse(condition)));
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.errors());
            }
        }
        return "segments/preview";
    }

    @PostMapping("/segments")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String condition, HttpServletResponse response, Model model) {
        try {
            SegmentSummary created = segments.create(CurrentWorkspace.id(), name, description.isBlank() ? null : description,
                    parse(condition));
            return "redirect:/segments/" + created.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return listPage(model, null, name, description, condition, e.errors());
        }
    }

    @GetMapping("/segments/{id}")
    String segment(@PathVariable String id, @RequestParam(required = false) String cursor, Model model) {
        long ws = CurrentWorkspace.id();
        SegmentSummary segment = segments.get(ws, id);
        model.addAttribute("segment", segment);
        model.addAttribute("condition", json.writerWithDefaultPrettyPrinter().writeValueAsString(segment.condition()));
        model.addAttribute("members", segments.members(ws, id, cursor, null));
        model.addAttribute("paged", cursor != null && !cursor.isBlank());
        model.addAttribute("changes", segments.changes(ws, id, CHANGES_SHOWN));
        model.addAttribute("sizeChart", LineChart.untilNow("Members", segments.sizeOverTime(ws, id), SegmentCatalog.SizeAt::at,
                SegmentCatalog.SizeAt::size));
        return "segments/detail";
    }

    private JsonNode parse(String condition) {
        if (condition.isBlank()) {
            throw new InvalidInputException("condition", "is required");
        }
        try {
            return json.readTree(condition);
        } catch (JacksonException e) {
            throw new InvalidInputException("condition", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private String listPage(Model model, String cursor, String name, String description, String condition, List<FieldError> errors) {
        model.addAttribute("segments", segments.list(CurrentWorkspace.id(), cursor, null));
        model.addAttribute("paged", cursor != null && !cursor.isBlank());
        model.addAttribute("name", name);
        model.addAttribute("description", description);
        model.addAttribute("condition", condition);
        model.addAttribute("errors", errors);
        return "segments/list";
    }
}
