package org.openforge.product.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openforge.product.pipeline.PipelinePlan.Model;
import org.openforge.product.pipeline.PipelinePlan.ModelTest;
import org.openforge.product.pipeline.PipelinePlan.SourceTable;

/**
 * The Dagster export compiles (python3 -m py_compile on every file), its asset graph — read back from the code
 * with Python's own parser — is the platform's model graph, its schedule starts running, and its README names
 * exactly the environment variables its code reads.
 */
class DagsterExportTest {

  private static final String AST_READER = """
      import ast, json, sys
      tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
      out = {"assets": {}, "checks": [], "schedule_status": None, "env": []}
      for node in ast.walk(tree):
          if isinstance(node, ast.FunctionDef):
              for d in node.decorator_list:
                  if isinstance(d, ast.Call) and getattr(d.func, "id", "") in ("asset", "asset_check"):
                      kw = {k.arg: k.value for k in d.keywords}
                      if d.func.id == "asset":
                          deps = [e.value for e in kw["deps"].elts] if "deps" in kw else []
                          out["assets"][kw["name"].value] = sorted(deps)
                      else:
                          out["checks"].append(kw["asset"].value + ":" + kw["name"].value)
          if isinstance(node, ast.keyword) and node.arg == "default_status":
              out["schedule_status"] = node.value.attr
          if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("OPENFORGE_"):
              out["env"].append(node.value)
      print(json.dumps(out))
      """;

  @TempDir
  Path dir;

  @Test
  void compilesAndMirrorsThePlatformsModelGraph() throws Exception {
    PipelinePlan plan = new PipelinePlan(PipelinePlan.SCHEMA_VERSION, List.of(
        new SourceTable("customer", "s1", "shop.customer"), new SourceTable("orders", "s1", "shop.orders"),
        new SourceTable("order_line", "s1", "shop.order_line"),
        new SourceTable("product_tag", "s2", "catalog.product_tag")), List.of(
        new Model("revenue_by_month", "marts", "aggregate", "select date_trunc('month', order_date) as month, sum(amount) as "
            + "revenue\nfrom {{ ref('fct_sales') }} group by 1", List.of("fct_sales"),
            List.of(ModelTest.unique("revenue_by_month", "month"))),
        new Model("fct_sales", "marts", "fact", "select l.order_id, o.customer_id, o.order_date, l.quantity * l.unit_price"
            + " as amount from {{ ref('order_line') }} l join {{ ref('orders') }} o on o.id = l.order_id "
            + "where o.note <> 'say \"hi\"\\\\'", List.of("order_line", "orders"),
            List.of(ModelTest.notNull("fct_sales", "amount"),
                ModelTest.relationships("fct_sales", "customer_id", "customer", "id")))));
    Map<String, String> files = DagsterExport.generate(new DagsterExport.Input("Shop \"Analytics\"", "shop_pipeline",
        "of_shop_1234", "0 6 * * *", "daily at 06:00", plan, Map.of("s1", "Shop DB", "s2", "catalog files")));

    List<String> python = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path path = dir.resolve(f.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, f.getValue());
      if (f.getKey().endsWith(".py")) {
        python.add(path.toString());
      }
    }
    assertThat(python).hasSize(2);
    for (String file : python) {
      assertThat(run("python3", "-m", "py_compile", file)).as("py_compile " + file).isEmpty();
    }
    Path reader = dir.resolve("read_assets.py");
    Files.writeString(reader, AST_READER);
    JsonNode graph = new ObjectMapper().readTree(run("python3", reader.toString(),
        dir.resolve("shop_pipeline/definitions.py").toString()));

    Map<String, List<String>> expected = new TreeMap<>();
    plan.tables().forEach(t -> expected.put(t.name(), List.of()));
    plan.models().forEach(m -> expected.put(m.name(), m.upstream().stream().sorted().toList()));
    Map<String, List<String>> assets = new TreeMap<>();
    graph.get("assets").fields().forEachRemaining(e -> {
      List<String> deps = new ArrayList<>();
      e.getValue().forEach(d -> deps.add(d.asText()));
      assets.put(e.getKey(), deps);
    });
    assertThat(assets).as("asset graph = the platform's model graph, junction tables included").isEqualTo(expected);
    assertThat(graph.get("checks")).hasSize(3);
    assertThat(graph.get("schedule_status").asText()).isEqualTo("RUNNING");

    TreeSet<String> codeEnv = new TreeSet<>();
    graph.get("env").forEach(e -> codeEnv.add(e.asText()));
    TreeSet<String> readmeEnv = new TreeSet<>();
    Matcher m = Pattern.compile("`(OPENFORGE_[A-Z0-9_]+)`").matcher(files.get("README.md"));
    while (m.find()) {
      readmeEnv.add(m.group(1));
    }
    assertThat(readmeEnv).as("README and code name the same variables").isEqualTo(codeEnv)
        .containsExactly("OPENFORGE_SOURCE_CATALOG_FILES_URL", "OPENFORGE_SOURCE_SHOP_DB_URL", "OPENFORGE_TARGET_URL");
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
    }
    return out.strip();
  }
}
