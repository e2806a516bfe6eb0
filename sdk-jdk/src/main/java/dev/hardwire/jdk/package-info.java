/**
 * The JDK's own HTTP clients under a {@link dev.hardwire.core.SecurityPolicy}: {@link
 * dev.hardwire.jdk.HardenedHttpClient} for {@code java.net.http.HttpClient} and {@link
 * dev.hardwire.jdk.HardenedUrlConnection} for {@code HttpsURLConnection}.
 */
package dev.hardwire.jdk;
