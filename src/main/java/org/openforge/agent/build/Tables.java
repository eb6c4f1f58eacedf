package org.openforge.agent.build;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The tables the bound classes read, resolved once per run in their sources' catalogs. */
public final class Tables {

  private final SourceSet sources;
  private final Map<String, Optional<TableRef>> resolved = new HashMap<>();

  public Tables(SourceSet sources) {
    this.sources = sources;
  }

  /** The class's table, empty when its source has no table of that name. */
  public Optional<TableRef> of(ClassBinding c) {
    return resolved.computeIfAbsent(c.sourceId() + "|" + c.table(), k -> sources.table(c.sourceId(), c.table()));
  }
}
