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
 * The roots a policy trusts: its private anchors, or the platform's trust store. A root's own name
 * constraints are applied (the platform's PKIX ignores the extension on an anchor certificate), and
 * anchors that carry them are rebuilt for every validation because PKIX narrows the constraints
 * object it is given as it walks a path.
 */
final class TrustAnchors {
  private static final String NAME_CONSTRAINTS_OID = "2.5.29.30";

  private final List<X509Certificate> certificates;
  private final Set<TrustAnchor> shared;
  private final List<X509Certificate> constrained;

  private TrustAnchors(List<X509Certificate> certificates) {
    this.certificates = Collections.unmodifiableList(new ArrayList<>(certificates));
    Set<TrustAnchor> unconstrained = new HashSet<>();
    List<X509Certificate> withConstraints = new ArrayList<>();
    for (X509Certificate certificate : certificates) {
      if (certificate.getExtensionValue(NAME_CONSTRAINTS_OID) != null) {
        withConstraints.add(certificate);
      } else {
        unconstrained.add(new TrustAnchor(certificate, null));
      }
    }
    this.shared = Collections.unmodifiableSet(unconstrained);
    this.constrained = withConstraints;
  }

  /** The anchors for {@code policyAnchors}; the platform's trust store when it is empty. */
  static TrustAnchors of(List<X509Certificate> policyAnchors) {
    return policyAnchors.isEmpty() ? Platform.ANCHORS : new TrustAnchors(policyAnchors);
  }

  List<X509Certificate> certificates() {
    return certificates;
  }

  /** A set for one validation: shared where immutable, fresh where PKIX may narrow constraints. */
  Set<TrustAnchor> forValidation() {
    if (constrained.isEmpty()) return shared;
    Set<TrustAnchor> result = new HashSet<>(shared);
    for (X509Certificate certificate : constrained) {
      result.add(new TrustAnchor(certificate, Der.unwrapOctetString(certificate.getExtensionValue(NAME_CONSTRAINTS_OID))));
    }
    return result;
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
