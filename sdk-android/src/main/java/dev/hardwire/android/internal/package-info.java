/**
 * The Android platform facts Hardwire depends on (API level, Network Security Config, the platform
 * trust manager, Conscrypt) and every decision made from them. Internal: no compatibility promise.
 */
package dev.hardwire.android.internal;
