package org.openforge.product.api;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The OpenAPI 3 document of a data product, built from its published models with the swagger models. */
@Component
public class DataApiOpenApi {

  private static final String KEY_SCHEME = "ApiKey";
  private static final String PROBLEM = "Problem";

  public String document(DataApiService.Product product) {
    OpenAPI api = new OpenAPI().info(new Info().title("Data product " + product.name())
            .version(String.valueOf(product.version()))
            .description("The published models of " + product.engagement().name() + ", read-only."))
        .servers(List.of(new Server().url("/data/v1/" + product.name())))
        .components(new Components().addSecuritySchemes(KEY_SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key"))
            .addSchemas(PROBLEM, new ObjectSchema().description("RFC 7807 problem details")
                .addProperty("title", new StringSchema()).addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema()).addProperty("error", new StringSchema())))
        .addSecurityItem(new SecurityRequirement().addList(KEY_SCHEME));
    Paths paths = new Paths();
    product.models().forEach((model, columns) -> {
      api.getComponents().addSchemas(model, row(columns));
      paths.addPathItem("/" + model, new PathItem().get(list(model, columns)));
    });
    return Json.pretty(api.paths(paths));
  }

  private static Operation list(String model, Map<String, ApiColumn> columns) {
    Operation op = new Operation().operationId("list_" + model).summary("Rows of " + model)
        .addParametersItem(query("page", new IntegerSchema().minimum(java.math.BigDecimal.ONE), "page, from 1"))
        .addParametersItem(query("page_size", new IntegerSchema().minimum(java.math.BigDecimal.ONE)
            .maximum(java.math.BigDecimal.valueOf(RowQuery.MAX_PAGE_SIZE)), "rows per page (default 100)"))
        .addParametersItem(query("sort", new StringSchema(), "columns to sort by, comma-separated; -col descends"));
    columns.values().forEach(c -> {
      op.addParametersItem(query(c.name(), schema(c), "equal to"));
      for (String o : List.of("gt", "gte", "lt", "lte")) {
        op.addParametersItem(query(c.name() + "__" + o, schema(c), o));
      }
      op.addParametersItem(query(c.name() + "__in", new StringSchema(), "one of, comma-separated"));
    });
    Schema<?> page = new ObjectSchema().addProperty("items", new ArraySchema().items(
            new Schema<>().$ref("#/components/schemas/" + model)))
        .addProperty("page", new IntegerSchema()).addProperty("page_size", new IntegerSchema())
        .addProperty("total", new IntegerSchema());
    return op.responses(new ApiResponses()
        .addApiResponse("200", new ApiResponse().description("a page of rows; X-Total-Count and ETag headers")
            .content(new Content().addMediaType("application/json", new MediaType().schema(page))))
        .addApiResponse("304", new ApiResponse().description("not modified (If-None-Match)"))
        .addApiResponse("400", problem("unknown column, operator or sort key, or a value of the wrong type"))
        .addApiResponse("401", problem("no or unknown API key"))
        .addApiResponse("404", problem("no such product or model")));
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse().description(description).content(new Content().addMediaType(
        "application/problem+json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  private static Parameter query(String name, Schema<?> schema, String description) {
    return new Parameter().in("query").name(name).required(false).schema(schema).description(description);
  }

  private static Schema<?> row(Map<String, ApiColumn> columns) {
    ObjectSchema row = new ObjectSchema();
    columns.values().forEach(c -> row.addProperty(c.name(), schema(c).nullable(c.nullable())));
    return row;
  }

  private static Schema<?> schema(ApiColumn column) {
    return switch (column.type()) {
      case BIGINT -> new IntegerSchema().format("int64");
      case DECIMAL, DOUBLE -> new NumberSchema();
      case BOOLEAN -> new BooleanSchema();
      case DATE -> new DateSchema();
      case TIMESTAMP -> new StringSchema().description("local date and time, ISO 8601 (no offset)");
      case TEXT -> new StringSchema();
    };
  }
}
