package org.openforge.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code openforge.*} settings (see application.yaml for the environment variables behind them). */
@ConfigurationProperties(prefix = "openforge")
public record OpenForgeProperties(
    @DefaultValue("true") boolean embedded,
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("./samples") Path samplesDir,
    @DefaultValue Admin admin,
    @DefaultValue Demo demo) {

  public record Admin(String user, String password, String apiKey) {}

  public record Demo(@DefaultValue("true") boolean enabled) {}
}
