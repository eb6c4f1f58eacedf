package org.openforge.agent.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openforge.agent.build.SourceInfo;
import org.openforge.agent.build.SourceSet;
import org.openforge.agent.build.TableRef;
import org.openforge.agent.tool.ToolOutcome;
import org.openforge.datasource.catalog.QueryResult;

/**
 * What the platform's connection to a database source may do, asked of the database itself through
 * {@code execute_sql}: the user, whether it is a superuser (PostgreSQL) or holds global or write grants
 * (MySQL/MariaDB), whether it can write or owns the tables the ontology reads, whether the session is read-only, and
 * whether the connection is encrypted (TLS) and to a loopback address.
 */
public record SourcePrivileges(String user, boolean superuser, boolean readOnlySession, Boolean tls, Boolean loopback,
    List<String> writableTables, List<String> ownedTables, List<String> grants, String error) {

  public static SourcePrivileges probe(SourceSet sources, SourceInfo source, List<TableRef> tables) {
    return switch (source.sourceType()) {
      case "postgresql" -> postgres(sources, source, tables);
      case "mysql", "mariadb" -> mariadb(sources, source);
      default -> throw new IllegalArgumentException("no database access to probe for " + source.sourceType());
    };
  }

  private static SourcePrivileges postgres(SourceSet sources, SourceInfo source, List<TableRef> tables) {
    ToolOutcome role = sources.trySql(source.id(), "select current_user, r.rolsuper, "
        + "current_setting('transaction_read_only'), coalesce((select s.ssl from pg_stat_ssl s where s.pid = "
        + "pg_backend_pid()), false), coalesce(host(inet_server_addr()) in ('127.0.0.1', '::1'), true) "
        + "from pg_roles r where r.rolname = current_user", List.of(), 1);
    if (!role.ok()) {
      return failed(role.message());
    }
    List<Object> row = ((QueryResult) role.result()).rows().get(0);
    List<String> writable = new ArrayList<>();
    List<String> owned = new ArrayList<>();
    for (TableRef t : tables) {
      String name = t.sql();
      ToolOutcome privileges = sources.trySql(source.id(), "select has_table_privilege(current_user, "
          + "cast(? as regclass), 'INSERT, UPDATE, DELETE, TRUNCATE'), pg_get_userbyid(c.relowner) = current_user "
          + "from pg_class c where c.oid = cast(? as regclass)", List.of(name, name), 1);
      if (!privileges.ok()) {
        return failed(privileges.message());
      }
      List<Object> p = ((QueryResult) privileges.result()).rows().get(0);
      if (Boolean.TRUE.equals(p.get(0))) {
        writable.add(t.sampleName());
      }
      if (Boolean.TRUE.equals(p.get(1))) {
        owned.add(t.sampleName());
      }
    }
    return new SourcePrivileges(String.valueOf(row.get(0)), Boolean.TRUE.equals(row.get(1)),
        "on".equals(String.valueOf(row.get(2))), Boolean.TRUE.equals(row.get(3)), Boolean.TRUE.equals(row.get(4)),
        writable, owned, List.of(), null);
  }

  private static SourcePrivileges mariadb(SourceSet sources, SourceInfo source) {
    ToolOutcome user = sources.trySql(source.id(), "select current_user(), @@session.transaction_read_only",
        List.of(), 1);
    if (!user.ok()) {
      // MariaDB before 11.1 and MySQL before 5.7.20 call it tx_read_only
      user = sources.trySql(source.id(), "select current_user(), @@session.tx_read_only", List.of(), 1);
    }
    if (!user.ok()) {
      return failed(user.message());
    }
    List<Object> row = ((QueryResult) user.result()).rows().get(0);
    ToolOutcome grants = sources.trySql(source.id(), "show grants", List.of(), 100);
    if (!grants.ok()) {
      return failed(grants.message());
    }
    List<String> lines = ((QueryResult) grants.result()).rows().stream().map(r -> String.valueOf(r.get(0))).toList();
    boolean global = lines.stream().anyMatch(g -> {
      String u = g.toUpperCase(Locale.ROOT);
      return u.contains(" ON *.* ") && (u.contains("ALL PRIVILEGES") || u.contains("SUPER"));
    });
    List<String> writable = lines.stream().filter(g -> g.toUpperCase(Locale.ROOT)
        .matches(".*\\b(ALL PRIVILEGES|INSERT|UPDATE|DELETE|DROP|ALTER|CREATE)\\b.*")).toList();
    ToolOutcome ssl = sources.trySql(source.id(), "show session status like 'Ssl_cipher'", List.of(), 1);
    Boolean tls = ssl.ok() && !((QueryResult) ssl.result()).rows().isEmpty()
        ? !String.valueOf(((QueryResult) ssl.result()).rows().get(0).get(1)).isBlank() : null;
    Object readOnly = row.get(1);
    boolean ro = readOnly instanceof Number n ? n.intValue() == 1 : "1".equals(String.valueOf(readOnly))
        || Boolean.TRUE.equals(readOnly);
    return new SourcePrivileges(String.valueOf(row.get(0)), global, ro, tls, null, writable, List.of(), lines, null);
  }

  private static SourcePrivileges failed(String message) {
    return new SourcePrivileges(null, false, false, null, null, List.of(), List.of(), List.of(), message);
  }
}
