package org.openforge.agent.build.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openforge.agent.build.Binding;
import org.openforge.agent.build.PythonSyntax;
import org.openforge.agent.build.Quirky;
import org.openforge.ontology.generate.PostgresDdl;
import org.openforge.ontology.generate.PostgresDdlGenerator;

/** The Dagster project of an awkward ontology is valid Python with an asset per class and a check per rule. */
class DagsterProjectTest {

  @Test
  void awkwardNamesStillGiveValidPython() {
    Binding binding = Quirky.binding();
    List<TaskTransformation> task = TaskTransformation.read(List.of(Map.of("name", "count per kind", "type",
        "aggregation", "logic", "COUNT(*) OVER (PARTITION BY kind)"), Map.of("name", "kinds", "type", "mapping",
        "source_field", "kind", "target_field", "kind", "values", Map.of("a\"b", "plain"))));
    Transformations.Applied applied = Transformations.apply(task, binding.classes(),
        c -> java.util.Optional.of(Quirky.ref(c.className())));
    Binding effective = new Binding(binding.schemaName(), binding.schemaId(), binding.view(),
        applied.classes().stream().map(ClassPlan::binding).toList(), binding.unmapped(), binding.origin(),
        binding.ontology(), null, binding.warnings());
    List<QualityCheck> checks = CheckPlanner.plan(effective).stream().map(p -> new QualityCheck(p.id(),
        p.owner().className(), p.slotName(), p.type(), p.rule(), p.owner().sourceId(), p.owner().table(),
        p.columns(), "sql", null, null, QualityCheck.PASSED, 0L, 0L, List.of(), "ok", 0L)).toList();
    PostgresDdl ddl = PostgresDdlGenerator.generate(binding.view());
    Map<String, String> files = DagsterProject.generate(new DagsterProject.Input("quirky_pipeline",
        "Quirky \"engagement\"", "quirky", 2, "quirky", applied.classes(), applied.steps(), checks,
        List.of(new Pipeline("ingest_csv", "src-1", Quirky.CSV.name(), "csv", List.of("Class"), "*/5 * * * *",
            "every 5 minutes"), new Pipeline("ingest_warehouse", "src-2", "warehouse", "postgresql",
            List.of("Yield"), "*/5 * * * *", "every 5 minutes")), Cron.parse("*/5 * * * *"), ddl.sql(),
        ddl.tableOfClass()));

    String definitions = files.get("quirky_pipeline/definitions.py");
    assertThat(PythonSyntax.error(definitions)).isNull();
    assertThat(PythonSyntax.error(files.get("quirky_pipeline/__init__.py"))).isNull();
    assertThat(definitions).contains("def class_(context: AssetExecutionContext)", "def yield_(",
        "ins={\"class_\": AssetIn(\"class_\")}", "\"^\\\"[a-z]+\\\\d\\\"$\"",
        "raw.groupby([\"kind\"], dropna=False)[raw.columns[0]].transform(\"size\")",
        "m.get(v, v))  # kinds", "cron_schedule=\"*/5 * * * *\"");
    long assetChecks = definitions.lines().filter(l -> l.equals("@asset_check(")).count();
    assertThat(assetChecks).isEqualTo(checks.stream().filter(c -> List.of("required", "unique", "reference", "type",
        "enum", "range", "pattern").contains(c.type())).count());
    assertThat(files.get("pyproject.toml")).contains("module_name = \"quirky_pipeline.definitions\"");
    assertThat(files.get("README.md")).contains("OPENFORGE_SOURCE_MY_CSV_FILES_PATH");
  }

  @Test
  void aBrokenPythonFileIsCaught() {
    assertThat(PythonSyntax.error("def f(:\n  pass\n")).isNotNull();
  }
}
