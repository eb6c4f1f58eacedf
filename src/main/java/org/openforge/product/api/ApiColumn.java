package org.openforge.product.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.openforge.product.target.ColumnType;

/** A column of a published model, with its type as the data API reads and filters it. */
public record ApiColumn(String name, ColumnType type, boolean nullable) {

  /** The type from the target's information schema (DuckDB and PostgreSQL spellings). */
  public static ColumnType typeOf(String dataType) {
    String t = dataType.toLowerCase(Locale.ROOT);
    if (t.contains("int") || t.equals("serial")) {
      return ColumnType.BIGINT;
    }
    if (t.startsWith("decimal") || t.startsWith("numeric")) {
      return ColumnType.DECIMAL;
    }
    if (t.contains("double") || t.equals("real") || t.equals("float") || t.equals("float8") || t.equals("float4")) {
      return ColumnType.DOUBLE;
    }
    if (t.startsWith("bool")) {
      return ColumnType.BOOLEAN;
    }
    if (t.equals("date")) {
      return ColumnType.DATE;
    }
    if (t.startsWith("timestamp")) {
      return ColumnType.TIMESTAMP;
    }
    return ColumnType.TEXT;
  }

  /** A filter value as this column's type; IllegalArgumentException says what was expected. */
  public Object parse(String text) {
    try {
      return switch (type) {
        case BIGINT -> Long.parseLong(text.strip());
        case DECIMAL, DOUBLE -> new BigDecimal(text.strip());
        case BOOLEAN -> switch (text.strip().toLowerCase(Locale.ROOT)) {
          case "true" -> true;
          case "false" -> false;
          default -> throw new IllegalArgumentException();
        };
        case DATE -> LocalDate.parse(text.strip());
        case TIMESTAMP -> LocalDateTime.parse(text.strip().replace(' ', 'T'));
        case TEXT -> text;
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(expected());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(expected());
    }
  }

  private String expected() {
    return switch (type) {
      case BIGINT -> "an integer";
      case DECIMAL, DOUBLE -> "a number";
      case BOOLEAN -> "true or false";
      case DATE -> "a date (YYYY-MM-DD)";
      case TIMESTAMP -> "a timestamp (YYYY-MM-DDTHH:MM:SS)";
      case TEXT -> "text";
    };
  }
}
