package dev.hardwire.android.internal;

import android.annotation.TargetApi;
import android.net.http.X509TrustManagerExtensions;
import android.os.Build;
import android.security.NetworkSecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.internal.tls.TlsProviders;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.codehaus.mojo.animal_sniffer.IgnoreJRERequirement;

/** The device's answers. The API 23 and 24 calls run only where {@link ApiLevels} allows them. */
public final class SystemPlatform implements AndroidPlatform {
  public static final SystemPlatform INSTANCE = new SystemPlatform();

  private volatile X509TrustManagerExtensions trust;

  private SystemPlatform() {
  }

  @Override
  public int sdkInt() {
    return Build.VERSION.SDK_INT;
  }

  @IgnoreJRERequirement
  @TargetApi(23)
  @Override
  public boolean isCleartextTrafficPermitted() {
    return NetworkSecurityPolicy.getInstance().isCleartextTrafficPermitted();
  }

  @IgnoreJRERequirement
  @TargetApi(24)
  @Override
  public boolean isCleartextTrafficPermitted(String host) {
    return NetworkSecurityPolicy.getInstance().isCleartextTrafficPermitted(host);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, String host) throws CertificateException {
    trust().checkServerTrusted(chain, authType, host);
  }

  /**
   * The default trust manager is NSC's on API 24+; asked through {@link X509TrustManagerExtensions}
   * (API 17), it applies the host's domain config. Built on first use: its first call reads the
   * system and user certificate stores.
   */
  private X509TrustManagerExtensions trust() throws CertificateException {
    X509TrustManagerExtensions result = trust;
    if (result != null) return result;
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager) {
          result = new X509TrustManagerExtensions((X509TrustManager) manager);
          trust = result;
          return result;
        }
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CertificateException("The platform's trust manager is unavailable: " + e, e);
    }
    throw new CertificateException("The platform has no X509TrustManager, so it cannot check any certificate.");
  }

  @Override
  public boolean hasConscrypt() {
    try {
      TlsProviders.checkAvailable(TlsProvider.CONSCRYPT);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }
}
