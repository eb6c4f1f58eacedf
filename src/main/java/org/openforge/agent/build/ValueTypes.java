package org.openforge.agent.build;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values of LinkML built-in types: the text patterns that say a value can be read as the type (pushed down as
 * regular expressions, used on CSV text), and the conversion of a source value (number, text, boolean) to the type.
 */
public final class ValueTypes {

  private static final Pattern INTEGER = Pattern.compile("^[+-]?[0-9]+$");
  private static final Pattern DECIMAL = Pattern.compile("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$");
  private static final Pattern BOOLEAN = Pattern.compile("^(true|false|t|f|yes|no|y|n|1|0|TRUE|FALSE|True|False)$");
  private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  private static final Pattern DATETIME = Pattern.compile(
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$");
  private static final Pattern TIME = Pattern.compile("^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?$");

  private ValueTypes() {}

  /** The regular expression text of values readable as the type, or empty for text types. */
  public static Optional<String> pattern(String baseType) {
    Pattern p = compiled(baseType);
    return p == null ? Optional.empty() : Optional.of(p.pattern());
  }

  /** Whether the type constrains text at all (numbers, booleans, dates, times). */
  public static boolean constrained(String baseType) {
    return compiled(baseType) != null;
  }

  public static boolean numeric(String baseType) {
    return switch (baseType) {
      case "integer", "decimal", "float", "double" -> true;
      default -> false;
    };
  }

  private static Pattern compiled(String baseType) {
    return switch (baseType == null ? "string" : baseType) {
      case "integer" -> INTEGER;
      case "decimal", "float", "double" -> DECIMAL;
      case "boolean" -> BOOLEAN;
      case "date" -> DATE;
      case "datetime", "date_or_datetime" -> DATETIME;
      case "time" -> TIME;
      default -> null;
    };
  }

  /**
   * Whether a source value is of (or can be read as) the type. Numbers from a database are checked by value (an
   * integer slot takes 12 and 12.0 but not 12.5); text by its pattern and by parsing (2024-02-30 is no date).
   */
  public static boolean conforms(Object value, String baseType) {
    return convert(value, baseType).isPresent();
  }

  /** The value as the type (Long, BigDecimal, Double, Boolean, LocalDate, ...), empty when it cannot be read. */
  public static Optional<Object> convert(Object value, String baseType) {
    if (value == null) {
      return Optional.empty();
    }
    String type = baseType == null ? "string" : baseType;
    try {
      return switch (type) {
        case "integer" -> integer(value);
        case "decimal" -> decimal(value).map(d -> (Object) d);
        case "float", "double" -> decimal(value).map(d -> (Object) d.doubleValue());
        case "boolean" -> bool(value);
        case "date" -> {
          String s = value.toString().strip();
          yield DATE.matcher(s).matches() ? Optional.of(LocalDate.parse(s)) : Optional.empty();
        }
        case "datetime", "date_or_datetime" -> datetime(value.toString().strip());
        case "time" -> {
          String s = value.toString().strip();
          yield TIME.matcher(s).matches() ? Optional.of(LocalTime.parse(s)) : Optional.empty();
        }
        default -> Optional.of(value.toString());
      };
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static Optional<Object> integer(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return Optional.of(((Number) value).longValue());
    }
    Optional<BigDecimal> d;
    if (value instanceof Number) {
      d = decimal(value);
    } else {
      String s = value.toString().strip();
      d = INTEGER.matcher(s).matches() ? Optional.of(new BigDecimal(s)) : Optional.empty();
    }
    if (d.isEmpty() || d.get().stripTrailingZeros().scale() > 0) {
      return Optional.empty();
    }
    return Optional.of(d.get().longValueExact());
  }

  private static Optional<BigDecimal> decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return Optional.of(d);
    }
    if (value instanceof Double || value instanceof Float) {
      double v = ((Number) value).doubleValue();
      return Double.isFinite(v) ? Optional.of(BigDecimal.valueOf(v)) : Optional.empty();
    }
    if (value instanceof Number n) {
      return Optional.of(new BigDecimal(n.toString()));
    }
    String s = value.toString().strip();
    return DECIMAL.matcher(s).matches() ? Optional.of(new BigDecimal(s.startsWith("+") ? s.substring(1) : s))
        : Optional.empty();
  }

  private static Optional<Object> bool(Object value) {
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    String s = value.toString().strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "t", "yes", "y", "1" -> Optional.of(true);
      case "false", "f", "no", "n", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static Optional<Object> datetime(String s) {
    if (!DATETIME.matcher(s).matches()) {
      return Optional.empty();
    }
    if (s.length() == 10) {
      return Optional.of(LocalDate.parse(s).atStartOfDay());
    }
    String iso = s.replace(' ', 'T');
    if (iso.endsWith("Z") || iso.matches(".*[+-][0-9]{2}:?[0-9]{2}$")) {
      String normalized = iso.matches(".*[+-][0-9]{4}$") ? iso.substring(0, iso.length() - 2) + ":"
          + iso.substring(iso.length() - 2) : iso;
      return Optional.of(OffsetDateTime.parse(normalized));
    }
    return Optional.of(java.time.LocalDateTime.parse(iso));
  }

  /** The value as JSON-friendly output (dates as ISO text, numbers as numbers). */
  public static Object json(Object converted) {
    if (converted instanceof LocalDate || converted instanceof LocalTime || converted instanceof OffsetDateTime
        || converted instanceof java.time.LocalDateTime) {
      return converted.toString();
    }
    return converted;
  }

  /** The value compared with a bound: negative below, 0 equal, positive above; empty when not a number. */
  public static Optional<Integer> compare(Object value, BigDecimal bound) {
    return decimal(value).map(d -> d.compareTo(bound));
  }
}
