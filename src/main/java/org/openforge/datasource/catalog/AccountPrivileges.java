package org.openforge.datasource.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.JdbcConfig;
import org.openforge.datasource.SourceType;

/**
 * Whether a source's account can do more than read. Such an account turns any gap in the SQL check into file access,
 * signals to other sessions or writes (a PostgreSQL superuser can lift the read-only transaction, a MariaDB account
 * with FILE writes files with SELECT ... INTO OUTFILE), so agent SQL refuses it unless an admin allowed it on the
 * source. PostgreSQL: superuser, or member of a role that reaches server files, programs, other sessions or every
 * table for writing. MySQL/MariaDB: any grant beyond reading (SHOW GRANTS), or the right to pass grants on. Verdicts
 * are kept a minute per source and account: privileges rarely change, and each query would otherwise ask again.
 */
public final class AccountPrivileges {

  /** The account's verdict: privileged or not, and why (privilege and role names only, never credentials). */
  public record Verdict(boolean privileged, List<String> reasons) {
    public Verdict {
      reasons = List.copyOf(reasons);
    }

    /** "the account is privileged (superuser)". */
    public String describe() {
      return privileged ? "the account is privileged (" + String.join(", ", reasons) + ")"
          : "the account can only read";
    }
  }

  private static final Duration TTL = Duration.ofMinutes(1);
  private static final List<String> PG_ROLES = List.of("pg_read_server_files", "pg_write_server_files",
      "pg_execute_server_program", "pg_signal_backend", "pg_write_all_data");
  private static final Set<String> READ_GRANTS = Set.of("USAGE", "SELECT", "SHOW VIEW", "SHOW DATABASES",
      "REFERENCES");

  private record Cached(Verdict verdict, long expiresAt) {}

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** The verdict for the source, asked on {@code connection} unless a fresh one is cached. */
  Verdict of(DataSourceRecord source, Connection connection) throws SQLException {
    JdbcConfig c = source.jdbc();
    String key = source.id() + "\u0000" + c.host() + "\u0000" + c.port() + "\u0000" + c.database() + "\u0000"
        + c.username();
    Cached cached = cache.get(key);
    long now = System.nanoTime();
    if (cached != null && cached.expiresAt() - now > 0) {
      return cached.verdict();
    }
    Verdict verdict = probe(connection, source.sourceType());
    cache.put(key, new Cached(verdict, now + TTL.toNanos()));
    return verdict;
  }

  /** Connects to the source and asks (uncached), for the connection test. */
  public static Verdict check(DataSourceRecord source) {
    try (Connection connection = SourceConnections.open(source, Duration.ofSeconds(15))) {
      return probe(connection, source.sourceType());
    } catch (SQLException e) {
      throw ErrorMessages.describe(source, e);
    }
  }

  static Verdict probe(Connection connection, SourceType type) throws SQLException {
    return type == SourceType.POSTGRESQL ? postgres(connection) : mariaDb(connection);
  }

  private static Verdict postgres(Connection connection) throws SQLException {
    String roles = String.join(", ", PG_ROLES.stream().map(r -> "'" + r + "'").toList());
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select r.rolsuper, array(select b.rolname::text from pg_roles b "
            + "where b.rolname in (" + roles + ") and pg_has_role(current_user, b.oid, 'MEMBER') order by 1) "
            + "from pg_roles r where r.rolname = current_user")) {
      if (!rs.next()) {
        return new Verdict(true, List.of("the current role is not in pg_roles"));
      }
      if (rs.getBoolean(1)) {
        return new Verdict(true, List.of("superuser"));
      }
      Array members = rs.getArray(2);
      List<String> reasons = members == null ? List.of()
          : Arrays.stream((Object[]) members.getArray()).map(String::valueOf).toList();
      return new Verdict(!reasons.isEmpty(), reasons);
    }
  }

  private static Verdict mariaDb(Connection connection) throws SQLException {
    List<String> grants = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("show grants")) {
      while (rs.next()) {
        grants.add(rs.getString(1));
      }
    }
    List<String> reasons = beyondReading(grants);
    return new Verdict(!reasons.isEmpty(), reasons);
  }

  /** The privileges of SHOW GRANTS lines that are more than reading, e.g. [FILE, SUPER, INSERT, GRANT OPTION]. */
  static List<String> beyondReading(List<String> grants) {
    List<String> reasons = new ArrayList<>();
    for (String line : grants) {
      String upper = line.toUpperCase(Locale.ROOT);
      int on = upper.indexOf(" ON ");
      if (!upper.startsWith("GRANT ") || on < 0) {
        continue; // a granted role: its own privileges are listed on their own lines while it is active
      }
      for (String privilege : splitPrivileges(upper.substring(6, on))) {
        if (!READ_GRANTS.contains(privilege) && !reasons.contains(privilege)) {
          reasons.add(privilege);
        }
      }
      if (upper.contains(" WITH GRANT OPTION") && !reasons.contains("GRANT OPTION")) {
        reasons.add("GRANT OPTION");
      }
    }
    return reasons;
  }

  /** "SELECT (a, b), INSERT" → [SELECT, INSERT]: column lists dropped, commas inside them ignored. */
  private static List<String> splitPrivileges(String list) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (char ch : list.toCharArray()) {
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        out.add(current.toString().strip());
        current.setLength(0);
      } else if (depth == 0) {
        current.append(ch);
      }
    }
    out.add(current.toString().strip());
    return out.stream().map(p -> p.replaceAll("\\s+", " ")).filter(p -> !p.isEmpty()).toList();
  }
}
