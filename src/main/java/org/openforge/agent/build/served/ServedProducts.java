package org.openforge.agent.build.served;

import java.util.List;
import java.util.Optional;
import org.openforge.engagement.Engagement;

/**
 * What the agents need of the data product the platform serves (implemented by the product layer): the version the
 * latest pipeline run published and its models, the platform's own address, a read-only key for one run, and facts
 * about a model computed by SQL on the target, to check the API's answers against.
 */
public interface ServedProducts {

  /** The version the live schema reads and its models (with their columns), by product name. */
  record Built(String product, int version, List<Model> models) {}

  /** A published model and its columns. */
  record Model(String name, List<Column> columns) {}

  /** A column and its kind: number, text, date, timestamp or boolean. */
  record Column(String name, String kind) {}

  /** A value computed on the target and the statement that computed it. */
  record Fact(String sql, List<Object> params, Object value) {}

  /** A key that reads only this product's data API; revoked when closed. */
  interface Access extends AutoCloseable {
    String secret();

    @Override
    void close();
  }

  /** The published version of the engagement's product, if a pipeline run published one. */
  Optional<Built> built(Engagement engagement);

  /** The platform's own HTTP address ({@code http://127.0.0.1:<port>}); empty when it is not serving HTTP. */
  Optional<String> baseUrl();

  /** A read-only product key for one agent run, named after it. */
  Access access(Engagement engagement, String runName);

  /** {@code count(*)} of a model, optionally where {@code column = value}. */
  Fact count(Engagement engagement, String model, String column, Object value);

  /** {@code sum(column)} of a model. */
  Fact sum(Engagement engagement, String model, String column);

  /** Whether the latest pipeline run has settled (finished, failed, or waits on an incident), or there is none. */
  boolean buildSettled(String engagementId);
}
