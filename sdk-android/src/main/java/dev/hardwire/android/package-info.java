/**
 * Hardwire on Android: hardened OkHttp clients that honour the app's Network Security Config
 * ({@link dev.hardwire.android.HardwireAndroid}) and a Network Security Config written from a
 * policy ({@link dev.hardwire.android.NscExport}).
 */
package dev.hardwire.android;
