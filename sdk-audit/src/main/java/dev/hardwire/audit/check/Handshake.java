package dev.hardwire.audit.check;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What one TLS handshake showed.
 *
 * @param protocol the version the server chose, null if it chose none (refused, no answer)
 * @param cipherSuite the suite it chose, null likewise
 * @param chain the certificates it sent, leaf first; empty if it sent none
 * @param trustProblem why the chain was not trusted, null if it was (or was never seen)
 * @param failure why the handshake failed before the server chose a version, null otherwise
 */
record Handshake(String protocol, String cipherSuite, List<X509Certificate> chain,
    String trustProblem, String failure) {

  boolean offered() {
    return protocol != null;
  }

  boolean trusted() {
    return offered() && trustProblem == null && failure == null;
  }
}
