package org.openforge.ontology.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names for inferred schema elements: snake_case slots, PascalCase classes and enums, English singular and plural of
 * table names (customers → customer, categories → category, addresses → address, people → person), and readable
 * words for descriptions (customer_code → "Customer code").
 */
public final class Naming {

  private static final Map<String, String> SINGULAR = Map.ofEntries(
      Map.entry("people", "person"), Map.entry("children", "child"), Map.entry("men", "man"),
      Map.entry("women", "woman"), Map.entry("data", "data"), Map.entry("media", "media"),
      Map.entry("criteria", "criterion"), Map.entry("indices", "index"), Map.entry("statuses", "status"),
      Map.entry("aliases", "alias"), Map.entry("buses", "bus"), Map.entry("bonuses", "bonus"),
      Map.entry("campuses", "campus"), Map.entry("viruses", "virus"), Map.entry("analyses", "analysis"),
      Map.entry("crises", "crisis"), Map.entry("diagnoses", "diagnosis"), Map.entry("series", "series"),
      Map.entry("species", "species"), Map.entry("news", "news"), Map.entry("movies", "movie"),
      Map.entry("cookies", "cookie"), Map.entry("ties", "tie"), Map.entry("lies", "lie"), Map.entry("pies", "pie"),
      Map.entry("feet", "foot"), Map.entry("teeth", "tooth"), Map.entry("geese", "goose"), Map.entry("mice", "mouse"));

  private Naming() {}

  /** {@code CustomerOrder}, {@code customer-order}, {@code Customer Order} → {@code customer_order}. */
  public static String snake(String raw) {
    String spaced = raw.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
    String s = spaced.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("_{2,}", "_")
        .replaceAll("^_+|_+$", "");
    if (s.isEmpty()) {
      return "x";
    }
    return Character.isDigit(s.charAt(0)) ? "n_" + s : s;
  }

  /** {@code order_items} → {@code OrderItems}. */
  public static String pascal(String raw) {
    StringBuilder b = new StringBuilder();
    for (String word : snake(raw).split("_")) {
      if (!word.isEmpty()) {
        b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    String s = b.toString();
    return Character.isDigit(s.charAt(0)) ? "N" + s : s;
  }

  /** The singular of a snake_case name, changing its last word: {@code order_items} → {@code order_item}. */
  public static String singular(String snakeName) {
    int cut = snakeName.lastIndexOf('_');
    String head = cut < 0 ? "" : snakeName.substring(0, cut + 1);
    return head + singularWord(snakeName.substring(cut + 1));
  }

  /** The plural of a snake_case name, changing its last word: {@code category} → {@code categories}. */
  public static String plural(String snakeName) {
    int cut = snakeName.lastIndexOf('_');
    String head = cut < 0 ? "" : snakeName.substring(0, cut + 1);
    return head + pluralWord(snakeName.substring(cut + 1));
  }

  static String singularWord(String w) {
    String irregular = SINGULAR.get(w);
    if (irregular != null) {
      return irregular;
    }
    if (w.length() <= 3 || w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
      return w;
    }
    if (w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("zes") || w.endsWith("ches") || w.endsWith("shes")) {
      return w.substring(0, w.length() - 2);
    }
    return w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
  }

  static String pluralWord(String w) {
    for (Map.Entry<String, String> e : SINGULAR.entrySet()) {
      if (e.getValue().equals(w) && !e.getKey().equals(w)) {
        return e.getKey();
      }
    }
    if (w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0) {
      return w.substring(0, w.length() - 1) + "ies";
    }
    if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
      return w + "es";
    }
    return w + "s";
  }

  /** {@code customer_code} → {@code Customer code}. */
  public static String words(String snakeName) {
    String text = snakeName.replace('_', ' ').strip();
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** The words of a name in lower case: {@code OrderItem} → [order, item]. */
  public static List<String> tokens(String name) {
    List<String> out = new ArrayList<>();
    for (String t : snake(name).split("_")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }
}
