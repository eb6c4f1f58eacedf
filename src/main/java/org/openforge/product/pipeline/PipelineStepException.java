package org.openforge.product.pipeline;

/** A pipeline step that failed for a technical reason: the engine retries it, then raises an incident. */
public class PipelineStepException extends RuntimeException {

  public PipelineStepException(String message, Throwable cause) {
    super(message, cause);
  }
}
