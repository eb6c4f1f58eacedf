package org.openforge.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers a model that cannot be parsed (not well-formed XML, not valid BPMN/DMN) with 400, as
 * the client's mistake it is; the engine's own mapping makes every engine exception a 500.
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
    return config -> config.register(ParseFailures.class);
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
}
