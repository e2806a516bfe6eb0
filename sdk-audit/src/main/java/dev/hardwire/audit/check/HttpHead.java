package dev.hardwire.audit.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code HEAD} request and the head of its response, written by hand so that exactly this
 * goes on the wire: the path, the Host header, a User-Agent, nothing else (no cookies, no query,
 * no credentials), and no redirect is ever followed.
 */
final class HttpHead {
  private static final int MAX_HEAD_BYTES = 16 * 1024;

  final int status;
  private final Map<String, String> headers;

  private HttpHead(int status, Map<String, String> headers) {
    this.status = status;
    this.headers = headers;
  }

  /** The header's last value, by case-insensitive name; null if absent. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  static HttpHead exchange(Socket socket, String host, int port, int defaultPort, String path)
      throws IOException {
    String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
        + (port == defaultPort ? "" : ":" + port);
    String request = "HEAD " + path + " HTTP/1.1\r\nHost: " + authority
        + "\r\nUser-Agent: hardwire-audit\r\nConnection: close\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return read(socket.getInputStream());
  }

  private static HttpHead read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4 && head.size() < MAX_HEAD_BYTES) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")
        || !statusLine[1].matches("\\d{3}")) {
      throw new IOException("not an HTTP response");
    }
    Map<String, String> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    return new HttpHead(Integer.parseInt(statusLine[1]), headers);
  }
}
