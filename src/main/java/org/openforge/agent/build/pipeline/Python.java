package org.openforge.agent.build.pipeline;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Python literals for generated code: strings (escaped with ASCII escapes Python reads), lists, dicts. */
public final class Python {

  private Python() {}

  public static String str(String value) {
    if (value == null) {
      return "None";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A literal for a string, number, boolean, null, list or map value. */
  public static String literal(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    if (value instanceof Map<?, ?> map) {
      return "{" + String.join(", ", map.entrySet().stream().map(e -> str(String.valueOf(e.getKey())) + ": "
          + literal(e.getValue())).toList()) + "}";
    }
    if (value instanceof Collection<?> c) {
      return list(List.copyOf(c));
    }
    return str(value.toString());
  }

  public static String list(List<?> values) {
    return "[" + String.join(", ", values.stream().map(Python::literal).toList()) + "]";
  }
}
