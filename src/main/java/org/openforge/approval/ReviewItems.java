package org.openforge.approval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openforge.approval.Approval.ReviewItem;
import org.openforge.engagement.AgentConfig;
import org.openforge.engagement.Artifact;
import org.openforge.engagement.ArtifactService;
import org.openforge.engagement.Engagement;
import org.springframework.stereotype.Component;

/** What a reviewer gets to see for each kind of approval, and the same as Markdown for the Tasklist form. */
@Component
public class ReviewItems {

  private final ArtifactService artifacts;
  private final HandPassedGates gates;

  public ReviewItems(ArtifactService artifacts, HandPassedGates gates) {
    this.artifacts = artifacts;
    this.gates = gates;
  }

  public List<ReviewItem> forKickOff(Engagement e, List<String> dataSourceNames) {
    AgentConfig config = e.agentConfig().withDefaults();
    List<ReviewItem> items = new ArrayList<>();
    items.add(new ReviewItem("Objective", e.objective() == null ? "(none given)" : e.objective()));
    if (e.description() != null && !e.description().isBlank()) {
      items.add(new ReviewItem("Description", e.description().strip()));
    }
    items.add(new ReviewItem("Priority", e.priority().value()));
    items.add(new ReviewItem("Data sources",
        dataSourceNames.isEmpty() ? "none attached yet" : String.join(", ", dataSourceNames)));
    items.add(new ReviewItem("Agents", Boolean.TRUE.equals(config.autoRun())
        ? "start automatically in each phase" : "run only when tasks are created through the API"));
    return items;
  }

  /** The phase's newest artifacts and the gates passed by hand in it. */
  public List<ReviewItem> forPhase(String engagementId, String phase) {
    List<ReviewItem> items = new ArrayList<>();
    Map<String, Artifact> newest = new LinkedHashMap<>();
    artifacts.list(engagementId).stream()
        .filter(a -> phase.equals(a.phase()))
        .sorted(Comparator.comparing(Artifact::createdAt))
        .forEach(a -> newest.put(a.name(), a));
    for (Artifact a : newest.values()) {
      items.add(new ReviewItem(a.name() + " (v" + a.version() + ")", a.summary() == null ? a.kind() : a.summary()));
    }
    items.addAll(gates.reviewItems(engagementId, phase));
    if (items.isEmpty()) {
      items.add(new ReviewItem("Outputs", "the phase produced no artifacts; its gate was met by other evidence"));
    }
    return items;
  }

  public static String markdown(String title, List<ReviewItem> items) {
    StringBuilder md = new StringBuilder("### ").append(title).append("\n\n");
    for (ReviewItem item : items) {
      md.append("- **").append(item.name()).append("**: ").append(item.summary().replace("\n", " ")).append('\n');
    }
    return md.toString();
  }
}
