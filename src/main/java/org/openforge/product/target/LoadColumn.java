package org.openforge.product.target;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A column of a loaded table: its name, type and, for decimals, precision and scale. */
public record LoadColumn(String name, ColumnType type, int precision, int scale) {

  /** The columns of a source query, as its result set describes them. */
  public static List<LoadColumn> of(ResultSetMetaData meta) throws SQLException {
    List<LoadColumn> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      ColumnType type = ColumnType.of(meta.getColumnType(i));
      // MariaDB reports tinyint(1) as BIT: a boolean
      columns.add(new LoadColumn(meta.getColumnLabel(i), type, meta.getPrecision(i), meta.getScale(i)));
    }
    return columns;
  }
}
