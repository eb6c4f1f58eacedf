package org.openforge.datasource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openforge.system.OpenForgeProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The folders CSV sources may read: the upload folder ({@code ${openforge.data-dir}/uploads}), the samples folder
 * ({@code openforge.samples-dir}) and any listed in {@code openforge.datasource.csv-roots} (env
 * {@code OPENFORGE_CSV_ROOTS}, comma-separated). A CSV path elsewhere — or in the data dir outside its uploads
 * folder (database files, the secret key) — is refused, symbolic links included.
 */
@Component
public class CsvRoots {

  private final Path dataDir;
  private final Path uploads;
  private final List<Path> roots;

  public CsvRoots(OpenForgeProperties properties,
      @Value("${openforge.datasource.csv-roots:${OPENFORGE_CSV_ROOTS:}}") String extra) {
    this.dataDir = properties.dataDir().toAbsolutePath().normalize();
    this.uploads = dataDir.resolve("uploads");
    List<Path> all = new ArrayList<>();
    all.add(uploads);
    all.add(properties.samplesDir().toAbsolutePath().normalize());
    Arrays.stream(extra.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> Path.of(s).toAbsolutePath().normalize()).forEach(all::add);
    this.roots = List.copyOf(all);
  }

  /** Where uploaded files of a source are stored. */
  public Path uploadFolder(String sourceId) {
    return uploads.resolve(sourceId);
  }

  /** Every allowed folder. */
  public List<Path> roots() {
    return roots;
  }

  /**
   * The root that contains the path (after resolving links of the existing part), if any. The data dir itself
   * (database files, keys) is never readable, even inside another root; only its uploads folder is.
   */
  public Optional<Path> rootOf(Path path) {
    Path real = real(path.toAbsolutePath().normalize());
    if (real.startsWith(real(dataDir)) && !real.startsWith(real(uploads))) {
      return Optional.empty();
    }
    return roots.stream().filter(root -> real.startsWith(real(root))).findFirst();
  }

  /** The real path of the longest existing prefix, with the rest appended: links cannot lead outside a root. */
  private static Path real(Path path) {
    Path existing = path;
    Path rest = Path.of("");
    while (existing != null && !Files.exists(existing)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(rest).normalize();
    } catch (IOException e) {
      return path;
    }
  }
}
