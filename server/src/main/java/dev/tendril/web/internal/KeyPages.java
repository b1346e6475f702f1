package dev.tendril.web.internal;

import dev.tendril.platform.InvalidInputException;
import dev.tendril.workspace.ApiKeys;
import dev.tendril.workspace.CurrentWorkspace;
import dev.tendril.workspace.IssuedKey;
import dev.tendril.workspace.KeyKind;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The workspace's API keys (owners only, see the security configuration): list, issue, revoke. */
@Controller
class KeyPages {
    private final ApiKeys keys;

    KeyPages(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/keys")
    String list(Model model) {
        return listPage(model, null, "");
    }

    /** The token is rendered into this one response and kept nowhere else, so it is never cached either. */
    @PostMapping("/keys")
    String issue(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String kind,
            HttpServletResponse response, Model model) {
        KeyKind keyKind = Arrays.stream(KeyKind.values()).filter(k -> k.dbValue().equals(kind)).findFirst().orElse(null);
        if (keyKind == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return listPage(model, "Choose a write key or a secret key.", name);
        }
        IssuedKey issued;
        try {
            issued = keys.issue(CurrentWorkspace.id(), keyKind, name);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return listPage(model, "The name " + e.errors().getFirst().message() + ".", name);
        }
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("issued", issued);
        return "keys/issued";
    }

    @PostMapping("/keys/{id}/revoke")
    String revoke(@PathVariable String id) {
        keys.revoke(CurrentWorkspace.id(), id);
        return "redirect:/keys";
    }

    private String listPage(Model model, String error, String name) {
        model.addAttribute("keys", keys.list(CurrentWorkspace.id()));
        model.addAttribute("error", error);
        model.addAttribute("name", name);
        return "keys/list";
    }
}
