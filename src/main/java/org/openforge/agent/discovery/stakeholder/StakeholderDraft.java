package org.openforge.agent.discovery.stakeholder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A stakeholder while the register is being built: what the input said and where the text mentions them. */
final class StakeholderDraft {

  /** Where a candidate first came from. */
  enum Origin { INPUT, PREVIOUS_ANALYSIS, TEXT }

  final Origin origin;
  final String name;
  final String field;
  final String givenRole;
  RoleProfile profile;
  /** how the profile was chosen: "given", "inferred from role wording", "inferred from name", "default" */
  String profileBasis;
  Set<String> key;
  String qualifier;
  Integer givenInfluence;
  Integer givenInterest;
  final List<String> givenConcerns = new ArrayList<>();
  final List<Mention> mentions = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  StakeholderDraft(Origin origin, String name, String field, String givenRole) {
    this.origin = origin;
    this.name = name;
    this.field = field;
    this.givenRole = givenRole;
  }

  String role() {
    return givenRole != null && !givenRole.isBlank() ? givenRole : profile.role();
  }
}
