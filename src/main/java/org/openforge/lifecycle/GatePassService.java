package org.openforge.lifecycle;

import org.openforge.engagement.EngagementStates;
import org.openforge.process.EngagementState;
import org.openforge.process.EngagementStatus;
import org.openforge.process.Phase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openforge.system.FieldViolation;
import java.util.List;
import java.util.ArrayList;
import java.util.UUID;
import org.openforge.engagement.AuditTrail;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.security.Caller;
import org.openforge.security.Role;
import org.openforge.system.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passing a gate requirement by hand: the validator and evidence are stored, fed to the gate DMN as
 * {@code passedGates}, and the phase waiting on its gate is woken. Passing {@code human_approval} is an approval and
 * needs the approver role.
 */
@Service
public class GatePassService {

  private final GateCatalog catalog;
  private final GateRepository gates;
  private final EngagementRepository engagements;
  private final EngagementStates states;
  private final EvidenceNotifier evidence;
  private final AuditTrail audit;
  private final Clock clock;

  public GatePassService(GateCatalog catalog, GateRepository gates, EngagementRepository engagements,
      EngagementStates states, EvidenceNotifier evidence, AuditTrail audit, Clock clock) {
    this.catalog = catalog;
    this.gates = gates;
    this.engagements = engagements;
    this.states = states;
    this.evidence = evidence;
    this.audit = audit;
    this.clock = clock;
  }

  /** Gates that stand for checks that ran: passing one by hand needs their numbers. */
  private static final java.util.Set<String> VALIDATION_GATES = java.util.Set.of("schema_validated",
      "transformations_validated", "integration_tests_pass");

  /**
   * Evidence has the shape of what the gate stands for: a validation gate names the checks that passed and that
   * none failed ({@code passed_checks}, {@code failed_checks}, whole numbers); {@code {"x": 1}} is not evidence.
   */
  static void checkEvidence(String gateId, Map<String, Object> proof) {
    if (!VALIDATION_GATES.contains(gateId)) {
      return;
    }
    Map<String, Object> evidence = proof == null ? Map.of() : proof;
    List<FieldViolation> errors = new ArrayList<>();
    Long passed = count(evidence.get("passed_checks"), "evidence.passed_checks", errors);
    Long failed = count(evidence.get("failed_checks"), "evidence.failed_checks", errors);
    if (errors.isEmpty() && failed > 0) {
      errors.add(new FieldViolation("evidence.failed_checks", failed + " checks failed: " + gateId
          + " cannot be passed while checks fail"));
    }
    if (errors.isEmpty() && passed == 0) {
      errors.add(new FieldViolation("evidence.passed_checks", "no check passed: nothing was validated"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }

  private static Long count(Object value, String field, List<FieldViolation> errors) {
    if (value instanceof Integer || value instanceof Long) {
      long n = ((Number) value).longValue();
      if (n >= 0) {
        return n;
      }
    }
    errors.add(new FieldViolation(field, "must be a whole number of checks (0 or more)"));
    return null;
  }

  @Transactional
  public GatePass pass(Engagement engagement, String gateId, String validator, Map<String, Object> proof,
      Caller caller) {
    EngagementState state = states.of(engagement);
    if (!state.status().active() && state.status() != EngagementStatus.DRAFT) {
      throw ApiException.conflict("the engagement is " + state.status().value() + "; its gates are closed");
    }
    String canonical = catalog.canonical(gateId);
    Phase current = state.currentPhase() == null ? Phase.DISCOVERY : state.currentPhase();
    Phase phase = catalog.phaseOf(canonical, current).orElseThrow(() -> ApiException.invalid("gate_id",
        "unknown gate '" + gateId + "'; known gates: " + catalog.allGateIds()));
    if (GateCatalog.HUMAN_APPROVAL.equals(canonical)) {
      caller.require(Role.APPROVER, "Passing human_approval");
    }
    checkEvidence(canonical, proof);
    engagements.lock(engagement.id());
    GatePass pass = new GatePass(UUID.randomUUID().toString(), engagement.id(), canonical, phase.value(), validator,
        proof == null ? Map.of() : proof, caller.name(), OffsetDateTime.now(clock));
    gates.insertPass(pass);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("gate_id", canonical);
    details.put("requested_as", gateId);
    details.put("phase", phase.value());
    details.put("validator", validator);
    audit.record(engagement.id(), "gate.passed", caller.name(), details);
    evidence.notifyEvidence(engagement.id());
    return pass;
  }
}
