package org.openforge.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds the RFC 7807 documents every error of the API is reported as. */
@Component
public class Problems {

  private final ObjectMapper mapper;

  public Problems(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public ProblemDetail build(HttpStatusCode status, String code, String detail,
      List<FieldViolation> errors, Map<String, Object> extra, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://openforge.dev/problems/" + code.replace('_', '-')));
    problem.setTitle(titleOf(status));
    if (request != null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    problem.setProperty("error", code);
    problem.setProperty("request_id", RequestIdFilter.currentRequestId(request));
    problem.setProperty("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString());
    if (errors != null && !errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    if (extra != null) {
      extra.forEach(problem::setProperty);
    }
    return problem;
  }

  public ProblemDetail of(ApiException e, HttpServletRequest request) {
    return build(e.status(), e.code(), e.getMessage(), e.errors(), e.extra(), request);
  }

  /** Writes a problem from a servlet filter, where no controller advice applies. */
  public void write(HttpServletResponse response, ApiException e, HttpServletRequest request) throws IOException {
    ProblemDetail problem = of(e, request);
    response.setStatus(e.status().value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(), problem);
  }

  private static String titleOf(HttpStatusCode status) {
    org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
    return known == null ? "Error" : known.getReasonPhrase();
  }
}
