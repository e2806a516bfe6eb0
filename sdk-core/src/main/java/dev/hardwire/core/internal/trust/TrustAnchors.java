package dev.hardwire.core.internal.trust;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The roots a policy trusts: its private anchors, or the platform's trust store. The platform's
 * PKIX refuses name constraints on a trust anchor, so anchors carry none here and {@link
 * NameConstraints} applies a root's own constraints after the path is built.
 */
final class TrustAnchors {
  private final List<X509Certificate> certificates;
  private final Set<TrustAnchor> anchors;

  private TrustAnchors(List<X509Certificate> certificates) {
    this.certificates = Collections.unmodifiableList(new ArrayList<>(certificates));
    Set<TrustAnchor> set = new HashSet<>();
    for (X509Certificate certificate : certificates) set.add(new TrustAnchor(certificate, null));
    this.anchors = Collections.unmodifiableSet(set);
  }

  /** The anchors for {@code policyAnchors}; the platform's trust store when it is empty. */
  static TrustAnchors of(List<X509Certificate> policyAnchors) {
    return policyAnchors.isEmpty() ? Platform.ANCHORS : new TrustAnchors(policyAnchors);
  }

  List<X509Certificate> certificates() {
    return certificates;
  }

  Set<TrustAnchor> anchors() {
    return anchors;
  }

  /** The platform's roots, loaded once: parsing the trust store costs tens of milliseconds. */
  private static final class Platform {
    static final TrustAnchors ANCHORS = new TrustAnchors(load());

    private static List<X509Certificate> load() {
      try {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
          if (manager instanceof X509TrustManager) {
            return Arrays.asList(((X509TrustManager) manager).getAcceptedIssuers());
          }
        }
        throw new IllegalStateException("The platform has no X509TrustManager; configure trustAnchors() explicitly.");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Cannot load the platform's trust store; configure trustAnchors() explicitly.",
            e);
      }
    }
  }
}
