package org.openforge.agent.build.ui;

import java.util.List;

/** TypeScript literals for generated sources. */
final class TypeScript {

  private TypeScript() {}

  static String str(String value) {
    if (value == null) {
      return "null";
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
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String list(List<String> values) {
    return "[" + String.join(", ", values.stream().map(TypeScript::str).toList()) + "]";
  }

  /** A property name, quoted when it is not a plain identifier. */
  static String key(String name) {
    return name.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? name : str(name);
  }
}
