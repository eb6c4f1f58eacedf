package org.openforge.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.SuspendedEntityInteractionException;
import org.operaton.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Maps every failure of the public API to an RFC 7807 problem with a stable error code. */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private final Problems problems;

  public ApiExceptionHandler(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
    return respond(problems.of(e, request), e.status());
  }

  /** Concurrent writers (engine optimistic locking, a database lock timeout or deadlock): 409, retry-able. */
  @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class,
      ConcurrencyFailureException.class})
  ResponseEntity<Object> concurrentChange(RuntimeException e, HttpServletRequest request) {
    log.debug("concurrent change on {} {}", request.getMethod(), request.getRequestURI(), e);
    return api(ApiException.conflict("the resource was changed by a concurrent request; retry"), request);
  }

  @ExceptionHandler(SuspendedEntityInteractionException.class)
  ResponseEntity<Object> suspended(SuspendedEntityInteractionException e, HttpServletRequest request) {
    return api(ApiException.conflict("the engagement is paused; resume it first"), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof ApiException apiException) {
      return api(apiException, request);
    }
    return api(ApiException.invalid(e.getName(), "has an invalid value '" + e.getValue() + "'"), request);
  }

  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<Object> multipart(org.springframework.web.multipart.MultipartException e,
      HttpServletRequest request) {
    if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
      return api(new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "the upload is too large",
          null), request);
    }
    return api(ApiException.badRequest("the multipart body cannot be read: it needs a boundary, complete parts and "
        + "a file name without control characters"), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    java.util.Optional<String> dataError = DataErrors.dataException(e);
    if (dataError.isPresent()) {
      // a value the caller supplied (a filter, a field) that the database cannot use: the caller's to fix
      log.debug("data exception on {} {}", request.getMethod(), request.getRequestURI(), e);
      return api(new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid_value",
          "a value in the request does not fit the data: " + dataError.get(), null), request);
    }
    log.error("unexpected error on {} {} (request {})", request.getMethod(), request.getRequestURI(),
        RequestIdFilter.currentRequestId(request), e);
    ApiException wrapped = new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
        "unexpected error; quote the request id when reporting it", null);
    return api(wrapped, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return api(readFailure(e), servlet(request));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    e.getBindingResult().getFieldErrors().forEach(error ->
        violations.add(new FieldViolation(snake(error.getField()), error.getDefaultMessage())));
    e.getBindingResult().getGlobalErrors().forEach(error ->
        violations.add(new FieldViolation(error.getObjectName(), error.getDefaultMessage())));
    return api(ApiException.invalid(violations), servlet(request));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
        violations.add(new FieldViolation(snake(result.getMethodParameter().getParameterName()),
            error.getDefaultMessage()))));
    return api(ApiException.invalid(violations), servlet(request));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String code = switch (status.value()) {
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 406 -> "not_acceptable";
      case 415 -> "unsupported_media_type";
      case 413 -> "payload_too_large";
      case 400 -> "bad_request";
      default -> status.is5xxServerError() ? "internal_error" : "bad_request";
    };
    String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : e.getMessage();
    ProblemDetail problem = problems.build(status, code, detail, null, null, servlet(request));
    return new ResponseEntity<>(problem, problemHeaders(), status);
  }

  private ApiException readFailure(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof BodySizeLimitFilter.BodyTooLargeException
        || (cause != null && cause.getCause() instanceof BodySizeLimitFilter.BodyTooLargeException)) {
      return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", cause.getMessage(), null);
    }
    if (cause instanceof ValueInstantiationException vie && vie.getCause() instanceof ApiException api) {
      return prefixed(api, path(vie));
    }
    if (cause instanceof JsonMappingException jme && jme.getCause() instanceof ApiException api) {
      return prefixed(api, path(jme));
    }
    if (cause instanceof UnrecognizedPropertyException upe) {
      return ApiException.invalid(path(upe), "is not a known field");
    }
    if (cause instanceof InvalidFormatException ife) {
      return ApiException.invalid(path(ife), "has an invalid value " + quote(ife.getValue())
          + expected(ife.getTargetType()));
    }
    if (cause instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
      return ApiException.invalid(path(mie), "has the wrong type" + expected(mie.getTargetType()));
    }
    if (cause instanceof JsonProcessingException jpe) {
      return new ApiException(HttpStatus.BAD_REQUEST, "malformed_json",
          "the request body is not valid JSON: " + jpe.getOriginalMessage(), null);
    }
    return new ApiException(HttpStatus.BAD_REQUEST, "malformed_json", "the request body is missing or unreadable", null);
  }

  /** A value rejected while binding (an unknown enum word): report it under its JSON path. */
  private static ApiException prefixed(ApiException api, String path) {
    if (api.errors().size() != 1 || path.equals("body")) {
      return api;
    }
    return ApiException.invalid(path, api.errors().get(0).message());
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "";
    }
    if (type.isEnum() && ApiEnum.class.isAssignableFrom(type)) {
      return "; must be one of " + ApiEnum.values(type);
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "; expected a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "; expected true or false";
    }
    if (type == String.class) {
      return "; expected a string";
    }
    return "; expected " + type.getSimpleName();
  }

  private static String quote(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "body" : sb.toString();
  }

  static String snake(String name) {
    return name == null ? null : name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }

  private ResponseEntity<Object> respond(ProblemDetail problem, HttpStatusCode status) {
    return new ResponseEntity<>(problem, problemHeaders(), status);
  }

  private static HttpHeaders problemHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return headers;
  }

  private static HttpServletRequest servlet(WebRequest request) {
    return request instanceof ServletWebRequest swr ? swr.getRequest() : null;
  }
}
