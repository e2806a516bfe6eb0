package dev.hardwire.android.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A device at any API level: its Network Security Config's cleartext answers and a platform trust
 * manager (a real JDK one over the given roots, as NSC trust anchors would be), recording what it
 * was asked.
 */
public final class FakePlatform implements AndroidPlatform {
  private final int sdkInt;
  private boolean cleartextPermitted;
  private final Set<String> cleartextHosts = new HashSet<>();
  private X509TrustManager trust;
  private boolean conscrypt;
  private final List<String> checkedHosts = Collections.synchronizedList(new ArrayList<String>());

  public FakePlatform(int sdkInt) {
    this.sdkInt = sdkInt;
  }

  /** NSC's app-wide answer (API 23). */
  public FakePlatform cleartextPermitted(boolean permitted) {
    this.cleartextPermitted = permitted;
    return this;
  }

  /** Hosts NSC permits cleartext for (API 24+). */
  public FakePlatform cleartextPermittedFor(String... hosts) {
    Collections.addAll(cleartextHosts, hosts);
    return this;
  }

  /** The platform trusts exactly {@code roots}, as an NSC with these trust anchors does. */
  public FakePlatform trusting(X509Certificate... roots) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    for (int i = 0; i < roots.length; i++) store.setCertificateEntry("root" + i, roots[i]);
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager) trust = (X509TrustManager) manager;
    }
    return this;
  }

  public FakePlatform withConscrypt() {
    this.conscrypt = true;
    return this;
  }

  /** The hosts the platform trust check was asked about, in order. */
  public List<String> checkedHosts() {
    return new ArrayList<>(checkedHosts);
  }

  @Override
  public int sdkInt() {
    return sdkInt;
  }

  @Override
  public boolean isCleartextTrafficPermitted() {
    if (sdkInt < 23) throw new AssertionError("NetworkSecurityPolicy does not exist on API " + sdkInt);
    return cleartextPermitted;
  }

  @Override
  public boolean isCleartextTrafficPermitted(String host) {
    if (sdkInt < 24) throw new AssertionError("isCleartextTrafficPermitted(host) does not exist on API " + sdkInt);
    return cleartextHosts.contains(host);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, String host) throws CertificateException {
    checkedHosts.add(host);
    if (trust == null) throw new CertificateException("Trust anchor for certification path not found.");
    trust.checkServerTrusted(chain, authType);
  }

  @Override
  public boolean hasConscrypt() {
    return conscrypt;
  }
}
