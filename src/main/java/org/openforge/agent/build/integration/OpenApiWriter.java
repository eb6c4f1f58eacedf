package org.openforge.agent.build.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.agent.build.Binding;
import org.openforge.agent.build.BuildJson;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.Names;
import org.openforge.agent.build.SlotBinding;

/**
 * The OpenAPI 3.0 description of the data API: a schema per class (types, formats, enums, bounds, patterns, required
 * slots; references as the referred identifier), a page schema per class, the paging and filter parameters, an API
 * key security scheme, RFC 7807 problems, and per operation the query it runs ({@code x-openforge-query}).
 */
public final class OpenApiWriter {

  private OpenApiWriter() {}

  public static Map<String, Object> document(String title, Binding binding, List<ClassBinding> served,
      List<Endpoint> endpoints, Map<String, Object> testReport) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("title", title + " data API");
    info.put("version", binding.ontology() == null ? "1" : String.valueOf(binding.ontology().version()));
    info.put("description", "Read API over ontology " + binding.schemaName() + ": list (paged, filterable), get by "
        + "identifier and follow references for " + String.join(", ", served.stream().map(ClassBinding::className)
        .toList()) + ". Each operation's x-openforge-query is what it runs against the source.");
    info.put("x-ontology", BuildJson.map("name", binding.schemaName(), "id", binding.schemaId(), "version",
        binding.ontology() == null ? null : binding.ontology().version()));
    doc.put("info", info);
    doc.put("servers", List.of(Map.of("url", "/data-api/v1")));
    doc.put("security", List.of(Map.of("apiKey", List.of())));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Endpoint e : endpoints) {
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("operationId", e.operationId());
      op.put("summary", e.summary());
      op.put("tags", List.of(e.kind().equals("related_many") ? e.targetClass() : e.className()));
      List<Object> params = new ArrayList<>();
      ClassBinding c = served.stream().filter(x -> x.className().equals(e.className())).findFirst().orElseThrow();
      String schemaClass = e.kind().equals("related_one") ? e.targetClass() : e.className();
      for (String p : pathParams(e.path())) {
        ClassBinding owner = e.kind().equals("related_many")
            ? served.stream().filter(x -> x.className().equals(e.targetClass())).findFirst().orElseThrow() : c;
        SlotBinding id = owner.slot(p).orElseThrow();
        Map<String, Object> param = new LinkedHashMap<>();
        param.put("name", p);
        param.put("in", "path");
        param.put("required", true);
        param.put("schema", scalar(id));
        params.add(param);
      }
      boolean paged = e.kind().equals("list") || e.kind().equals("related_many");
      if (paged) {
        params.add(Map.of("$ref", "#/components/parameters/limit"));
        params.add(Map.of("$ref", "#/components/parameters/offset"));
      }
      if (e.kind().equals("list")) {
        for (SlotBinding s : ApiPlanner.filterable(c)) {
          Map<String, Object> param = new LinkedHashMap<>();
          param.put("name", s.slot());
          param.put("in", "query");
          param.put("required", false);
          param.put("description", "only objects whose " + s.slot() + " equals this value");
          param.put("schema", scalar(s));
          params.add(param);
        }
      }
      if (!params.isEmpty()) {
        op.put("parameters", params);
      }
      Map<String, Object> responses = new LinkedHashMap<>();
      String ref = "#/components/schemas/" + schemaClass + (paged ? "Page" : "");
      responses.put("200", BuildJson.map("description", paged ? "a page of " + schemaClass + " objects" : "the "
          + schemaClass, "content", Map.of("application/json", Map.of("schema", Map.of("$ref", ref)))));
      if (!paged) {
        responses.put("404", problem("no such " + (e.kind().equals("related_one") ? e.className() + " or it refers"
            + " to none" : schemaClass)));
      }
      responses.put("400", problem("a parameter is not valid"));
      responses.put("401", problem("no or an unknown API key"));
      op.put("responses", responses);
      op.put("x-openforge-query", e.query());
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("get", op);
      paths.put(e.path(), item);
    }
    doc.put("paths", paths);
    Map<String, Object> components = new LinkedHashMap<>();
    Map<String, Object> schemas = new LinkedHashMap<>();
    for (ClassBinding c : served) {
      schemas.put(c.className(), schema(c));
      Map<String, Object> page = new LinkedHashMap<>();
      page.put("type", "object");
      page.put("required", List.of("items", "limit", "offset"));
      Map<String, Object> props = new LinkedHashMap<>();
      props.put("items", BuildJson.map("type", "array", "items", Map.of("$ref", "#/components/schemas/"
          + c.className())));
      props.put("limit", Map.of("type", "integer"));
      props.put("offset", Map.of("type", "integer"));
      page.put("properties", props);
      schemas.put(c.className() + "Page", page);
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "object");
    problem.put("properties", BuildJson.map("type", Map.of("type", "string"), "title", Map.of("type", "string"),
        "status", Map.of("type", "integer"), "detail", Map.of("type", "string")));
    schemas.put("Problem", problem);
    components.put("schemas", schemas);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("limit", BuildJson.map("name", "limit", "in", "query", "required", false, "schema",
        BuildJson.map("type", "integer", "minimum", 1, "maximum", EndpointRunner.MAX_PAGE, "default",
            IntegrationTests.PAGE)));
    parameters.put("offset", BuildJson.map("name", "offset", "in", "query", "required", false, "schema",
        BuildJson.map("type", "integer", "minimum", 0, "default", 0)));
    components.put("parameters", parameters);
    components.put("securitySchemes", Map.of("apiKey", BuildJson.map("type", "apiKey", "in", "header", "name",
        "X-API-Key")));
    doc.put("components", components);
    doc.put("x-openforge-export-checks", testReport);
    return doc;
  }

  private static Map<String, Object> problem(String description) {
    return BuildJson.map("description", description, "content", Map.of("application/problem+json",
        Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
  }

  private static List<String> pathParams(String path) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Map<String, Object> schema(ClassBinding c) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    List<String> required = c.slots().stream().filter(x -> x.required() && x.mapped() && !x.multivalued())
        .map(SlotBinding::slot).toList();
    if (!required.isEmpty()) {
      s.put("required", required);
    }
    Map<String, Object> props = new LinkedHashMap<>();
    for (SlotBinding slot : ApiPlanner.fields(c, true)) {
      props.put(slot.slot(), scalar(slot));
    }
    s.put("properties", props);
    s.put("x-linkml-class", c.className());
    s.put("x-collection", "/" + Names.collection(c.className()));
    return s;
  }

  /** The OpenAPI schema of one slot's values. */
  static Map<String, Object> scalar(SlotBinding s) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (s.baseType()) {
      case "integer" -> {
        m.put("type", "integer");
        m.put("format", "int64");
      }
      case "decimal" -> m.put("type", "number");
      case "float", "double" -> {
        m.put("type", "number");
        m.put("format", "double");
      }
      case "boolean" -> m.put("type", "boolean");
      case "date" -> {
        m.put("type", "string");
        m.put("format", "date");
      }
      case "datetime", "date_or_datetime" -> {
        m.put("type", "string");
        m.put("format", "date-time");
      }
      default -> m.put("type", "string");
    }
    if (!s.enumValues().isEmpty()) {
      m.put("enum", s.enumValues());
    }
    if (s.pattern() != null) {
      m.put("pattern", s.pattern());
    }
    if (s.minimum() != null) {
      m.put("minimum", s.minimum());
    }
    if (s.maximum() != null) {
      m.put("maximum", s.maximum());
    }
    if (!s.required()) {
      m.put("nullable", true);
    }
    if (s.reference()) {
      m.put("description", "identifier of the " + s.referencedClass() + " it refers to");
      m.put("x-references", s.referencedClass());
    }
    return m;
  }
}
