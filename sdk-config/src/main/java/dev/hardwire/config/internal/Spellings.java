package dev.hardwire.config.internal;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a policy file spells core's enums; the parser and the writer share this one table. */
final class Spellings {
  static final Map<String, TlsVersion> TLS_VERSIONS = table(
      "1.2", TlsVersion.TLS_1_2,
      "1.3", TlsVersion.TLS_1_3);
  static final Map<String, TlsProvider> TLS_PROVIDERS = table(
      "jdk", TlsProvider.JDK,
      "conscrypt", TlsProvider.CONSCRYPT,
      "bouncy-castle", TlsProvider.BOUNCY_CASTLE);
  static final Map<String, CleartextMode> CLEARTEXT_MODES = table(
      "refuse", CleartextMode.REFUSE,
      "upgrade", CleartextMode.UPGRADE);

  private Spellings() {
  }

  /** The file's spelling of {@code value}. */
  static <T> String of(Map<String, T> table, T value) {
    for (Map.Entry<String, T> entry : table.entrySet()) {
      if (entry.getValue() == value) return entry.getKey();
    }
    throw new IllegalArgumentException("No spelling for " + value);
  }

  @SuppressWarnings("unchecked")
  private static <T> Map<String, T> table(Object... spellingThenValue) {
    Map<String, T> table = new LinkedHashMap<>();
    for (int i = 0; i < spellingThenValue.length; i += 2) {
      table.put((String) spellingThenValue[i], (T) spellingThenValue[i + 1]);
    }
    return Collections.unmodifiableMap(table);
  }
}
