package dev.tendril.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form; Spring Security handles its POST and redirects back with {@code ?error} or {@code ?logout}. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout, Model model) {
        model.addAttribute("error", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }
}
