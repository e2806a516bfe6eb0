/**
 * How policy files are read, checked, written and linted. Internal: no compatibility promise
 * between releases (like {@code okhttp3.internal}); applications use {@code dev.hardwire.config}
 * only.
 */
package dev.hardwire.config.internal;
