package org.openforge.lifecycle;

import java.util.List;
import org.openforge.approval.Approval.ReviewItem;
import org.openforge.approval.HandPassedGates;
import org.springframework.stereotype.Component;

@Component
class HandPassedGateItems implements HandPassedGates {

  private final GateRepository gates;

  HandPassedGateItems(GateRepository gates) {
    this.gates = gates;
  }

  @Override
  public List<ReviewItem> reviewItems(String engagementId, String phase) {
    return gates.passes(engagementId).stream().filter(pass -> phase.equals(pass.phase()))
        .map(pass -> new ReviewItem("Gate " + pass.gateId() + " passed by hand",
            "validator " + pass.validator() + ", by " + pass.passedBy() + ", evidence " + pass.evidence()))
        .toList();
  }
}
