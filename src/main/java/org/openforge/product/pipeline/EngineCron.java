package org.openforge.product.pipeline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openforge.agent.build.pipeline.Cron;

/**
 * Turns a standard five-field cron expression (what requirements and Dagster speak) into the engine's timer
 * cycle, a Quartz-style expression with seconds, where one of day-of-month and day-of-week must be {@code ?} and
 * weekdays count 1 (Sunday) to 7.
 */
public final class EngineCron {

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private EngineCron() {}

  public static String of(String fiveFields) {
    Cron cron = Cron.parse(fiveFields);
    String[] f = cron.expression().trim().split("\\s+");
    String dayOfMonth = f[2];
    String dayOfWeek = weekdays(f[4]);
    if (!"*".equals(dayOfMonth) && !"*".equals(f[4])) {
      throw new IllegalArgumentException("'" + fiveFields + "' restricts both the day of the month and the day of "
          + "the week; the engine's timers take one of them");
    }
    if ("*".equals(f[4])) {
      dayOfWeek = "?";
    } else {
      dayOfMonth = "?";
    }
    return String.join(" ", "0", f[0], f[1], dayOfMonth, f[3].toUpperCase(Locale.ROOT), dayOfWeek);
  }

  private static String weekdays(String field) {
    if (field.contains("/")) {
      return field.toUpperCase(Locale.ROOT);
    }
    Matcher m = NUMBER.matcher(field);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, String.valueOf(Integer.parseInt(m.group()) % 7 + 1));
    }
    m.appendTail(out);
    return out.toString().toUpperCase(Locale.ROOT);
  }
}
