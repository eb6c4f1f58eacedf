package org.openforge.datasource.catalog;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;
import org.openforge.datasource.SourceType;

/**
 * Agent SQL is read-only by construction: it is parsed (JSqlParser) and must be exactly one SELECT (plain, set
 * operation, WITH ... SELECT, VALUES) without INTO, locking clauses or data-modifying CTEs, calling only allowed
 * functions ({@link SqlFunctions}) and reading no credential catalogs. What is sent to the source is the parser's own
 * rendering of the checked tree, not the text the agent wrote, so comments and anything the parser skipped never
 * reach the server. Text on which the parser and the server could disagree about where a literal ends is refused:
 * backslashes, PostgreSQL dollar quoting, MySQL executable and '#' comments, optimizer hints. The read-only
 * transaction, the driver's single-statement protocol and the account check ({@link AccountPrivileges}) stand
 * behind this check.
 */
final class ReadOnlySql {

  /** Longer SQL is refused (parsing cost). */
  static final int MAX_LENGTH = 100_000;

  private static final ExecutorService PARSER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "sql-guard-parser");
    t.setDaemon(true);
    return t;
  });
  private static final long PARSE_TIMEOUT_MS = 5_000;
  // the only SHOW forms agents need on MySQL/MariaDB (the deploy review's account probe); no quoting inside
  private static final Pattern MARIADB_SHOW = Pattern.compile(
      "(?i)\\s*show\\s+(grants|(session\\s+)?(status|variables)\\s+like\\s+'[A-Za-z0-9_%]{1,64}')\\s*;?\\s*");
  private static final Pattern QUOTED_IDENTIFIER = Pattern.compile("\"(?:[^\"]|\"\")*\"");
  // a '$' that starts a token opens a dollar-quoted string on PostgreSQL; inside a name it is part of the name
  private static final Pattern DOLLAR_TOKEN = Pattern.compile("(?<![\\p{L}\\p{N}_$])\\$");

  private ReadOnlySql() {}

  /** The statement to send for {@code sql}; throws {@link UnsafeSqlException} when it is not one safe read. */
  static String check(String sql, SourceType type) {
    if (sql == null || sql.isBlank()) {
      throw new UnsafeSqlException("the SQL is empty");
    }
    if (sql.length() > MAX_LENGTH) {
      throw new UnsafeSqlException("the SQL is longer than " + MAX_LENGTH + " characters");
    }
    boolean postgres = type == SourceType.POSTGRESQL;
    if (!postgres && MARIADB_SHOW.matcher(sql).matches()) {
      return sql.strip().replaceFirst(";$", "").strip();
    }
    if (sql.indexOf('\\') >= 0) {
      throw new UnsafeSqlException("backslashes are not accepted (the databases and the SQL check read escapes "
          + "differently); pass such text as a ? parameter");
    }
    if (!postgres && (sql.contains("/*!") || sql.contains("/*M!"))) {
      throw new UnsafeSqlException("MySQL/MariaDB executable comments (/*! ... */) are not accepted");
    }
    if (!postgres && sql.indexOf('#') >= 0) {
      // MySQL comments out the rest of the line after '#', the parser does not
      throw new UnsafeSqlException("'#' is not accepted on MySQL/MariaDB (it starts a comment there); pass such "
          + "text as a ? parameter");
    }
    Select checked = parseOne(sql);
    inspect(checked, postgres);
    String rendered = checked.toString();
    if (rendered.contains("/*") || rendered.contains("*/")) {
      // the parser keeps optimizer hints (and column comments) verbatim: PostgreSQL nests comments, the parser does
      // not, so a hint could end elsewhere on the server
      throw new UnsafeSqlException("optimizer hints and the character pairs /* and */ are not accepted outside "
          + "comments; pass such text as a ? parameter");
    }
    Select again = parseOne(rendered);
    if (!again.toString().equals(rendered)) {
      throw new UnsafeSqlException("the statement does not read back the same after parsing; write it more plainly");
    }
    inspect(again, postgres);
    return rendered;
  }

  private static Select parseOne(String sql) {
    Statements statements;
    try {
      statements = CCJSqlParserUtil.parseStatements(sql, PARSER, parser -> parser.withTimeOut(PARSE_TIMEOUT_MS));
    } catch (JSQLParserException e) {
      throw new UnsafeSqlException("the SQL could not be parsed as one SELECT statement (" + reason(e) + ")");
    }
    if (statements == null || statements.isEmpty()) {
      throw new UnsafeSqlException("the SQL could not be parsed as one SELECT statement");
    }
    if (statements.size() > 1) {
      throw new UnsafeSqlException("only one statement is allowed; found " + statements.size());
    }
    Statement statement = statements.get(0);
    if (!(statement instanceof Select select)) {
      throw new UnsafeSqlException("only read statements (SELECT, WITH ... SELECT, VALUES) are allowed; got "
          + kind(statement));
    }
    return select;
  }

  private static void inspect(Select root, boolean postgres) {
    SqlTree.walk(root, new SqlTree.Visitor() {
      @Override
      public void node(Object node) {
        if (node instanceof Statement s && !(node instanceof Select)) {
          throw new UnsafeSqlException("only read statements are allowed; the query contains " + kind(s));
        }
        if (node instanceof Select select) {
          select(select);
        } else if (node instanceof TableFunction t && t.getMultipartName() == null) {
          return; // a FROM item wrapping its function, which the walk visits on its own
        } else if (node instanceof Function f) {
          function(f.getMultipartName());
        } else if (node instanceof AnalyticExpression a) {
          function(List.of(a.getName()));
        } else if (node instanceof NextValExpression) {
          throw new UnsafeSqlException("sequence functions (NEXT VALUE FOR) are not allowed");
        } else if (node instanceof VariableAssignment) {
          throw new UnsafeSqlException("assigning variables is not allowed");
        } else if (node instanceof Table t) {
          SqlFunctions.tableRefusal(bare(t.getSchemaName()), bare(t.getName())).ifPresent(reason -> {
            throw new UnsafeSqlException(reason);
          });
        }
      }

      @Override
      public void text(Object owner, String value) {
        if (postgres && !(owner instanceof StringValue)
            && DOLLAR_TOKEN.matcher(QUOTED_IDENTIFIER.matcher(value).replaceAll(" ")).find()) {
          throw new UnsafeSqlException("dollar-quoted text ($tag$ ... $tag$) and $n parameters are not accepted; "
              + "use '...' literals or ? parameters");
        }
      }
    });
  }

  private static void select(Select select) {
    if (select.getForMode() != null || select.getForUpdateTable() != null || select.getWait() != null
        || select.isSkipLocked() || select.isNoWait()) {
      throw new UnsafeSqlException("locking clauses (FOR UPDATE, FOR SHARE, ...) are not allowed");
    }
    if (select.getForClause() != null || select.getIsolation() != null) {
      throw new UnsafeSqlException("FOR and WITH isolation clauses are not allowed");
    }
    if (select instanceof PlainSelect p && ((p.getIntoTables() != null && !p.getIntoTables().isEmpty())
        || p.getIntoTempTable() != null || p.getForXmlPath() != null)) {
      throw new UnsafeSqlException("SELECT ... INTO is not allowed");
    }
  }

  private static void function(List<String> parts) {
    if (parts == null || parts.isEmpty() || parts.get(parts.size() - 1) == null) {
      throw new UnsafeSqlException("a function without a name is not allowed");
    }
    List<String> names = parts.stream().map(ReadOnlySql::bare).toList();
    if (names.size() > 2 || (names.size() == 2 && !"pg_catalog".equals(names.get(0)))) {
      throw new UnsafeSqlException("function " + String.join(".", parts) + " is not allowed: only built-in "
          + "functions may be called");
    }
    SqlFunctions.refusal(names.get(names.size() - 1)).ifPresent(reason -> {
      throw new UnsafeSqlException(reason);
    });
  }

  /** A name without its quotes, lower case (so "PG_READ_FILE" and `Load_File` are the functions they look like). */
  private static String bare(String name) {
    if (name == null) {
      return null;
    }
    String n = name.strip();
    if (n.length() >= 2 && (n.charAt(0) == '"' || n.charAt(0) == '`' || n.charAt(0) == '[')) {
      n = n.substring(1, n.length() - 1);
    }
    return n.toLowerCase(Locale.ROOT);
  }

  private static String kind(Statement statement) {
    if (statement instanceof UnsupportedStatement) {
      return "a statement the SQL check does not know";
    }
    return statement.getClass().getSimpleName().replace("Parenthesed", "").toUpperCase(Locale.ROOT);
  }

  private static String reason(JSQLParserException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    message = message.strip().replaceAll("\\s+", " ");
    int expecting = message.indexOf(" Was expecting");
    message = expecting > 0 ? message.substring(0, expecting) : message;
    return message.length() > 160 ? message.substring(0, 160) + "..." : message;
  }
}
