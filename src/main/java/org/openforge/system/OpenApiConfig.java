package org.openforge.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI 3 description of /api/v1: the API-key schemes and the problem+json errors of every operation. */
@Configuration
public class OpenApiConfig {

  private static final String PROBLEM = "Problem";

  @Bean
  OpenAPI openForgeApi() {
    Schema<?> violation = new Schema<>().type("object")
        .addProperty("field", new Schema<>().type("string"))
        .addProperty("message", new Schema<>().type("string"));
    Schema<?> problem = new Schema<>().type("object").description("RFC 7807 problem details")
        .addProperty("type", new Schema<>().type("string").format("uri"))
        .addProperty("title", new Schema<>().type("string"))
        .addProperty("status", new Schema<>().type("integer"))
        .addProperty("detail", new Schema<>().type("string"))
        .addProperty("instance", new Schema<>().type("string"))
        .addProperty("error", new Schema<>().type("string").description(
            "stable code: not_found, validation_error, conflict, forbidden, unauthorized, malformed_json, "
                + "payload_too_large, ..."))
        .addProperty("request_id", new Schema<>().type("string"))
        .addProperty("timestamp", new Schema<>().type("string").format("date-time"))
        .addProperty("errors", new Schema<>().type("array").items(violation));
    return new OpenAPI()
        .info(new Info().title("Open Forge API").version("v1").description(
            "Engagements run on the Operaton engine: phases are BPMN subprocesses, gates DMN tables, approvals "
                + "Tasklist tasks. Authenticate with X-API-Key: <key> or Authorization: Bearer <key>. Errors are "
                + "application/problem+json. Lists return {items, page, page_size, total}."))
        .components(new Components()
            .addSchemas(PROBLEM, problem)
            .addSecuritySchemes("ApiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key"))
            .addSecuritySchemes("Bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
        .addSecurityItem(new SecurityRequirement().addList("ApiKey"))
        .addSecurityItem(new SecurityRequirement().addList("Bearer"));
  }

  /** Describes schemas with the application's mapper, so property names are snake_case as on the wire. */
  @Bean
  ModelResolver snakeCaseModelResolver(ObjectMapper mapper) {
    return new ModelResolver(mapper);
  }

  /** Adds the error responses every operation can give. */
  @Bean
  OpenApiCustomizer problemResponses() {
    Map<String, String> common = Map.of(
        "401", "No or unknown API key",
        "403", "The key's role does not allow this",
        "404", "Not found",
        "409", "Conflicts with the engagement's state or a concurrent change",
        "422", "Validation failed: see errors[]",
        "400", "Malformed JSON");
    return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(op ->
        common.forEach((code, text) -> {
          if (op.getResponses() != null && !op.getResponses().containsKey(code)) {
            op.getResponses().addApiResponse(code, new ApiResponse().description(text)
                .content(new Content().addMediaType("application/problem+json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
          }
        })));
  }
}
