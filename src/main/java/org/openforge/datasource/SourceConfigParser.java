package org.openforge.datasource;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.system.ApiException;
import org.openforge.system.FieldViolation;
import org.springframework.stereotype.Component;

/**
 * Validates a {@code connection_config} into a {@link SourceConfig}, collecting every problem as a field violation
 * ({@code connection_config.<field>}). Only PostgreSQL and MySQL/MariaDB JDBC URLs are accepted, without user info
 * or driver parameters beyond a short allow-list (the URL given to the driver is rebuilt from the parts).
 */
@Component
public class SourceConfigParser {

  static final String PREFIX = "connection_config.";
  private static final Set<String> JDBC_FIELDS = Set.of("host", "port", "database", "username", "password", "schema",
      "jdbc_url", "ssl_mode", JdbcConfig.ALLOW_PRIVILEGED_AGENT_SQL);
  private static final Set<String> CSV_FIELDS = Set.of("path", "delimiter", "header", "encoding", "null_values");
  private static final Set<String> PG_PARAMETERS = Set.of("sslmode", "ssl", "currentSchema", "ApplicationName");
  private static final Set<String> MARIADB_PARAMETERS = Set.of("sslMode");
  private static final Pattern URL = Pattern.compile(
      "^jdbc:(postgresql|mysql|mariadb)://([^/?#]*)(?:/([^?#]*))?(?:\\?([^#]*))?$");
  private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9._-]{1,253}$|^\\[?[0-9A-Fa-f:.]{2,45}]?$");
  private static final Pattern DATABASE = Pattern.compile("^[^/?#&;=\\s]{1,128}$");

  private final CsvRoots roots;

  public SourceConfigParser(CsvRoots roots) {
    this.roots = roots;
  }

  /** The folders CSV sources may read. */
  public CsvRoots roots() {
    return roots;
  }

  /** Validates a configuration from the API; throws a 422 {@link ApiException} listing every invalid field. */
  public SourceConfig parse(SourceType type, Map<String, Object> raw) {
    List<FieldViolation> errors = new ArrayList<>();
    SourceConfig config = parse(type, raw, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return config;
  }

  /** Validates a configuration, adding every problem to {@code errors}; the result is null or partial then. */
  public SourceConfig parse(SourceType type, Map<String, Object> raw, List<FieldViolation> errors) {
    return type.isJdbc() ? jdbc(type, raw, null, errors) : csv(raw, true, errors);
  }

  /** Rebuilds a stored configuration (already validated when it was created) with its decrypted password. */
  public SourceConfig fromStored(SourceType type, Map<String, Object> stored, Secret password) {
    List<FieldViolation> errors = new ArrayList<>();
    SourceConfig config = type.isJdbc() ? jdbc(type, stored, password, errors) : csv(stored, false, errors);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("stored configuration is invalid: " + errors);
    }
    return config;
  }

  private JdbcConfig jdbc(SourceType type, Map<String, Object> raw, Secret storedPassword,
      List<FieldViolation> errors) {
    unknownFields(raw, JDBC_FIELDS, errors);
    String username = text(raw, "username", true, errors);
    Secret password = storedPassword != null ? storedPassword : Secret.of(text(raw, "password", false, errors));
    List<String> schemas = schemas(raw, errors);
    String url = text(raw, "jdbc_url", false, errors);
    Map<String, String> parameters = new LinkedHashMap<>();
    String sslMode = text(raw, "ssl_mode", false, errors);
    if (sslMode != null) {
      parameters.put(type == SourceType.POSTGRESQL ? "sslmode" : "sslMode", sslMode);
    }
    boolean privileged = privilegedAgentSql(raw, errors);
    if (url != null) {
      for (String field : List.of("host", "port", "database")) {
        if (raw.get(field) != null) {
          errors.add(new FieldViolation(PREFIX + field, "give either jdbc_url or host/port/database, not both"));
        }
      }
      JdbcConfig config = fromUrl(type, url, username, password, schemas, parameters, errors);
      return config == null ? null : config.withPrivilegedAgentSql(privileged);
    }
    String host = text(raw, "host", true, errors);
    if (host != null && !HOST.matcher(host).matches()) {
      errors.add(new FieldViolation(PREFIX + "host", "is not a valid host name or IP address"));
    }
    int port = port(raw.get("port"), type, errors);
    String database = text(raw, "database", true, errors);
    if (database != null && !DATABASE.matcher(database).matches()) {
      errors.add(new FieldViolation(PREFIX + "database", "must be a plain database name"));
    }
    String cleanHost = host == null ? null : host.replace("[", "").replace("]", "");
    return new JdbcConfig(cleanHost, port, database, username, password, schemas, parameters, null, privileged);
  }

  private JdbcConfig fromUrl(SourceType type, String url, String username, Secret password, List<String> schemas,
      Map<String, String> parameters, List<FieldViolation> errors) {
    String field = PREFIX + "jdbc_url";
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      errors.add(new FieldViolation(field, "must be a jdbc:postgresql://, jdbc:mysql:// or jdbc:mariadb:// URL "
          + "of the form jdbc:<scheme>://host[:port]/database[?parameters]"));
      return null;
    }
    String scheme = m.group(1);
    boolean postgres = scheme.equals("postgresql");
    if (postgres != (type == SourceType.POSTGRESQL)) {
      errors.add(new FieldViolation(field, "a " + type.value() + " source needs a "
          + (type == SourceType.POSTGRESQL ? "jdbc:postgresql" : "jdbc:mysql or jdbc:mariadb") + " URL"));
      return null;
    }
    String authority = m.group(2);
    if (authority.contains("@") || authority.contains(",")) {
      errors.add(new FieldViolation(field, "must name one host without user info (put credentials in username "
          + "and password)"));
      return null;
    }
    String host;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      host = close < 0 ? authority : authority.substring(1, close);
      if (close >= 0 && authority.length() > close + 1) {
        portText = authority.startsWith(":", close + 1) ? authority.substring(close + 2) : "x";
      }
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? null : authority.substring(colon + 1);
    }
    if (host.isEmpty() || !HOST.matcher(host).matches()) {
      errors.add(new FieldViolation(field, "has no valid host"));
    }
    int port = port(portText, type, errors, field);
    String database = m.group(3) == null ? "" : URLDecoder.decode(m.group(3), StandardCharsets.UTF_8);
    if (!DATABASE.matcher(database).matches()) {
      errors.add(new FieldViolation(field, "must name the database: jdbc:<scheme>://host[:port]/database"));
    }
    Set<String> allowed = postgres ? PG_PARAMETERS : MARIADB_PARAMETERS;
    if (m.group(4) != null && !m.group(4).isEmpty()) {
      for (String pair : m.group(4).split("&")) {
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (!allowed.contains(name)) {
          errors.add(new FieldViolation(field, "URL parameter '" + name + "' is not allowed; allowed: "
              + allowed.stream().sorted().toList()));
        } else {
          parameters.put(name, value);
        }
      }
    }
    List<String> effectiveSchemas = schemas;
    if (schemas.isEmpty() && parameters.containsKey("currentSchema")) {
      effectiveSchemas = splitSchemas(parameters.get("currentSchema"));
    }
    return new JdbcConfig(host, port, database, username, password, effectiveSchemas, parameters, url);
  }

  /** The admin-only flag letting agents run SQL on a privileged account (who may set it: AgentSqlPolicy). */
  private static boolean privilegedAgentSql(Map<String, Object> raw, List<FieldViolation> errors) {
    Object value = raw.get(JdbcConfig.ALLOW_PRIVILEGED_AGENT_SQL);
    if (value != null && !(value instanceof Boolean)) {
      errors.add(new FieldViolation(PREFIX + JdbcConfig.ALLOW_PRIVILEGED_AGENT_SQL, "must be true or false"));
    }
    return Boolean.TRUE.equals(value);
  }

  private CsvConfig csv(Map<String, Object> raw, boolean checkRoots, List<FieldViolation> errors) {
    unknownFields(raw, CSV_FIELDS, errors);
    String pathText = text(raw, "path", true, errors);
    Path path = null;
    if (pathText != null) {
      try {
        path = Path.of(pathText).toAbsolutePath().normalize();
        if (checkRoots && roots.rootOf(path).isEmpty()) {
          errors.add(new FieldViolation(PREFIX + "path", "must be inside one of the folders CSV sources may read "
              + "(the samples folder, the upload folder or openforge.datasource.csv-roots)"));
        }
      } catch (InvalidPathException e) {
        errors.add(new FieldViolation(PREFIX + "path", "is not a valid path"));
      }
    }
    char delimiter = ',';
    String delimiterText = text(raw, "delimiter", false, errors);
    if (delimiterText != null) {
      String d = delimiterText.equals("\\t") ? "\t" : delimiterText;
      if (d.length() != 1 || d.charAt(0) == '"' || d.charAt(0) == '\n' || d.charAt(0) == '\r') {
        errors.add(new FieldViolation(PREFIX + "delimiter", "must be one character (not a quote or line break)"));
      } else {
        delimiter = d.charAt(0);
      }
    }
    boolean header = true;
    Object headerValue = raw.get("header");
    if (headerValue instanceof Boolean b) {
      header = b;
    } else if (headerValue != null) {
      errors.add(new FieldViolation(PREFIX + "header", "must be true or false"));
    }
    Charset encoding = StandardCharsets.UTF_8;
    String encodingText = text(raw, "encoding", false, errors);
    if (encodingText != null) {
      try {
        encoding = Charset.forName(encodingText);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldViolation(PREFIX + "encoding", "is not a known character set"));
      }
    }
    List<String> nullValues = new ArrayList<>();
    Object nulls = raw.get("null_values");
    if (nulls instanceof List<?> list && list.stream().allMatch(v -> v instanceof String)) {
      list.forEach(v -> nullValues.add((String) v));
    } else if (nulls != null) {
      errors.add(new FieldViolation(PREFIX + "null_values", "must be a list of strings"));
    }
    return path == null ? null : new CsvConfig(path, delimiter, header, encoding, nullValues);
  }

  private static void unknownFields(Map<String, Object> raw, Set<String> known, List<FieldViolation> errors) {
    raw.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k ->
        errors.add(new FieldViolation(PREFIX + k, "is not a known field; known: " + known.stream().sorted().toList())));
  }

  private static String text(Map<String, Object> raw, String name, boolean required, List<FieldViolation> errors) {
    Object value = raw.get(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) {
        errors.add(new FieldViolation(PREFIX + name, "is required"));
      }
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(new FieldViolation(PREFIX + name, "must be a string"));
      return null;
    }
    return name.equals("password") ? s : s.strip();
  }

  private static int port(Object value, SourceType type, List<FieldViolation> errors) {
    return port(value, type, errors, PREFIX + "port");
  }

  private static int port(Object value, SourceType type, List<FieldViolation> errors, String field) {
    int fallback = type == SourceType.POSTGRESQL ? 5432 : 3306;
    if (value == null || (value instanceof String s && s.isEmpty())) {
      return fallback;
    }
    long port;
    if (value instanceof Integer || value instanceof Long) {
      port = ((Number) value).longValue();
    } else if (value instanceof String s && s.matches("\\d{1,6}")) {
      port = Long.parseLong(s);
    } else {
      errors.add(new FieldViolation(field, "port must be a whole number between 1 and 65535"));
      return fallback;
    }
    if (port < 1 || port > 65535) {
      errors.add(new FieldViolation(field, "port must be between 1 and 65535"));
      return fallback;
    }
    return (int) port;
  }

  private static List<String> schemas(Map<String, Object> raw, List<FieldViolation> errors) {
    String schema = text(raw, "schema", false, errors);
    return schema == null ? List.of() : splitSchemas(schema);
  }

  private static List<String> splitSchemas(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
