/**
 * How the recipes in {@code dev.hardwire.migrate} find what they change: type stubs for templates,
 * trust-all detection, builder chains, the policy expression. Internal: no compatibility promise.
 */
package dev.hardwire.migrate.internal;
