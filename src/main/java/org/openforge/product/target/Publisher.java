package org.openforge.product.target;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a run version live: in one transaction, the live schema's views are pointed at the version's tables (and
 * views of tables the version no longer has are dropped). Readers of the live schema see the previous version or
 * the new one, never a mix. Older versions are dropped after the swap, keeping the newest {@code keep} (so the
 * previous one stays for a rollback).
 */
public final class Publisher {

  private Publisher() {}

  public static void publish(AnalyticalTarget target, Connection connection, int version, Collection<String> tables)
      throws SQLException {
    TargetKind kind = target.kind();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.execute("create schema if not exists " + kind.quote(target.schema()));
      for (String existing : views(connection, target.schema())) {
        s.execute("drop view " + kind.qualified(target.schema(), existing));
      }
      for (String table : tables) {
        s.execute("create view " + kind.qualified(target.schema(), table) + " as select * from "
            + kind.qualified(target.versionSchema(version), table));
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The version the live schema's views read, if any. */
  public static OptionalInt liveVersion(AnalyticalTarget target, Connection connection) throws SQLException {
    Pattern version = Pattern.compile(Pattern.quote(target.schema()) + "__v(\\d+)");
    String sql = "select view_definition from information_schema.views where table_schema = ?";
    try (var statement = connection.prepareStatement(sql)) {
      statement.setString(1, target.schema());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Matcher m = version.matcher(rows.getString(1) == null ? "" : rows.getString(1));
          if (m.find()) {
            return OptionalInt.of(Integer.parseInt(m.group(1)));
          }
        }
      }
    }
    return OptionalInt.empty();
  }

  /** Drops the version schemas not in {@code keep} (the live one is always kept); returns those dropped. */
  public static List<Integer> dropVersionsExcept(AnalyticalTarget target, Connection connection, java.util.Set<Integer> keep)
      throws SQLException {
    OptionalInt live = liveVersion(target, connection);
    List<Integer> dropped = new ArrayList<>();
    try (Statement s = connection.createStatement()) {
      for (int v : versions(target, connection)) {
        if (!keep.contains(v) && (live.isEmpty() || live.getAsInt() != v)) {
          s.execute("drop schema " + target.kind().quote(target.versionSchema(v)) + " cascade");
          dropped.add(v);
        }
      }
    }
    return dropped;
  }

  /** Existing version schemas, oldest first. */
  public static List<Integer> versions(AnalyticalTarget target, Connection connection) throws SQLException {
    Pattern version = Pattern.compile(Pattern.quote(target.schema()) + "__v(\\d+)");
    List<Integer> versions = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery("select schema_name from information_schema.schemata")) {
      while (rows.next()) {
        Matcher m = version.matcher(rows.getString(1));
        if (m.matches()) {
          versions.add(Integer.parseInt(m.group(1)));
        }
      }
    }
    versions.sort(Integer::compare);
    return versions;
  }

  private static List<String> views(Connection connection, String schema) throws SQLException {
    List<String> views = new ArrayList<>();
    try (var statement = connection.prepareStatement(
        "select table_name from information_schema.views where table_schema = ?")) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          views.add(rows.getString(1));
        }
      }
    }
    return views;
  }
}
