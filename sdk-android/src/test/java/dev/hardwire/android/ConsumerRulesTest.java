package dev.hardwire.android;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Scanner;
import org.junit.Test;

/** R8 reads consumer rules from this path in the jar (the build's verify phase checks the jar itself). */
public final class ConsumerRulesTest {
  static final String RULES = "META-INF/proguard/dev.hardwire_sdk-android.pro";

  @Test
  public void keepsTheProvidersSdkCoreLoadsByReflectionAndTolerateTheirAbsence() throws Exception {
    String rules;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(RULES)) {
      assertNotNull(RULES, in);
      rules = new Scanner(in, StandardCharsets.UTF_8.name()).useDelimiter("\\A").next();
    }
    for (String expected : new String[] {
        "-keep class org.conscrypt.Conscrypt {",
        "public static java.security.Provider newProvider();",
        "-keep class org.bouncycastle.jsse.provider.BouncyCastleJsseProvider {",
        "-dontwarn org.conscrypt.**",
        "-dontwarn org.bouncycastle.**"}) {
      assertTrue(expected, rules.contains(expected));
    }
    assertTrue("no broad keeps", !rules.contains("-keep class org.conscrypt.**"));
  }
}
