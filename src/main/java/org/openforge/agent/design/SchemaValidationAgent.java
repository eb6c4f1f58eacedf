package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.Agent;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.AgentResult;
import org.openforge.engagement.ArtifactService;
import org.openforge.ontology.infer.Provenance;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code schema_validation} agent: checks the ontology against the real data of the attached sources —
 * type compatibility, null handling, referential integrity, identifier (and unique key) uniqueness, enum membership,
 * patterns, minimum/maximum values — pushed down to SQL for databases ({@link SqlValidation}) and from the profile, a
 * census of values or a bounded sample for CSV files ({@link CsvValidation}). Input: {@code schema_id} (an ontology
 * artifact; default the newest) and {@code validation_rules} (rule families to run; default all).
 */
@Component
public class SchemaValidationAgent implements Agent {

  public static final String TASK_TYPE = "schema_validation";
  public static final String KIND = "schema_validation_report";

  private final DesignArtifacts artifacts;

  SchemaValidationAgent(DesignArtifacts artifacts) {
    this.artifacts = artifacts;
  }

  @Override
  public String taskType() {
    return TASK_TYPE;
  }

  @Override
  public AgentResult run(AgentContext context) {
    long started = System.nanoTime();
    OntologyInput ontology = OntologyInput.load(context, artifacts, "schema_id", "ontology_id");
    Rule.Selection selection = Rule.select(context.input().get("validation_rules"));
    if (selection.rules().isEmpty()) {
      throw new AgentDeclinedException("none of the validation_rules " + selection.unknown() + " is a rule family;"
          + " known: " + java.util.Arrays.stream(Rule.values()).map(Rule::value).toList());
    }
    List<String> warnings = new ArrayList<>();
    selection.unknown().forEach(u -> warnings.add("validation rule '" + u + "' is unknown: ignored"));
    context.progress("ontology", ontology.artifact().name() + " version " + ontology.artifact().version() + ": "
        + ontology.view().schema().classes().size() + " classes; rules " + selection.rules().stream()
        .map(Rule::value).toList());
    DataTools access = new DataTools(context, artifacts.json());
    List<AttachedSource> attached = access.attached();
    if (!attached.isEmpty()) {
      DataAccess.require(context, attached, "schema validation counts values that break the ontology in SQL "
          + "(read-only) or from file profiles, and shows up to " + SqlValidation.EXAMPLES + " example rows per failed "
          + "check");
    }
    CurrentCatalogs current = CurrentCatalogs.load(context, access, attached, CsvValidation.TOP_VALUES);
    warnings.addAll(current.warnings());
    List<ClassSource> bindings = Bindings.bind(ontology.view(), current.catalogs());
    boolean unreadable = bindings.stream().anyMatch(b -> unreadable(b, ontology, current).isPresent());
    if (bindings.stream().noneMatch(ClassSource::bound) && !unreadable) {
      throw new AgentDeclinedException("nothing to validate: no class of ontology " + ontology.view().schema().name()
          + " maps to a table of the attached sources (" + String.join("; ", bindings.stream()
          .map(b -> b.className() + ": " + b.reason()).limit(5).toList()) + ")");
    }
    List<Check> checks = new ArrayList<>();
    Map<String, SqlValidation> sql = new HashMap<>();
    CsvValidation csv = new CsvValidation(access, ontology.view(), selection.rules());
    JsonRows rows = new JsonRows(access, ontology.view());
    List<Map<String, Object>> unbound = new ArrayList<>();
    for (ClassSource cls : bindings) {
      if (!cls.bound()) {
        unbound.add(entry(cls.className(), null, cls.reason()));
        unreadable(cls, ontology, current).ifPresent(checks::add);
        continue;
      }
      context.progress("checking", cls.className() + " against " + cls.table().qualifiedName());
      String type = current.types().get(cls.table().sourceId());
      checks.addAll("csv".equals(type) ? csv.run(cls)
          : sql.computeIfAbsent(cls.table().sourceId(), id -> new SqlValidation(access, ontology.view(),
              selection.rules(), type)).run(cls));
      if (selection.rules().contains(Rule.JSON_SCHEMA)) {
        checks.add(rows.validate(cls));
      }
      cls.slots().stream().filter(s -> s.kind() == SlotSource.Kind.UNBOUND)
          .forEach(s -> unbound.add(entry(cls.className(), s.name(), s.reason())));
    }
    long passed = checks.stream().filter(c -> Check.PASSED.equals(c.status())).count();
    long failed = checks.stream().filter(Check::failing).count();
    long skipped = checks.stream().filter(c -> !c.counts()).count();
    long findings = checks.stream().filter(c -> Check.WARNING.equals(c.status())).count();
    String summary = "Validated ontology " + ontology.view().schema().name() + " v" + ontology.artifact().version()
        + " against the data: " + passed + " checks passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped
        + " skipped" : "") + (findings > 0 ? ", " + findings + " data-quality findings" : "");
    SchemaValidationReport report = new SchemaValidationReport(SchemaValidationReport.SCHEMA_VERSION,
        new SchemaValidationReport.SchemaRef(ontology.artifact().id(), ontology.view().schema().name(),
            ontology.artifact().version()),
        selection.rules().stream().map(Rule::value).toList(), passed, failed, skipped, summary, sources(current),
        checks, checks.stream().filter(Check::failing).map(c -> c.check() + " " + c.className() + "." + c.slot()
            + ": " + c.violationCount()).toList(), unbound, warnings, method());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("passed_checks", passed);
    metadata.put("failed_checks", failed);
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("passed_checks", passed);
    outputs.put("failed_checks", failed);
    outputs.put("skipped_checks", skipped);
    outputs.put("failures", report.failures());
    outputs.put("warnings", warnings);
    outputs.put("duration_ms", (System.nanoTime() - started) / 1_000_000);
    context.progress("done", summary);
    return new AgentResult(outputs, List.of(new ArtifactService.Draft("schema-validation.json", KIND,
        "application/json", artifacts.json().write(report), summary, metadata)), failed == 0 ? 0.95 : 0.9, summary);
  }

  /**
   * An error check for a class whose source is attached but could not be read: validation could not happen, and the
   * report must not pass (an older passing report would otherwise stay the gate's evidence).
   */
  private static Optional<Check> unreadable(ClassSource cls, OntologyInput ontology, CurrentCatalogs current) {
    Optional<String> sourceId = ontology.view().classDefinition(cls.className())
        .flatMap(c -> Provenance.of(c, Provenance.SOURCE_ID));
    if (sourceId.isEmpty() || !current.unreadable().contains(sourceId.get())) {
      return Optional.empty();
    }
    String table = ontology.view().classDefinition(cls.className())
        .flatMap(c -> Provenance.of(c, Provenance.SOURCE_TABLE)).orElse(null);
    return Optional.of(new Check("source_access", cls.className(), null, Check.ERROR, 0, false, "none",
        sourceId.get(), table, null, null, List.of(), "the source could not be read, so " + cls.className()
            + " was not validated: " + cls.reason()));
  }

  private static Map<String, Object> entry(String className, String slot, String reason) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("class", className);
    e.put("slot", slot);
    e.put("reason", reason);
    return e;
  }

  private static List<Map<String, Object>> sources(CurrentCatalogs current) {
    List<Map<String, Object>> out = new ArrayList<>();
    current.types().forEach((id, type) -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("source_id", id);
      s.put("source_type", type);
      s.put("method", "csv".equals(type) ? "profile_source (every row streamed), value census, sample_rows (first "
          + CsvValidation.SAMPLE + " rows)" : "execute_sql (checks pushed down to the database)");
      out.add(s);
    });
    return out;
  }

  private static Map<String, String> method() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(Rule.TYPE_COMPATIBILITY.value(), "Database: the column type guarantees the range (method column_type), or "
        + "one aggregate query per table counts the values that do not fit (text that does not read as the range, "
        + "fractions for integers). CSV: a census of all distinct values, or the profiler's count of values not of "
        + "the column's inferred type when that is the range's type, else the first "
        + CsvValidation.SAMPLE + " rows.");
    m.put(Rule.NULL_HANDLING.value(), "Rows without a value in a required slot: counted in SQL; for CSV the "
        + "profile's null count over the whole file. Nulls in an optional slot (the source declares the column"
        + " nullable, or a CSV file, which declares nothing) are reported as data-quality findings (status"
        + " warning), not failures.");
    m.put(Rule.JSON_SCHEMA.value(), "The first " + JsonRows.SAMPLE + " rows of each class's table, as JSON objects"
        + " of the slots their columns fill, validated against the JSON Schema generated from the ontology"
        + " (networknt, draft 2020-12); rejected rows counted exactly on that sample, with the first reasons.");
    m.put(Rule.REFERENTIAL_INTEGRITY.value(), "Rows whose foreign-key value (or junction row) matches no row of the "
        + "referenced table: one NOT EXISTS query per reference. CSV: the profiler's orphan count for the inferred "
        + "relationship, or both files compared in full when each has at most " + CsvValidation.SAMPLE + " rows.");
    m.put(Rule.IDENTIFIER_UNIQUENESS.value(), "Rows beyond the first of each identifier or unique-key value: "
        + "count(col) - count(distinct col), or GROUP BY ... HAVING count(*) > 1. CSV: non-null minus distinct values "
        + "(exact counts), composite keys over the first " + CsvValidation.SAMPLE + " rows.");
    m.put(Rule.ENUM_MEMBERSHIP.value(), "Values outside the enum's permissible values: counted in SQL; CSV from the "
        + "census of values, else the first "
        + CsvValidation.SAMPLE + " rows.");
    m.put(Rule.PATTERN.value(), "Values the slot's pattern does not find a match in (PostgreSQL ~, MariaDB REGEXP, "
        + "Java find for CSV).");
    m.put(Rule.VALUE_RANGE.value(), "Numbers below minimum_value or above maximum_value: counted in SQL; CSV from the "
        + "profile's min/max when within bounds, else the census or the first " + CsvValidation.SAMPLE + " rows.");
    return m;
  }
}
