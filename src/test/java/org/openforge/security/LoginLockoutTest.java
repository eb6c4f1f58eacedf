package org.openforge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openforge.support.Api;
import org.openforge.support.IntegrationTest;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Wrong passwords slow a login down for a bounded time and never lock the user for good: after twelve failures
 * (more than the engine's default ten that used to lock permanently) the right password works again once the
 * documented delay (at most 60 s) has passed — the engine's clock is moved, nothing sleeps.
 */
class LoginLockoutTest extends IntegrationTest {

  private static final String USER = "lockoutprobe";
  private static final String PASSWORD = "right-password-1";

  @Autowired
  IdentityService identity;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identity.deleteUser(USER);
  }

  @Test
  void twelveWrongLoginsDelayButDoNotLock() {
    User user = identity.newUser(USER);
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(USER, "admins");
    for (int i = 0; i < 12; i++) {
      assertThat(call("wrong-" + i)).isEqualTo(401);
    }
    assertThat(call(PASSWORD)).as("still within the delay").isEqualTo(401);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 61_000));
    assertThat(call(PASSWORD)).as("after the delay the right password works").isEqualTo(200);
    assertThat(identity.createUserQuery().userId(USER).singleResult()).isNotNull();
  }

  private int call(String password) {
    String basic = Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    Api.Response r = anonymous().send(HttpRequest.newBuilder(
        URI.create(anonymous().base() + "/engine-rest/process-definition/count"))
        .header("Authorization", "Basic " + basic).GET());
    return r.status();
  }
}
