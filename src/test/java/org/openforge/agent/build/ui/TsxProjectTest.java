package org.openforge.agent.build.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openforge.agent.build.Binding;
import org.openforge.agent.build.Quirky;

/** The TSX project of an awkward ontology is well formed, and the preview escapes what it shows. */
class TsxProjectTest {

  @TempDir
  Path dir;

  @Test
  void generatedSourcesAreWellFormedAndTypeCheck() throws Exception {
    Binding b = Quirky.binding();
    ComponentResolver resolver = new ComponentResolver(b.classes());
    List<UiComponent> components = resolver.resolve(List.of(
        Map.of("type", "kpi_card", "metric", "total_import", "title", "Total </script>"),
        Map.of("type", "chart", "chart_type", "bar", "x_axis", "default", "y_axis", "count", "group_by", "kind"),
        Map.of("type", "data_table", "entity", "Class", "columns", List.of("lambda", "from", "missing"))));
    assertThat(components).hasSize(3);
    assertThat(components.get(0).function()).isEqualTo("sum");
    assertThat(components.get(0).measure()).isEqualTo("import");
    assertThat(components.get(1).groupPath()).containsExactly("owner", "kind");
    assertThat(resolver.warnings()).singleElement().asString().contains("no mapped slot 'missing'");

    Map<String, String> files = TsxProject.generate("quirky", "Quirky \"dash\"", "/data/v1/quirky_0123abcd",
        b.classes(), components, Map.of());
    assertThat(TsxStructure.problems(files)).isEmpty();
    assertThat(files.get("public/config.json")).contains("\"apiBase\": \"/data/v1/quirky_0123abcd\"");
    assertThat(files.get("src/api.ts")).contains("window.OPENFORGE_API_BASE", "./config.json")
        .doesNotContain("import.meta.env", "X-API-Key");
    assertThat(files.get("index.html")).contains("<title>Quirky &quot;dash&quot;</title>");
    assertThat(Tsc.check(files, dir)).as("tsc --noEmit").isEmpty();
    assertThat(files.get("src/types.ts")).contains("export interface Class {", "kind: \"a\\\"b\" | \"plain\" | null;",
        "from: string;");
    assertThat(files.get("src/main.tsx")).contains("document.title = \"Quirky \\\"dash\\\"\";");
  }

  @Test
  void theStructureCheckCatchesMistakes() {
    assertThat(TsxStructure.problems(Map.of("a.tsx", "export function A() { return <div><span></div>; }")))
        .isNotEmpty();
    assertThat(TsxStructure.problems(Map.of("a.ts", "import { x } from \"./b\";\nexport const y = (x;")))
        .hasSize(2);
    assertThat(TsxStructure.problems(Map.of("a.ts", "export const s = `${1 + {a: 1}.a} }`;"))).isEmpty();
  }

  @Test
  void thePreviewEscapesAndDrawsWithoutScripts() {
    UiComponent kpi = new UiComponent("kpi_card_1", "kpi_card", "Total </script><script>x", "Class", "sum", "import",
        null, null, null, null, "total_import", "input");
    UiComponent chart = new UiComponent("chart_2", "chart", "By day", "Class", "sum", "import", "default",
        List.of("kind"), "area", null, null, "input");
    ComponentData kpiData = new ComponentData("kpi_card_1", new BigDecimal("1234567.891"), null, null, null, null,
        null, null, "all rows", List.of("select 1"), null);
    ComponentData chartData = new ComponentData("chart_2", null, List.of("2024-01", "2024-02", "2024-03"),
        List.of(new ComponentData.Series("<b>", java.util.Arrays.asList(new BigDecimal("3"), null,
            new BigDecimal("-2")))), "month", null, null, null, "all rows", List.of(), null);
    String html = HtmlPreview.render("T & \"t\"", "sub", List.of(kpi, chart), Map.of("kpi_card_1", kpiData,
        "chart_2", chartData), List.of("a <note>"));
    assertThat(html).doesNotContain("<script").contains("Total &lt;/script&gt;&lt;script&gt;x", "1,234,567.89",
        "T &amp; &quot;t&quot;", "&lt;b&gt;", "a &lt;note&gt;", "fill-opacity=\"0.15\"");
    assertThat(SvgChart.nice(0.7)).isEqualTo(1.0);
    assertThat(SvgChart.nice(2300)).isEqualTo(2500.0);
  }
}
