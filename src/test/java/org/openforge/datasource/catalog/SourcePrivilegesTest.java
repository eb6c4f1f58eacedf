package org.openforge.datasource.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading MySQL/MariaDB SHOW GRANTS lines: what goes beyond reading makes the account privileged. */
class SourcePrivilegesTest {

  @Test
  void readGrantsAreNotPrivileged() {
    assertThat(AccountPrivileges.beyondReading(List.of(
        "GRANT USAGE ON *.* TO `reader`@`%` IDENTIFIED BY PASSWORD '*0123456789ABCDEF'",
        "GRANT SELECT, SHOW VIEW ON `shop`.* TO `reader`@`%`",
        "GRANT SELECT (`id`, `name`) ON `shop`.`customers` TO `reader`@`%`",
        "GRANT `analyst` TO `reader`@`%`"))).isEmpty();
  }

  @Test
  void fileSuperWritesAndGrantOptionArePrivileged() {
    assertThat(AccountPrivileges.beyondReading(List.of(
        "GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION"))).containsExactly("ALL PRIVILEGES",
        "GRANT OPTION");
    assertThat(AccountPrivileges.beyondReading(List.of("GRANT FILE ON *.* TO `u`@`%`",
        "GRANT SELECT, INSERT, UPDATE (`a`, `b`) ON `shop`.* TO `u`@`%`", "GRANT SUPER ON *.* TO `u`@`%`")))
        .containsExactly("FILE", "INSERT", "UPDATE", "SUPER");
    assertThat(AccountPrivileges.beyondReading(List.of("GRANT SELECT ON `shop`.* TO `u`@`%` WITH GRANT OPTION")))
        .containsExactly("GRANT OPTION");
  }
}
