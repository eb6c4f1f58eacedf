package org.openforge.agent.build.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.SlotBinding;
import org.openforge.agent.build.ValueTypes;

/**
 * Whether a row an endpoint returns is a valid object of its class: required slots have values, every value reads
 * as the slot's type, enum values are permitted, numbers are within bounds, text matches the pattern.
 */
public final class Conformance {

  private Conformance() {}

  /**
   * The problems of one row, as "slot: what is wrong" (empty when it conforms).
   *
   * @param served the slots the endpoint serves (computed slots are not served from CSV files)
   */
  public static List<String> problems(ClassBinding c, Map<String, Object> row, java.util.Set<String> served) {
    List<String> out = new ArrayList<>();
    for (SlotBinding s : c.slots()) {
      if (s.mapped() && !s.multivalued() && !served.contains(s.slot())) {
        continue;
      }
      if (s.multivalued() || !s.mapped()) {
        if (s.required() && !s.mapped()) {
          out.add(s.slot() + ": required but not served (no source column)");
        }
        continue;
      }
      if (!row.containsKey(s.slot())) {
        out.add(s.slot() + ": missing from the response");
        continue;
      }
      Object v = row.get(s.slot());
      if (v == null) {
        if (s.required()) {
          out.add(s.slot() + ": required but null");
        }
        continue;
      }
      Optional<Object> converted = ValueTypes.convert(v, s.baseType());
      if (converted.isEmpty()) {
        out.add(s.slot() + ": '" + v + "' is not " + s.baseType());
        continue;
      }
      if (!s.enumValues().isEmpty() && !s.enumValues().contains(String.valueOf(v))) {
        out.add(s.slot() + ": '" + v + "' is not one of " + s.range());
      }
      if (s.minimum() != null && ValueTypes.compare(converted.get(), s.minimum()).map(x -> x < 0).orElse(false)) {
        out.add(s.slot() + ": " + v + " is below " + s.minimum().toPlainString());
      }
      if (s.maximum() != null && ValueTypes.compare(converted.get(), s.maximum()).map(x -> x > 0).orElse(false)) {
        out.add(s.slot() + ": " + v + " is above " + s.maximum().toPlainString());
      }
      if (s.pattern() != null) {
        try {
          if (!Pattern.compile(s.pattern()).matcher(String.valueOf(v)).find()) {
            out.add(s.slot() + ": '" + v + "' does not match " + s.pattern());
          }
        } catch (PatternSyntaxException e) {
          out.add(s.slot() + ": the pattern " + s.pattern() + " is no valid regular expression");
        }
      }
    }
    return out;
  }
}
