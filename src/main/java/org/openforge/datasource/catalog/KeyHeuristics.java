package org.openforge.datasource.catalog;

import java.util.Locale;

/** Names that look like keys or required fields. */
final class KeyHeuristics {

  private KeyHeuristics() {}

  /** id, code, key, sku, uuid, or a name ending in _id, _code, _key, _no, _number, _uuid, or tableId. */
  static boolean keyLike(String table, String column) {
    String c = column.toLowerCase(Locale.ROOT);
    if (c.equals("id") || c.equals("code") || c.equals("key") || c.equals("sku") || c.equals("uuid")) {
      return true;
    }
    for (String suffix : new String[] {"_id", "_code", "_key", "_no", "_number", "_uuid", "_sku"}) {
      if (c.endsWith(suffix)) {
        return true;
      }
    }
    String singular = singular(table.toLowerCase(Locale.ROOT));
    return c.equals(singular + "id");
  }

  /** Whether a null in this column looks like a defect: keys, names, e-mails, dates, codes, statuses. */
  static boolean requiredLooking(String table, String column) {
    String c = column.toLowerCase(Locale.ROOT);
    return keyLike(table, column) || c.equals("name") || c.endsWith("_name") || c.contains("email")
        || c.endsWith("_date") || c.equals("date") || c.endsWith("_at") || c.equals("status")
        || c.endsWith("_status") || c.equals("amount") || c.endsWith("_amount") || c.equals("quantity");
  }

  static String singular(String table) {
    if (table.endsWith("ies")) {
      return table.substring(0, table.length() - 3) + "y";
    }
    if (table.endsWith("ses") || table.endsWith("xes")) {
      return table.substring(0, table.length() - 2);
    }
    return table.endsWith("s") ? table.substring(0, table.length() - 1) : table;
  }
}
