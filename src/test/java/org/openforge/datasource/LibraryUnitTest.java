package org.openforge.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openforge.datasource.catalog.ErrorMessages;
import org.openforge.system.ApiException;
import org.openforge.system.FieldViolation;
import org.openforge.system.OpenForgeProperties;

/** Configuration validation, credential encryption and error redaction. */
class LibraryUnitTest {

  @TempDir
  Path dir;

  private SourceConfigParser parser() {
    return new SourceConfigParser(ScratchDatabases.roots(dir.resolve("data"), dir));
  }

  private List<String> errors(SourceType type, Map<String, Object> raw) {
    try {
      parser().parse(type, raw);
      return List.of();
    } catch (ApiException e) {
      assertThat(e.status().value()).isEqualTo(422);
      return e.errors().stream().map(FieldViolation::field).toList();
    }
  }

  @Test
  void validatesJdbcConfigurations() {
    assertThat(errors(SourceType.POSTGRESQL, Map.of("host", "db", "database", "x", "username", "u"))).isEmpty();
    assertThat(errors(SourceType.POSTGRESQL, Map.of("port", 99999, "pasword", "x")))
        .containsExactlyInAnyOrder("connection_config.host", "connection_config.database",
            "connection_config.username", "connection_config.port", "connection_config.pasword");
    assertThat(errors(SourceType.MYSQL, Map.of("host", "db", "port", "abc", "database", "x", "username", "u")))
        .containsExactly("connection_config.port");
    assertThat(errors(SourceType.POSTGRESQL, Map.of("host", "db;x", "database", "x/y", "username", "u")))
        .containsExactlyInAnyOrder("connection_config.host", "connection_config.database");
  }

  @Test
  void acceptsOnlyPostgresAndMysqlUrlsWithoutExtraParameters() {
    Map<String, Object> ok = Map.of("jdbc_url", "jdbc:postgresql://db.example:6543/sales?sslmode=require",
        "username", "u", "password", "p");
    JdbcConfig config = (JdbcConfig) parser().parse(SourceType.POSTGRESQL, ok);
    assertThat(config.host()).isEqualTo("db.example");
    assertThat(config.port()).isEqualTo(6543);
    assertThat(config.driverUrl(SourceType.POSTGRESQL)).isEqualTo("jdbc:postgresql://db.example:6543/sales?sslmode=require");
    JdbcConfig maria = (JdbcConfig) parser().parse(SourceType.MYSQL, Map.of("jdbc_url", "jdbc:mysql://m:3307/shop",
        "username", "u"));
    assertThat(maria.driverUrl(SourceType.MYSQL)).isEqualTo("jdbc:mariadb://m:3307/shop");
    for (String bad : List.of("jdbc:h2:mem:x", "jdbc:postgresql://u:p@db/x", "jdbc:postgresql://db/x?socketFactory=a.B",
        "jdbc:postgresql://db/x?password=p", "jdbc:postgresql://a,b/x", "jdbc:mysql://db/x", "jdbc:postgresql://db/")) {
      assertThat(errors(SourceType.POSTGRESQL, Map.of("jdbc_url", bad, "username", "u"))).as(bad)
          .contains("connection_config.jdbc_url");
    }
    assertThat(errors(SourceType.MARIADB, Map.of("jdbc_url", "jdbc:mariadb://db/x?allowLoadLocalInfile=true",
        "username", "u"))).contains("connection_config.jdbc_url");
  }

  @Test
  void csvPathsMustBeInsideAnAllowedFolder() {
    assertThat(errors(SourceType.CSV, Map.of("path", dir.resolve("a.csv").toString()))).isEmpty();
    assertThat(errors(SourceType.CSV, Map.of("path", "/etc/passwd"))).containsExactly("connection_config.path");
    assertThat(errors(SourceType.CSV, Map.of("path", dir.resolve("data/secret.key").toString())))
        .containsExactly("connection_config.path");
    assertThat(errors(SourceType.CSV, Map.of("path", dir.resolve("../x").toString())))
        .containsExactly("connection_config.path");
    assertThat(errors(SourceType.CSV, Map.of("path", dir.toString(), "delimiter", ";;", "header", "yes",
        "encoding", "nope"))).containsExactlyInAnyOrder("connection_config.delimiter", "connection_config.header",
        "connection_config.encoding");
  }

  @Test
  void sealsWithAFreshNonceAndRefusesOtherRowsAndKeys() {
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    SecretBox box = new SecretBox(properties(false), key);
    String a = box.seal("s3cret", "row-1");
    String b = box.seal("s3cret", "row-1");
    assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("s3cret");
    assertThat(Base64.getDecoder().decode(a.substring(3))).hasSize(12 + 6 + 16);
    assertThat(box.open(a, "row-1")).isEqualTo("s3cret");
    assertThatThrownBy(() -> box.open(a, "row-2")).isInstanceOf(SecretBox.UnreadableSecretException.class);
    byte[] other = new byte[32];
    other[0] = 1;
    SecretBox otherBox = new SecretBox(properties(false), Base64.getEncoder().encodeToString(other));
    assertThatThrownBy(() -> otherBox.open(a, "row-1")).isInstanceOf(SecretBox.UnreadableSecretException.class);
  }

  @Test
  void onlyTheEmbeddedProfileGeneratesAKey() throws Exception {
    assertThatThrownBy(() -> new SecretBox(properties(false), "")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OPENFORGE_SECRET_KEY");
    assertThatThrownBy(() -> new SecretBox(properties(false), "c2hvcnQ=")).hasMessageContaining("32 bytes");
    SecretBox generated = new SecretBox(properties(true), "");
    Path file = dir.resolve("data/secret.key");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    String sealed = generated.seal("pw", "id");
    assertThat(new SecretBox(properties(true), "").open(sealed, "id")).isEqualTo("pw");
  }

  @Test
  void secretsAreMaskedWhenPrintedOrSerialised() throws Exception {
    JdbcConfig config = new JdbcConfig("h", 5432, "d", "u", Secret.of("hunter2"), List.of(), Map.of(), null);
    assertThat(config.toString()).doesNotContain("hunter2").contains("***");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(config)).doesNotContain("hunter2");
    assertThat(config.redacted()).containsEntry("password", "***");
    assertThat(config.stored()).doesNotContainKey("password");
  }

  @Test
  void redactsPasswordsUsersAndUrlsFromDriverErrors() {
    DataSourceRecord source = new DataSourceRecord("id", "n", SourceType.MARIADB, null,
        new JdbcConfig("db", 3306, "shop", "alice", Secret.of("hunter2"), List.of(), Map.of(), null), null,
        OffsetDateTime.now(), OffsetDateTime.now());
    String message = ErrorMessages.describe(source, new SQLException("Access denied for user 'alice'@'10.0.0.1' "
        + "(using password: hunter2) at jdbc:mariadb://db:3306/shop?user=alice&password=hunter2", "28000", 1045))
        .getMessage();
    assertThat(message).startsWith("authentication failed").doesNotContain("hunter2").doesNotContain("alice")
        .doesNotContain("jdbc:mariadb");
    String pg = ErrorMessages.describe(source, new SQLException("FATAL: password authentication failed for user "
        + "\"bob\"", "28P01")).getMessage();
    assertThat(pg).doesNotContain("bob");
  }

  private OpenForgeProperties properties(boolean embedded) {
    return new OpenForgeProperties(embedded, dir.resolve("data"), dir.resolve("samples"),
        new OpenForgeProperties.Admin(null, null, null), new OpenForgeProperties.Demo(false));
  }
}
