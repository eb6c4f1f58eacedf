package org.openforge.product.pipeline;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.product.pipeline.PipelinePlan.Model;
import org.openforge.product.pipeline.PipelinePlan.ModelTest;
import org.openforge.product.pipeline.PipelinePlan.SourceTable;

/**
 * The Dagster export of a pipeline, generated from the plan the platform runs (Mustache templates under
 * {@code templates/dagster}): an asset per loaded table and per model with the same dependencies, an asset check
 * per test, a job and a schedule created running; the README names exactly the environment variables the code
 * reads.
 */
public final class DagsterExport {

  private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("templates/dagster");
  private static final Pattern REF = Pattern.compile("\\{\\{\\s*ref\\(\\s*'([^']+)'\\s*\\)\\s*}}");

  /** What the export is generated from; {@code sourceNames} names each source of the plan by its id. */
  public record Input(String title, String packageName, String schema, String cron, String scheduleDescription,
      PipelinePlan plan, Map<String, String> sourceNames) {}

  private DagsterExport() {}

  /** The project's files by path. */
  public static Map<String, String> generate(Input in) {
    Map<String, Object> scope = scope(in);
    Map<String, String> files = new LinkedHashMap<>();
    files.put("pyproject.toml", render("pyproject.toml.mustache", scope));
    files.put("README.md", render("README.md.mustache", scope));
    files.put(in.packageName() + "/__init__.py", "\"\"\"Dagster export of the Open Forge pipeline "
        + python(in.title()) + ".\"\"\"\n");
    files.put(in.packageName() + "/definitions.py", render("definitions.py.mustache", scope));
    return files;
  }

  /** The environment variable a source's connection URL is read from. */
  public static String sourceEnv(String sourceName) {
    String name = sourceName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
    return "OPENFORGE_SOURCE_" + (name.isEmpty() ? "DATA" : name) + "_URL";
  }

  private static Map<String, Object> scope(Input in) {
    Set<String> functions = new LinkedHashSet<>();
    Map<String, Object> scope = new HashMap<>();
    scope.put("title", in.title());
    scope.put("title_literal", python(in.title()));
    scope.put("package", in.packageName());
    scope.put("project_name", in.packageName().replace('_', '-'));
    scope.put("version", "1.0.0");
    // a TOML basic string escapes like a Python one for the characters a title may hold
    scope.put("description_literal", python("Dagster export of the Open Forge pipeline for " + in.title()));
    scope.put("schema_literal", python(in.schema()));
    scope.put("cron", in.cron());
    scope.put("cron_literal", python(in.cron()));
    scope.put("schedule_description", in.scheduleDescription());

    Map<String, String> envs = new LinkedHashMap<>();
    envs.put("OPENFORGE_TARGET_URL", "the target database (schema `" + in.schema() + "` is created there)");
    List<Map<String, Object>> tables = new ArrayList<>();
    List<Map<String, Object>> assets = new ArrayList<>();
    for (SourceTable t : in.plan().tables()) {
      String source = in.sourceNames().getOrDefault(t.sourceId(), t.sourceId());
      String env = sourceEnv(source);
      envs.putIfAbsent(env, "source `" + source + "`");
      Map<String, Object> m = new HashMap<>();
      m.put("name", t.name());
      m.put("name_literal", python(t.name()));
      m.put("function", function(functions, "load_" + t.name()));
      m.put("source_table", t.sourceTable());
      m.put("source_table_literal", python(t.sourceTable()));
      m.put("env_literal", python(env));
      tables.add(m);
      assets.add(m);
    }
    List<Map<String, Object>> models = new ArrayList<>();
    List<Map<String, Object>> checks = new ArrayList<>();
    for (Model model : ModelOrder.sorted(in.plan().models())) {
      Map<String, Object> m = new HashMap<>();
      m.put("name", model.name());
      m.put("name_literal", python(model.name()));
      m.put("layer", model.layer());
      m.put("layer_literal", python(model.layer()));
      m.put("function", function(functions, "build_" + model.name()));
      m.put("sql_literal", python(render(model.sql(), in.schema())));
      m.put("upstream", last(model.upstream().stream().map(u -> {
        Map<String, Object> up = new HashMap<>();
        up.put("name", u);
        up.put("literal", python(u));
        return up;
      }).toList()));
      models.add(m);
      assets.add(m);
      for (ModelTest test : model.tests() == null ? List.<ModelTest>of() : model.tests()) {
        Map<String, Object> c = new HashMap<>();
        c.put("model", model.name());
        c.put("model_literal", python(model.name()));
        c.put("name", test.name());
        c.put("name_literal", python(identifier(test.name())));
        c.put("function", function(functions, "check_" + model.name() + "_" + test.name()));
        c.put("sql_literal", python(render(test.failingRowsSql(), in.schema())));
        checks.add(c);
      }
    }
    scope.put("tables", tables);
    scope.put("models", models);
    scope.put("checks", last(checks));
    scope.put("assets", last(assets));
    scope.put("env_names", last(envs.entrySet().stream().map(e -> {
      Map<String, Object> env = new HashMap<>();
      env.put("name", e.getKey());
      env.put("description", e.getValue());
      return env;
    }).toList()));
    return scope;
  }

  /** Marks the last element of a list, for separators in templates. */
  private static List<Map<String, Object>> last(List<Map<String, Object>> items) {
    List<Map<String, Object>> marked = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = new HashMap<>(items.get(i));
      item.put("last", i == items.size() - 1);
      marked.add(item);
    }
    return marked;
  }

  private static String render(String sql, String schema) {
    Matcher m = REF.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("\"" + schema + "\".\"" + m.group(1) + "\""));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  private static String render(String template, Map<String, Object> scope) {
    Mustache mustache = TEMPLATES.compile(template);
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }

  /** A unique Python identifier. */
  private static String function(Set<String> used, String name) {
    String base = identifier(name);
    String candidate = base;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = base + "_" + i;
    }
    return candidate;
  }

  private static String identifier(String name) {
    String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_")
        .replaceAll("^_|_$", "");
    return id.isEmpty() || Character.isDigit(id.charAt(0)) ? "x_" + id : id;
  }

  /** A Python string literal (double-quoted, escaped). */
  static String python(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
