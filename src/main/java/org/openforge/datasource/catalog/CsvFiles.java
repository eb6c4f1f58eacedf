package org.openforge.datasource.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.openforge.datasource.CsvConfig;
import org.openforge.datasource.CsvRoots;

/** The files of a CSV source, checked against the allowed folders every time they are read. */
public final class CsvFiles {

  private CsvFiles() {}

  /** The file itself, or the folder's *.csv and *.tsv files sorted by name; fails outside the allowed folders. */
  public static List<Path> list(CsvConfig config, CsvRoots roots) {
    Path path = config.path();
    if (roots.rootOf(path).isEmpty()) {
      throw new SourceAccessException("the path is outside the folders CSV sources may read");
    }
    if (!Files.exists(path)) {
      throw new SourceAccessException("the path " + path + " does not exist");
    }
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    try (Stream<Path> list = Files.list(path)) {
      return list.filter(Files::isRegularFile).filter(p -> {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".tsv");
      }).sorted().toList();
    } catch (IOException e) {
      throw new SourceAccessException("cannot list the folder " + path + ": " + e.getMessage());
    }
  }
}
