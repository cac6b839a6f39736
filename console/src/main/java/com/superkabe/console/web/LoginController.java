package com.superkabe.console.web;

import com.superkabe.console.client.ApiCallFailed;
import com.superkabe.console.client.Services;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code POST /console/login} with the form field {@code apiKey}: the key is checked against
 * protection's mode resource (any API call would do; this one every organization has) and kept
 * only in the server-side session. A refused key re-renders the form with a message and without
 * the key.
 */
@Controller
class LoginController {

    static final int MAX_KEY_LENGTH = 256;

    private final Services services;
    private final SecurityContextRepository contexts;

    LoginController(Services services, SecurityContextRepository contexts) {
        this.services = services;
        this.contexts = contexts;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/mailboxes";
    }

    @GetMapping("/login")
    String form(@RequestParam(required = false) String signedOut, Model model) {
        if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        return "login";
    }

    @PostMapping("/login")
    String signIn(@RequestParam(name = "apiKey", required = false) String apiKey, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        String key = apiKey == null ? "" : apiKey.strip();
        String problem = check(key);
        if (problem == null) {
            try {
                String mode = services.get(key, Services.Service.PROTECTION,
                        services.properties().protectionModePath()).path("mode").asString("");
                Operator operator = Operator.of(key, mode);
                request.getSession(true);
                request.changeSessionId(); // no session id chosen before sign-in survives it
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(operator, null,
                        List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
                return "redirect:/mailboxes";
            } catch (ApiCallFailed e) {
                problem = e.status() == 401 || e.status() == 403
                        ? "This API key is not accepted. Check that it is your organization's key; a key created "
                                + "seconds ago may take a moment to reach every service."
                        : "The key could not be checked: " + e.detail() + ". Try again shortly.";
            }
        }
        response.setStatus(problem.startsWith("The key could not") ? 503 : 400);
        model.addAttribute("error", problem);
        return "login";
    }

    private static String check(String key) {
        if (key.isEmpty()) {
            return "Enter your organization's API key.";
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return "That is not an API key: it is longer than " + MAX_KEY_LENGTH + " characters.";
        }
        if (key.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            return "That is not an API key: it contains spaces or characters an API key never has.";
        }
        return null;
    }
}
