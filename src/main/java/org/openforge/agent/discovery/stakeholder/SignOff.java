package org.openforge.agent.discovery.stakeholder;

import java.util.List;

/** A RACI suggestion for one phase sign-off: who does the work, who answers for it, who is asked, who is told. */
public record SignOff(String phase, List<String> deliverables, List<String> responsible, String accountable,
    List<String> consulted, List<String> informed, String note) {}
