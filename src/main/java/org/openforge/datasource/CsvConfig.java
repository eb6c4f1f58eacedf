package org.openforge.datasource;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV files on the server: {@code path} is one file or a folder whose {@code *.csv} files are the tables. Options:
 * the delimiter (default comma), whether the first line is a header (default true), the encoding (default UTF-8)
 * and extra markers read as null (an empty or blank field is always null).
 */
public record CsvConfig(Path path, char delimiter, boolean header, Charset encoding, List<String> nullValues)
    implements SourceConfig {

  public CsvConfig {
    nullValues = nullValues == null ? List.of() : List.copyOf(nullValues);
  }

  @Override
  public Map<String, Object> stored() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("path", path.toString());
    map.put("delimiter", String.valueOf(delimiter));
    map.put("header", header);
    map.put("encoding", encoding.name());
    if (!nullValues.isEmpty()) {
      map.put("null_values", nullValues);
    }
    return map;
  }

  @Override
  public Map<String, Object> redacted() {
    return stored();
  }
}
