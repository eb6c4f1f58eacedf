package org.openforge.product.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Converts a value read from a source into the Java type of its target column. */
final class Values {

  private Values() {}

  static Object convert(Object value, LoadColumn column) throws SQLException {
    if (value == null) {
      return null;
    }
    try {
      return switch (column.type()) {
        case BIGINT -> value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().strip());
        case DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().strip());
        case DECIMAL -> decimal(value, column);
        case BOOLEAN -> value instanceof Boolean b ? b : bool(value);
        case DATE -> date(value);
        case TIMESTAMP -> timestamp(value);
        case TEXT -> value.toString();
      };
    } catch (RuntimeException e) {
      throw new SQLException("column " + column.name() + ": the value '" + abbreviate(value) + "' is not a "
          + column.type().name().toLowerCase(java.util.Locale.ROOT), "22018", e);
    }
  }

  private static BigDecimal decimal(Object value, LoadColumn column) {
    BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString().strip());
    return column.scale() >= 0 && column.precision() > 0 ? d.setScale(column.scale(), RoundingMode.HALF_UP) : d;
  }

  private static Boolean bool(Object value) {
    String s = value.toString().strip().toLowerCase(java.util.Locale.ROOT);
    return switch (s) {
      case "1", "t", "true", "y", "yes" -> true;
      case "0", "f", "false", "n", "no" -> false;
      default -> throw new IllegalArgumentException(s);
    };
  }

  private static LocalDate date(Object value) {
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    return LocalDate.parse(value.toString().strip());
  }

  private static LocalDateTime timestamp(Object value) {
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime();
    }
    if (value instanceof LocalDateTime t) {
      return t;
    }
    if (value instanceof OffsetDateTime t) {
      return t.toLocalDateTime();
    }
    return LocalDateTime.parse(value.toString().strip().replace(' ', 'T'));
  }

  private static String abbreviate(Object value) {
    String s = value.toString();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
