package dev.hardwire.core.internal.tls;

import dev.hardwire.core.TlsProvider;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.security.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

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
        checkNativeLibrary(load(CONSCRYPT_CLASS, provider));
        return;
      case BOUNCY_CASTLE:
        load(BCJSSE_CLASS, provider);
        return;
      default:
        throw new AssertionError(provider);
    }
  }

  /**
   * Conscrypt is BoringSSL compiled for each platform; {@code Conscrypt.checkAvailability()} throws
   * the error that kept the native library from loading, which goes into the message.
   */
  private static void checkNativeLibrary(Class<?> conscrypt) {
    String error;
    try {
      conscrypt.getMethod("checkAvailability").invoke(null);
      return;
    } catch (InvocationTargetException e) {
      error = String.valueOf(e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      error = e.toString();
    }
    throw new IllegalStateException("TlsProvider.CONSCRYPT is on the class path but its native library does not load"
        + " on " + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + " (" + error + ")."
        + " conscrypt-openjdk-uber 2.5.2 bundles it for Linux x86_64 (glibc), macOS x86_64 and Windows x86 and"
        + " x86_64 only, none for aarch64, and extracts it to java.io.tmpdir (or -Dorg.conscrypt.native.workdir),"
        + " which must allow executing files. Use TlsProvider.JDK or TlsProvider.BOUNCY_CASTLE on this platform.");
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
    private static final String BCPROV_CLASS = "org.bouncycastle.jce.provider.BouncyCastleProvider";

    /**
     * The parent of BCJSSE's java.util.logging loggers. Held here because the LogManager holds
     * loggers weakly, and a collected logger forgets the level set on it.
     */
    private static final Logger JSSE_LOGGER = Logger.getLogger("org.bouncycastle.jsse");

    private BouncyCastle() {
    }

    /**
     * BCJSSE on bcprov's JCA crypto, in a private {@code BouncyCastleProvider} instance (never
     * registered). On the platform's JCA crypto it was faster for bulk data (the JDK's AES-GCM
     * intrinsics: ~0.9 GiB/s against 37 MiB/s measured here) but offered no RSA-PSS signature
     * schemes, so every TLS 1.3 handshake with an RSA server certificate failed ("No available
     * authentication scheme"); a provider that cannot reach most servers is no choice. The
     * default constructor is avoided too: it needs bcprov registered globally.
     */
    static Provider newJsseProvider(Class<?> bcjsse) throws ReflectiveOperationException {
      quietenInfoLogging();
      ClassLoader loader = bcjsse.getClassLoader();
      Class<?> cryptoClass = Class.forName(JCA_CRYPTO_CLASS, false, loader);
      Provider bcprov = (Provider) Class.forName(BCPROV_CLASS, true, loader).getConstructor().newInstance();
      Object crypto = cryptoClass.getConstructor().newInstance();
      cryptoClass.getMethod("setProvider", Provider.class).invoke(crypto, bcprov);
      Constructor<?> constructor = bcjsse.getConstructor(boolean.class, cryptoClass);
      return (Provider) constructor.newInstance(false, crypto);
    }

    /**
     * BCJSSE logs at INFO, to the application's log, every handshake that fails (with a stack
     * trace; Hardwire reports it as an event already) and, once per JVM, each security property
     * it reads. Its loggers are set to WARNING, so its warnings still show, unless the application
     * configured a level for {@code org.bouncycastle.jsse} or {@code org.bouncycastle}: then its
     * choice stands. No other logger is touched.
     */
    static void quietenInfoLogging() {
      synchronized (JSSE_LOGGER) {
        for (Logger logger = JSSE_LOGGER; logger != null && logger.getParent() != null; logger = logger.getParent()) {
          if (logger.getLevel() != null) return;
        }
        JSSE_LOGGER.setLevel(Level.WARNING);
      }
    }
  }
}
