package dev.tendril.web.internal;

import dev.tendril.platform.InvalidInputException;
import dev.tendril.platform.InvalidInputException.FieldError;
import dev.tendril.scoring.ScoringModels;
import dev.tendril.workspace.CurrentWorkspace;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scoring model: what it is, the progress of the rescore its last change started, and its JSON to
 * edit (owners and marketers, see the security configuration). A wrong model is shown back with every
 * field the module's validation names, and the stored model stays as it was.
 */
@Controller
class ScoringPage {
    private final ScoringModels models;
    private final JsonMapper json;

    ScoringPage(ScoringModels models, JsonMapper json) {
        this.models = models;
        this.json = json;
    }

    @GetMapping("/scoring")
    String show(@RequestParam(required = false) Integer saved, Model model) {
        ObjectNode current = models.current(CurrentWorkspace.id());
        return page(model, current, editable(current), List.of(), saved);
    }

    /** The rescore's progress alone, which the page polls while a rescore is queued or running. */
    @GetMapping("/scoring/rescore")
    String rescore(Model model) {
        model.addAttribute("model", ScoringModelView.of(models.current(CurrentWorkspace.id())));
        return "scoring/rescore";
    }

    @PostMapping("/scoring")
    String save(@RequestParam(defaultValue = "") String definition, HttpServletResponse response, Model model) {
        long ws = CurrentWorkspace.id();
        try {
            ObjectNode saved = models.save(ws, parse(definition));
            return "redirect:/scoring?saved=" + saved.get("version").asInt();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, models.current(ws), definition, e.errors(), null);
        }
    }

    private JsonNode parse(String definition) {
        if (definition.isBlank()) {
            throw new InvalidInputException("model", "is required");
        }
        try {
            return json.readTree(definition);
        } catch (JacksonException e) {
            throw new InvalidInputException("model", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The JSON a PUT takes: the model without its version and rescore progress, which a save ignores. */
    private String editable(ObjectNode current) {
        ObjectNode copy = current.deepCopy();
        copy.remove("version");
        copy.remove("rescore");
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(copy);
    }

    private static String page(Model model, ObjectNode current, String definition, List<FieldError> errors, Integer saved) {
        model.addAttribute("model", ScoringModelView.of(current));
        model.addAttribute("definition", definition);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        return "scoring/model";
    }
}
