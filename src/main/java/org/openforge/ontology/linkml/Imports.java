package org.openforge.ontology.linkml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves a schema's import closure. {@code linkml:} modules ({@code linkml:types} and the rest of the metamodel)
 * are built in and read from nowhere; any other import is a local file relative to the importing schema's directory,
 * with {@code .yaml} appended when it has no extension. Remote URLs and prefixed imports are refused.
 */
final class Imports {

  private Imports() {}

  /** True for an import that names a built-in LinkML module. */
  static boolean isBuiltin(String importName) {
    return importName.startsWith("linkml:");
  }

  /** The imported schemas (not the root, read from {@code rootFile} when known), breadth first, each once. */
  static List<SchemaDefinition> closure(SchemaDefinition root, Path rootFile, Path baseDir) {
    List<SchemaDefinition> result = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    if (rootFile != null) {
      seen.add(rootFile.toAbsolutePath().normalize());
    }
    Deque<Pending> queue = new ArrayDeque<>();
    root.imports().forEach(name -> queue.add(new Pending(name, baseDir, root.name())));
    while (!queue.isEmpty()) {
      Pending next = queue.removeFirst();
      if (isBuiltin(next.name)) {
        continue;
      }
      Path file = locate(next);
      if (!seen.add(file)) {
        continue;
      }
      SchemaDefinition imported = SchemaReader.read(file);
      result.add(imported);
      Path dir = file.getParent();
      imported.imports().forEach(name -> queue.add(new Pending(name, dir, imported.name())));
    }
    return result;
  }

  private static Path locate(Pending pending) {
    String name = pending.name;
    if (name.contains("://") || name.matches("^[A-Za-z][\\w.-]*:[^/\\\\].*")) {
      throw new SchemaParseException("schema " + pending.importer + " imports '" + name
          + "': only local files and linkml: modules can be imported");
    }
    if (pending.baseDir == null) {
      throw new SchemaParseException("schema " + pending.importer + " imports '" + name
          + "' but was not loaded from a directory: load it with SchemaView.load(path) or SchemaView.of(schema, dir)");
    }
    String fileName = name.endsWith(".yaml") || name.endsWith(".yml") ? name : name + ".yaml";
    Path file = pending.baseDir.resolve(fileName).toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new SchemaParseException("schema " + pending.importer + " imports '" + name + "' but " + file
          + " does not exist");
    }
    return file;
  }

  private record Pending(String name, Path baseDir, String importer) {}
}
