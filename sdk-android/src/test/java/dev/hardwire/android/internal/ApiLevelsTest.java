package dev.hardwire.android.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.TlsVersion;
import org.junit.Test;

public final class ApiLevelsTest {
  private static final SecurityPolicy TLS_1_3 = SecurityPolicy.strict();
  private static final SecurityPolicy TLS_1_2 = SecurityPolicy.builder().minimumTlsVersion(TlsVersion.TLS_1_2).build();

  @Test
  public void refusesDevicesBelowApi24WithTheFix() {
    for (int sdkInt : new int[] {21, 23}) {
      try {
        ApiLevels.tlsProvider(TLS_1_2, new FakePlatform(sdkInt).withConscrypt());
        fail("API " + sdkInt);
      } catch (IllegalStateException expected) {
        assertTrue(expected.getMessage(), expected.getMessage().contains("API " + sdkInt + "; Hardwire needs API 24"));
        assertTrue(expected.getMessage(), expected.getMessage().contains("Build.VERSION.SDK_INT >= 24"));
      }
    }
  }

  @Test
  public void usesConscryptBeforeAndroid10WhenTheAppShipsIt() {
    assertEquals(TlsProvider.CONSCRYPT, ApiLevels.tlsProvider(TLS_1_3, new FakePlatform(24).withConscrypt()));
    assertEquals(TlsProvider.CONSCRYPT, ApiLevels.tlsProvider(TLS_1_2, new FakePlatform(24).withConscrypt()));
    assertEquals(TlsProvider.CONSCRYPT, ApiLevels.tlsProvider(TLS_1_3, new FakePlatform(28).withConscrypt()));
  }

  @Test
  public void refusesTls13PolicyBeforeAndroid10WithoutConscrypt() {
    try {
      ApiLevels.tlsProvider(TLS_1_3, new FakePlatform(26));
      fail();
    } catch (IllegalStateException expected) {
      assertTrue(expected.getMessage(), expected.getMessage().contains("this device runs API 26"));
      assertTrue(expected.getMessage(), expected.getMessage().contains("org.conscrypt:conscrypt-android"));
      assertTrue(expected.getMessage(), expected.getMessage().contains("minimumTlsVersion(TlsVersion.TLS_1_2)"));
    }
  }

  @Test
  public void usesPlatformTls12BeforeAndroid10OnlyWhenThePolicyAllowsIt() {
    assertEquals(TlsProvider.JDK, ApiLevels.tlsProvider(TLS_1_2, new FakePlatform(24)));
    assertEquals(TlsProvider.JDK, ApiLevels.tlsProvider(TLS_1_2, new FakePlatform(28)));
  }

  @Test
  public void usesPlatformTlsFromAndroid10EvenWithConscrypt() {
    assertEquals(TlsProvider.JDK, ApiLevels.tlsProvider(TLS_1_3, new FakePlatform(29).withConscrypt()));
    assertEquals(TlsProvider.JDK, ApiLevels.tlsProvider(TLS_1_3, new FakePlatform(34)));
  }

  @Test
  public void cleartextAnswerIsAlwaysPermittedBeforeApi23() {
    assertTrue(ApiLevels.cleartextPermitted(new FakePlatform(21), "api.example.com"));
  }

  @Test
  public void cleartextAnswerIsAppWideOnApi23() {
    assertTrue(ApiLevels.cleartextPermitted(new FakePlatform(23).cleartextPermitted(true), "api.example.com"));
    assertFalse(ApiLevels.cleartextPermitted(new FakePlatform(23).cleartextPermitted(false), "api.example.com"));
  }

  @Test
  public void cleartextAnswerIsPerHostFromApi24() {
    for (int sdkInt : new int[] {24, 29, 34}) {
      FakePlatform platform = new FakePlatform(sdkInt).cleartextPermitted(true).cleartextPermittedFor("legacy.example.com");
      assertTrue(ApiLevels.cleartextPermitted(platform, "legacy.example.com"));
      assertFalse(ApiLevels.cleartextPermitted(platform, "api.example.com"));
    }
  }
}
