package org.openforge.ontology.linkml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The LinkML schemas under {@code src/test/resources/linkml}. */
public final class Fixtures {

  private Fixtures() {}

  /** The fixture directory on the test classpath. */
  public static Path dir() {
    try {
      return Path.of(Fixtures.class.getResource("/linkml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One fixture file, e.g. {@code "sales.yaml"} or {@code "kitchen_sink/kitchen_sink.yaml"}. */
  public static Path path(String name) {
    return dir().resolve(name);
  }

  /** A fixture's text. */
  public static String text(String name) {
    try {
      return Files.readString(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture loaded with its imports. */
  public static SchemaView view(String name) {
    return SchemaView.load(path(name));
  }

  /** Every fixture, relative to the fixture directory. */
  public static List<String> all() {
    try (Stream<Path> files = Files.walk(dir())) {
      return files.filter(p -> p.toString().endsWith(".yaml")).map(p -> dir().relativize(p).toString()).sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
