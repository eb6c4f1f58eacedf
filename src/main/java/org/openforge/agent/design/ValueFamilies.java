package org.openforge.agent.design;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openforge.ontology.linkml.SchemaView;
import org.openforge.ontology.linkml.SlotDefinition;

/**
 * What values a slot's range accepts, as a family — integer, number (decimal, float, double), boolean, date,
 * datetime, time, enum, string — and the text forms of each, as regular expressions shared by the SQL checks
 * (PostgreSQL {@code ~}, MariaDB {@code REGEXP}) and the Java checks of CSV values. A class range takes the family of
 * the class's identifier.
 */
final class ValueFamilies {

  static final String INTEGER = "^[-+]?[0-9]+$";
  static final String NUMBER = "^[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]+)?$";
  static final String BOOLEAN = "^(true|false|t|f|yes|no|y|n|1|0)$";
  static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
  static final String DATETIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?$";
  static final String TIME = "^[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?$";

  private static final Pattern INTEGER_P = Pattern.compile(INTEGER);
  private static final Pattern NUMBER_P = Pattern.compile(NUMBER);
  private static final Pattern BOOLEAN_P = Pattern.compile(BOOLEAN);
  private static final Pattern DATE_P = Pattern.compile(DATE);
  private static final Pattern DATETIME_P = Pattern.compile(DATETIME);
  private static final Pattern TIME_P = Pattern.compile(TIME);

  private ValueFamilies() {}

  /** The family of values a slot accepts. */
  static String family(SchemaView view, SlotDefinition slot) {
    String range = slot.range();
    if (view.isClass(range)) {
      return view.identifierSlot(range).filter(id -> !view.isClass(id.range())).map(id -> family(view, id))
          .orElse("string");
    }
    if (view.isEnum(range)) {
      return "enum";
    }
    return switch (view.typeRoot(range)) {
      case "integer" -> "integer";
      case "decimal", "float", "double" -> "number";
      case "boolean" -> "boolean";
      case "date" -> "date";
      case "datetime", "date_or_datetime" -> "datetime";
      case "time" -> "time";
      default -> "string";
    };
  }

  /** The slot's pattern, else its type's. */
  static java.util.Optional<String> pattern(SchemaView view, SlotDefinition slot) {
    if (slot.pattern() != null) {
      return java.util.Optional.of(slot.pattern());
    }
    boolean type = view.isType(slot.range()) && !view.isClass(slot.range()) && !view.isEnum(slot.range());
    return type ? view.typePattern(slot.range()) : java.util.Optional.empty();
  }

  static boolean numeric(String family) {
    return family.equals("integer") || family.equals("number");
  }

  /** The regular expression of the family's text form, or null when every text fits (string, enum). */
  static String regex(String family) {
    return switch (family) {
      case "integer" -> INTEGER;
      case "number" -> NUMBER;
      case "boolean" -> BOOLEAN;
      case "date" -> DATE;
      case "datetime" -> DATETIME;
      case "time" -> TIME;
      default -> null;
    };
  }

  /** Whether a (trimmed, non-empty) text value is of the family; booleans compare in lower case. */
  static boolean fits(String family, String value) {
    return switch (family) {
      case "integer" -> INTEGER_P.matcher(value).matches();
      case "number" -> NUMBER_P.matcher(value).matches();
      case "boolean" -> BOOLEAN_P.matcher(value.toLowerCase(Locale.ROOT)).matches();
      case "date" -> DATE_P.matcher(value).matches() && validDate(value.substring(0, 10));
      case "datetime" -> DATETIME_P.matcher(value).matches() && validDate(value.substring(0, 10));
      case "time" -> TIME_P.matcher(value).matches();
      default -> true;
    };
  }

  private static boolean validDate(String value) {
    try {
      LocalDate.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
