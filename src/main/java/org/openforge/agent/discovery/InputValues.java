package org.openforge.agent.discovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads loosely typed {@code input_data} values: a list of strings or objects, or a single string. */
public final class InputValues {

  private InputValues() {}

  /** The items of a list value; a single non-list value is one item; null is none. */
  public static List<Object> items(Object raw) {
    List<Object> out = new ArrayList<>();
    if (raw instanceof Collection<?> c) {
      for (Object o : c) {
        if (o != null) {
          out.add(o);
        }
      }
    } else if (raw instanceof Object[] array) {
      for (Object o : array) {
        if (o != null) {
          out.add(o);
        }
      }
    } else if (raw != null) {
      out.add(raw);
    }
    return out;
  }

  /** The first non-blank string among the keys of a map item. */
  public static String text(Map<?, ?> item, String... keys) {
    for (String key : keys) {
      Object v = item.get(key);
      if (v != null && !v.toString().isBlank()) {
        return v.toString().strip();
      }
    }
    return null;
  }

  /** A value as text: a string item as is, a map item through its text keys. */
  public static String text(Object item, String... mapKeys) {
    if (item instanceof Map<?, ?> map) {
      return text(map, mapKeys);
    }
    return item == null || item.toString().isBlank() ? null : item.toString().strip();
  }

  /** An integer score 1–5 given in input, if any. */
  public static Integer score(Map<?, ?> item, String key) {
    Object v = item.get(key);
    Integer n = null;
    if (v instanceof Number num) {
      n = (int) Math.round(num.doubleValue());
    } else if (v != null) {
      String s = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
      n = switch (s) {
        case "very high" -> 5;
        case "high" -> 4;
        case "medium" -> 3;
        case "low" -> 2;
        case "very low" -> 1;
        default -> s.matches("\\d+") ? Integer.valueOf(s) : null;
      };
    }
    return n == null ? null : Math.max(1, Math.min(5, n));
  }
}
