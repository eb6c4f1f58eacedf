package org.openforge.system;

import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A node's id is its job executor's lock owner: random per start unless {@code openforge.cluster.node-id} names it
 * (e.g. a StatefulSet pod name). A named node that restarts after a crash releases the job locks it left at once
 * ({@link NodeHeartbeats#start}); an unnamed one's old locks go when the survivors (itself included) see its old id
 * silent for 30 s.
 */
@Component
public class NodeIdentity extends AbstractProcessEnginePlugin {

  private final String nodeId;

  public NodeIdentity(@Value("${openforge.cluster.node-id:}") String nodeId) {
    this.nodeId = nodeId == null ? "" : nodeId.strip();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!nodeId.isEmpty() && configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(nodeId);
    }
  }
}
