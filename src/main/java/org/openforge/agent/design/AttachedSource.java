package org.openforge.agent.design;

/** A data source attached to the engagement, as {@code list_data_sources} reports it. */
record AttachedSource(String id, String name, String sourceType, boolean connected) {

  boolean jdbc() {
    return !"csv".equals(sourceType);
  }
}
