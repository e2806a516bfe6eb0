package dev.hardwire.android;

import dev.hardwire.android.internal.AndroidHardening;
import dev.hardwire.android.internal.CleartextReport;
import dev.hardwire.android.internal.SystemPlatform;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.core.internal.tls.TlsProviders;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * OkHttp clients for Android apps that obey a {@link SecurityPolicy} exactly as {@code
 * HardenedOkHttp} does on the JVM, with the Android specifics decided in one place:
 *
 * <ul>
 *   <li><b>Network Security Config.</b> The platform's trust manager (NSC trust anchors, pins,
 *       debug overrides, Certificate Transparency) checks every chain first, then Hardwire's
 *       verifier: a chain must pass both. Put the policy's private roots and pins into the app's
 *       NSC with {@link NscExport}.
 *   <li><b>TLS 1.3 before Android 10.</b> If the app ships Conscrypt ({@code
 *       org.conscrypt:conscrypt-android}), Hardwire's connections use it on API 24-28, without
 *       installing it globally. Without it, a TLS 1.3 policy fails here with the fix; a policy that
 *       allows TLS 1.2 uses the platform's TLS 1.2.
 *   <li><b>API levels.</b> API 24 (Android 7.0) and newer. Below, building a client throws {@link
 *       IllegalStateException}: Hardwire cannot check certificates inside the handshake there.
 * </ul>
 *
 * <pre>{@code
 * SecurityPolicy policy = SecurityPolicy.builder()
 *     .pin("api.example.com", "sha256/AAAA...=", "sha256/BBBB...=")
 *     .credential(Credential.bearer("api.example.com", token))
 *     .build();
 * OkHttpClient client = HardwireAndroid.newClient(policy);   // once, then share it
 * }</pre>
 *
 * <p>Refusals during calls are {@link java.io.IOException}s whose messages say what to fix, for
 * example a {@link dev.hardwire.core.CleartextRefusedException} for {@code http://} URLs, sent
 * nowhere. A chain the app's NSC rejects fails the handshake with a message that names the host and
 * points at {@link NscExport}, and a {@code CERTIFICATE_REJECTED} event with reason {@code
 * NETWORK_SECURITY_CONFIG}.
 */
public final class HardwireAndroid {
  private HardwireAndroid() {
  }

  /**
   * A new client with OkHttp's defaults and {@code policy} enforced. Equivalent to {@code
   * harden(new OkHttpClient.Builder(), policy).build()}. Build it off the main thread: it creates the
   * TLS context.
   *
   * @throws IllegalStateException below API 24; if the policy requires TLS 1.3 on a device before
   *     Android 10 without Conscrypt; if the policy's TLS provider is missing. The message says what
   *     to change.
   */
  public static OkHttpClient newClient(SecurityPolicy policy) {
    return harden(new OkHttpClient.Builder(), policy).build();
  }

  /**
   * Makes {@code builder} enforce {@code policy}, as {@code HardenedOkHttp.harden} does (see there
   * for what is replaced, wrapped and refused), with Android's TLS and trust decisions. Logs one
   * warning (logger {@code dev.hardwire.android}) if the app's NSC permits cleartext to a host the
   * policy has credentials or pins for; see {@link #cleartextPermittedHosts}.
   *
   * @throws IllegalArgumentException if the builder has certificate pins or is already hardened
   * @throws IllegalStateException as {@link #newClient}
   */
  public static OkHttpClient.Builder harden(OkHttpClient.Builder builder, SecurityPolicy policy) {
    return AndroidHardening.harden(builder, policy, SystemPlatform.INSTANCE);
  }

  /**
   * The policy's credential and pin host patterns for which the app's Network Security Config
   * permits cleartext HTTP. Hardwire's clients refuse cleartext regardless; the app's other stacks
   * (WebView, {@code HttpURLConnection}, SDKs) do not. Empty is the goal; assert it in an
   * instrumented test:
   *
   * <pre>{@code
   * assertEquals(Collections.emptyList(), HardwireAndroid.cleartextPermittedHosts(policy));
   * }</pre>
   *
   * Before API 23 there is no such config and every host is permitted; on API 23 the answer is
   * app-wide; from API 24 per host (a wildcard pattern is looked up by its domain).
   */
  public static List<String> cleartextPermittedHosts(SecurityPolicy policy) {
    if (policy == null) throw new NullPointerException("policy == null");
    return CleartextReport.permittedHostPatterns(policy, SystemPlatform.INSTANCE);
  }

  /**
   * Installs Conscrypt as the app's most preferred security provider, for the app's other TLS users
   * (HttpsURLConnection, SDKs) on devices before Android 10. Hardwire's own clients do not need this:
   * they use Conscrypt privately. Call it once, early (in {@code Application.onCreate}); it does
   * nothing if Conscrypt is already first.
   *
   * @throws IllegalStateException if {@code org.conscrypt:conscrypt-android} is not in the app
   */
  public static void installConscryptGlobally() {
    TlsProviders.checkAvailable(TlsProvider.CONSCRYPT);
    Provider conscrypt = TlsProviders.newProvider(TlsProvider.CONSCRYPT);
    synchronized (HardwireAndroid.class) {
      Provider[] installed = Security.getProviders();
      if (installed.length > 0 && installed[0].getName().equals(conscrypt.getName())) return;
      Security.removeProvider(conscrypt.getName());
      Security.insertProviderAt(conscrypt, 1);
    }
  }
}
