package org.openforge.agent.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.agent.AgentApprovals;
import org.openforge.agent.AgentContext;
import org.openforge.agent.design.TransformationMapping;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.approval.Approval;
import org.openforge.process.ApprovalType;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.ArtifactService;
import org.openforge.ontology.linkml.SchemaParseException;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.system.ApiException;

/**
 * What every build agent starts from: the ontology (the newest, or {@code input_data.ontology_id}), the
 * transformation mapping when there is one, the attached sources (optionally limited by {@code input_data.sources}),
 * the reviewer's go-ahead to read their rows when the engagement asks for data-access approvals, and the binding of
 * classes to tables. Declines when there is nothing to build on.
 */
public final class BuildInputs {

  public static final String ONTOLOGY = "ontology";
  public static final String MAPPING = "transformation_mapping";

  /** The loaded inputs of a run. */
  public record Loaded(Binding binding, SourceSet sources, Artifact ontology) {}

  private BuildInputs() {}

  public static Loaded load(AgentContext context, ArtifactService artifacts, BuildJson json, String purpose) {
    Artifact ontology = ontology(context, artifacts);
    SchemaView view;
    try {
      view = SchemaView.parse(ontology.content());
    } catch (SchemaParseException | IllegalArgumentException e) {
      throw new AgentDeclinedException("the ontology " + ontology.name() + " (version " + ontology.version()
          + ") is not a readable LinkML schema: " + e.getMessage() + "; fix it in the Design phase first");
    }
    List<String> warnings = new ArrayList<>();
    Optional<Artifact> mappingArtifact = context.latest(MAPPING);
    TransformationMapping mapping = null;
    if (mappingArtifact.isPresent()) {
      try {
        mapping = json.read(mappingArtifact.get().content(), TransformationMapping.class);
      } catch (IllegalArgumentException e) {
        warnings.add("the transformation mapping " + mappingArtifact.get().name() + " is unreadable ("
            + e.getMessage() + "); bound by the ontology's annotations instead");
      }
      if (mappingArtifact.get().createdAt() != null && ontology.createdAt() != null
          && mappingArtifact.get().createdAt().isBefore(ontology.createdAt())) {
        warnings.add("the transformation mapping (version " + mappingArtifact.get().version() + ") is older than "
            + "the ontology (version " + ontology.version() + "); classes it does not list are bound by annotations");
      }
    }
    context.progress("inputs", "ontology " + view.schema().name() + " v" + ontology.version() + " with "
        + view.classes().size() + " classes; " + (mapping != null ? "transformation mapping v"
        + mappingArtifact.get().version() : "no transformation mapping, binding by the ontology's annotations"));

    SourceSet sources = SourceSet.attached(context.tools());
    if (sources.isEmpty()) {
      throw new AgentDeclinedException("no data source is attached to the engagement; attach one with POST "
          + "/api/v1/engagements/{id}/data-sources");
    }
    requireDataAccess(context, sources.all(), purpose);
    List<SourceInfo> usable = selected(context, sources, warnings);
    Binding.ArtifactRef ontologyRef = new Binding.ArtifactRef(ontology.id(), ontology.name(), ontology.version());
    Binding.ArtifactRef mappingRef = mapping == null ? null : new Binding.ArtifactRef(mappingArtifact.get().id(),
        mappingArtifact.get().name(), mappingArtifact.get().version());
    Binding binding = new BindingReader(view, mapping, usable, id -> sources.describe(id).tables())
        .read(ontologyRef, mappingRef);
    if (!warnings.isEmpty()) {
      List<String> all = new ArrayList<>(warnings);
      all.addAll(binding.warnings());
      binding = new Binding(binding.schemaName(), binding.schemaId(), binding.view(), binding.classes(),
          binding.unmapped(), binding.origin(), binding.ontology(), binding.mapping(), all);
    }
    if (binding.classes().isEmpty()) {
      throw new AgentDeclinedException("no class of the ontology is bound to an attached source: "
          + String.join("; ", binding.unmapped().stream().map(u -> u.className() + ": " + u.reason()).toList()));
    }
    context.progress("binding", binding.classes().size() + " classes bound to "
        + binding.sourceIds().size() + " source(s) (" + binding.origin().replace('_', ' ') + "), "
        + binding.unmapped().size() + " unmapped");
    return new Loaded(binding, sources, ontology);
  }

  private static Artifact ontology(AgentContext context, ArtifactService artifacts) {
    Object requested = context.input().get("ontology_id");
    if (requested != null && !requested.toString().isBlank() && artifacts != null) {
      Optional<Artifact> latest = context.latest(ONTOLOGY);
      if (latest.isPresent() && latest.get().id().equals(requested.toString())) {
        return latest.get();
      }
      Artifact given;
      try {
        given = artifacts.get(context.engagement().id(), requested.toString());
      } catch (ApiException e) {
        throw new AgentDeclinedException("input_data.ontology_id " + requested + " is no artifact of this engagement");
      }
      if (!ONTOLOGY.equals(given.kind())) {
        throw new AgentDeclinedException("input_data.ontology_id " + requested + " is a " + given.kind()
            + ", not an ontology");
      }
      return given;
    }
    return context.latest(ONTOLOGY).orElseThrow(() -> new AgentDeclinedException("no ontology yet: the build "
        + "needs the Design phase's LinkML schema (artifact kind ontology); run ontology_design first"));
  }

  private static List<SourceInfo> selected(AgentContext context, SourceSet sources, List<String> warnings) {
    Object raw = context.input().get("sources");
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      return sources.all();
    }
    List<SourceInfo> out = new ArrayList<>();
    for (Object item : list) {
      Object ref = item instanceof Map<?, ?> m ? (m.get("source_id") != null ? m.get("source_id")
          : m.get("id") != null ? m.get("id") : m.get("name")) : item;
      Optional<SourceInfo> found = ref == null ? Optional.empty() : sources.find(ref.toString());
      if (found.isPresent() && !out.contains(found.get())) {
        out.add(found.get());
      } else if (found.isEmpty()) {
        warnings.add("input_data.sources names " + ref + ", which is not attached to the engagement; ignored");
      }
    }
    return out.isEmpty() ? sources.all() : out;
  }

  /**
   * Asks for the reviewer's go-ahead to read the sources' rows when the engagement wants data-access approvals.
   * One decision per set of sources, shared by the build and deploy agents.
   */
  public static void requireDataAccess(AgentContext context, List<SourceInfo> sources, String purpose) {
    List<String> ids = sources.stream().map(SourceInfo::id).sorted().toList();
    List<Approval.ReviewItem> items = sources.stream().map(s -> new Approval.ReviewItem(s.name(), s.sourceType()
        + " source " + s.id())).toList();
    AgentApprovals.Decision decision = context.approvals().require(ApprovalType.DATA_ACCESS,
        "read rows of " + String.join(",", ids),
        "Read rows of " + sources.size() + " data source(s)",
        "The build and deploy agents read rows of the attached sources (read-only, bounded) to " + purpose + ".",
        items, BuildJson.map("source_ids", ids, "purpose", purpose));
    if (!decision.approved()) {
      throw new AgentDeclinedException("reading the sources' rows was refused"
          + (decision.comment() == null ? "" : ": " + decision.comment()));
    }
  }
}
