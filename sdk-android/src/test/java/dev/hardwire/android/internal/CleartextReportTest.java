package dev.hardwire.android.internal;

import static org.junit.Assert.assertEquals;

import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityPolicy;
import java.util.Arrays;
import java.util.Collections;
import org.junit.Test;

public final class CleartextReportTest {
  private static final String PIN_A = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  private static final String PIN_B = "sha256/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB=";

  private static final SecurityPolicy POLICY = SecurityPolicy.builder()
      .credential(Credential.bearer("api.example.com", "secret-token"))
      .credential(Credential.header("*.partner.example", "X-Api-Key", "secret-key"))
      .pin("**.cdn.example.com", PIN_A, PIN_B)
      .pin("api.example.com", PIN_A, PIN_B)
      .build();

  @Test
  public void reportsCredentialAndPinHostsWhoseConfigPermitsCleartext() {
    FakePlatform platform = new FakePlatform(34).cleartextPermittedFor("api.example.com", "cdn.example.com");
    assertEquals(Arrays.asList("api.example.com", "**.cdn.example.com"),
        CleartextReport.permittedHostPatterns(POLICY, platform));
  }

  @Test
  public void reportsNothingWhenTheConfigRefusesCleartext() {
    assertEquals(Collections.emptyList(), CleartextReport.permittedHostPatterns(POLICY, new FakePlatform(34)));
  }

  @Test
  public void looksUpWildcardPatternsByTheirDomain() {
    FakePlatform platform = new FakePlatform(24).cleartextPermittedFor("partner.example");
    assertEquals(Collections.singletonList("*.partner.example"), CleartextReport.permittedHostPatterns(POLICY, platform));
  }

  @Test
  public void reportsEveryHostOnApi23WhenTheAppWideFlagPermitsCleartext() {
    assertEquals(Arrays.asList("api.example.com", "*.partner.example", "**.cdn.example.com"),
        CleartextReport.permittedHostPatterns(POLICY, new FakePlatform(23).cleartextPermitted(true)));
    assertEquals(Collections.emptyList(),
        CleartextReport.permittedHostPatterns(POLICY, new FakePlatform(23).cleartextPermitted(false)));
  }
}
