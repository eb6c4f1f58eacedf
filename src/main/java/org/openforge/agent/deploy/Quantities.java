package org.openforge.agent.deploy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities: CPU as cores or millicores ({@code 2}, {@code 0.5}, {@code 500m}), memory with
 * binary or decimal suffixes ({@code 4Gi}, {@code 512Mi}, {@code 1G}, {@code 1e9}); and their Docker Compose forms.
 */
public final class Quantities {

  private static final Pattern CPU = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)(m?)$");
  private static final Pattern MEMORY = Pattern.compile(
      "^([0-9]+(?:\\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|e[0-9]+)?$");
  private static final Map<String, BigDecimal> FACTORS = Map.ofEntries(
      Map.entry("", BigDecimal.ONE), Map.entry("k", BigDecimal.valueOf(1000L)),
      Map.entry("M", BigDecimal.valueOf(1000L * 1000)), Map.entry("G", BigDecimal.valueOf(1000L * 1000 * 1000)),
      Map.entry("T", BigDecimal.valueOf(1000L * 1000 * 1000 * 1000)),
      Map.entry("P", BigDecimal.valueOf(1000L * 1000 * 1000 * 1000 * 1000)),
      Map.entry("E", BigDecimal.valueOf(1000L * 1000 * 1000 * 1000 * 1000 * 1000)),
      Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
      Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
      Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private Quantities() {}

  /** Millicores, when the text is a CPU quantity. */
  public static Optional<BigDecimal> millicores(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = CPU.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal n = new BigDecimal(m.group(1));
    return Optional.of(m.group(2).isEmpty() ? n.multiply(BigDecimal.valueOf(1000)) : n);
  }

  /** Bytes, when the text is a memory quantity. */
  public static Optional<BigDecimal> bytes(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = MEMORY.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal n = new BigDecimal(m.group(1));
    String suffix = m.group(2) == null ? "" : m.group(2);
    if (suffix.startsWith("e")) {
      return Optional.of(n.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))));
    }
    return Optional.of(n.multiply(FACTORS.get(suffix)));
  }

  /** The CPU as Docker Compose {@code cpus} ("2", "0.5"), or the text unchanged when it is no quantity. */
  public static String composeCpus(String cpu) {
    return millicores(cpu).map(m -> m.divide(BigDecimal.valueOf(1000)).stripTrailingZeros().toPlainString())
        .orElse(cpu);
  }

  /** The memory as Docker Compose bytes with a unit ("4g", "512m"), or the text unchanged when it is no quantity. */
  public static String composeMemory(String memory) {
    Optional<BigDecimal> b = bytes(memory);
    if (b.isEmpty()) {
      return memory;
    }
    long bytes = b.get().longValue();
    if (bytes % (1L << 30) == 0) {
      return (bytes >> 30) + "g";
    }
    if (bytes % (1L << 20) == 0) {
      return (bytes >> 20) + "m";
    }
    if (bytes % (1L << 10) == 0) {
      return (bytes >> 10) + "k";
    }
    return bytes + "b";
  }

  /** Docker Compose memory ("4g", "512m", "1024k", "100b"), in bytes. */
  public static Optional<BigDecimal> composeBytes(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)([bkmg]?)$", Pattern.CASE_INSENSITIVE).matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long factor = switch (m.group(2).toLowerCase()) {
      case "k" -> 1L << 10;
      case "m" -> 1L << 20;
      case "g" -> 1L << 30;
      default -> 1L;
    };
    return Optional.of(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor)));
  }
}
