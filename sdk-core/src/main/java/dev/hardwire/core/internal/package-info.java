/**
 * Hardwire's implementation, one package per concern. Internal: no compatibility promise between
 * releases (like {@code okhttp3.internal}); applications use {@code dev.hardwire.core} only.
 */
package dev.hardwire.core.internal;
