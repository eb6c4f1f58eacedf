package org.openforge.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.openforge.system.FieldViolation;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Stores uploaded CSV files under {@code ${openforge.data-dir}/uploads/<source id>/} with sanitised names. */
@Component
class CsvUploads {

  private final CsvRoots roots;

  CsvUploads(CsvRoots roots) {
    this.roots = roots;
  }

  /** The safe file names of the uploads, or violations for files that are not non-empty .csv/.tsv files. */
  List<String> names(List<MultipartFile> files, List<FieldViolation> errors) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (files == null || files.isEmpty()) {
      errors.add(new FieldViolation("files", "at least one .csv file is required"));
      return names;
    }
    for (int i = 0; i < files.size(); i++) {
      MultipartFile f = files.get(i);
      String original = f.getOriginalFilename() == null ? "" : f.getOriginalFilename();
      String base = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
      String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
      String lower = safe.toLowerCase(Locale.ROOT);
      if (!(lower.endsWith(".csv") || lower.endsWith(".tsv")) || safe.length() <= 4) {
        errors.add(new FieldViolation("files[" + i + "]", "must be a .csv or .tsv file, got '" + base + "'"));
      } else if (f.isEmpty()) {
        errors.add(new FieldViolation("files[" + i + "]", "'" + base + "' is empty"));
      } else if (!seen.add(lower)) {
        errors.add(new FieldViolation("files[" + i + "]", "two files are named '" + safe + "'"));
      }
      names.add(safe);
    }
    return names;
  }

  /** Writes the files into the source's upload folder and returns it. */
  Path store(String sourceId, List<MultipartFile> files, List<String> names) throws IOException {
    Path folder = roots.uploadFolder(sourceId);
    Files.createDirectories(folder);
    for (int i = 0; i < files.size(); i++) {
      try (InputStream in = files.get(i).getInputStream()) {
        Files.copy(in, folder.resolve(names.get(i)), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return folder;
  }

  /** Removes the upload folder of a source, if there is one. */
  void remove(String sourceId) throws IOException {
    Path folder = roots.uploadFolder(sourceId);
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
