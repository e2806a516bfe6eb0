package dev.hardwire.samples.demo;

import dev.hardwire.config.PolicyFileException;
import dev.hardwire.config.PolicyLoader;
import dev.hardwire.core.SecurityPolicy;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads a policy file for the demo: {@code ${env:NAME}} references see the process environment plus
 * a made-up {@code HARDWIRE_DEMO_TOKEN}, the token of the demo's own policy file.
 */
public final class DemoPolicy {
  static final String TOKEN_VARIABLE = "HARDWIRE_DEMO_TOKEN";

  private DemoPolicy() {
  }

  /** The policy in {@code file}; its token is random, so nothing the demo prints could leak one. */
  public static SecurityPolicy.Builder load(Path file) throws PolicyFileException {
    byte[] token = new byte[24];
    new SecureRandom().nextBytes(token);
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put(TOKEN_VARIABLE, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    return PolicyLoader.builder().environment(environment).build().loadBuilder(file);
  }
}
