package com.acme.up;

import dev.hardwire.core.CleartextMode;
import dev.hardwire.core.SecurityPolicy;

final class UpgradedClient {
  static final SecurityPolicy POLICY = SecurityPolicy.builder()
      .cleartextMode(CleartextMode.UPGRADE)
      .build();
  static final String LEGACY = "http://legacy.partner-api.com/v1";
}
