package org.openforge.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An error the API reports as RFC 7807 problem details with a stable {@code error} code. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final List<FieldViolation> errors;
  private final Map<String, Object> extra = new LinkedHashMap<>();

  public ApiException(HttpStatus status, String code, String message, List<FieldViolation> errors) {
    super(message);
    this.status = status;
    this.code = code;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static ApiException notFound(String what, String id) {
    return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " '" + id + "' not found", null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, "conflict", message, null);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message, null);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", message, null);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", message, null);
  }

  public static ApiException invalid(String field, String message) {
    return invalid(List.of(new FieldViolation(field, message)));
  }

  public static ApiException invalid(List<FieldViolation> violations) {
    String summary = violations.size() == 1
        ? violations.get(0).field() + ": " + violations.get(0).message()
        : violations.size() + " fields are invalid";
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "validation_error", summary, violations);
  }

  /** Adds a member to the problem document (e.g. the unmet requirements of a refused transition). */
  public ApiException with(String name, Object value) {
    extra.put(name, value);
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<FieldViolation> errors() {
    return errors;
  }

  public Map<String, Object> extra() {
    return extra;
  }
}
