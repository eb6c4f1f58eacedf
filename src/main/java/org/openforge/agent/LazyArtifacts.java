package org.openforge.agent;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;
import org.openforge.engagement.Artifact;

/**
 * The engagement's earlier artifacts for a run's context, read on first use: most agents never look at them, and
 * reading every header of the engagement on each run made runs slower the more an engagement had produced.
 * Read once, when first used (then the list a run sees does not change under it).
 */
final class LazyArtifacts extends AbstractList<Artifact> {

  private final Supplier<List<Artifact>> load;
  private List<Artifact> loaded;

  LazyArtifacts(Supplier<List<Artifact>> load) {
    this.load = load;
  }

  private synchronized List<Artifact> loaded() {
    if (loaded == null) {
      loaded = List.copyOf(load.get());
    }
    return loaded;
  }

  @Override
  public Artifact get(int index) {
    return loaded().get(index);
  }

  @Override
  public int size() {
    return loaded().size();
  }
}
