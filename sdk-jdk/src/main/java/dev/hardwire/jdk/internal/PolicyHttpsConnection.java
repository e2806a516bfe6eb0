package dev.hardwire.jdk.internal;

import dev.hardwire.core.Credential;
import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.internal.redirects.RedirectHop;
import dev.hardwire.core.internal.tls.TlsParameters;
import dev.hardwire.core.internal.url.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpRetryException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URLConnection;
import java.security.Principal;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;

/**
 * An {@link HttpsURLConnection} that sends each hop through a real one made under the policy: the
 * policy's socket factory and hostname verifier, the JDK's redirect following off, the caller's
 * settings and headers minus any credential header, and exactly the credentials core decides for
 * the hop. Redirects are followed by core's rules when {@link #getInstanceFollowRedirects()} is
 * true.
 *
 * <p>A request body is buffered (as HttpURLConnection itself does without a streaming mode) so a
 * 307 or 308 can send it again. In a streaming mode it goes straight to the first hop, and a
 * redirect that must repeat it fails with {@link HttpRetryException}, as in the JDK.
 */
final class PolicyHttpsConnection extends HttpsURLConnection {
  private final UrlConnections connections;
  private URI uri;
  private URI previousUri;
  private String hopMethod;
  private boolean hopHasBody;
  private Map<String, List<String>> hopHeaders;
  private HttpsURLConnection hop;
  private Authenticator authenticator;
  private ByteArrayOutputStream bufferedBody;
  private boolean bodyStreamed;
  private int hops;
  private boolean exchanged;
  private IOException failure;

  PolicyHttpsConnection(URI approved, UrlConnections connections) throws IOException {
    super(approved.toURL());
    this.uri = approved;
    this.connections = connections;
  }

