package org.openforge.engagement;

/**
 * New evidence for an engagement's gate (a data source attached or tested, a gate passed by hand). Published inside
 * the transaction that stored the evidence; the lifecycle wakes the waiting phase after that transaction commits,
 * so the gate it re-evaluates reads the evidence.
 */
public record EvidenceArrived(String engagementId) {}
