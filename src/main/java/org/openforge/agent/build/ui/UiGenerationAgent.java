package org.openforge.agent.build.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.engagement.ProductSlug;
import org.openforge.agent.Agent;
import org.openforge.agent.AgentContext;
import org.openforge.agent.AgentDeclinedException;
import org.openforge.agent.AgentResult;
import org.openforge.agent.build.BuildInputs;
import org.openforge.agent.build.BuildJson;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.Names;
import org.openforge.agent.build.SourceInfo;
import org.openforge.agent.build.Tables;
import org.openforge.engagement.ArtifactService;
import org.springframework.stereotype.Component;

/**
 * The built-in {@code ui_generation} agent: the dashboard components of {@code input_data.components} (KPI cards,
 * charts, data tables) — or, without any, a KPI, a chart over time and a table of the main class — resolved against
 * the ontology, generated as a React + TypeScript project reading the data API, and rendered now with real data
 * queried from the source as a self-contained HTML preview.
 */
@Component
public class UiGenerationAgent implements Agent {

  public static final String TASK_TYPE = "ui_generation";
  public static final String KIND = "ui_components";
  public static final String PREVIEW_KIND = "ui_preview";

  private final ArtifactService artifacts;
  private final BuildJson json;

  public UiGenerationAgent(ArtifactService artifacts, BuildJson json) {
    this.artifacts = artifacts;
    this.json = json;
  }

  @Override
  public String taskType() {
    return TASK_TYPE;
  }

  @Override
  public AgentResult run(AgentContext context) {
    BuildInputs.Loaded loaded = BuildInputs.load(context, artifacts, json,
        "render the dashboard preview with real data");
    Tables tables = new Tables(loaded.sources());
    List<ClassBinding> served = loaded.binding().classes().stream().filter(c -> tables.of(c).isPresent()).toList();
    if (served.isEmpty()) {
      throw new AgentDeclinedException("none of the bound tables exists in its source");
    }
    ComponentResolver resolver = new ComponentResolver(served);
    List<UiComponent> components = resolver.resolve(context.input().get("components"));
    if (components.isEmpty()) {
      throw new AgentDeclinedException("no component could be built: " + String.join("; ", resolver.warnings()));
    }
    context.progress("components", components.size() + " components resolved"
        + (resolver.warnings().isEmpty() ? "" : "; " + resolver.warnings().size() + " notes"));

    PreviewData preview = new PreviewData(loaded.sources(), served, tables::of);
    Map<String, ComponentData> data = new LinkedHashMap<>();
    for (UiComponent c : components) {
      data.put(c.id(), preview.data(c));
    }
    long errors = data.values().stream().filter(d -> d.error() != null).count();
    context.progress("preview_data", "queried the data of " + components.size() + " components" + (errors == 0 ? ""
        : ", " + errors + " failed"));

    String title = context.engagement().name() == null ? "Dashboard" : context.engagement().name();
    String slug = Names.kubernetes(title);
    Map<String, String> files = TsxProject.generate(slug, title,
        "/data/v1/" + ProductSlug.of(context.engagement()), served, components, data);
    List<String> sourceNames = loaded.binding().sourceIds().stream().map(id -> loaded.sources().find(id)
        .map(SourceInfo::name).orElse(id)).toList();
    String html = HtmlPreview.render(title, "Live preview of the generated dashboard, with data queried from "
        + String.join(", ", sourceNames) + " when it was generated (ontology " + loaded.binding().schemaName()
        + " v" + loaded.ontology().version() + ").", components, data, resolver.warnings());

    List<Map<String, Object>> described = new ArrayList<>();
    for (UiComponent c : components) {
      Map<String, Object> m = json.toMap(c);
      m.put("preview", json.toMap(data.get(c.id())));
      described.add(m);
    }
    UiComponentsDocument project = new UiComponentsDocument(UiComponentsDocument.SCHEMA_VERSION, files, described,
        resolver.warnings());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("component_count", components.size());
    metadata.put("file_count", files.size());
    metadata.put("framework", "react+typescript");
    Map<String, Object> previewMetadata = new LinkedHashMap<>();
    previewMetadata.put("component_count", components.size());
    previewMetadata.put("data_errors", errors);
    String line = components.size() + " components (" + String.join(", ", components.stream().map(UiComponent::type)
        .toList()) + ") in " + files.size() + " files; preview with live data" + (errors == 0 ? ""
        : " (" + errors + " queries failed)");
    context.progress("done", line);
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("components", components.stream().map(c -> c.id() + ": " + c.title()).toList());
    outputs.put("warnings", resolver.warnings());
    double confidence = Math.max(0.3, 0.9 - 0.1 * resolver.warnings().size() - 0.2 * errors);
    return new AgentResult(outputs, List.of(
        new ArtifactService.Draft("ui-components.json", KIND, "application/json", json.write(project), line,
            metadata),
        new ArtifactService.Draft("ui-preview.html", PREVIEW_KIND, "text/html", html, "Live preview of "
            + components.size() + " components", previewMetadata)), Math.round(confidence * 100) / 100.0, line);
  }
}
