package org.openforge.ontology.infer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.ColumnProfile;
import org.openforge.datasource.catalog.NormalizedType;
import org.openforge.datasource.catalog.TopValue;

/**
 * Low-cardinality text columns become enums: a text column that is not a key, not an e-mail, phone, URL, date or free
 * text, with 2 to {@value #MAX_VALUES} distinct values (counted exactly) and on average at least 4 rows per value. The
 * permissible values are the profile's top values when they cover every non-null row (then they are all the values
 * there are), sorted; otherwise the caller profiles the table again with more top values, or keeps a string.
 */
public final class Enums {

  public static final int MAX_VALUES = 20;
  private static final Set<String> NOT_CATEGORIES = Set.of("email", "url", "phone", "postal_code", "uuid",
      "free_text", "date", "datetime", "time", "identifier", "json", "binary");

  private Enums() {}

  /** Whether the column looks like an enum, whatever its top values. */
  public static boolean candidate(SourceTable t, ColumnInfo c) {
    ColumnProfile p = c.profile();
    if (c.normalizedType() != NormalizedType.STRING || p == null || p.distinctCount() == null
        || p.distinctApproximate() || keyLike(c.name()) || NOT_CATEGORIES.contains(p.semanticType())) {
      return false;
    }
    long nonNull = t.nonNull(c).orElse(0L);
    long distinct = p.distinctCount();
    return distinct >= 2 && distinct <= MAX_VALUES && distinct * 4 <= nonNull;
  }

  /** Every value of the column, sorted, when the top values cover all its non-null rows. */
  public static Optional<List<String>> values(SourceTable t, ColumnInfo c) {
    ColumnProfile p = c.profile();
    List<TopValue> top = p.topValues() == null ? List.of() : p.topValues();
    long covered = top.stream().mapToLong(TopValue::count).sum();
    if (covered != t.nonNull(c).orElse(-1L) || top.size() != p.distinctCount()
        || top.stream().anyMatch(v -> v.value() == null || v.value().isBlank())) {
      return Optional.empty();
    }
    return Optional.of(top.stream().map(TopValue::value).sorted().toList());
  }

  private static boolean keyLike(String column) {
    String n = column.toLowerCase(Locale.ROOT);
    return n.equals("id") || n.equals("key") || n.equals("uuid") || n.equals("sku") || n.endsWith("_id")
        || n.endsWith("_key") || n.endsWith("_uuid") || n.endsWith("_no") || n.endsWith("_number")
        || n.endsWith("_sku");
  }
}
