package org.openforge.agent.build.ui;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.Names;
import org.openforge.agent.build.SlotBinding;

/**
 * Generates the dashboard as a React + TypeScript project (Vite) from the Mustache templates under
 * {@code templates/tsx}: an interface per class, a client for the data API whose address is read at run time
 * ({@code config.json} or {@code window.OPENFORGE_API_BASE}), the metrics helpers, the KPI card, chart (inline SVG)
 * and data table components, and a dashboard wired to the requested components. Type-checked with
 * {@code tsc --noEmit} in the tests.
 */
public final class TsxProject {

  private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("templates/tsx");

  private TsxProject() {}

  /**
   * The project's files by path. {@code apiBase} is only the default of {@code public/config.json}: the dashboard
   * reads its data API's address at run time.
   */
  public static Map<String, String> generate(String slug, String title, String apiBase, List<ClassBinding> classes,
      List<UiComponent> components, Map<String, ComponentData> data) {
    Config config = config(classes, components, data);
    Map<String, Object> scope = new HashMap<>();
    scope.put("name", slug);
    scope.put("title", title);
    scope.put("titleLiteral", TypeScript.str(title));
    scope.put("defaultApiBase", TypeScript.str(apiBase));
    scope.put("components", config.components());
    scope.put("collections", config.collections());
    scope.put("rows", components.stream().map(c -> Map.of("id", c.id(), "type", c.type(),
        "title", c.title().replace("|", "/"))).toList());
    Map<String, String> files = new LinkedHashMap<>();
    for (String path : STATIC) {
      files.put(path, render(path, scope));
    }
    files.put("src/types.ts", types(classes));
    files.put("README.md", render("README.md", Map.of("title", title, "components", scope.get("rows"))));
    return files;
  }

  /** The files rendered from the templates under {@code templates/tsx}, in this order. */
  private static final List<String> STATIC = List.of("package.json", "tsconfig.json", "vite.config.ts",
      "index.html", "public/config.json", "src/api.ts", "src/metrics.ts", "src/dashboard.config.ts",
      "src/components/KpiCard.tsx", "src/components/Chart.tsx", "src/components/DataTable.tsx", "src/Dashboard.tsx",
      "src/main.tsx", "src/styles.css");

  private static String types(List<ClassBinding> classes) {
    StringBuilder ts = new StringBuilder("// One interface per ontology class, as the data API returns it.\n");
    for (ClassBinding c : classes) {
      ts.append("\nexport interface ").append(Names.pascal(c.className())).append(" {\n");
      for (SlotBinding s : c.slots()) {
        if (s.multivalued() || !s.mapped()) {
          continue;
        }
        String type = s.enumValues().isEmpty() ? switch (s.baseType()) {
          case "integer", "decimal", "float", "double" -> "number";
          case "boolean" -> "boolean";
          default -> "string";
        } : String.join(" | ", s.enumValues().stream().map(TypeScript::str).toList());
        ts.append("  ").append(TypeScript.key(s.slot())).append(": ").append(type).append(s.required() ? "" : " | null")
            .append(";").append(s.reference() ? " // " + s.referencedClass() + " identifier" : "").append("\n");
      }
      ts.append("}\n");
    }
    return ts.toString();
  }

  private record Config(String components, String collections) {}

  private static Config config(List<ClassBinding> classes, List<UiComponent> components,
      Map<String, ComponentData> data) {
    StringBuilder ts = new StringBuilder();
    Set<String> collections = new LinkedHashSet<>();
    for (UiComponent c : components) {
      String collection = Names.collection(c.className());
      collections.add(collection);
      ts.append("  {\n    id: ").append(TypeScript.str(c.id())).append(",\n    type: ").append(TypeScript.str(c.type()))
          .append(",\n    title: ").append(TypeScript.str(c.title())).append(",\n    collection: ")
          .append(TypeScript.str(collection)).append(",\n");
      switch (c.type()) {
        case "kpi_card" -> ts.append("    fn: ").append(TypeScript.str(c.function())).append(",\n    measure: ")
            .append(TypeScript.str(c.measure())).append(",\n");
        case "chart" -> {
          List<String> hops = new ArrayList<>();
          ClassBinding current = classes.stream().filter(x -> x.className().equals(c.className())).findFirst()
              .orElseThrow();
          for (int i = 0; i < c.groupPath().size() - 1; i++) {
            SlotBinding ref = current.slot(c.groupPath().get(i)).orElseThrow();
            ClassBinding next = classes.stream().filter(x -> x.className().equals(ref.referencedClass())).findFirst()
                .orElseThrow();
            String nextCollection = Names.collection(next.className());
            collections.add(nextCollection);
            hops.add("{ via: " + TypeScript.str(ref.slot()) + ", collection: " + TypeScript.str(nextCollection)
                + ", key: " + TypeScript.str(next.identifier()) + " }");
            current = next;
          }
          ComponentData d = data.get(c.id());
          ts.append("    chartType: ").append(TypeScript.str(c.chartType())).append(",\n    x: ")
              .append(TypeScript.str(c.xAxis())).append(",\n    y: ").append(TypeScript.str(c.measure()))
              .append(",\n    fn: ").append(TypeScript.str(c.function())).append(",\n    hops: [")
              .append(String.join(", ", hops)).append("],\n    groupBy: ").append(TypeScript.str(c.groupBy()))
              .append(",\n    byMonth: ").append(d != null && "month".equals(d.grain())).append(",\n");
        }
        case "data_table" -> ts.append("    columns: ").append(TypeScript.list(c.columns())).append(",\n");
        default -> throw new IllegalArgumentException("unknown component type " + c.type());
      }
      ts.append("  },\n");
    }
    return new Config(ts.toString(), TypeScript.list(List.copyOf(collections)));
  }

  private static String render(String template, Object scope) {
    Mustache mustache = TEMPLATES.compile(template + ".mustache");
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }
}
