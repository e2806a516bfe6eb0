package dev.hardwire.audit.check;

/**
 * Something {@code check} found wrong with an endpoint.
 *
 * @param finding true for a problem that fails the check (cleartext served, old TLS, bad
 *     chain), false for a warning (a redirect from http, no HSTS, expiry soon)
 * @param text what is wrong and what to do
 */
public record Problem(boolean finding, String text) {
}