  @Override
  public void connect() throws IOException {
    if (connected) return;
    if (failure != null) throw failure;
    hopMethod = getRequestMethod();
    hopHasBody = getDoOutput();
    hopHeaders = HopHeaders.strip(getRequestProperties(), connections.enforcer.credentials(), null);
    try {
      openHop();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
    connected = true;
  }

  private void openHop() throws IOException {
    URLConnection opened = uri.toURL().openConnection();
    if (!(opened instanceof HttpsURLConnection)) {
      throw new RequestRefusedException("Request refused: " + Redaction.redact(uri.toString()) + " opened a "
          + opened.getClass().getName() + ", not an HttpsURLConnection; an installed URLStreamHandlerFactory"
          + " replaced the JDK's https handler. Hardwire needs the JDK's to enforce the policy.",
          Redaction.redact(uri.toString()));
    }
    HttpsURLConnection next = (HttpsURLConnection) opened;
    next.setSSLSocketFactory(connections.socketFactory);
    next.setHostnameVerifier(connections.hostnameVerifier);
    // Set on every connection: the JVM-wide HttpURLConnection.setFollowRedirects default is not ours to trust.
    next.setInstanceFollowRedirects(false);
    next.setConnectTimeout(getConnectTimeout());
    next.setReadTimeout(getReadTimeout());
    next.setUseCaches(getUseCaches());
    next.setIfModifiedSince(getIfModifiedSince());
    next.setAllowUserInteraction(getAllowUserInteraction());
    next.setDoInput(getDoInput());
    if (authenticator != null) next.setAuthenticator(authenticator);
    next.setRequestMethod(hopMethod);
    next.setDoOutput(hopHasBody);
    if (hopHasBody) streamingMode(next);
    for (Map.Entry<String, List<String>> header : hopHeaders.entrySet()) {
      for (String value : header.getValue()) next.addRequestProperty(header.getKey(), value);
    }
    for (Credential credential : connections.enforcer.credentials().forHop(uri, hopMethod, previousUri)) {
      next.setRequestProperty(credential.headerName(), credential.headerValue());
    }
    RecordingSocketFactory.NewConnection created;
    try {
      created = connections.socketFactory.connect(next);
    } catch (IOException e) {
      throw connections.tlsEvents.failed(uri.getHost(), e);
    }
    hop = next;
    String suite = next.getCipherSuite();
    if (created != null) {
      SSLSession session = created.session();
      connections.tlsEvents.negotiated(uri.getHost(), session.getProtocol(), session.getCipherSuite(),
          created.duration());
    } else {
      connections.tlsEvents.negotiated(uri.getHost(), TlsParameters.protocolOf(suite), suite, null);
    }
  }

  private void streamingMode(HttpsURLConnection next) {
    if (fixedContentLengthLong != -1) {
      next.setFixedLengthStreamingMode(fixedContentLengthLong);
    } else if (fixedContentLength != -1) {
      next.setFixedLengthStreamingMode(fixedContentLength);
    } else if (chunkLength != -1) {
      next.setChunkedStreamingMode(chunkLength);
    } else if (hops > 0) {
      next.setFixedLengthStreamingMode(bufferedBody == null ? 0 : bufferedBody.size());
    }
  }

  private boolean streaming() {
    return fixedContentLengthLong != -1 || fixedContentLength != -1 || chunkLength != -1;
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    if (!getDoOutput()) {
      throw new ProtocolException("cannot write to a URLConnection if doOutput=false - call setDoOutput(true)");
    }
    if (exchanged) throw new ProtocolException("Cannot write output after reading input.");
    // As HttpURLConnection does: a GET with a body is sent as a POST.
    if (method.equals("GET")) method = "POST";
    if ("GET".equals(hopMethod)) hopMethod = "POST";
    connect();
    if (streaming()) {
      bodyStreamed = true;
      return hop.getOutputStream();
    }
    if (bufferedBody == null) bufferedBody = new ByteArrayOutputStream();
    return bufferedBody;
  }

  /** Sends the request and follows redirects until a response for the caller, once. */
  private void exchange() throws IOException {
    if (exchanged) return;
    if (failure != null) throw failure;
    try {
      connect();
      while (true) {
        if (hopHasBody && bufferedBody != null) {
          try (OutputStream out = hop.getOutputStream()) {
            bufferedBody.writeTo(out);
          }
        }
        int code = hop.getResponseCode();
        if (!getInstanceFollowRedirects()) break;
        RedirectHop next = connections.enforcer.redirects().next(uri, hopMethod, code,
            hop.getHeaderField("Location"), hops);
        if (next == null) break;
        if (next.keepsBody() && bodyStreamed) {
          throw new HttpRetryException("cannot retry due to redirection, in streaming mode: "
              + Redaction.redact(next.target().toString()) + " must receive the body again. Buffer the body"
              + " (no streaming mode) or call setInstanceFollowRedirects(false).", code);
        }
        discardBody(code);
        previousUri = uri;
        uri = next.target();
        url = uri.toURL();
        hopMethod = next.method();
        hopHasBody = hopHasBody && next.keepsBody();
        hopHeaders = HopHeaders.strip(hopHeaders, connections.enforcer.credentials(), next);
        hops++;
        openHop();
      }
      exchanged = true;
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  /** Reads a redirect's body to its end, so its connection can be kept alive for the next hop. */
  private void discardBody(int code) throws IOException {
    InputStream body = code >= 400 ? hop.getErrorStream() : hop.getInputStream();
    if (body == null) return;
    try (InputStream in = body) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private boolean exchangedOrFailed() {
    try {
      exchange();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private HttpsURLConnection opened() {
    if (hop == null) throw new IllegalStateException("connection not yet open");
    return hop;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    exchange();
    return hop.getInputStream();
  }

  @Override
  public InputStream getErrorStream() {
    return exchanged ? hop.getErrorStream() : null;
  }

  @Override
  public int getResponseCode() throws IOException {
    exchange();
    return hop.getResponseCode();
  }

  @Override
  public String getResponseMessage() throws IOException {
    exchange();
    return hop.getResponseMessage();
  }

  @Override
  public String getHeaderField(String name) {
    return exchangedOrFailed() ? hop.getHeaderField(name) : null;
  }

  @Override
  public String getHeaderField(int n) {
    return exchangedOrFailed() ? hop.getHeaderField(n) : null;
  }

  @Override
  public String getHeaderFieldKey(int n) {
    return exchangedOrFailed() ? hop.getHeaderFieldKey(n) : null;
  }

  @Override
  public Map<String, List<String>> getHeaderFields() {
    return exchangedOrFailed() ? hop.getHeaderFields() : Collections.<String, List<String>>emptyMap();
  }

  @Override
  public void disconnect() {
    if (hop != null) hop.disconnect();
  }

  @Override
  public boolean usingProxy() {
    return hop != null && hop.usingProxy();
  }

  @Override
  public void setAuthenticator(Authenticator authenticator) {
    if (authenticator == null) throw new NullPointerException("authenticator == null");
    if (connected) throw new IllegalStateException("Already connected");
    this.authenticator = authenticator;
  }

  /**
   * Refused: every hop uses the policy's socket factory, whose only trust manager is Hardwire's
   * verifier.
   *
   * @throws IllegalArgumentException always
   */
  @Override
  public void setSSLSocketFactory(SSLSocketFactory factory) {
    throw new IllegalArgumentException("A hardened HttpsURLConnection takes TLS from its SecurityPolicy and will"
        + " not use another SSLSocketFactory. Remove setSSLSocketFactory(...): put private roots in"
        + " SecurityPolicy.Builder.trustAnchors(...), pins in pin(...) and the provider in tlsProvider(...).");
  }

  /**
   * Refused: host names are checked by Hardwire's verifier, without CN fallback.
   *
   * @throws IllegalArgumentException always
   */
  @Override
  public void setHostnameVerifier(HostnameVerifier verifier) {
    throw new IllegalArgumentException("A hardened HttpsURLConnection checks host names with its SecurityPolicy's"
        + " verifier and will not use another HostnameVerifier. Remove setHostnameVerifier(...); to trust a"
        + " private server, put its root in SecurityPolicy.Builder.trustAnchors(...) and give it a certificate"
        + " for its host name.");
  }

  @Override
  public SSLSocketFactory getSSLSocketFactory() {
    return connections.socketFactory;
  }

  @Override
  public HostnameVerifier getHostnameVerifier() {
    return connections.hostnameVerifier;
  }

  @Override
  public String getCipherSuite() {
    return opened().getCipherSuite();
  }

  @Override
  public Certificate[] getLocalCertificates() {
    return opened().getLocalCertificates();
  }

  @Override
  public Certificate[] getServerCertificates() throws SSLPeerUnverifiedException {
    return opened().getServerCertificates();
  }

  @Override
  public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
    return opened().getPeerPrincipal();
  }

  @Override
  public Principal getLocalPrincipal() {
    return opened().getLocalPrincipal();
  }
}
