package org.openforge.datasource.catalog;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.datasource.DataSourceRecord;
import org.openforge.datasource.JdbcConfig;

/** Turns driver errors into short, safe messages: what went wrong, without credentials, users or URLs. */
public final class ErrorMessages {

  private static final Pattern JDBC_URL = Pattern.compile("jdbc:[^\\s'\"]+");
  private static final Pattern QUOTED_USER = Pattern.compile("(?i)\\b(user|role)(\\s*=?\\s*)([\"'`])[^\"'`]*\\3");
  private static final Pattern MYSQL_USER = Pattern.compile("'[^']*'@'");

  private ErrorMessages() {}

  /** A classified, redacted message for a failure while connecting to or reading a source. */
  public static SourceAccessException describe(DataSourceRecord source, Throwable error) {
    String state = error instanceof SQLException sql ? sql.getSQLState() : null;
    String reason = classify(source, error, state);
    String detail = redact(source, innermostMessage(error));
    String message = detail == null || detail.isBlank() || reason.contains(detail) ? reason : reason + ": " + detail;
    return new SourceAccessException(message, state);
  }

  /** Removes the password, quoted user names and JDBC URLs from a driver message. */
  public static String redact(DataSourceRecord source, String message) {
    if (message == null) {
      return null;
    }
    String out = message;
    if (source != null && source.config() instanceof JdbcConfig jdbc) {
      String password = jdbc.password().reveal();
      if (password != null && !password.isEmpty()) {
        out = out.replace(password, "***");
      }
      String user = jdbc.username();
      if (user != null && !user.isEmpty()) {
        out = out.replace("\"" + user + "\"", "\"***\"").replace("'" + user + "'", "'***'");
      }
    }
    out = JDBC_URL.matcher(out).replaceAll("jdbc:***");
    out = QUOTED_USER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + m.group(3)
        + "***" + m.group(3)));
    out = MYSQL_USER.matcher(out).replaceAll("'***'@'");
    return out.strip();
  }

  private static String classify(DataSourceRecord source, Throwable error, String state) {
    String where = source != null && source.config() instanceof JdbcConfig jdbc
        ? jdbc.host() + ":" + jdbc.port() : "the server";
    if (has(error, UnknownHostException.class)) {
      return "unknown host " + (source != null && source.config() instanceof JdbcConfig j ? j.host() : "");
    }
    if (has(error, ConnectException.class) || has(error, NoRouteToHostException.class)) {
      return "cannot connect to " + where + " (is the server running and the port right?)";
    }
    if (has(error, SocketTimeoutException.class)) {
      return "timed out talking to " + where;
    }
    if (state == null) {
      return "cannot read the source";
    }
    if (state.equals("28P01") || state.equals("28000")) {
      return "authentication failed: check the username and password";
    }
    if (state.equals("3D000") || (error instanceof SQLException sql && sql.getErrorCode() == 1049)) {
      return "the database does not exist";
    }
    if (state.equals("57014") || state.equals("70100")) {
      return "the statement timed out";
    }
    if (state.startsWith("08")) {
      return "cannot connect to " + where;
    }
    if (state.equals("42501") || (error instanceof SQLException sql && (sql.getErrorCode() == 1044
        || sql.getErrorCode() == 1142))) {
      return "permission denied";
    }
    return "the source reported an error (SQLSTATE " + state + ")";
  }

  private static boolean has(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String innermostMessage(Throwable error) {
    String message = error.getMessage();
    for (Throwable t = error.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (message == null && t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    if (message != null) {
      int newline = message.indexOf('\n');
      message = newline > 0 ? message.substring(0, newline) : message;
      message = message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
    return message;
  }
}
