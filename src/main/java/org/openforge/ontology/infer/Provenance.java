package org.openforge.ontology.infer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.ontology.linkml.ClassDefinition;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * Where an inferred class or slot comes from, kept as LinkML {@code annotations} (tag → text) so that later agents map
 * back to the sources. Classes: {@code source_id}, {@code source_table} ({@code schema.table}, or the file's table
 * name). Slots also {@code source_column} (comma-joined for composite references) and, by kind of slot:
 * <ul>
 *   <li>a reference through a foreign key: {@code foreign_key} (the constraint name) and {@code target_column} (the
 *       referenced columns);</li>
 *   <li>a multivalued relationship from a junction table: {@code source_table} is the junction, {@code owner_column}
 *       the junction columns referring to the class, {@code source_column} those referring to the range class, and
 *       {@code target_column}, {@code foreign_key} (both constraint names);</li>
 *   <li>a value computed from the sources: {@code derivation} ({@code aggregation} or {@code derived}) and
 *       {@code expression} (SQL), with {@code source_table}/{@code source_column} naming what it reads and
 *       {@code partition_column} the column grouping an aggregation;</li>
 *   <li>{@code source_type}: the column's native type; {@code requirements}: ids of requirements naming it.</li>
 * </ul>
 */
public final class Provenance {

  public static final String SOURCE_ID = "source_id";
  public static final String SOURCE_TABLE = "source_table";
  public static final String SOURCE_COLUMN = "source_column";
  public static final String SOURCE_TYPE = "source_type";
  public static final String FOREIGN_KEY = "foreign_key";
  public static final String TARGET_COLUMN = "target_column";
  public static final String OWNER_COLUMN = "owner_column";
  public static final String DERIVATION = "derivation";
  public static final String EXPRESSION = "expression";
  public static final String PARTITION_COLUMN = "partition_column";
  public static final String REQUIREMENTS = "requirements";
  public static final String UNIQUE_KEYS = "unique_keys";

  private Provenance() {}

  /** The annotation of a class, if set. */
  public static Optional<String> of(ClassDefinition c, String tag) {
    return read(c.extensions(), tag);
  }

  /** The annotation of a slot, if set. */
  public static Optional<String> of(SlotDefinition s, String tag) {
    return read(s.extensions(), tag);
  }

  /** A comma-joined annotation as a list ({@code a,b} → [a, b]). */
  public static List<String> list(String joined) {
    return java.util.Arrays.stream(joined.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  /** The {@code unique_keys} of a class: key name → slot names (LinkML's {@code unique_key_slots}). */
  public static Map<String, List<String>> uniqueKeys(ClassDefinition c) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    if (c.extensions().get(UNIQUE_KEYS) instanceof Map<?, ?> map) {
      map.forEach((name, def) -> {
        if (def instanceof Map<?, ?> d && d.get("unique_key_slots") instanceof List<?> slots) {
          keys.put(String.valueOf(name), slots.stream().map(String::valueOf).toList());
        }
      });
    }
    return keys;
  }

  private static Optional<String> read(Map<String, Object> extensions, String tag) {
    if (!(extensions.get("annotations") instanceof Map<?, ?> annotations)) {
      return Optional.empty();
    }
    Object value = annotations.get(tag);
    if (value instanceof Map<?, ?> full) {
      value = full.get("value");
    }
    return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
  }
}
