package org.openforge.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.operaton.bpm.engine.BadUserRequestException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.exception.NullValueException;
import org.operaton.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.operaton.bpm.engine.rest.exception.RestException;
import org.operaton.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers a model that cannot be parsed (not well-formed XML, not valid BPMN/DMN) with 400, as
 * the client's mistake it is; the engine's own mapping makes every engine exception a 500. Task completion (Tasklist,
 * engine REST) wraps every engine exception in a 500 too: a completion refused as the client's mistake (an approval
 * already decided, no decision given) is a 400, and a task that is gone (completed a moment before) a 404.
 */
@Configuration
public class EngineRestErrors {

  /** ENGINE-09003: the XML cannot be read; ENGINE-09005: the BPMN/DMN in it is not valid. */
  static boolean isParseFailure(ProcessEngineException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return message.startsWith("ENGINE-09003") || message.startsWith("ENGINE-09005")
        || e instanceof org.operaton.bpm.engine.ParseException;
  }

  @Bean
  ResourceConfigCustomizer engineRestParseErrors() {
    return config -> config.register(ParseFailures.class).register(ClientFailures.class);
  }

  @Priority(1)
  public static class ParseFailures extends ProcessEngineExceptionHandler {

    @Override
    public Response toResponse(ProcessEngineException e) {
      if (!isParseFailure(e)) {
        return super.toResponse(e);
      }
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "ParseException", "message", e.getMessage(), "code", 0)).build();
    }
  }

  /** A {@link RestException} that the resource made a 500 although its cause is the caller's mistake. */
  static Response.Status clientStatus(RestException e) {
    if (e.getStatus() != Response.Status.INTERNAL_SERVER_ERROR) {
      return null;
    }
    // a listener's refusal arrives wrapped by the engine (ENGINE-03051 ... while invoking the TaskListener)
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof BadUserRequestException) {
        return Response.Status.BAD_REQUEST;
      }
    }
    // the engine's message for an entity it cannot find by the id it was given ("Cannot find task with id ...")
    if (e.getCause() instanceof NullValueException missing && missing.getMessage() != null
        && missing.getMessage().startsWith("Cannot find ")) {
      return Response.Status.NOT_FOUND;
    }
    return null;
  }

  @Priority(1)
  public static class ClientFailures extends RestExceptionHandler {

    @Override
    public Response toResponse(RestException e) {
      Response response = super.toResponse(e);
      Response.Status status = clientStatus(e);
      return status == null ? response : Response.fromResponse(response).status(status).build();
    }
  }
}
