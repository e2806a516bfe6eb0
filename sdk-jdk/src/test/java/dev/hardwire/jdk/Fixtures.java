package dev.hardwire.jdk;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.params.provider.Arguments;

/** Shared loopback fixtures, and the two clients behind one small interface so every rule runs on both. */
final class Fixtures {
  static final TestPki PKI = TestPki.create();

  private Fixtures() {
  }

  static MockWebServer httpsServer(SSLSocketFactory socketFactory) throws IOException {
    return LoopbackServers.https(socketFactory);
  }

  static MockWebServer httpsServer() throws IOException {
    return LoopbackServers.https(PKI.serverCertificates().sslSocketFactory());
  }

  static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).build();
  }

  /** Every (provider, client) pair, for the TLS and trust tests. */
  static List<Arguments> providersAndClients() {
    List<Arguments> result = new ArrayList<>();
    for (TlsProvider provider : TlsProvider.values()) {
      for (Kind kind : Kind.values()) result.add(Arguments.of(provider, kind));
    }
    return result;
  }

  /** What a test sees of one exchange. */
  static final class Result {
    final int code;
    final String body;

    Result(int code, String body) {
      this.code = code;
      this.body = body;
    }
  }

  /** One request through one of the two clients; following redirects as each client does by default here. */
  interface Client {
    Result send(String method, String url, Map<String, String> headers, String body) throws IOException;

    default Result get(String url) throws IOException {
      return send("GET", url, Map.of(), null);
    }
  }

  /** The two clients under test. */
  enum Kind {
    HTTP_CLIENT {
      @Override Client client(SecurityPolicy policy, boolean followRedirects) {
        HttpClient client = HardenedHttpClient.newBuilder(policy)
            .followRedirects(followRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
            .build();
        return (method, url, headers, body) -> {
          HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
              body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
          headers.forEach(request::header);
          try {
            HttpResponse<String> response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).get();
            return new Result(response.statusCode(), response.body());
          } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException) throw (IOException) e.getCause();
            throw new AssertionError(e);
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        };
      }
    },
    URL_CONNECTION {
      @Override Client client(SecurityPolicy policy, boolean followRedirects) {
        return (method, url, headers, body) -> {
          HttpsURLConnection connection = HardenedUrlConnection.open(new URL(url), policy);
          connection.setInstanceFollowRedirects(followRedirects);
          connection.setRequestMethod(method);
          headers.forEach(connection::setRequestProperty);
          if (body != null) {
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
              out.write(body.getBytes(StandardCharsets.UTF_8));
            }
          }
          int code = connection.getResponseCode();
          InputStream in = code >= 400 ? connection.getErrorStream() : connection.getInputStream();
          return new Result(code, in == null ? "" : read(in));
        };
      }
    };

    abstract Client client(SecurityPolicy policy, boolean followRedirects);

    Client client(SecurityPolicy policy) {
      return client(policy, true);
    }
  }

  static String read(InputStream in) throws IOException {
    try (InputStream stream = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      stream.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
