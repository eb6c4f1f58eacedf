package org.openforge.product.target;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a data product lives: a connection factory and the one schema the platform owns there ({@code of_<slug>});
 * run versions live beside it in {@code <schema>__v<n>}.
 */
public record AnalyticalTarget(TargetKind kind, String url, Properties properties, String schema) {

  public static AnalyticalTarget duckDb(Path file, String schema) {
    return new AnalyticalTarget(TargetKind.DUCKDB, "jdbc:duckdb:" + file.toAbsolutePath(), new Properties(), schema);
  }

  public static AnalyticalTarget postgres(String url, String user, String password, String schema) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password == null ? "" : password);
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("ApplicationName", "Open Forge pipeline");
    return new AnalyticalTarget(TargetKind.POSTGRESQL, url, properties, schema);
  }

  public Connection open() throws SQLException {
    return kind == TargetKind.DUCKDB ? DuckDbFiles.connect(url) : DriverManager.getConnection(url, properties);
  }

  /** The schema a run version is built in. */
  public String versionSchema(int version) {
    return schema + "__v" + version;
  }

  @Override
  public String toString() {
    // never the properties: they hold the password
    return kind.value() + " " + url.replaceAll("//[^/@]*@", "//") + " schema " + schema;
  }
}
