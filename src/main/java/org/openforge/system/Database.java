package org.openforge.system;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Which database the platform runs on, for the few statements whose best form differs. */
@Component
public class Database {

  private final String product;

  public Database(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      this.product = connection.getMetaData().getDatabaseProductName();
    }
  }

  public boolean isPostgres() {
    return "PostgreSQL".equalsIgnoreCase(product);
  }

  public String product() {
    return product;
  }
}
