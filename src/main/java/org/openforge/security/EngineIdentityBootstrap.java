package org.openforge.security;

import org.operaton.bpm.engine.AuthorizationService;
import org.operaton.bpm.engine.FilterService;
import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.authorization.Authorization;
import org.operaton.bpm.engine.authorization.Permission;
import org.operaton.bpm.engine.authorization.Permissions;
import org.operaton.bpm.engine.authorization.Resource;
import org.operaton.bpm.engine.authorization.Resources;
import org.operaton.bpm.engine.filter.Filter;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.User;
import org.openforge.process.ProcessIds;
import org.openforge.system.OpenForgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sets up Operaton identity for the webapps and the engine REST API: the admin user from
 * {@code OPENFORGE_ADMIN_USER}/{@code OPENFORGE_ADMIN_PASSWORD}, the {@code admins} and {@code approvers} groups used
 * as candidate groups, what approvers may do in Tasklist, and an "Approvals" task filter.
 */
@Component
public class EngineIdentityBootstrap {

  public static final String APPROVALS_FILTER = "Approvals";
  private static final Logger log = LoggerFactory.getLogger(EngineIdentityBootstrap.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final AdminCredentials credentials;

  public EngineIdentityBootstrap(IdentityService identity, AuthorizationService authorizations,
      FilterService filters, TaskService tasks, OpenForgeProperties properties) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.credentials = AdminCredentials.resolve(properties);
  }

  /** The admin login for Cockpit, Tasklist, Admin and the engine REST API. */
  public record AdminCredentials(String user, String password, boolean fallback) {

    public static AdminCredentials resolve(OpenForgeProperties properties) {
      String user = blankToNull(properties.admin().user());
      String password = blankToNull(properties.admin().password());
      if (password != null) {
        return new AdminCredentials(user == null ? "admin" : user, password, false);
      }
      if (!properties.embedded()) {
        throw new IllegalStateException("OPENFORGE_ADMIN_PASSWORD is not set: this profile does not start without an "
            + "admin password (only the embedded default falls back to demo/demo)");
      }
      return new AdminCredentials(user == null ? "demo" : user, "demo", true);
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value;
    }
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  public void setUp() {
    ensureGroup(EngineSecurityConfig.ENGINE_ADMIN_GROUP, "Operaton administrators", "SYSTEM");
    ensureGroup(ProcessIds.GROUP_ADMINS, "Open Forge administrators", "WORKFLOW");
    ensureGroup(ProcessIds.GROUP_APPROVERS, "Open Forge approvers", "WORKFLOW");
    ensureAdmin();
    for (String adminGroup : new String[] {EngineSecurityConfig.ENGINE_ADMIN_GROUP, ProcessIds.GROUP_ADMINS}) {
      for (Resources resource : Resources.values()) {
        grant(adminGroup, resource, "*", Permissions.ALL);
      }
    }
    grant(ProcessIds.GROUP_APPROVERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(ProcessIds.GROUP_APPROVERS, Resources.FILTER, "*", Permissions.READ);
    grant(ProcessIds.GROUP_APPROVERS, Resources.TASK, "*", Permissions.READ, Permissions.UPDATE);
    grant(ProcessIds.GROUP_APPROVERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
        Permissions.READ_TASK, Permissions.UPDATE_TASK, Permissions.READ_HISTORY);
    grant(ProcessIds.GROUP_APPROVERS, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(ProcessIds.GROUP_APPROVERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    ensureApprovalsFilter();
  }

  private void ensureAdmin() {
    User user = identity.createUserQuery().userId(credentials.user()).singleResult();
    if (user == null) {
      user = identity.newUser(credentials.user());
      user.setFirstName(credentials.fallback() ? "Demo" : "Open Forge");
      user.setLastName("Admin");
      user.setPassword(credentials.password());
      identity.saveUser(user);
      log.info("Created the admin user '{}'", credentials.user());
    } else if (!credentials.fallback() && !identity.checkPassword(credentials.user(), credentials.password())) {
      user.setPassword(credentials.password());
      identity.saveUser(user);
      log.info("Updated the password of the admin user '{}' from OPENFORGE_ADMIN_PASSWORD", credentials.user());
    }
    // a lock left by an older configuration (or a permanent one) must not shut the admin out
    identity.unlockUser(credentials.user());
    if (credentials.fallback()) {
      log.warn("OPENFORGE_ADMIN_PASSWORD is not set: the embedded default uses the login {}/demo. "
          + "Set OPENFORGE_ADMIN_USER and OPENFORGE_ADMIN_PASSWORD for anything but a local trial.", credentials.user());
    }
    for (String group : new String[] {EngineSecurityConfig.ENGINE_ADMIN_GROUP, ProcessIds.GROUP_ADMINS,
        ProcessIds.GROUP_APPROVERS}) {
      if (identity.createUserQuery().userId(credentials.user()).memberOfGroup(group).count() == 0) {
        identity.createMembership(credentials.user(), group);
      }
    }
  }

  private void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (existing != null && java.util.Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
      return;
    }
    Authorization authorization = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private void ensureApprovalsFilter() {
    if (filters.createFilterQuery().filterName(APPROVALS_FILTER).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(APPROVALS_FILTER);
    filter.setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks());
    filter.setProperties(java.util.Map.of("description", "Open Forge approvals for my groups",
        "priority", -10, "refresh", true));
    filters.saveFilter(filter);
  }
}
