package org.openforge.agent.design;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which attached sources a design run works on. {@code input_data.data_sources} may list them as
 * {@code [{"id": ..., "type": ...}]} or plain ids; ids that are not attached to the engagement (such as the guide's
 * placeholders {@code ds_001}) are reported and ignored. Without a usable list, every attached source is used.
 */
record SourceSelection(List<AttachedSource> sources, List<String> warnings) {

  static SourceSelection of(Map<String, Object> input, List<AttachedSource> attached) {
    List<String> warnings = new ArrayList<>();
    Object raw = input.get("data_sources");
    List<String> wanted = new ArrayList<>();
    if (raw instanceof Collection<?> items) {
      for (Object item : items) {
        Object id = item instanceof Map<?, ?> m ? m.get("id") : item;
        if (id != null && !id.toString().isBlank()) {
          wanted.add(id.toString().strip());
        }
      }
    } else if (raw != null) {
      warnings.add("input_data.data_sources is not a list; using every attached source");
    }
    List<AttachedSource> chosen = new ArrayList<>();
    for (String id : wanted) {
      attached.stream().filter(s -> s.id().equals(id)).findFirst().ifPresentOrElse(s -> {
        if (!chosen.contains(s)) {
          chosen.add(s);
        }
      }, () -> warnings.add("data source " + id + " is not attached to this engagement: ignored"));
    }
    if (chosen.isEmpty()) {
      if (!wanted.isEmpty() && !attached.isEmpty()) {
        warnings.add("none of the listed data sources is attached; using every attached source");
      }
      chosen.addAll(attached);
    }
    return new SourceSelection(List.copyOf(chosen), List.copyOf(warnings));
  }
}
