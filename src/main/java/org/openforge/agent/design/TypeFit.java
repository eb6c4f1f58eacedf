package org.openforge.agent.design;

import java.util.List;
import org.openforge.datasource.SqlDialect;
import org.openforge.datasource.catalog.ColumnInfo;
import org.openforge.datasource.catalog.NormalizedType;

/**
 * Whether a database column's values fit a slot's family: guaranteed by the column's type (a {@code null} predicate,
 * nothing to count), or a SQL predicate selecting the values that do not fit — text that does not read as the family,
 * fractional numbers for an integer, a time of day for a date — or, for types that never hold the family's values,
 * every non-null value.
 */
record TypeFit(String predicate, List<String> params, String explanation) {

  boolean byColumnType() {
    return predicate == null;
  }

  static TypeFit of(String family, ColumnInfo column, SqlDialect dialect, String col) {
    NormalizedType type = column.normalizedType();
    String nativeType = column.nativeType();
    if (family.equals("string") || family.equals("enum")) {
      return fits("every value has a text form");
    }
    boolean text = type == NormalizedType.STRING || type == NormalizedType.UNKNOWN;
    if (text) {
      String subject = family.equals("boolean") ? "lower(trim(" + dialect.text(col) + "))"
          : "trim(" + dialect.text(col) + ")";
      return new TypeFit(col + " is not null and not (" + dialect.matches(subject) + ")",
          List.of(ValueFamilies.regex(family)), "text values of " + nativeType + " that do not read as " + family);
    }
    switch (family) {
      case "integer":
        if (type == NormalizedType.INTEGER || (type == NormalizedType.DECIMAL && Integer.valueOf(0)
            .equals(column.scale()))) {
          return fits(nativeType + " holds whole numbers only");
        }
        if (type == NormalizedType.DECIMAL || type == NormalizedType.FLOAT) {
          return new TypeFit(col + " is not null and " + col + " <> floor(" + col + ")", List.of(),
              "fractional values of " + nativeType);
        }
        break;
      case "number":
        if (type.numeric()) {
          return fits(nativeType + " holds numbers only");
        }
        break;
      case "boolean":
        if (type == NormalizedType.BOOLEAN) {
          return fits(nativeType + " holds booleans only");
        }
        if (type == NormalizedType.INTEGER) {
          return new TypeFit(col + " is not null and " + col + " not in (0, 1)", List.of(),
              "values of " + nativeType + " other than 0 and 1");
        }
        break;
      case "date":
        if (type == NormalizedType.DATE) {
          return fits(nativeType + " holds dates only");
        }
        if (type == NormalizedType.DATETIME) {
          return new TypeFit(col + " is not null and cast(" + col + " as time) <> cast('00:00:00' as time)",
              List.of(), "timestamps of " + nativeType + " with a time of day");
        }
        break;
      case "datetime":
        if (type == NormalizedType.DATETIME || type == NormalizedType.DATE) {
          return fits(nativeType + " holds dates and times only");
        }
        break;
      case "time":
        if (type == NormalizedType.TIME) {
          return fits(nativeType + " holds times of day only");
        }
        break;
      default:
        break;
    }
    return new TypeFit(col + " is not null", List.of(), "a " + nativeType + " column never holds " + family
        + " values");
  }

  private static TypeFit fits(String why) {
    return new TypeFit(null, List.of(), why);
  }
}
