package org.openforge.datasource.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Which normalized types a CSV value could be read as (ISO formats for dates and times). */
final class CsvValueKinds {

  /** The types a CSV column may be inferred as, most specific first. */
  static final NormalizedType[] CANDIDATES = {NormalizedType.BOOLEAN, NormalizedType.INTEGER, NormalizedType.DECIMAL,
      NormalizedType.FLOAT, NormalizedType.DATE, NormalizedType.DATETIME, NormalizedType.TIME, NormalizedType.UUID};

  private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]{0,17})");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+[.][0-9]*|[.][0-9]+)");
  private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)[eE][-+]?[0-9]+");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern DATETIME = Pattern.compile(
      "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?");
  private static final Pattern TIME = Pattern.compile("[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private CsvValueKinds() {}

  /** Whether the (trimmed, non-null) value reads as the type. */
  static boolean is(NormalizedType type, String v) {
    return switch (type) {
      case BOOLEAN -> {
        String l = v.toLowerCase(Locale.ROOT);
        yield l.equals("true") || l.equals("false") || l.equals("yes") || l.equals("no");
      }
      case INTEGER -> INTEGER.matcher(v).matches();
      case DECIMAL -> INTEGER.matcher(v).matches() || DECIMAL.matcher(v).matches();
      case FLOAT -> INTEGER.matcher(v).matches() || DECIMAL.matcher(v).matches() || FLOAT.matcher(v).matches();
      case DATE -> DATE.matcher(v).matches() && validDate(v);
      case DATETIME -> DATETIME.matcher(v).matches() && validDate(v.substring(0, 10)) && validTime(v.substring(11, 16));
      case TIME -> TIME.matcher(v).matches() && validTime(v.substring(0, 5));
      case UUID -> UUID.matcher(v).matches();
      default -> true;
    };
  }

  private static boolean validDate(String v) {
    try {
      LocalDate.parse(v);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean validTime(String hhmm) {
    try {
      LocalTime.parse(hhmm);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
