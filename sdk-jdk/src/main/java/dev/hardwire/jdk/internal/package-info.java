/**
 * The JDK clients' translation of core's decisions: a policy-enforcing {@code HttpClient} and
 * {@code HttpsURLConnection}. Internal: no compatibility promise.
 */
package dev.hardwire.jdk.internal;
