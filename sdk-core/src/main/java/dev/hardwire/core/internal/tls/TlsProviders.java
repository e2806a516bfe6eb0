package dev.hardwire.core.internal.tls;

import dev.hardwire.core.TlsProvider;
import java.lang.reflect.Constructor;
import java.security.Provider;

/**
 * Loads optional JSSE providers by reflection, so nothing loads them unless a policy chooses them,
 * and creates a private instance for each policy: Hardwire never calls {@code
 * Security.insertProviderAt}.
 */
public final class TlsProviders {
  private static final String CONSCRYPT_CLASS = "org.conscrypt.Conscrypt";
  private static final String BCJSSE_CLASS = "org.bouncycastle.jsse.provider.BouncyCastleJsseProvider";

  private TlsProviders() {
  }

  /**
   * Fails if {@code provider} is not on the class path (or cannot run on this platform), with the
   * dependency to add.
   */
  public static void checkAvailable(TlsProvider provider) {
    switch (provider) {
      case JDK:
        return;
      case CONSCRYPT:
        Class<?> conscrypt = load(CONSCRYPT_CLASS, provider);
        boolean available;
        try {
          available = (Boolean) conscrypt.getMethod("isAvailable").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
          available = false;
        }
        if (!available) {
          throw new IllegalStateException("TlsProvider.CONSCRYPT is on the class path but its native library does"
              + " not load on " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
              + " (conscrypt-openjdk-uber 2.5.x ships x86_64 natives only for Linux). Use TlsProvider.JDK or"
              + " TlsProvider.BOUNCY_CASTLE on this platform.");
        }
        return;
      case BOUNCY_CASTLE:
        load(BCJSSE_CLASS, provider);
        return;
      default:
        throw new AssertionError(provider);
    }
  }

  /** A new, private provider instance for {@code provider}; null for the JDK default. */
  public static Provider newProvider(TlsProvider provider) {
    try {
      switch (provider) {
        case JDK:
          return null;
        case CONSCRYPT:
          return (Provider) load(CONSCRYPT_CLASS, provider).getMethod("newProvider").invoke(null);
        case BOUNCY_CASTLE:
          return BouncyCastle.newJsseProvider(load(BCJSSE_CLASS, provider));
        default:
          throw new AssertionError(provider);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot create the " + provider + " TLS provider: " + e, e);
    }
  }

  private static Class<?> load(String className, TlsProvider provider) {
    try {
      return Class.forName(className, false, TlsProviders.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("TlsProvider." + provider + " was chosen but " + className
          + " is not on the class path. Add " + coordinates(provider) + " to your dependencies.");
    }
  }

  static String coordinates(TlsProvider provider) {
    switch (provider) {
      case CONSCRYPT:
        return "org.conscrypt:conscrypt-openjdk-uber:2.5.2 (Android: org.conscrypt:conscrypt-android)";
      case BOUNCY_CASTLE:
        return "org.bouncycastle:bctls-jdk18on:1.83 (with bcprov-jdk18on and bcutil-jdk18on 1.83)";
      default:
        return "nothing";
    }
  }

  /** Bouncy Castle specifics, kept apart so the reflection for its crypto choice stays in one place. */
  static final class BouncyCastle {
    private static final String JCA_CRYPTO_CLASS = "org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider";

    private BouncyCastle() {
    }

    /**
     * BCJSSE on the platform's JCA crypto (SunJCE, SunEC) rather than bcprov's: measured here, its
     * pure-Java AES-GCM runs at 37 MiB/s against ~0.9 GiB/s with the JDK's intrinsics. It also does
     * not need the BC provider registered globally, which the default constructor does (it asks
     * for a "DEFAULT" SecureRandom only bcprov registers).
     */
    static Provider newJsseProvider(Class<?> bcjsse) throws ReflectiveOperationException {
      Class<?> cryptoClass = Class.forName(JCA_CRYPTO_CLASS, false, bcjsse.getClassLoader());
      Object crypto = cryptoClass.getConstructor().newInstance();
      Constructor<?> constructor = bcjsse.getConstructor(boolean.class, cryptoClass);
      return (Provider) constructor.newInstance(false, crypto);
    }
  }
}
