/**
 * JMH benchmarks: what Hardwire costs over the raw client it hardens, on each TLS provider, and
 * which provider and TLS settings are fastest. Run them with {@code benchmarks/run.sh quick|full};
 * {@code benchmarks/RESULTS.md} has the numbers and how to read them.
 *
 * <p>Every benchmark whose cost Hardwire could change has a {@code client} parameter: {@code raw}
 * (the same provider, a plain {@code SSLContext} whose default trust manager trusts the test root,
 * hostname verification on) or {@code hardened} (the policy's {@code TlsContext}, verifier and
 * adapter). The report divides one by the other within the same run.
 */
package dev.hardwire.benchmarks;
