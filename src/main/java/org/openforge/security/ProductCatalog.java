package org.openforge.security;

/** Port: whether a data product of that name exists (answered by the product feature, above security). */
public interface ProductCatalog {

  boolean exists(String product);
}
