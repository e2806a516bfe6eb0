/** TLS parameters, providers and socket configuration from a policy. Internal: no compatibility promise. */
package dev.hardwire.core.internal.tls;
