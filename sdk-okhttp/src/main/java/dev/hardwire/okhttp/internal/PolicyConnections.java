package dev.hardwire.okhttp.internal;

import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.tls.TlsContext;
import dev.hardwire.core.internal.url.Redaction;
import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.Address;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Proves that a call goes over a connection made under the policy. OkHttp lets an interceptor or a
 * derived client swap the TLS socket factory and hostname verifier ({@code
 * Chain.withSslSocketFactory}, {@code withHostnameVerifier}, {@code newBuilder().sslSocketFactory});
 * a connection counts only if it was made with the policy's socket factory (whose only trust
 * manager is Hardwire's verifier) and hostname verifier, and negotiated a protocol and cipher suite
 * the policy permits. Checked before connecting where the settings are visible, and again, as the
 * first network interceptor, on the connection actually used, before any request byte is written.
 */
final class PolicyConnections implements Interceptor {
  private final TlsContext tls;
  private final SSLSocketFactory socketFactory;
  private final HostnameVerifier hostnameVerifier;
  private final EventDispatcher events;

  PolicyConnections(PolicyEnforcer enforcer, HostnameVerifier hostnameVerifier) {
    this.tls = enforcer.tls();
    this.socketFactory = tls.socketFactory();
    this.hostnameVerifier = hostnameVerifier;
    this.events = enforcer.events();
  }

  /** Refuses a hop whose chain would connect with other TLS settings than the policy's. */
  void checkSettings(Interceptor.Chain chain, Request request) throws IOException {
    if (chain.getSslSocketFactoryOrNull() != socketFactory || chain.getHostnameVerifier() != hostnameVerifier) {
      throw refuse(request, "its TLS socket factory or hostname verifier was replaced");
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Connection connection = chain.connection();
    if (connection == null) throw refuse(request, "OkHttp reported no connection");
    Address address = connection.route().address();
    if (address.sslSocketFactory() != socketFactory || address.hostnameVerifier() != hostnameVerifier) {
      throw refuse(request, "the connection was made with another TLS socket factory or hostname verifier");
    }
    Socket socket = connection.socket();
    if (!(socket instanceof SSLSocket) || !tls.permits(((SSLSocket) socket).getSession())) {
      throw refuse(request, "the connection negotiated a protocol or cipher suite the policy does not permit");
    }
    return chain.proceed(request);
  }

  private RequestRefusedException refuse(Request request, String why) {
    String url = Redaction.redact(request.url().toString());
    String message = "Request refused: " + url + " would go over a connection not made under the SecurityPolicy: "
        + why + ". Remove the Interceptor.Chain.with...(...) call or the OkHttpClient.Builder setting that"
        + " changes TLS; Hardwire's policy decides TLS for every call.";
    events.emit(events.event(SecurityEvent.Kind.CERTIFICATE_REJECTED)
        .url(url)
        .host(request.url().host())
        .reason("NOT_VERIFIED_BY_POLICY")
        .message(message));
    return new RequestRefusedException(message, url);
  }
}
