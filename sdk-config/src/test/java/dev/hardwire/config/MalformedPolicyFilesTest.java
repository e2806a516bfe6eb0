package dev.hardwire.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwire.core.SecurityPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Fuzzed input never gets past the one documented failure: whatever the bytes, loading returns a
 * policy or throws {@link PolicyFileException}, never anything else and never with a secret.
 */
class MalformedPolicyFilesTest {
  /** Self-contained files (inline PEM, variables the test loader has) that load before they are mutated. */
  private static final String JSON_EXAMPLE = PolicyFiles.write(PolicyWriterTest.everything(null), Format.JSON);
  private static final String YAML_EXAMPLE = PolicyFiles.write(PolicyWriterTest.everything(null), Format.YAML);
  private static final String SYNTAX = "{}[]:,\"'-#&*!|>%@`\\\n\t ${}";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

  @Test
  void theUnmutatedFilesLoad() throws PolicyFileException {
    for (Format format : Format.values()) load(example(format), format);
  }

  @Test
  void everyTruncatedJsonIsRefused() {
    repeat(400, random -> {
      String truncated = JSON_EXAMPLE.substring(0, random.nextInt(JSON_EXAMPLE.strip().length()));
      PolicyFileException e = assertThrows(PolicyFileException.class, () -> load(truncated, Format.JSON));
      assertNoSecret(e);
    });
  }

  @Test
  void mutatedFilesLoadOrFailWithThePolicyFileException() {
    repeat(1000, random -> {
      Format format = format(random);
      String mutated = example(format);
      for (int mutations = 1 + random.nextInt(4); mutations > 0; mutations--) {
        mutated = mutationAt(random.nextInt(100_001), random.nextInt(41), text(random, SYNTAX + LOWER, 6))
            .apply(mutated);
      }
      loadOrPolicyFileException(mutated.getBytes(StandardCharsets.UTF_8), format);
    });
  }

  @Test
  void arbitraryTextLoadsOrFailsWithThePolicyFileException() {
    repeat(500, random -> loadOrPolicyFileException(
        text(random, SYNTAX + LOWER + "0123456789\u00e9\u2028\ufeff\u0000", 200).getBytes(StandardCharsets.UTF_8),
        format(random)));
  }

  @Test
  void arbitraryBytesLoadOrFailWithThePolicyFileException() {
    repeat(300, random -> {
      byte[] bytes = new byte[random.nextInt(256)];
      random.nextBytes(bytes);
      loadOrPolicyFileException(bytes, format(random));
    });
  }

  @Test
  void deepNestingIsRefusedWithoutExhaustingTheStack() {
    repeat(20, random -> {
      int depth = 17 + random.nextInt(5000 - 17 + 1);
      String text = "{\"version\": 1, \"pins\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
      Format format = format(random);
      assertThrows(PolicyFileException.class, () -> load(text, format));
    });
  }

  /**
   * Runs {@code trial} {@code tries} times over one seeded random source; a failure names the seed,
   * and {@code -Dhardwire.seed=N} replays it.
   */
  private static void repeat(int tries, Consumer<Random> trial) {
    String configured = System.getProperty("hardwire.seed");
    long seed = configured != null ? Long.parseLong(configured) : new Random().nextLong();
    Random random = new Random(seed);
    for (int i = 0; i < tries; i++) {
      try {
        trial.accept(random);
      } catch (Throwable e) {
        throw new AssertionError("Failed on try " + i + " with seed " + seed + "; replay with -Dhardwire.seed=" + seed
            + ": " + e.getMessage(), e);
      }
    }
  }

  private static Format format(Random random) {
    return Format.values()[random.nextInt(Format.values().length)];
  }

  private static String example(Format format) {
    return format == Format.JSON ? JSON_EXAMPLE : YAML_EXAMPLE;
  }

  /** Up to {@code maxLength} characters from {@code alphabet}. */
  private static String text(Random random, String alphabet, int maxLength) {
    StringBuilder result = new StringBuilder();
    for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
      result.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return result.toString();
  }

  /** Replaces a span of the text with a few syntax-heavy characters. */
  interface Mutation {
    String apply(String text);
  }

  private static Mutation mutationAt(int position, int length, String insert) {
    return text -> {
      int start = position % (text.length() + 1);
      int end = Math.min(text.length(), start + length);
      return text.substring(0, start) + insert + text.substring(end);
    };
  }

  private static void loadOrPolicyFileException(byte[] bytes, Format format) {
    try {
      SecurityPolicy policy = Fixtures.LOADER.load(new ByteArrayInputStream(bytes), format);
      assertFalse(policy == null);
    } catch (PolicyFileException e) {
      assertNoSecret(e);
    }
  }

  private static SecurityPolicy load(String text, Format format) throws PolicyFileException {
    return Fixtures.LOADER.load(Fixtures.stream(text), format);
  }

  private static void assertNoSecret(PolicyFileException e) {
    assertFalse(e.getMessage().contains(Fixtures.SECRET), e.getMessage());
  }
}
