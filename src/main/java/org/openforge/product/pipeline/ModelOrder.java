package org.openforge.product.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openforge.product.pipeline.PipelinePlan.Model;

/** Orders models so that each comes after its upstream models (a cycle is an error naming the models in it). */
final class ModelOrder {

  private ModelOrder() {}

  static List<Model> sorted(List<Model> models) {
    Map<String, Model> byName = new LinkedHashMap<>();
    models.forEach(m -> byName.put(m.name(), m));
    List<Model> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    for (Model m : models) {
      visit(m, byName, done, visiting, order);
    }
    return order;
  }

  private static void visit(Model m, Map<String, Model> byName, Set<String> done, Set<String> visiting,
      List<Model> order) {
    if (done.contains(m.name())) {
      return;
    }
    if (!visiting.add(m.name())) {
      throw new IllegalArgumentException("the models form a cycle through " + visiting);
    }
    for (String up : m.upstream() == null ? List.<String>of() : m.upstream()) {
      Model upstream = byName.get(up);
      if (upstream != null) {
        visit(upstream, byName, done, visiting, order);
      }
    }
    visiting.remove(m.name());
    done.add(m.name());
    order.add(m);
  }
}
