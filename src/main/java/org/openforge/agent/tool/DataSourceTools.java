package org.openforge.agent.tool;

import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.DataSources;
import org.openforge.datasource.catalog.Catalogs;
import org.openforge.datasource.catalog.ProfileOptions;
import org.openforge.datasource.catalog.SourceQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The data tools: list the engagement's sources, describe or profile one, sample a table, run a read-only SQL
 * query. An agent only reaches the sources attached to its engagement; every connection is read-only with a
 * statement timeout.
 */
@Configuration
public class DataSourceTools {

  @Bean
  AgentTool listDataSources(DataSources sources) {
    return new SimpleTool("list_data_sources", "Lists the data sources attached to the engagement: id, name, type, "
        + "and whether their last connection test succeeded.", JsonObjectSchema.builder().build(), true,
        call -> sources.forEngagement(call.engagement().id()).stream().map(s -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", s.id());
          row.put("name", s.name());
          row.put("source_type", s.sourceType().value());
          row.put("description", s.description());
          row.put("connected", s.lastTest() != null && Boolean.TRUE.equals(s.lastTest().success()));
          return row;
        }).toList());
  }

  @Bean
  AgentTool describeSource(DataSources sources, Catalogs catalogs) {
    return new SimpleTool("describe_source", "Describes an attached data source: tables or files, columns with "
        + "types, primary and foreign keys, row counts. Optionally only some tables.",
        JsonObjectSchema.builder().addStringProperty("source_id")
            .addProperty("tables", JsonArraySchema.builder().items(new JsonStringSchema()).build())
            .required("source_id").build(), true,
        call -> catalogs.describe(attached(sources, call), options(call)));
  }

  @Bean
  AgentTool profileSource(DataSources sources, Catalogs catalogs) {
    return new SimpleTool("profile_source", "Profiles an attached data source in the database: per column nulls, "
        + "distinct counts, min/max, top values and semantic type; per table a data-quality assessment.",
        JsonObjectSchema.builder().addStringProperty("source_id")
            .addProperty("tables", JsonArraySchema.builder().items(new JsonStringSchema()).build())
            .addIntegerProperty("top_values", "how many top values per column (default 5)")
            .required("source_id").build(), true,
        call -> catalogs.profile(attached(sources, call),
            options(call).withTopValues(call.integer("top_values", ProfileOptions.defaults().topValues()))));
  }

  @Bean
  AgentTool sampleRows(DataSources sources, SourceQueries queries) {
    return new SimpleTool("sample_rows", "Returns the first rows of a table or CSV file of an attached source.",
        JsonObjectSchema.builder().addStringProperty("source_id").addStringProperty("table")
            .addIntegerProperty("max_rows", "at most 200").required("source_id", "table").build(), true,
        call -> queries.sample(attached(sources, call), call.requireString("table"),
            Math.min(200, call.integer("max_rows", 20))));
  }

  @Bean
  AgentTool executeSql(DataSources sources, SourceQueries queries) {
    return new SimpleTool("execute_sql", "Runs one read-only SQL statement (SELECT/WITH) against an attached "
        + "PostgreSQL or MySQL/MariaDB source, with ? parameters, a row limit and a statement timeout.",
        JsonObjectSchema.builder().addStringProperty("source_id").addStringProperty("sql")
            .addProperty("params", JsonArraySchema.builder().description("values of the ? placeholders, in order")
                .items(JsonAnyOfSchema.builder().anyOf(new JsonStringSchema(), new JsonNumberSchema(),
                    new JsonBooleanSchema(), new JsonNullSchema()).build()).build())
            .addIntegerProperty("max_rows", "at most 1000 (default 100)")
            .required("source_id", "sql").build(), true,
        call -> {
          Object params = call.arguments().get("params");
          List<?> values = params instanceof List<?> list ? list : List.of();
          return queries.query(attached(sources, call), call.requireString("sql"), values,
              Math.min(1000, call.integer("max_rows", 100)));
        });
  }

  /** The source named by {@code source_id}, if it is attached to the calling engagement. */
  static DataSourceRecord attached(DataSources sources, ToolCall call) {
    String id = call.requireString("source_id");
    return sources.forEngagement(call.engagement().id()).stream().filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("data source " + id + " is not attached to this engagement"));
  }

  private static ProfileOptions options(ToolCall call) {
    Object tables = call.arguments().get("tables");
    ProfileOptions options = ProfileOptions.defaults();
    if (tables instanceof List<?> list && !list.isEmpty()) {
      options = options.withTables(list.stream().map(String::valueOf).toList());
    }
    return options;
  }
}
