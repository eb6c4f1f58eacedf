package org.openforge.agent.build.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Type-checks a generated TSX project with the real compiler: {@code tsc --noEmit} from {@code src/test/ui} (npm
 * {@code typescript} with the React types, installed by {@code npm ci} in {@code .ci/run}). Without node or the
 * modules the check is skipped, except under CI=true, where it fails.
 */
final class Tsc {

  static final Path MODULES = Path.of("src/test/ui/node_modules").toAbsolutePath();
  private static final Path TSC = MODULES.resolve("typescript/bin/tsc");

  private Tsc() {}

  /** The compiler's diagnostics for the project (empty when it type-checks), its exit code first. */
  static String check(Map<String, String> files, Path dir) throws IOException, InterruptedException {
    String node = node();
    boolean ready = node != null && Files.isRegularFile(TSC) && Files.isDirectory(MODULES.resolve("@types/react"));
    if (!ready && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but node or src/test/ui/node_modules (typescript, @types/react) is "
          + "missing: run npm ci --prefix src/test/ui (.ci/run does)");
    }
    Assumptions.assumeTrue(ready, "node or typescript in src/test/ui/node_modules is not installed (see .ci/run)");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
    }
    // the project's own dependencies are not installed: it resolves react's types from the test modules
    Files.createSymbolicLink(dir.resolve("node_modules"), MODULES);
    Process tsc = new ProcessBuilder(node, TSC.toString(), "--noEmit", "-p", dir.toString()).redirectErrorStream(true)
        .start();
    String out = new String(tsc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!tsc.waitFor(120, TimeUnit.SECONDS)) {
      tsc.destroyForcibly();
      throw new IllegalStateException("tsc did not finish");
    }
    return tsc.exitValue() == 0 ? out.strip() : "exit " + tsc.exitValue() + "\n" + out;
  }

  private static String node() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path node = Path.of(dir, "node");
      if (Files.isExecutable(node)) {
        return node.toString();
      }
    }
    return null;
  }
}
