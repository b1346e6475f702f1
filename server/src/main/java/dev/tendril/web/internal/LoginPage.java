package dev.tendril.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form; Spring Security handles its POST and redirects back with {@code ?error}, {@code ?logout} or,
 * when sign-ins are throttled, {@code ?locked=N} (the minutes left).
 */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String locked, Model model) {
        model.addAttribute("error", error != null);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("lockedMinutes", minutes(locked));
        return "login";
    }

    /** The minutes to show, 0 for none; anything but a small number is ignored. */
    private static int minutes(String locked) {
        if (locked == null || !locked.matches("[0-9]{1,4}")) {
            return 0;
        }
        return Integer.parseInt(locked);
    }
}
