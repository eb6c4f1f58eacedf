package org.openforge.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openforge.process.ProcessIds;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;

/**
 * Drives the jobs of an engagement's process instances explicitly (the job executor is off in tests), as the job
 * executor would: each round runs every job with retries left; a failing job loses a retry and stays until it has
 * none (an incident).
 */
public class ProcessDriver {

  private final RuntimeService runtime;
  private final ManagementService management;

  public ProcessDriver(RuntimeService runtime, ManagementService management) {
    this.runtime = runtime;
    this.management = management;
  }

  /** Runs jobs until none with retries is left; returns the failures seen. */
  public List<String> runJobs(String engagementId) {
    List<String> failures = new ArrayList<>();
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = jobs(engagementId);
      if (jobs.isEmpty()) {
        return failures;
      }
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          failures.add(e.getMessage());
        }
      }
    }
    throw new AssertionError("jobs of engagement " + engagementId + " never settled");
  }

  /** Runs each job once (a failing job loses one retry). */
  public List<String> runJobsOnce(String engagementId) {
    List<String> failures = new ArrayList<>();
    for (Job job : jobs(engagementId)) {
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException e) {
        failures.add(e.getMessage());
      }
    }
    return failures;
  }

  /**
   * The runnable jobs of an engagement: of its process instances (business key) and of every instance they called,
   * such as a phase's agent runs (agent-task instances), whether or not the call passed the business key on.
   */
  public List<Job> jobs(String engagementId) {
    Set<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(engagementId).active()
        .list().stream().map(ProcessInstance::getId).collect(Collectors.toCollection(HashSet::new));
    for (List<String> level = List.copyOf(instances); !level.isEmpty(); ) {
      List<String> called = new ArrayList<>();
      for (String id : level) {
        runtime.createProcessInstanceQuery().superProcessInstanceId(id).active().list().stream()
            .map(ProcessInstance::getId).filter(instances::add).forEach(called::add);
      }
      level = called;
    }
    if (instances.isEmpty()) {
      return List.of();
    }
    // the freshness watch of a deployed product checks forever: tests that need it drive its jobs themselves
    return management.createJobQuery().processInstanceIds(instances).withRetriesLeft().active().list().stream()
        .filter(job -> !ProcessIds.PRODUCT_FRESHNESS.equals(job.getProcessDefinitionKey())).toList();
  }
}
