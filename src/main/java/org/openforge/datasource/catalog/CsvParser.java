package org.openforge.datasource.catalog;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV reader: quoted fields with doubled quotes and line breaks inside, CRLF/LF/CR line ends, a leading
 * byte-order mark skipped, blank lines ignored. Streams: memory is one record.
 */
final class CsvParser implements Closeable {

  private final Reader reader;
  private final char delimiter;
  private final char[] buffer = new char[64 * 1024];
  private int length;
  private int position;
  private long line = 1;
  private long recordLine;
  private boolean first = true;

  CsvParser(Reader reader, char delimiter) {
    this.reader = reader;
    this.delimiter = delimiter;
  }

  /** The line on which the last record returned by {@link #next()} started. */
  long recordLine() {
    return recordLine;
  }

  /** The next record's fields, or null at the end of the input. */
  List<String> next() throws IOException {
    while (true) {
      int c = peek();
      if (c < 0) {
        return null;
      }
      if (c == '\n' || c == '\r') {
        endOfLine();
        continue;
      }
      break;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean inQuotes = false;
    while (true) {
      int c = read();
      if (c < 0) {
        fields.add(field.toString());
        return fields;
      }
      if (inQuotes) {
        if (c == '"') {
          if (peek() == '"') {
            read();
            field.append('"');
          } else {
            inQuotes = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.isEmpty() && !quoted) {
        inQuotes = true;
        quoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        quoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n') {
          read();
        }
        line++;
        fields.add(field.toString());
        return fields;
      } else {
        field.append((char) c);
      }
    }
  }

  private void endOfLine() throws IOException {
    int c = read();
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int peek() throws IOException {
    if (position >= length && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private int read() throws IOException {
    if (position >= length && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  private boolean fill() throws IOException {
    length = reader.read(buffer);
    position = 0;
    if (length > 0 && first) {
      first = false;
      if (buffer[0] == '\uFEFF') {
        position = 1;
        return length > 1 || fill();
      }
    }
    return length > 0;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
