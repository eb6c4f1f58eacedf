package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.Agent;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.AgentResult;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.ArtifactService;
import org.openforge.ontology.generate.JsonSchemaGenerator;
import org.openforge.ontology.generate.PostgresDdl;
import org.openforge.ontology.generate.PostgresDdlGenerator;
import org.openforge.ontology.infer.Naming;
import org.openforge.ontology.infer.SchemaInference;
import org.openforge.ontology.linkml.SchemaChange;
import org.openforge.ontology.linkml.SchemaDefinition;
import org.openforge.ontology.linkml.SchemaDiff;
import org.openforge.ontology.linkml.SchemaParseException;
import org.openforge.ontology.linkml.SchemaReader;
import org.openforge.ontology.linkml.SchemaValidator;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.ontology.linkml.SchemaWriter;
import org.openforge.ontology.linkml.ValidationIssue;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code ontology_design} agent: a LinkML schema inferred from the catalogs of the attached sources and
 * the requirements document ({@link SchemaInference}), validated, with its PostgreSQL DDL and JSON Schema. When an
 * approved ontology exists and the new one differs from it, a {@code schema_change} approval must be granted before
 * the new version is written. Input (all optional): {@code domain} (names the schema), {@code requirements_doc_id},
 * {@code data_sources: [{id, type}]}.
 */
@Component
public class OntologyDesignAgent implements Agent {

  public static final String TASK_TYPE = "ontology_design";
  public static final String KIND = "ontology";
  public static final String DDL_KIND = "ontology_ddl";
  public static final String JSON_SCHEMA_KIND = "ontology_json_schema";
  public static final String SCHEMA_BASE = "https://openforge.dev/ontology/";

  private final DesignArtifacts artifacts;

  OntologyDesignAgent(DesignArtifacts artifacts) {
    this.artifacts = artifacts;
  }

  @Override
  public String taskType() {
    return TASK_TYPE;
  }

  @Override
  public AgentResult run(AgentContext context) {
    DataTools access = new DataTools(context, artifacts.json());
    List<AttachedSource> attached = access.attached();
    if (attached.isEmpty()) {
      throw new AgentDeclinedException("no data source is attached to the engagement: attach one (POST "
          + "/api/v1/engagements/{id}/data-sources) so that an ontology can be inferred from it");
    }
    SourceSelection selection = SourceSelection.of(context.input(), attached);
    List<String> warnings = new ArrayList<>(selection.warnings());
    context.progress("sources", selection.sources().size() + " data source(s): " + String.join(", ",
        selection.sources().stream().map(s -> s.name() + " (" + s.sourceType() + ")").toList()));
    DataAccess.require(context, selection.sources(), "ontology design profiles every column (aggregates on "
        + "read-only connections) unless the source catalog artifact covers the source");
    DesignCatalogs catalogs = DesignCatalogs.load(context, access, selection.sources());
    warnings.addAll(catalogs.warnings());
    if (catalogs.catalogs().isEmpty()) {
      throw new AgentDeclinedException("no attached data source could be read: " + String.join("; ", warnings));
    }
    RequirementsInput requirements = RequirementsInput.load(context, artifacts);
    warnings.addAll(requirements.warnings());
    context.progress("requirements", requirements.documentId() == null
        ? "no requirements document; using the engagement's objective and description"
        : requirements.texts().size() + " requirements from document " + requirements.documentId());

    String name = schemaName(context);
    SchemaInference.Result inferred = SchemaInference.infer(SCHEMA_BASE + name, name,
        Naming.words(name) + " ontology", catalogs.catalogs(), requirements.texts());
    SchemaDefinition schema = inferred.schema();
    if (schema.classes().isEmpty()) {
      throw new AgentDeclinedException("the attached sources have no table or file to model: "
          + String.join(", ", catalogs.catalogs().stream().map(c -> c.sourceName() + " (" + c.tables().size()
          + " tables)").toList()));
    }
    context.progress("inference", schema.classes().size() + " classes, " + inferred.relationshipCount()
        + " relationships (" + inferred.junctionCount() + " from junction tables), " + schema.enums().size()
        + " enums, " + inferred.measureCount() + " computed slots");

    SchemaView view = SchemaView.of(schema);
    List<ValidationIssue> issues = SchemaValidator.validate(view);
    List<ValidationIssue> errors = SchemaValidator.errors(issues);
    context.progress("validation", errors.isEmpty() ? "valid LinkML (" + issues.size() + " warnings)"
        : errors.size() + " errors: " + errors.get(0));
    String yaml = SchemaWriter.write(schema);

    Optional<Artifact> approved = artifacts.approvedOntology(context.engagement().id());
    List<SchemaChange> changes = approved.map(a -> changesSince(a, schema)).orElse(List.of());
    if (approved.isPresent() && !changes.isEmpty()) {
      SchemaChangeReview.require(context, approved.get(), name, yaml, changes);
    }

    List<ArtifactService.Draft> drafts = new ArrayList<>();
    Map<String, Object> metadata = metadata(schema, view, issues, errors);
    String summary = summary(schema, metadata, errors);
    drafts.add(new ArtifactService.Draft("ontology.yaml", KIND, "application/yaml", yaml, summary, metadata));
    if (errors.isEmpty()) {
      context.progress("generation", "PostgreSQL DDL and JSON Schema");
      PostgresDdl ddl = PostgresDdlGenerator.generate(view);
      drafts.add(new ArtifactService.Draft("ontology.sql", DDL_KIND, "application/sql", ddl.sql(),
          "PostgreSQL DDL for " + name + ": " + ddl.tableOfClass().size() + " class tables, "
              + ddl.statements().size() + " statements",
          Map.of("table_count", ddl.tableOfClass().size(), "statement_count", ddl.statements().size())));
      drafts.add(new ArtifactService.Draft("ontology.schema.json", JSON_SCHEMA_KIND, "application/json",
          JsonSchemaGenerator.toJson(JsonSchemaGenerator.generate(view)) + "\n", "JSON Schema (draft 2020-12) for "
              + name, Map.of("definition_count", schema.classes().size() + schema.enums().size())));
    } else {
      warnings.add("the schema has " + errors.size() + " errors: DDL and JSON Schema were not generated");
    }
    Map<String, Object> outputs = outputs(schema, inferred, issues, warnings, catalogs, requirements, approved,
        changes);
    context.progress("done", summary);
    return new AgentResult(outputs, drafts, confidence(errors, inferred, schema), summary);
  }

