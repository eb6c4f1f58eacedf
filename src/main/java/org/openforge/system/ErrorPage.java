package org.openforge.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside our handlers (in the servlet container, a filter) as problem details with their own
 * status; the error path requested directly is a 404, never a 500.
 */
@RestController
public class ErrorPage implements ErrorController {

  private final Problems problems;

  public ErrorPage(Problems problems) {
    this.problems = problems;
  }

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.valueOf(c)
        : HttpStatus.NOT_FOUND;
    String detail = code == null ? "no such page" : String.valueOf(request.getAttribute(RequestDispatcher.ERROR_MESSAGE));
    String error = status.is5xxServerError() ? "internal_error" : status == HttpStatus.NOT_FOUND ? "not_found"
        : "bad_request";
    ProblemDetail problem = problems.build(status, error, detail == null || detail.isBlank() || "null".equals(detail)
        ? status.getReasonPhrase() : detail, null, null, request);
    return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
