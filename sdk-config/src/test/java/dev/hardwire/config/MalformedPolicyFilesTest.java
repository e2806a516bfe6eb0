package dev.hardwire.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hardwire.core.SecurityPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzed input never gets past the one documented failure: whatever the bytes, loading returns a
 * policy or throws {@link PolicyFileException}, never anything else and never with a secret.
 */
class MalformedPolicyFilesTest {
  /** Self-contained files (inline PEM, variables the test loader has) that load before they are mutated. */
  private static final String JSON_EXAMPLE = PolicyFiles.write(PolicyWriterTest.everything(null), Format.JSON);
  private static final String YAML_EXAMPLE = PolicyFiles.write(PolicyWriterTest.everything(null), Format.YAML);
  private static final String SYNTAX = "{}[]:,\"'-#&*!|>%@`\\\n\t ${}";

  @Property(tries = 10)
  void theUnmutatedFilesLoad(@ForAll Format format) throws PolicyFileException {
    load(format == Format.JSON ? JSON_EXAMPLE : YAML_EXAMPLE, format);
  }

  @Property(tries = 400)
  void everyTruncatedJsonIsRefused(@ForAll @IntRange(min = 0, max = 100_000) int cut) {
    String truncated = JSON_EXAMPLE.substring(0, cut % JSON_EXAMPLE.strip().length());
    PolicyFileException e = assertThrows(PolicyFileException.class, () -> load(truncated, Format.JSON));
    assertNoSecret(e);
  }

  @Property(tries = 1000)
  void mutatedFilesLoadOrFailWithThePolicyFileException(@ForAll("mutations") Mutation mutation,
      @ForAll Format format) {
    String mutated = mutation.apply(format == Format.JSON ? JSON_EXAMPLE : YAML_EXAMPLE);
    loadOrPolicyFileException(mutated.getBytes(StandardCharsets.UTF_8), format);
  }

  @Property(tries = 500)
  void arbitraryTextLoadsOrFailsWithThePolicyFileException(@ForAll("syntaxHeavy") String text,
      @ForAll Format format) {
    loadOrPolicyFileException(text.getBytes(StandardCharsets.UTF_8), format);
  }

  @Property(tries = 300)
  void arbitraryBytesLoadOrFailWithThePolicyFileException(@ForAll byte[] bytes, @ForAll Format format) {
    loadOrPolicyFileException(bytes, format);
  }

  @Property(tries = 20)
  void deepNestingIsRefusedWithoutExhaustingTheStack(@ForAll @IntRange(min = 17, max = 5000) int depth,
      @ForAll Format format) {
    String text = "{\"version\": 1, \"pins\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
    assertThrows(PolicyFileException.class, () -> load(text, format));
  }

  @Provide
  Arbitrary<String> syntaxHeavy() {
    return Arbitraries.strings().withChars(SYNTAX).withCharRange('a', 'z').withCharRange('0', '9')
        .withChars('\u00e9', '\u2028', '\ufeff', '\u0000').ofMaxLength(200);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, 100_000);
    Arbitrary<Integer> length = Arbitraries.integers().between(0, 40);
    Arbitrary<String> insert = Arbitraries.strings().withChars(SYNTAX).withCharRange('a', 'z').ofMaxLength(6);
    return Combinators.combine(position, length, insert).as(MalformedPolicyFilesTest::mutationAt)
        .list().ofMinSize(1).ofMaxSize(4)
        .map(list -> text -> {
          String result = text;
          for (Mutation m : list) result = m.apply(result);
          return result;
        });
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
