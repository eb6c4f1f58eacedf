package org.openforge.agent.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected documents kept under {@code src/test/resources/agent/discovery/}. A mismatch writes the actual document to
 * {@code target/golden-actual/} for diffing; after a deliberate change, copy it over the expected file.
 */
public final class Golden {

  private Golden() {}

  public static void assertMatches(String resource, String actual) throws IOException {
    String expected;
    try (InputStream in = Golden.class.getResourceAsStream("/agent/discovery/" + resource)) {
      expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!actual.equals(expected)) {
      Path out = Path.of("target", "golden-actual", resource);
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual);
    }
    assertThat(actual).as("document differs from src/test/resources/agent/discovery/" + resource
        + " (actual written to target/golden-actual/" + resource + ")").isEqualTo(expected);
  }
}
