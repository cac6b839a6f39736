package com.superkabe.console.web;

import com.superkabe.console.client.ApiCallFailed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What an operator sees when something is wrong: the service's own explanation (not found, refused,
 * did not answer) or the console's (a form without its CSRF token), with the status it means —
 * never a stack trace or a bare 500.
 */
@ControllerAdvice
@Controller
class ErrorPages {

    @ExceptionHandler(ApiCallFailed.class)
    String serviceError(ApiCallFailed e, Model model, HttpServletResponse response) {
        int status = e.status() == 0 ? 503 : e.status() == 401 ? 403 : e.status() >= 500 ? 502 : e.status();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("title", switch (status) {
            case 404 -> "Not found";
            case 403 -> "Not allowed";
            case 503 -> "A service did not answer";
            case 502 -> "A service failed";
            default -> "The request was refused";
        });
        model.addAttribute("message", e.detail());
        return "problem";
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    String badParameter(Exception e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("title", "The request was refused");
        model.addAttribute("message", e instanceof MissingServletRequestParameterException m
                ? "The form is missing the field " + m.getParameterName() + "."
                : "A value in the address is not valid: " + ((MethodArgumentTypeMismatchException) e).getName() + ".");
        return "problem";
    }

    /** Spring Security forwards here when a request is refused, a missing or stale CSRF token included. */
    @RequestMapping("/denied")
    String denied(HttpServletRequest request, Model model, HttpServletResponse response) {
        Object cause = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("title", "The form was refused");
        model.addAttribute("message", cause instanceof CsrfException
                ? "The form was sent without a valid security token (it may have been open too long, or sent from "
                        + "another site). Nothing was changed. Reload the page and send it again."
                : "You are not allowed to do this.");
        return "problem";
    }

}
