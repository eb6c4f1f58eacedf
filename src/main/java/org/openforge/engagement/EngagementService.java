package org.openforge.engagement;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openforge.process.EngagementState;
import org.openforge.process.EngagementStatus;
import org.openforge.security.Caller;
import org.openforge.security.Role;
import org.openforge.system.ApiEnum;
import org.openforge.system.ApiException;
import org.openforge.system.FieldViolation;
import org.openforge.system.PageRequest;
import org.openforge.system.PageResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, reading and steering engagements. Our rows and the engine's instance change in one transaction. */
@Service
public class EngagementService {

  private final EngagementRepository engagements;
  private final EngagementStates states;
  private final EngagementLifecycle lifecycle;
  private final EngagementReferences references;
  private final ApplicationEventPublisher events;
  private final AuditTrail audit;
  private final Clock clock;

  public EngagementService(EngagementRepository engagements, EngagementStates states, EngagementLifecycle lifecycle,
      EngagementReferences references, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
    this.engagements = engagements;
    this.states = states;
    this.lifecycle = lifecycle;
    this.references = references;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public EngagementView create(CreateEngagementRequest request, Caller caller) {
    AgentConfig config = request.agentConfig() == null ? AgentConfig.DEFAULTS
        : request.agentConfig().validated("agent_config", references.modelProviders());
    List<String> weakened = config.weakenedApprovals();
    if (!weakened.isEmpty() && !caller.role().includes(Role.APPROVER)) {
      throw ApiException.forbidden("only an approver may weaken the engagement's approvals ("
          + String.join(", ", weakened) + ")");
    }
    if (config.llm() != null && config.llm().baseUrl() != null && !caller.role().includes(Role.ADMIN)) {
      throw ApiException.forbidden("only an admin may point an engagement's agents at another model server "
          + "(agent_config.llm.base_url)");
    }
    List<String> sourceIds = request.dataSourceIds() == null ? List.of() : request.dataSourceIds();
    List<FieldViolation> unknown = new ArrayList<>();
    for (int i = 0; i < sourceIds.size(); i++) {
      if (!references.dataSourceExists(sourceIds.get(i))) {
        unknown.add(new FieldViolation("data_source_ids[" + i + "]", "no data source '" + sourceIds.get(i) + "'"));
      } else if (references.targetExists(sourceIds.get(i))) {
        unknown.add(new FieldViolation("data_source_ids[" + i + "]", "data source '" + sourceIds.get(i)
            + "' is a target: give it as target, agents never read it"));
      }
    }
    if (request.target() != null && !references.targetExists(request.target())) {
      unknown.add(new FieldViolation("target", "no data source '" + request.target() + "' registered with role"
          + " target"));
    }
    if (!unknown.isEmpty()) {
      throw ApiException.invalid(unknown);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    Engagement engagement = new Engagement(UUID.randomUUID().toString(), request.name().strip(),
        request.objective() == null ? null : request.objective().strip(), request.description(),
        request.priority() == null ? Priority.MEDIUM : request.priority(), config,
        Boolean.TRUE.equals(request.requiresApproval()), null, caller.name(), now, now);
    engagements.insert(engagement);
    sourceIds.stream().distinct().forEach(id -> engagements.attachDataSource(engagement.id(), id, now));
    if (request.target() != null) {
      engagements.setTarget(engagement.id(), request.target());
    }
    audit.record(engagement.id(), "created", caller.name(), Map.of("submitted", request.submit() != Boolean.FALSE));
    if (request.submit() != Boolean.FALSE) {
      start(engagement);
    }
    return get(engagement.id());
  }

  public EngagementView get(String id) {
    Engagement e = find(id);
    return EngagementView.of(e, states.of(e), engagements.dataSourceIds(id));
  }

  /**
   * The engagement, its row locked until the transaction ends: state changes (submit, pause, resume, cancel) check
   * the status and act on it as one step, so two concurrent requests cannot both pass the check.
   */
  private Engagement locked(String id) {
    if (!engagements.lock(id)) {
      throw ApiException.notFound("engagement", id);
    }
    return find(id);
  }

  public Engagement find(String id) {
    return engagements.findById(id).orElseThrow(() -> ApiException.notFound("engagement", id));
  }

  public PageResponse<EngagementView> list(String status, PageRequest page) {
    if (status == null) {
      List<Engagement> rows = engagements.page(page.offset(), page.pageSize());
      return new PageResponse<>(views(rows, states.resolve(rows)), page.page(), page.pageSize(), engagements.count());
    }
    EngagementStatus wanted = ApiEnum.parse(EngagementStatus.class, "status", status);
    List<Engagement> all = engagements.findAllOrdered();
    Map<String, EngagementState> resolved = states.resolve(all);
    List<Engagement> matching = all.stream().filter(e -> resolved.get(e.id()).status() == wanted).toList();
    List<Engagement> onPage = matching.stream().skip(page.offset()).limit(page.pageSize()).toList();
    return new PageResponse<>(views(onPage, resolved), page.page(), page.pageSize(), matching.size());
  }

  @Transactional
  public EngagementView submit(String id, Caller caller) {
    Engagement e = locked(id);
    if (e.submitted()) {
      throw ApiException.conflict("engagement " + id + " was already submitted; its status is "
          + states.of(e).status().value());
    }
    start(e);
    audit.record(id, "submitted", caller.name(), Map.of());
    return get(id);
  }

  @Transactional
  public EngagementView pause(String id, Caller caller) {
    Engagement e = locked(id);
    EngagementStatus status = states.of(e).status();
    if (!status.active() || status == EngagementStatus.PAUSED) {
      throw ApiException.conflict("cannot pause an engagement that is " + status.value());
    }
    lifecycle.pause(e);
    audit.record(id, "paused", caller.name(), Map.of());
    return get(id);
  }

  @Transactional
  public EngagementView resume(String id, Caller caller) {
    Engagement e = locked(id);
    EngagementStatus status = states.of(e).status();
    if (status != EngagementStatus.PAUSED) {
      throw ApiException.conflict("cannot resume an engagement that is " + status.value());
    }
    lifecycle.resume(e);
    audit.record(id, "resumed", caller.name(), Map.of());
    return get(id);
  }

  @Transactional
  public EngagementView cancel(String id, String reason, Caller caller) {
    Engagement e = locked(id);
    EngagementStatus status = states.of(e).status();
    if (!status.active()) {
      throw ApiException.conflict("cannot cancel an engagement that is " + status.value());
    }
    String why = reason == null || reason.isBlank() ? "cancelled by " + caller.name() : reason.strip();
    lifecycle.cancel(e, why);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reason", why);
    audit.record(id, "cancelled", caller.name(), details);
    return get(id);
  }

  @Transactional
  public EngagementView attachDataSource(String id, String dataSourceId, Caller caller) {
    find(id);
    if (!references.dataSourceExists(dataSourceId)) {
      throw ApiException.invalid("data_source_id", "no data source '" + dataSourceId + "'");
    }
    if (references.targetExists(dataSourceId)) {
      throw ApiException.invalid("data_source_id", "data source '" + dataSourceId + "' is a target: agents never"
          + " read it");
    }
    engagements.attachDataSource(id, dataSourceId, OffsetDateTime.now(clock));
    audit.record(id, "data_source.attached", caller.name(), Map.of("data_source_id", dataSourceId));
    events.publishEvent(new EvidenceArrived(id));
    return get(id);
  }

  private void start(Engagement engagement) {
    String processInstanceId = lifecycle.start(engagement);
    engagements.setProcessInstance(engagement.id(), processInstanceId, OffsetDateTime.now(clock));
  }

  private List<EngagementView> views(List<Engagement> page, Map<String, EngagementState> resolved) {
    Map<String, List<String>> sources = engagements.dataSourceIds(page.stream().map(Engagement::id).toList());
    return page.stream().map(e -> EngagementView.of(e, resolved.get(e.id()), sources.getOrDefault(e.id(), List.of())))
        .toList();
  }
}
