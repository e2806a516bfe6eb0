/**
 * The code the migration guides in {@code docs/migration/} quote, before and after, compiled with
 * the module and run by its tests. A region between {@code // snippet:NAME} and {@code //
 * end-snippet} appears verbatim in a guide, after an {@code <!-- snippet:NAME -->} comment; {@code
 * GuideSnippetsTest} fails when the two differ.
 *
 * <p>The "before" code is what the guides migrate away from, trust-all managers included: it is
 * compiled so that the guides cannot misquote it, and never called.
 */
package dev.hardwire.samples.migration;
