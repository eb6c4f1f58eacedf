package org.openforge.agent.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Checks generated Python with the real parser: {@code python3 -c 'import ast; ast.parse(...)'}. */
public final class PythonSyntax {

  private PythonSyntax() {}

  /** Null when the source parses, else python's error message. */
  public static String error(String source) {
    try {
      Path file = Files.createTempFile("openforge-generated", ".py");
      try {
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("python3", "-c",
            "import ast, sys\nast.parse(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1])", file.toString())
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return "python3 did not finish";
        }
        return p.exitValue() == 0 ? null : out;
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run python3: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
