package org.openforge.product.target;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads rows with PostgreSQL's COPY ... FROM STDIN in CSV, sent in chunks of about a megabyte. Every non-null value
 * is quoted, so an empty string stays an empty string and only an unquoted empty field is NULL.
 */
final class PostgresCopySink implements RowSink {

  private static final int CHUNK = 1 << 20;
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL_NON_NULL)
      .setRecordSeparator('\n').get();

  private final CopyIn copy;
  private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
  private final CSVPrinter printer;
  private long rows;

  PostgresCopySink(Connection connection, String qualifiedTable, List<LoadColumn> columns, TargetKind kind)
      throws SQLException {
    String names = columns.stream().map(c -> kind.quote(c.name())).collect(Collectors.joining(", "));
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("copy " + qualifiedTable + " (" + names + ") from stdin with (format csv)");
    try {
      this.printer = new CSVPrinter(buffer, FORMAT);
    } catch (IOException e) {
      throw new SQLException(e);
    }
  }

  @Override
  public void row(Object[] values) throws SQLException {
    try {
      for (Object value : values) {
        printer.print(value instanceof BigDecimal d ? d.toPlainString() : value);
      }
      printer.println();
    } catch (IOException e) {
      throw new SQLException(e);
    }
    rows++;
    if (buffer.length() >= CHUNK) {
      send();
    }
  }

  private void send() throws SQLException {
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    buffer.setLength(0);
  }

  @Override
  public long finish() throws SQLException {
    send();
    copy.endCopy();
    return rows;
  }

  @Override
  public void close() throws SQLException {
    if (copy.isActive()) {
      copy.cancelCopy();
    }
  }
}