  private static List<SchemaChange> changesSince(Artifact approved, SchemaDefinition schema) {
    try {
      return SchemaDiff.compare(SchemaReader.parse(approved.content()), schema);
    } catch (SchemaParseException e) {
      return List.of(new SchemaChange("schema", "The approved version " + approved.version() + " cannot be read ("
          + e.getMessage() + "); the new version replaces it entirely", true, SchemaChange.Kind.CHANGED,
          SchemaChange.Element.SCHEMA));
    }
  }

  private static String schemaName(AgentContext context) {
    Object domain = context.input().get("domain");
    String raw = domain != null && !domain.toString().isBlank() ? domain.toString() : context.engagement().name();
    return Naming.snake(raw == null || raw.isBlank() ? "ontology" : raw);
  }

  private static Map<String, Object> metadata(SchemaDefinition schema, SchemaView view, List<ValidationIssue> issues,
      List<ValidationIssue> errors) {
    int slots = schema.classes().keySet().stream().mapToInt(c -> view.inducedSlots(c).size()).sum();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("valid", errors.isEmpty());
    metadata.put("class_count", schema.classes().size());
    metadata.put("slot_count", slots);
    metadata.put("enum_count", schema.enums().size());
    metadata.put("error_count", errors.size());
    metadata.put("warning_count", issues.size() - errors.size());
    return metadata;
  }

  private static String summary(SchemaDefinition schema, Map<String, Object> metadata, List<ValidationIssue> errors) {
    return "LinkML ontology " + schema.name() + ": " + metadata.get("class_count") + " classes, "
        + metadata.get("slot_count") + " slots, " + metadata.get("enum_count") + " enums; "
        + (errors.isEmpty() ? "valid" : errors.size() + " validation errors");
  }

  private static Map<String, Object> outputs(SchemaDefinition schema, SchemaInference.Result inferred,
      List<ValidationIssue> issues, List<String> warnings, DesignCatalogs catalogs, RequirementsInput requirements,
      Optional<Artifact> approved, List<SchemaChange> changes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schema_name", schema.name());
    out.put("schema_id", schema.id());
    out.put("classes", new ArrayList<>(schema.classes().keySet()));
    out.put("enums", new ArrayList<>(schema.enums().keySet()));
    out.put("relationship_count", inferred.relationshipCount());
    out.put("junction_count", inferred.junctionCount());
    out.put("computed_slot_count", inferred.measureCount());
    out.put("sources", catalogs.origins());
    out.put("requirements_document_id", requirements.documentId());
    out.put("validation_issues", issues.stream().map(ValidationIssue::toString).toList());
    out.put("notes", inferred.notes());
    out.put("warnings", warnings);
    Map<String, Object> review = new LinkedHashMap<>();
    review.put("approved_version", approved.map(Artifact::version).orElse(null));
    review.put("changes", changes.stream().map(c -> (c.breaking() ? "BREAKING: " : "") + c.name() + ": "
        + c.summary()).toList());
    out.put("schema_change", review);
    return out;
  }

  private static double confidence(List<ValidationIssue> errors, SchemaInference.Result inferred,
      SchemaDefinition schema) {
    if (!errors.isEmpty()) {
      return 0.3;
    }
    long withoutIdentifier = inferred.notes().stream().filter(n -> n.contains("no identifier")).count();
    double c = 0.9 - 0.05 * withoutIdentifier - (schema.classes().isEmpty() ? 0.4 : 0);
    return Math.max(0.4, Math.round(c * 100) / 100.0);
  }
}
