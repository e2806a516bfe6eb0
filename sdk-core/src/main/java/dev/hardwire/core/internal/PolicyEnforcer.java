package dev.hardwire.core.internal;

import dev.hardwire.core.CertificateChainVerifier;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.internal.credentials.CredentialScope;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.redirects.RedirectRules;
import dev.hardwire.core.internal.tls.PlatformTls;
import dev.hardwire.core.internal.tls.TlsContext;
import dev.hardwire.core.internal.url.UrlGuard;

/**
 * Everything an adapter asks core, built once per client from a policy: the URL guard, credential
 * scope, redirect rules, the verifier and the TLS context. Adapters translate these decisions into
 * their client's hooks and decide nothing themselves.
 */
public final class PolicyEnforcer {
  private final SecurityPolicy policy;
  private final EventDispatcher events;
  private final UrlGuard urlGuard;
  private final CredentialScope credentials;
  private final RedirectRules redirects;
  private final CertificateChainVerifier verifier;
  private final TlsContext tls;

  private PolicyEnforcer(SecurityPolicy policy, PlatformTls platform) {
    this.policy = policy;
    this.events = new EventDispatcher(policy.eventListeners(), policy.clock());
    this.urlGuard = new UrlGuard(policy.cleartextMode(), events);
    this.credentials = new CredentialScope(policy.credentials(), events);
    this.redirects = new RedirectRules(urlGuard, policy.maxRedirects(), policy.sensitiveHeaders(),
        credentials.headerNames(), events);
    this.verifier = CertificateChainVerifier.create(policy);
    this.tls = TlsContext.create(policy, platform.provider(policy), platform.trustManager(verifier, events));
  }

  /**
   * Builds the enforcer for {@code policy}.
   *
   * @throws IllegalStateException if the policy's TLS provider cannot do what it asks
   */
  public static PolicyEnforcer of(SecurityPolicy policy) {
    return of(policy, PlatformTls.POLICY);
  }

  /**
   * Builds the enforcer for {@code policy} on a platform that has a say in TLS (Android): {@code
   * platform} chooses the provider and adds its trust check on top of the verifier.
   *
   * @throws IllegalStateException if the platform or the policy's TLS provider cannot do what the
   *     policy asks
   */
  public static PolicyEnforcer of(SecurityPolicy policy, PlatformTls platform) {
    if (policy == null) throw new NullPointerException("policy == null");
    if (platform == null) throw new NullPointerException("platform == null");
    return new PolicyEnforcer(policy, platform);
  }

  public SecurityPolicy policy() {
    return policy;
  }

  public EventDispatcher events() {
    return events;
  }

  public UrlGuard urlGuard() {
    return urlGuard;
  }

  public CredentialScope credentials() {
    return credentials;
  }

  public RedirectRules redirects() {
    return redirects;
  }

  public CertificateChainVerifier verifier() {
    return verifier;
  }

  public TlsContext tls() {
    return tls;
  }
}
