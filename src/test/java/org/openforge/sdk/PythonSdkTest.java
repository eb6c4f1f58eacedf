package org.openforge.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Python SDK's own unit tests (standard library only, against local fake servers), run with the suite. */
class PythonSdkTest {

  @Test
  void sdkUnitTestsPass() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("python3", "-m", "unittest", "discover", "-s", "clients/python/tests")
        .directory(Path.of(".").toFile()).redirectErrorStream(true).start();
    boolean finished = process.waitFor(300, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished && process.exitValue() == 0).as(output).isTrue();
    assertThat(output).containsPattern("Ran \\d+ tests").contains("OK");
  }
}
