package dev.hardwire.core;

import java.util.Random;

/**
 * Property tests as plain loops over a seeded {@link Random}. Each run draws a new seed, so runs
 * explore different inputs; a failure names the seed, and {@code -Dhardwire.seed=N} replays it.
 *
 * <pre>{@code
 * SeededRandom.repeat(3000, random -> {
 *   String host = SeededRandom.anyString(random, 20);
 *   ...
 * });
 * }</pre>
 */
public final class SeededRandom {
  /** One try of a property, with the run's random source. */
  public interface Trial {
    void run(Random random) throws Exception;
  }

  /** Characters that parsers of hosts, URLs, pins and patterns treat specially. */
  private static final String TRICKY = ".*-_:/[]@%?#\\ \t\n\u0000=+\u3002\uff0e\u00fc\u00df\u0130\u212a";
  private static final String ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private SeededRandom() {
  }

  /** Runs {@code trial} {@code tries} times; the first failure is rethrown with the seed that replays it. */
  public static void repeat(int tries, Trial trial) {
    String configured = System.getProperty("hardwire.seed");
    long seed = configured != null ? Long.parseLong(configured) : new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < tries; i++) {
      try {
        trial.run(random);
      } catch (Throwable e) {
        throw new AssertionError("Failed on try " + i + " of " + tries + " with seed " + seed
            + "; replay with -Dhardwire.seed=" + seed + ": " + e.getMessage(), e);
      }
    }
  }

  /** A string of up to {@code maxLength} characters: letters, digits, tricky characters, any UTF-16 unit. */
  public static String anyString(Random random, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder result = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 5) {
        result.append(ASCII.charAt(random.nextInt(ASCII.length())));
      } else if (kind < 8) {
        result.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
      } else {
        result.append((char) random.nextInt(Character.MAX_VALUE + 1));
      }
    }
    return result.toString();
  }

  /** A string of {@code minLength} to {@code maxLength} characters drawn from {@code alphabet}. */
  public static String string(Random random, String alphabet, int minLength, int maxLength) {
    int length = minLength + random.nextInt(maxLength - minLength + 1);
    StringBuilder result = new StringBuilder(length);
    for (int i = 0; i < length; i++) result.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return result.toString();
  }

  /** One of {@code choices}, uniformly. */
  @SafeVarargs
  public static <T> T oneOf(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
