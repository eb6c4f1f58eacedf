package org.openforge.agent.deploy;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities: CPU as cores or millicores ({@code 2}, {@code 0.5}, {@code 500m}), memory with
 * binary or decimal suffixes ({@code 4Gi}, {@code 512Mi}, {@code 1G}, {@code 1e9}), parsed by fabric8's
 * {@code Quantity}; and their Docker Compose forms (parsed here: Compose has its own units).
 */
public final class Quantities {

  private Quantities() {}

  /**
   * The amount of a Kubernetes quantity as fabric8 parses it (cores for CPU, bytes for memory), when the text is
   * one: {@code 500m}, {@code 0.5}, {@code 4Gi}, {@code 1G}, {@code 1e3}; not {@code 4GB} or {@code 2 cores}.
   */
  public static Optional<BigDecimal> amount(String text) {
    if (text == null || text.isBlank() || !text.strip().equals(text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(plain(Quantity.getAmountInBytes(new Quantity(text))));
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** Millicores, when the text is a CPU quantity. */
  public static Optional<BigDecimal> millicores(String text) {
    return amount(text).map(cores -> plain(cores.multiply(BigDecimal.valueOf(1000))));
  }

  /** The least scale that keeps the value ({@code 500.000} → {@code 500}, {@code 0.50} → {@code 0.5}). */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Bytes, when the text is a memory quantity. */
  public static Optional<BigDecimal> bytes(String text) {
    return amount(text);
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
